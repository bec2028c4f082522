#include "MeetingTemplate.h"

#include "PipKinds.h"

#include <QJsonObject>

namespace pt::core::pip {

QStringList meetingTypes()
{
    return {QLatin1String(MeetingDelivery), QLatin1String(MeetingOneOnOne), QLatin1String(MeetingOther)};
}

QStringList meetingQuestions(const QString& type)
{
    if (type == QLatin1String(MeetingDelivery))
        return {QStringLiteral("How will success on each goal be measured?"),
                QStringLiteral("Who decides whether each goal is met?"),
                QStringLiteral("Are the goals realistic in the time given, alongside my other work?"),
                QStringLiteral("What support, training or resources will I have?"),
                QStringLiteral("How often will we meet to review progress, and will feedback be in writing?"),
                QStringLiteral("What happens at the end of the plan?")};
    if (type == QLatin1String(MeetingOneOnOne))
        return {QStringLiteral("If the PIP ended today, would I have a job tomorrow?"),
                QStringLiteral("Which goal am I furthest from, and what would close the gap?"),
                QStringLiteral("Is anything I am doing not counting towards the plan?")};
    return {};
}

QJsonArray questionsField(const QStringList& questions)
{
    QJsonArray array;
    for (const QString& q : questions)
        array.append(QJsonObject{{QLatin1String(field::Question), q}, {QLatin1String(field::Answer), QString()}});
    return array;
}

} // namespace pt::core::pip
