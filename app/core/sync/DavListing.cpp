#include "DavListing.h"

#include "HttpDate.h"

#include <QSet>
#include <QXmlStreamReader>

namespace pt::core::sync {

namespace {

const QString kDav = QStringLiteral("DAV:");
// An ETag is an opaque token of a few dozen characters; a longer one is not worth keeping.
constexpr qsizetype kMaxEtagLength = 256;

struct Entry {
    QString href;
    bool hasHref = false;
    bool failed = false; // a response-level status that is not 2xx
    bool collection = false;
    qint64 size = -1;
    QString etag;
    QDateTime modified;
};

bool isDav(const QXmlStreamReader& xml, QLatin1String name)
{
    return xml.namespaceUri() == kDav && xml.name() == name;
}

// "HTTP/1.1 200 OK" -> 200; 0 when unreadable.
int statusCode(const QString& statusLine)
{
    const QStringList parts = statusLine.simplified().split(QLatin1Char(' '));
    if (parts.size() < 2 || !parts[0].startsWith(QLatin1String("HTTP/")))
        return 0;
    bool ok = false;
    const int code = parts[1].toInt(&ok);
    return ok ? code : 0;
}

struct Props {
    bool collection = false;
    qint64 size = -1;
    QString etag;
    QDateTime modified;
};

void readProp(QXmlStreamReader& xml, Props& props)
{
    while (xml.readNextStartElement()) {
        if (isDav(xml, QLatin1String("resourcetype"))) {
            while (xml.readNextStartElement()) {
                if (isDav(xml, QLatin1String("collection")))
                    props.collection = true;
                xml.skipCurrentElement();
            }
        } else if (isDav(xml, QLatin1String("getcontentlength"))) {
            bool ok = false;
            const qint64 size =
                xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed().toLongLong(&ok);
            if (ok && size >= 0)
                props.size = size;
        } else if (isDav(xml, QLatin1String("getetag"))) {
            const QString etag = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            if (etag.size() <= kMaxEtagLength)
                props.etag = etag;
        } else if (isDav(xml, QLatin1String("getlastmodified"))) {
            props.modified = parseHttpDate(xml.readElementText(QXmlStreamReader::SkipChildElements));
        } else {
            xml.skipCurrentElement();
        }
    }
}

void readPropstat(QXmlStreamReader& xml, Entry& entry)
{
    Props props;
    int status = 0;
    while (xml.readNextStartElement()) {
        if (isDav(xml, QLatin1String("prop")))
            readProp(xml, props);
        else if (isDav(xml, QLatin1String("status")))
            status = statusCode(xml.readElementText(QXmlStreamReader::SkipChildElements));
        else
            xml.skipCurrentElement();
    }
    // A propstat says which properties the server has (200) and which it has not (404): only
    // the former describe the file.
    if (status < 200 || status > 299)
        return;
    entry.collection = entry.collection || props.collection;
    if (props.size >= 0)
        entry.size = props.size;
    if (!props.etag.isEmpty())
        entry.etag = props.etag;
    if (props.modified.isValid())
        entry.modified = props.modified;
}

Entry readResponse(QXmlStreamReader& xml)
{
    Entry entry;
    while (xml.readNextStartElement()) {
        if (isDav(xml, QLatin1String("href"))) {
            const QString href = xml.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
            if (!entry.hasHref) {
                entry.href = href;
                entry.hasHref = true;
            }
        } else if (isDav(xml, QLatin1String("propstat"))) {
            readPropstat(xml, entry);
        } else if (isDav(xml, QLatin1String("status"))) {
            const int status = statusCode(xml.readElementText(QXmlStreamReader::SkipChildElements));
            entry.failed = status < 200 || status > 299;
        } else {
            xml.skipCurrentElement();
        }
    }
    return entry;
}

QString serverOf(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery |
                               QUrl::RemoveFragment);
}

} // namespace

Result<QList<RemoteFile>> parseDavListing(const QByteArray& xmlBytes, const QUrl& folderUrl)
{
    const QString server = serverOf(folderUrl);
    const auto unreadable = [&](const QString& why) {
        return damaged(QStringLiteral("The server at %1 sent a folder listing Paper Trail cannot "
                                      "read (%2). Check that the address in Sync settings is a "
                                      "WebDAV folder.")
                           .arg(server, why));
    };

    QString folderPath = folderUrl.path(QUrl::FullyDecoded);
    if (!folderPath.endsWith(QLatin1Char('/')))
        folderPath += QLatin1Char('/');
    // Hrefs resolve against the folder itself, so a relative "name" means folder/name.
    QUrl base = folderUrl;
    base.setPath(folderPath, QUrl::DecodedMode);

    QList<RemoteFile> files;
    QSet<QString> seen;
    bool sawFolder = false;
    bool sawRoot = false;
    int elsewhere = 0;

    QXmlStreamReader xml(xmlBytes);
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::DTD)
            return unreadable(QStringLiteral("it declares a document type"));
        if (token == QXmlStreamReader::EntityReference)
            return unreadable(QStringLiteral("it uses an entity"));
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (!sawRoot) {
            if (!isDav(xml, QLatin1String("multistatus")))
                return unreadable(QStringLiteral("it is not a WebDAV multistatus"));
            sawRoot = true;
            continue;
        }
        if (!isDav(xml, QLatin1String("response"))) {
            xml.skipCurrentElement();
            continue;
        }
        const Entry entry = readResponse(xml);
        if (xml.hasError())
            break;
        if (!entry.hasHref || entry.failed)
            continue;

        const QUrl resolved = base.resolved(QUrl(entry.href, QUrl::TolerantMode));
        const QString path = resolved.path(QUrl::FullyDecoded);
        if (!path.startsWith(folderPath)) {
            ++elsewhere;
            continue;
        }
        QString name = path.mid(folderPath.size());
        const bool trailingSlash = name.endsWith(QLatin1Char('/'));
        if (trailingSlash)
            name.chop(1);
        if (name.isEmpty()) {
            sawFolder = true;
            continue;
        }
        if (name.contains(QLatin1Char('/'))) {
            ++elsewhere; // deeper than one level: a server that answered as if Depth were infinity
            continue;
        }
        if (entry.collection || trailingSlash || !isSafeRemotePath(name) || seen.contains(name))
            continue;
        seen.insert(name);
        files.append(RemoteFile{name, entry.size, entry.etag, entry.modified});
    }
    // A listing that stops mid-way was cut off on its way (a dropped connection, a proxy), not
    // written wrong: the next try reads it whole.
    if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError && !xmlBytes.trimmed().isEmpty())
        return Error{ErrorCode::Failed,
                     QStringLiteral("The folder listing from %1 was cut short on its way; Paper Trail will "
                                    "try again.")
                         .arg(server),
                     true};
    if (xml.hasError())
        return unreadable(QStringLiteral("%1 at line %2").arg(xml.errorString(), QString::number(xml.lineNumber())));
    if (!sawRoot)
        return unreadable(QStringLiteral("it is empty"));
    // Entries only for other folders: the server described something else than what was asked
    // (a rewriting proxy, a wrong base path). An empty answer here would read as "no files".
    if (!sawFolder && files.isEmpty() && elsewhere > 0)
        return unreadable(QStringLiteral("it lists another folder than %1").arg(folderPath));
    return files;
}

} // namespace pt::core::sync
