#include "EmailEntry.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace pt::core::intake {

namespace {

constexpr qsizetype MaxFileNameChars = 80;

QJsonArray textArray(const QStringList& list)
{
    QJsonArray out;
    for (const QString& s : list)
        out.append(s);
    return out;
}

} // namespace

QString emailFileName(const MailMessage& message)
{
    // Letters, digits and a few safe marks only: the name travels into zips and file pickers on
    // every system, and a subject can hold anything (slashes, "..", control characters).
    static const QRegularExpression unsafe(QStringLiteral("[^\\p{L}\\p{N} ._()-]+"));
    QString name = message.subject.simplified();
    name.replace(unsafe, QStringLiteral("_"));
    name = name.left(MaxFileNameChars).trimmed();
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    if (name.isEmpty())
        name = QStringLiteral("message");
    return name + QStringLiteral(".eml");
}

QDateTime emailOccurredAt(const MailMessage& message, const QDateTime& fallback, bool* guessed)
{
    const bool fromHeader = message.date.isValid() && !message.dateGuessed;
    if (guessed)
        *guessed = !fromHeader;
    if (message.date.isValid())
        return message.date; // the Date, or when the first server received it
    return fallback;
}

QJsonObject emailFields(const MailMessage& message, bool dateGuessed)
{
    QJsonObject fields;
    fields.insert(QLatin1String(email::From), message.from);
    if (!message.to.isEmpty())
        fields.insert(QLatin1String(email::To), textArray(message.to));
    if (!message.cc.isEmpty())
        fields.insert(QLatin1String(email::Cc), textArray(message.cc));
    if (message.date.isValid())
        fields.insert(QLatin1String(email::Date), message.date.toString(Qt::ISODate));
    if (dateGuessed)
        fields.insert(QLatin1String(email::DateGuessed), true);
    if (!message.messageId.isEmpty())
        fields.insert(QLatin1String(email::MessageId), message.messageId);
    if (!message.inReplyTo.isEmpty())
        fields.insert(QLatin1String(email::InReplyTo), message.inReplyTo);
    if (!message.references.isEmpty())
        fields.insert(QLatin1String(email::References), textArray(message.references));
    if (!message.attachments.isEmpty()) {
        QJsonArray list;
        for (const MailAttachment& a : message.attachments)
            list.append(QJsonObject{{QStringLiteral("name"), a.fileName},
                                    {QStringLiteral("type"), a.mimeType},
                                    {QStringLiteral("size"), double(a.decodedSize)},
                                    {QStringLiteral("sha256"), a.sha256},
                                    {QStringLiteral("inline"), a.isInline},
                                    {QStringLiteral("part"), a.partIndex}});
        fields.insert(QLatin1String(email::Attachments), list);
    }
    if (!message.dkimSignatures.isEmpty()) {
        QJsonArray list;
        for (const DkimSignature& d : message.dkimSignatures)
            list.append(QJsonObject{{QStringLiteral("domain"), d.domain}, {QStringLiteral("selector"), d.selector}});
        fields.insert(QLatin1String(email::Dkim), list);
    }
    if (message.textFromHtml)
        fields.insert(QLatin1String(email::TextFromHtml), true);
    if (!message.notes.isEmpty())
        fields.insert(QLatin1String(email::ImportNotes), textArray(message.notes));
    return fields;
}

EmailIdentity emailIdentity(const EntryRevision& revision)
{
    if (revision.kind != QLatin1String(EmailKind))
        return {};
    EmailIdentity identity;
    identity.messageId = revision.fields.value(QLatin1String(email::MessageId)).toString();
    for (const AttachmentRef& a : revision.attachments)
        if (a.mime == QLatin1String(EmailMime)) {
            identity.sha256 = a.sha256;
            break;
        }
    return identity;
}

} // namespace pt::core::intake
