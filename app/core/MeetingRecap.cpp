#include "MeetingRecap.h"

#include <QJsonArray>
#include <QLocale>

namespace pt::core {

namespace {

QStringList points(const QString& text)
{
    QStringList list;
    for (QString line : text.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        while (line.startsWith(QLatin1Char('-')) || line.startsWith(QLatin1Char('*')) || line.startsWith(u'•'))
            line = line.mid(1).trimmed();
        if (!line.isEmpty())
            list << line;
    }
    return list;
}

QString section(const QString& heading, const QStringList& items, const QString& empty)
{
    QString text = heading + QLatin1Char('\n');
    if (items.isEmpty())
        return text + QStringLiteral("- ") + empty + QStringLiteral("\n\n");
    for (const QString& item : items)
        text += QStringLiteral("- ") + item + QLatin1Char('\n');
    return text + QLatin1Char('\n');
}

} // namespace

MailDraft composeRecap(const EntryRevision& m)
{
    const QLocale c = QLocale::c();
    const QString day = c.toString(m.occurredAt.date(), QStringLiteral("dddd d MMMM yyyy"));
    const QString time = m.occurredAt.toString(QStringLiteral("HH:mm"));
    const QString title = m.title.trimmed().isEmpty() ? QStringLiteral("our meeting") : m.title.trimmed();

    QStringList attendees;
    for (const QJsonValue& v : m.fields.value(QLatin1String(meeting::Attendees)).toArray())
        if (!v.toString().trimmed().isEmpty())
            attendees << v.toString().trimmed();

    MailDraft recap;
    recap.subject = QStringLiteral("Recap: %1 (%2)").arg(title, c.toString(m.occurredAt.date(), QStringLiteral("d MMM yyyy")));
    QString body = QStringLiteral("Hi,\n\nThank you for meeting with me on %1 at %2").arg(day, time);
    if (!attendees.isEmpty())
        body += QStringLiteral(" (present: %1)").arg(attendees.join(QStringLiteral(", ")));
    body += QStringLiteral(". To make sure we have the same understanding, here is my summary.\n\n");
    body += section(QStringLiteral("What we agreed:"), points(m.fields.value(QLatin1String(meeting::Agreements)).toString()),
                    QStringLiteral("(nothing recorded)"));
    body += section(QStringLiteral("Where we did not agree:"),
                    points(m.fields.value(QLatin1String(meeting::Disagreements)).toString()), QStringLiteral("(nothing recorded)"));
    body += section(QStringLiteral("Next steps:"), points(m.fields.value(QLatin1String(meeting::ActionItems)).toString()),
                    QStringLiteral("(none recorded)"));
    body += QStringLiteral("If I have missed or misunderstood anything, please reply and let me know by the end of "
                           "tomorrow.\n\nThank you.\n");
    recap.body = body;
    return recap;
}


} // namespace pt::core
