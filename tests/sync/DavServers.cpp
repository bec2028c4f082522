#include "DavServers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSslCertificate>

#include <grp.h>
#include <pwd.h>
#include <stdexcept>
#include <unistd.h>

namespace pt::test {

namespace {

constexpr int kStartTimeoutMs = 15'000;

[[noreturn]] void fail(const QString& what)
{
    throw std::runtime_error(what.toStdString());
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        fail(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Runs a short tool to completion (openssl, htpasswd); fails the test when it does not succeed.
void run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        fail(QStringLiteral("%1 %2 failed (is it installed? scripts/test.sh installs it): %3 %4")
                 .arg(program, arguments.join(QLatin1Char(' ')), process.errorString(),
                      QString::fromLocal8Bit(process.readAll())));
}

} // namespace

DavServer::DavServer(bool tls) : m_tls(tls)
{
    if (!m_dir.isValid())
        fail(QStringLiteral("cannot make a temporary folder: %1").arg(m_dir.errorString()));
    if (!QDir().mkpath(dataDir()))
        fail(QStringLiteral("cannot make %1").arg(dataDir()));
    if (tls)
        makeCertificate();
}

QString DavServer::certificateSha256() const
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_certificate);
    if (certificates.isEmpty())
        return {};
    return QString::fromLatin1(
        certificates.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

void DavServer::makeCertificate()
{
    m_certificate = m_dir.path() + QStringLiteral("/cert.pem");
    m_key = m_dir.path() + QStringLiteral("/key.pem");
    run(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
         QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
         QStringLiteral("-keyout"), m_key, QStringLiteral("-out"), m_certificate,
         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
         QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
         QStringLiteral("subjectAltName=IP:127.0.0.1")});
}

void DavServer::giveToServer(const QString& path) const
{
    if (m_uid < 0)
        return;
    if (::chown(QFile::encodeName(path).constData(), static_cast<uid_t>(m_uid),
                static_cast<gid_t>(m_gid)) != 0)
        fail(QStringLiteral("cannot chown %1").arg(path));
}

void DavServer::plant(const QString& relativePath, const QByteArray& bytes) const
{
    const QString path = dataDir() + QLatin1Char('/') + relativePath;
    // Make and hand over each missing folder, so the server can write into it later.
    QString folder = dataDir();
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        folder += QLatin1Char('/') + parts[i];
        if (!QFileInfo::exists(folder)) {
            if (!QDir().mkdir(folder))
                fail(QStringLiteral("cannot make %1").arg(folder));
            giveToServer(folder);
        }
    }
    writeFile(path, bytes);
    giveToServer(path);
}

std::optional<QByteArray> DavServer::stored(const QString& relativePath) const
{
    const QString path = dataDir() + QLatin1Char('/') + relativePath;
    if (!QFileInfo(path).isFile())
        return std::nullopt;
    return readFile(path);
}

// --- Apache ---------------------------------------------------------------------------------

ApacheDav::ApacheDav(bool tls) : DavServer(tls)
{
    const QString dir = m_dir.path();
    for (const char* sub : {"run", "lock"})
        if (!QDir().mkpath(dir + QLatin1Char('/') + QLatin1String(sub)))
            fail(QStringLiteral("cannot make %1/%2").arg(dir, QLatin1String(sub)));
    run(QStringLiteral("htpasswd"), {QStringLiteral("-b"), QStringLiteral("-c"),
                                     dir + QStringLiteral("/htpasswd"), user(), password()});
    if (::geteuid() == 0) {
        // Apache will not serve as root. It is started as nobody, which owns its whole folder
        // (see ServerProcess for why it does not drop privileges itself).
        const passwd* nobody = ::getpwnam("nobody");
        const group* nogroup = ::getgrnam("nogroup");
        if (!nobody || !nogroup)
            fail(QStringLiteral("no nobody/nogroup account to run Apache as"));
        m_uid = static_cast<int>(nobody->pw_uid);
        m_gid = static_cast<int>(nogroup->gr_gid);
        QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            giveToServer(it.next());
        giveToServer(dir);
    }

    // Another process may take the port between the probe and Apache's bind: try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const quint16 port = freeLoopbackPort();
        if (port != 0 && startOn(port))
            return;
    }
    fail(QStringLiteral("Apache did not start: %1\n%2")
             .arg(m_process.output(), QString::fromLocal8Bit(readFile(dir + "/error.log"))));
}

bool ApacheDav::startOn(quint16 port)
{
    const QString dir = m_dir.path();
    const QString modules = QStringLiteral("/usr/lib/apache2/modules/");
    QStringList conf;
    conf << QStringLiteral("ServerRoot \"%1\"").arg(dir)
         << QStringLiteral("Listen 127.0.0.1:%1").arg(port)
         << QStringLiteral("ServerName 127.0.0.1");
    const QStringList wanted{"mpm_event", "authn_core", "authn_file", "auth_basic", "authz_core",
                             "authz_user", "alias", "dav", "dav_fs"};
    for (const QString& module : wanted)
        conf << QStringLiteral("LoadModule %1_module %2mod_%1.so").arg(module, modules);
    if (m_tls)
        conf << QStringLiteral("LoadModule ssl_module %1mod_ssl.so").arg(modules)
             << QStringLiteral("SSLEngine on")
             << QStringLiteral("SSLCertificateFile \"%1\"").arg(m_certificate)
             << QStringLiteral("SSLCertificateKeyFile \"%1\"").arg(m_key);
    conf << QStringLiteral("PidFile \"%1/run/httpd.pid\"").arg(dir)
         << QStringLiteral("DefaultRuntimeDir \"%1/run\"").arg(dir)
         << QStringLiteral("Mutex file:%1/run default").arg(dir)
         << QStringLiteral("ErrorLog \"%1/error.log\"").arg(dir)
         << QStringLiteral("LogLevel warn")
         << QStringLiteral("LogFormat \"%m %U %>s\" pt")
         << QStringLiteral("CustomLog \"%1/access.log\" pt").arg(dir)
         << QStringLiteral("KeepAlive On")
         << QStringLiteral("DavLockDB \"%1/lock/DavLock\"").arg(dir)
         << QStringLiteral("<Directory />")
         << QStringLiteral("  Require all denied")
         << QStringLiteral("</Directory>")
         << QStringLiteral("Alias \"/dav/My Journal\" \"%1\"").arg(dataDir())
         << QStringLiteral("<Directory \"%1\">").arg(dataDir())
         << QStringLiteral("  Dav On")
         << QStringLiteral("  AuthType Basic")
         << QStringLiteral("  AuthName \"Paper Trail test\"")
         << QStringLiteral("  AuthUserFile \"%1/htpasswd\"").arg(dir)
         << QStringLiteral("  Require valid-user")
         << QStringLiteral("</Directory>");
    writeFile(dir + QStringLiteral("/httpd.conf"), conf.join(QLatin1Char('\n')).toUtf8() + '\n');
    giveToServer(dir + QStringLiteral("/httpd.conf"));

    if (!m_process.start(QStringLiteral("/usr/sbin/apache2"),
                         {QStringLiteral("-X"), QStringLiteral("-f"), dir + QStringLiteral("/httpd.conf"),
                          QStringLiteral("-d"), dir},
                         m_uid, m_gid))
        fail(m_process.output()); // not installed: no other port will help
    if (!m_process.waitForPort(port, kStartTimeoutMs)) {
        m_process.stop();
        return false;
    }
    m_rootUrl = QUrl(QStringLiteral("%1://127.0.0.1:%2/dav/My%20Journal/")
                         .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                         .arg(port));
    return true;
}

void ApacheDav::restart()
{
    if (!startOn(port()))
        fail(QStringLiteral("Apache did not start again on port %1: %2\n%3")
                 .arg(port())
                 .arg(m_process.output(), QString::fromLocal8Bit(readFile(m_dir.path() + "/error.log"))));
}

QStringList ApacheDav::accessLog() const
{
    const QString text = QString::fromUtf8(readFile(m_dir.path() + QStringLiteral("/access.log")));
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// --- rclone ---------------------------------------------------------------------------------

RcloneDav::RcloneDav(bool tls) : DavServer(tls)
{
    // Port 0: rclone binds a free port itself and prints it, so no race.
    QStringList arguments{QStringLiteral("serve"),          QStringLiteral("webdav"),
                          QStringLiteral("--addr"),         QStringLiteral("127.0.0.1:0"),
                          QStringLiteral("--user"),         user(),
                          QStringLiteral("--pass"),         password(),
                          QStringLiteral("--baseurl"),      QStringLiteral("/pt"),
                          QStringLiteral("--dir-cache-time"), QStringLiteral("0s")};
    if (m_tls)
        arguments << QStringLiteral("--cert") << m_certificate << QStringLiteral("--key") << m_key;
    arguments << dataDir();
    if (!m_process.start(QStringLiteral("rclone"), arguments))
        fail(m_process.output());
    const QRegularExpressionMatch started = m_process.waitForOutput(
        QRegularExpression(QStringLiteral("Server started on \\[?(https?://127\\.0\\.0\\.1:(\\d+)/pt/)")),
        kStartTimeoutMs);
    if (!started.hasMatch())
        fail(QStringLiteral("rclone did not start: %1").arg(m_process.output()));
    m_rootUrl = QUrl(started.captured(1));
}

} // namespace pt::test
