// The sync commands: remote set / show, sync, link (docs/CLI.md, "Sync").
#include "Cli.h"

#include "PassphraseSource.h"
#include "TerminalText.h"
#include "platform/KeychainSecretStore.h"
#include "sync/DeviceRegistration.h"
#include "sync/Link.h"
#include "sync/RemoteSettings.h"
#include "sync/Synchronizer.h"
#include "sync/WebDavRemote.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pt::cli {

using namespace pt::core;
using namespace pt::core::sync;

Result<QString> Cli::remotePassword(const QString& vaultId, const RemoteSettings& settings) const
{
    if (settings.isFolder())
        return QString();
    platform::KeychainSecretStore keychain(KeychainService, std::chrono::seconds(10));
    const platform::SecretResult read = keychain.readBlocking(RemoteSettings::keychainKey(vaultId));
    if (!read.ok())
        return failed(QStringLiteral("The app password for %1 is not in the keychain (%2). Set it again with "
                                     "'papertrail-cli remote set %1 --user USER --password-file FILE'.")
                          .arg(settings.location, read.message));
    return QString::fromUtf8(reinterpret_cast<const char*>(read.secret.data()), qsizetype(read.secret.size()));
}

namespace {

// A certificate fingerprint as typed: 64 hex digits, with or without colons and spaces, as
// 'openssl x509 -noout -fingerprint -sha256' and Paper Trail's own refusal print it. Kept as
// "AB:CD:...", the form the app pins.
Result<QString> fingerprintFrom(const QString& typed)
{
    QString hex = typed.trimmed();
    if (hex.startsWith(QLatin1String("sha256 Fingerprint="), Qt::CaseInsensitive))
        hex = hex.section(QLatin1Char('='), 1);
    hex.remove(QLatin1Char(':')).remove(QLatin1Char(' '));
    const QByteArray digest = QByteArray::fromHex(hex.toLatin1());
    if (digest.size() != 32 || digest.toHex() != hex.toLower().toLatin1())
        return usage(QStringLiteral("'%1' is not a SHA-256 certificate fingerprint (64 hex digits, as "
                                    "'openssl x509 -noout -fingerprint -sha256' prints it).")
                         .arg(terminalLine(typed)));
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

// A sync refused for the server's certificate: the refusal names its fingerprint; say how to
// trust it once the person compared it with the server's.
Error withTrustHint(Error error, const Remote& remote)
{
    const auto* dav = dynamic_cast<const WebDavRemote*>(&remote);
    if (!dav || dav->refusedCertificateSha256().isEmpty())
        return error;
    error.message += QStringLiteral(" If it is the fingerprint the server shows ('openssl x509 -noout -fingerprint "
                                    "-sha256' on its certificate), trust it with 'papertrail-cli remote trust %1'.")
                         .arg(dav->refusedCertificateSha256());
    return error;
}

} // namespace

Result<RemoteSettings> Cli::remoteSettingsFromArguments(const QString& typed, const QString& vaultId)
{
    auto location = RemoteSettings::normalise(typed);
    if (!location)
        return location.error();
    RemoteSettings settings{*location, m_parser.value(QStringLiteral("user")), {}};
    if (settings.isFolder())
        return settings;
    if (m_parser.isSet(QStringLiteral("certificate"))) {
        auto pinned = fingerprintFrom(m_parser.value(QStringLiteral("certificate")));
        if (!pinned)
            return pinned.error();
        settings.pinnedCertificate = *pinned;
    } else if (auto before = RemoteSettings::load(vaultId); before && before->location == settings.location) {
        settings.pinnedCertificate = before->pinnedCertificate; // the same server keeps its pin
    }
    if (!m_parser.isSet(QStringLiteral("password-file")))
        return usage(QStringLiteral("A WebDAV remote needs --user and --password-file FILE (an app password made "
                                    "for Paper Trail on the server)."));
    QString error;
    auto password = passphraseFromFile(m_parser.value(QStringLiteral("password-file")), &error);
    if (!password)
        return failed(error);
    platform::KeychainSecretStore keychain(KeychainService, std::chrono::seconds(10));
    const platform::SecretResult written = keychain.writeBlocking(RemoteSettings::keychainKey(vaultId), password->view());
    if (!written.ok())
        return failed(QStringLiteral("Could not keep the app password in the keychain: %1").arg(written.message));
    return settings;
}

int Cli::remote()
{
    const QString sub = m_args.value(0);
    auto vault = Vault::open(vaultDir());
    if (!vault)
        return fail(vault.error());
    const QString vaultId = (*vault)->header().vaultId;
    if (sub == QLatin1String("set")) {
        if (m_args.size() != 2)
            return usageError(QStringLiteral("'remote set' takes a folder or a WebDAV URL."));
        auto settings = remoteSettingsFromArguments(m_args.at(1), vaultId);
        if (!settings)
            return fail(settings.error());
        if (Status s = settings->save(vaultId); !s)
            return fail(s.error());
        print(QStringLiteral("This vault now syncs with %1. Run 'papertrail-cli sync'.\n").arg(settings->location));
        return 0;
    }
    if (sub == QLatin1String("show")) {
        if (m_args.size() != 1)
            return usageError(QStringLiteral("'remote show' takes no more arguments."));
        auto settings = RemoteSettings::load(vaultId);
        if (!settings)
            return fail(settings.error());
        if (m_parser.isSet(QStringLiteral("json"))) {
            printJson(QJsonObject{{QStringLiteral("location"), settings->location},
                                  {QStringLiteral("user"), settings->user},
                                  {QStringLiteral("certificate"), settings->pinnedCertificate},
                                  {QStringLiteral("kind"), settings->isEmpty() ? QString()
                                                           : settings->isFolder() ? QStringLiteral("folder")
                                                                                  : QStringLiteral("webdav")}});
            return 0;
        }
        if (settings->isEmpty()) {
            print(QStringLiteral("No sync remote is set. Set one with 'papertrail-cli remote set FOLDER-OR-URL'.\n"));
            return 0;
        }
        print(QStringLiteral("Remote: %1\n").arg(terminalLine(settings->location)));
        if (!settings->user.isEmpty())
            print(QStringLiteral("User: %1\n").arg(terminalLine(settings->user)));
        if (!settings->pinnedCertificate.isEmpty())
            print(QStringLiteral("Trusted certificate: %1\n").arg(settings->pinnedCertificate));
        return 0;
    }
    if (sub == QLatin1String("trust")) {
        if (m_args.size() != 2)
            return usageError(QStringLiteral("'remote trust' takes the certificate's SHA-256 fingerprint."));
        auto pinned = fingerprintFrom(m_args.at(1));
        if (!pinned)
            return fail(pinned.error());
        auto settings = RemoteSettings::load(vaultId);
        if (!settings)
            return fail(settings.error());
        if (settings->isEmpty() || !settings->location.startsWith(QLatin1String("https://")))
            return fail(usage(QStringLiteral("Only an https:// remote has a certificate to trust. Set one with "
                                             "'papertrail-cli remote set URL --user USER --password-file FILE'.")));
        settings->pinnedCertificate = *pinned;
        if (Status s = settings->save(vaultId); !s)
            return fail(s.error());
        print(QStringLiteral("This vault now trusts the certificate %1 at %2, and no other there. Run "
                             "'papertrail-cli sync'.\n")
                  .arg(*pinned, terminalLine(settings->location)));
        return 0;
    }
    return usageError(QStringLiteral("'remote' takes 'set LOCATION', 'show' or 'trust FINGERPRINT'."));
}

Result<std::unique_ptr<Remote>> Cli::configuredRemote(const QString& vaultId, RemoteSettings* settingsOut) const
{
    auto settings = RemoteSettings::load(vaultId);
    if (!settings)
        return settings.error();
    auto password = remotePassword(vaultId, *settings);
    if (!password)
        return password.error();
    if (settingsOut)
        *settingsOut = *settings;
    return openRemote(*settings, *password);
}

int Cli::sync()
{
    auto vault = openUnlocked();
    if (!vault)
        return fail(vault.error());
    const QString vaultId = (*vault)->header().vaultId;
    RemoteSettings settings;
    auto remote = configuredRemote(vaultId, &settings);
    if (!remote)
        return fail(remote.error());
    auto report = syncNow(**vault, **remote, SyncCache::forVault(vaultId), thisDeviceName(QStringLiteral("papertrail-cli")));
    if (!report)
        return fail(withTrustHint(report.error(), **remote));
    if (m_parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{
            {QStringLiteral("requests"), report->requests},
            {QStringLiteral("records_pulled"), report->recordsPulled},
            {QStringLiteral("records_pushed"), report->recordsPushed},
            {QStringLiteral("attachments_pulled"), report->attachmentsPulled},
            {QStringLiteral("attachments_pushed"), report->attachmentsPushed},
            {QStringLiteral("bytes_pulled"), report->bytesPulled},
            {QStringLiteral("bytes_pushed"), report->bytesPushed},
            {QStringLiteral("devices_pulled"), QJsonArray::fromStringList(report->devicesPulled)},
            {QStringLiteral("devices_cut"), QJsonArray::fromStringList(report->devicesCut)},
            {QStringLiteral("former_device"), report->formerDevice},
            {QStringLiteral("records_reissued"), report->recordsReissued},
        });
        return 0;
    }
    if (report->restoredCopy)
        print(QStringLiteral("This copy of the vault was restored from a backup or copied: the remote held a log of "
                             "device %1 that this copy did not have. It took that log in and now syncs as a new "
                             "device, %2.\n")
                  .arg(report->formerDevice, (*vault)->deviceId()));
    if (report->recordsReissued > 0)
        print(QStringLiteral("%1 record(s) written on this copy as device %2 before it synced were signed again as "
                             "%3 and synced; each names where it was first signed. An entry changed here and on the "
                             "other copy keeps both versions.\n")
                  .arg(report->recordsReissued)
                  .arg(report->formerDevice, (*vault)->deviceId()));
    for (const QString& device : report->devicesCut)
        print(QStringLiteral("Device %1's head on the remote is only partly written (its upload was cut); nothing "
                             "was taken from it. It is whole again after that device syncs.\n")
                  .arg(device));
    if (report->recordsPulled == 0 && report->recordsPushed == 0)
        print(QStringLiteral("Up to date with %1 (%2 requests).\n").arg(settings.location).arg(report->requests));
    else
        print(QStringLiteral("Synced with %1: %2 records in (%3 attachments), %4 out (%5 attachments); %6 requests.\n")
                  .arg(settings.location)
                  .arg(report->recordsPulled)
                  .arg(report->attachmentsPulled)
                  .arg(report->recordsPushed)
                  .arg(report->attachmentsPushed)
                  .arg(report->requests));
    return 0;
}

int Cli::link()
{
    const QString dir = vaultDir();
    if (Vault::exists(dir))
        return fail(usage(QStringLiteral("%1 is already a vault. Pick a new folder with --vault DIR.").arg(dir)));
    // The keychain entry is named by the vault id, which is only known once the remote is read:
    // for WebDAV the password is read first and kept once the vault is linked.
    auto location = RemoteSettings::normalise(m_args.at(0));
    if (!location)
        return fail(location.error());
    RemoteSettings probe{*location, m_parser.value(QStringLiteral("user")), {}};
    if (m_parser.isSet(QStringLiteral("certificate"))) {
        auto pinned = fingerprintFrom(m_parser.value(QStringLiteral("certificate")));
        if (!pinned)
            return fail(pinned.error());
        probe.pinnedCertificate = *pinned;
    }
    QString password;
    if (!probe.isFolder()) {
        if (!m_parser.isSet(QStringLiteral("password-file")))
            return fail(usage(QStringLiteral("A WebDAV remote needs --user and --password-file FILE.")));
        QString error;
        auto p = passphraseFromFile(m_parser.value(QStringLiteral("password-file")), &error);
        if (!p)
            return fail(failed(error));
        password = QString::fromUtf8(reinterpret_cast<const char*>(p->data()), qsizetype(p->size()));
    }
    auto remote = openRemote(probe, password);
    if (!remote)
        return fail(remote.error());
    auto ids = vaultsOn(**remote);
    if (!ids)
        return fail(withTrustHint(ids.error(), **remote));
    QString vaultId = m_parser.value(QStringLiteral("vault-id"));
    if (vaultId.isEmpty()) {
        if (ids->size() > 1)
            return fail(usage(QStringLiteral("%1 holds %2 vaults (%3). Say which with --vault-id ID.")
                                  .arg(*location)
                                  .arg(ids->size())
                                  .arg(ids->join(QStringLiteral(", ")))));
        vaultId = ids->first();
    } else if (!ids->contains(vaultId)) {
        return fail(notFound(QStringLiteral("There is no vault %1 on %2.").arg(vaultId, *location)));
    }
    auto header = vaultHeaderOn(**remote, vaultId);
    if (!header)
        return fail(header.error());
    auto secret = currentSecret();
    if (!secret)
        return fail(secret.error());
    auto vault = Vault::link(dir, *header, *secret);
    if (!vault)
        return fail(vault.error());
    if (!probe.isFolder()) {
        platform::KeychainSecretStore keychain(KeychainService, std::chrono::seconds(10));
        const QByteArray utf8 = password.toUtf8();
        const platform::SecretResult written = keychain.writeBlocking(
            RemoteSettings::keychainKey(vaultId),
            {reinterpret_cast<const std::uint8_t*>(utf8.constData()), std::size_t(utf8.size())});
        if (!written.ok())
            warn(QStringLiteral("Could not keep the app password in the keychain (%1); set it again with 'remote "
                                "set'.").arg(written.message));
    }
    if (Status s = probe.save(vaultId); !s)
        return fail(s.error());
    auto report = syncNow(**vault, **remote, SyncCache::forVault(vaultId), thisDeviceName(QStringLiteral("papertrail-cli")));
    if (!report)
        return fail(Error{report.error().code,
                          QStringLiteral("The vault was linked in %1, but the first sync failed: %2 Run "
                                         "'papertrail-cli sync' to try again.")
                              .arg(dir, report.error().message)});
    print(QStringLiteral("Linked %1 to vault %2 on %3: %4 records and %5 attachments pulled. This device has its own "
                         "signing key.\n")
              .arg(dir, vaultId, *location)
              .arg(report->recordsPulled)
              .arg(report->attachmentsPulled));
    return 0;
}

} // namespace pt::cli
