// "I already have a Paper Trail vault" in the real app, against real WebDAV servers on loopback
// (tests/sync/DavServers.h) and folders: a second device links from its first start and sees the
// first device's entries; two devices write while the server is down and agree once it is back;
// a wrong passphrase, a remote without a vault, a wrong app password and a server that is not
// there each say what to do and leave no vault behind; a self-signed certificate is refused
// until the person compares its fingerprint and trusts it, on the link page and in Settings.
//
// Each device has its own vault folder, config folder (XDG_CONFIG_HOME: remote settings, seen
// heads, sync cache) and keychain; only one device acts at a time. The other device is often
// the core itself, as a phone and a laptop would be two apps.
#include <catch2/catch.hpp>

#include "CertificateFingerprint.h"
#include "UiDriver.h"
#include "sync/DavServers.h"
#include "sync/FaultProxy.h"
#include "sync/DeviceLink.h"
#include "sync/FolderRemote.h"
#include "sync/Link.h"
#include "sync/RemoteSettings.h"
#include "sync/SignedHead.h"
#include "sync/Synchronizer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace pt::uitest;
using namespace pt::core;
using namespace pt::core::sync;
using State = pt::gui::VaultController::State;

namespace {

struct Device {
    QString dir;
    QString config;
    std::shared_ptr<pt::platform::MemorySecretStore> keychain = std::make_shared<pt::platform::MemorySecretStore>();

    void use() const { qputenv("XDG_CONFIG_HOME", config.toLocal8Bit()); }
};

// Puts XDG_CONFIG_HOME back as it was when the test ends.
struct ConfigGuard {
    QByteArray saved = qgetenv("XDG_CONFIG_HOME");
    ~ConfigGuard() { qputenv("XDG_CONFIG_HOME", saved); }
};

struct World {
    QTemporaryDir tmp;
    ConfigGuard guard;
    Device device(const QString& name) const
    {
        return {tmp.filePath(name), tmp.filePath(name + QStringLiteral("-config"))};
    }
    // The folders beside a device's vault folder whose names say they hold a link in progress.
    [[nodiscard]] QStringList linkLeftovers(const Device& d) const
    {
        return QDir(tmp.path()).entryList({DeviceLink::stagingPrefix(d.dir) + QLatin1Char('*')},
                                          QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    }
};

QByteArray utf8(const QString& s) { return s.toUtf8(); }

// The location a person would type for a server: its root URL as the app normalises it.
QString addressOf(const pt::test::DavServer& server)
{
    auto location = RemoteSettings::normalise(server.rootUrl().toString()); // "My Journal", as a person reads it
    REQUIRE(location.ok());
    return *location;
}

std::unique_ptr<Remote> davRemote(const pt::test::DavServer& server, const QString& pin = {})
{
    auto remote = openRemote(RemoteSettings{addressOf(server), server.user(), pin}, server.password());
    REQUIRE(remote.ok());
    return std::move(*remote);
}

void requireSynced(const Result<SyncReport>& report)
{
    INFO((report ? QString() : report.error().message));
    REQUIRE(report.ok());
}

// A device that has the vault (the core, with its own config), its entries synced to `remote`.
// `body`, when given, is each entry's body: a long one makes the records outgrow a head's tail
// (SignedHead::TailMaxBytes), so they come down in a pack of their own.
std::unique_ptr<Vault> vaultWith(const Device& d, Remote& remote, const QStringList& titles, QString* recoveryKey = nullptr,
                                 const QString& body = {})
{
    d.use();
    const QByteArray passphrase = utf8(Passphrase);
    auto vault = Vault::create(d.dir, bytesOf(passphrase), FastKdf, recoveryKey);
    REQUIRE(vault.ok());
    for (const QString& title : titles) {
        EntryDraft draft;
        draft.title = title;
        draft.body = body;
        REQUIRE((*vault)->journal().add(draft).ok());
    }
    requireSynced(syncNow(**vault, remote, SyncCache::forVault((*vault)->header().vaultId), QStringLiteral("core")));
    return std::move(*vault);
}

// The remote kept for a device as the app keeps it: settings in its config, app password in its keychain.
void keepRemote(const Device& d, const QString& vaultId, const pt::test::DavServer& server)
{
    d.use();
    REQUIRE(RemoteSettings{addressOf(server), server.user(), {}}.save(vaultId).ok());
    const QByteArray password = utf8(server.password());
    REQUIRE(d.keychain->writeBlocking(RemoteSettings::keychainKey(vaultId), bytesOf(password)).ok());
}

QStringList timelineTitles(const Ui& ui)
{
    QStringList names;
    for (QQuickItem* card : ui.all("EntryCard"))
        names << accessibleName(card);
    names.sort();
    return names;
}

QString labelStartingWith(const Ui& ui, const QString& prefix)
{
    const auto found = ui.all("QQuickLabel", [&](QQuickItem* l) { return l->property("text").toString().startsWith(prefix); });
    return found.isEmpty() ? QString() : found.first()->property("text").toString();
}

// Every visible label's text, for failure messages.
QString labelsShown(const Ui& ui)
{
    QStringList texts;
    for (QQuickItem* label : ui.all("QQuickLabel"))
        if (const QString text = label->property("text").toString(); !text.isEmpty())
            texts << text;
    return texts.join(QStringLiteral("\n  "));
}

QString waitLabelStartingWith(const Ui& ui, const QString& prefix, int ms = 20000)
{
    QString text;
    waitFor([&] { return !(text = labelStartingWith(ui, prefix)).isEmpty(); }, ms);
    INFO("no label starting with: " << prefix << "\nshown:\n  " << labelsShown(ui));
    REQUIRE_FALSE(text.isEmpty());
    return text;
}

// The create page's second path, to the link page.
void openLinkPage(Ui& ui)
{
    ui.waitPage("CreateVaultPage");
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("I already have a Paper Trail vault"));
    ui.waitPage("LinkVaultPage");
}

void findVault(Ui& ui, const QString& location, const QString& user = {}, const QString& password = {})
{
    QQuickItem* field = ui.waitNamed("QQuickTextField", QStringLiteral("Folder or WebDAV address"));
    ui.click(field);
    ui.key(Qt::Key_A, Qt::ControlModifier);
    ui.typeText(location);
    if (!user.isEmpty()) {
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("WebDAV user name")), user);
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("WebDAV app password")), password);
    }
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Find my vault"));
}

// A note written in the app; on a phone the entry it opens covers the tabs, so back to the list.
void writeNote(Ui& ui, const QString& title)
{
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
    ui.waitPage("EditorPage");
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Title")), title);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
    ui.waitPage("EntryPage");
    if (QQuickItem* back = ui.named("QQuickAbstractButton", QStringLiteral("Back")))
        ui.click(back);
}

// Settings, Sync now (once a sync the app started itself has ended), and the status it ends with;
// then back to the timeline unless `back` is false.
QString syncFromSettings(Ui& ui, const QString& expectedStart, bool back = true)
{
    ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
    ui.waitPage("SettingsPage");
    QQuickItem* button = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Sync now"));
    REQUIRE(waitFor([&] { return button->isEnabled(); }, 20000));
    ui.click(button);
    const QString status = waitLabelStartingWith(ui, expectedStart);
    if (back)
        ui.clickNamed("QQuickTabButton", QStringLiteral("Timeline"));
    return status;
}

} // namespace

TEST_CASE("Link: a second device takes the I already have a vault path over WebDAV and sees the entries", "[ui][sync][link]")
{
    World w;
    pt::test::ApacheDav server;
    const Device a = w.device(QStringLiteral("laptop"));
    const Device b = w.device(QStringLiteral("phone"));
    auto remote = davRemote(server);
    auto laptop = vaultWith(a, *remote, {QStringLiteral("1:1 with Dana"), QStringLiteral("Grade came in at 17:42")});
    const QString vaultId = laptop->header().vaultId;

    b.use();
    {
        Ui ui(b.dir, PhoneSize, b.keychain);
        REQUIRE(ui.controller().state() == State::NoVault);
        openLinkPage(ui);
        CHECK(ui.outsideWindow() == QStringList());
        // A folder field needs no user; an address does, and the fields for it appear.
        CHECK(ui.named("QQuickTextField", QStringLiteral("WebDAV app password")) == nullptr);
        findVault(ui, addressOf(server), server.user(), server.password());
        QQuickItem* secret = ui.waitNamed("QQuickTextField", QStringLiteral("Passphrase"));
        CHECK(hasSecretInputHints(secret));
        CHECK_FALSE(labelStartingWith(ui, QStringLiteral("Found your vault on ")).isEmpty());
        CHECK(ui.outsideWindow() == QStringList());
        ui.typeInto(secret, Passphrase);
        ui.key(Qt::Key_Return); // Return links, as the button does

        ui.waitPage("MainView", 20000);
        REQUIRE(ui.controller().state() == State::Unlocked);
        REQUIRE(ui.controller().vault() != nullptr);
        CHECK(ui.controller().vault()->deviceId() != laptop->deviceId()); // its own signing key
        CHECK(timelineTitles(ui) == QStringList{QStringLiteral("1:1 with Dana, Note"),
                                                 QStringLiteral("Grade came in at 17:42, Note")});
        // The remote is kept for this vault, the app password in the keychain and not in the file.
        auto kept = RemoteSettings::load(vaultId);
        REQUIRE(kept.ok());
        CHECK(kept->location == addressOf(server));
        CHECK(kept->user == server.user());
        QFile file(RemoteSettings::path(vaultId));
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK_FALSE(file.readAll().contains(utf8(server.password())));
        CHECK(b.keychain->contains(RemoteSettings::keychainKey(vaultId)));
        CHECK(w.linkLeftovers(b).isEmpty());

        // The link did not end the story: it syncs from Settings like any device.
        const QString status = syncFromSettings(ui, QStringLiteral("Synced at"));
        CHECK(status.contains(addressOf(server)));
        PT_CHECK_NO_QML_WARNINGS();
    }
}

TEST_CASE("Link: two devices write while the server is down and show the same entries once it is back", "[ui][sync][link][offline]")
{
    World w;
    pt::test::ApacheDav server;
    const Device a = w.device(QStringLiteral("laptop"));
    const Device b = w.device(QStringLiteral("phone"));
    QString vaultId;
    {
        auto remote = davRemote(server);
        auto laptop = vaultWith(a, *remote, {QStringLiteral("Before: PIP meeting")});
        vaultId = laptop->header().vaultId;
        keepRemote(a, vaultId, server);
        b.use();
        auto header = vaultHeaderOn(*remote, vaultId);
        REQUIRE(header.ok());
        auto phone = Vault::link(b.dir, *header, {CurrentSecret::Kind::Passphrase, pt::crypto::SecureBytes::copyOf(bytesOf(utf8(Passphrase)))});
        REQUIRE(phone.ok());
        requireSynced(syncNow(**phone, *remote, SyncCache::forVault(vaultId), QStringLiteral("phone")));
        keepRemote(b, vaultId, server);
    }

    server.stop();
    const auto writeOffline = [&](const Device& d, QSize size, const QString& title) {
        d.use();
        Ui ui(d.dir, size, d.keychain);
        ui.unlockWithPassphrase();
        writeNote(ui, title);
        const QString status = syncFromSettings(ui, QStringLiteral("Offline"));
        CHECK(status.contains(QStringLiteral("Your entries are safe on this device")));
        CHECK(status.contains(QStringLiteral("connection refused")));
        CHECK(ui.controller().vault()->journal().count() == 2); // nothing lost
        CHECK(ui.outsideWindow() == QStringList());
        PT_CHECK_NO_QML_WARNINGS();
    };
    writeOffline(a, DesktopSize, QStringLiteral("Laptop: written offline"));
    writeOffline(b, PhoneSize, QStringLiteral("Phone: written offline"));

    server.restart();
    const auto syncBack = [&](const Device& d, QSize size) {
        d.use();
        Ui ui(d.dir, size, d.keychain);
        ui.unlockWithPassphrase();
        syncFromSettings(ui, QStringLiteral("Synced at"));
        const QStringList titles = timelineTitles(ui);
        PT_CHECK_NO_QML_WARNINGS();
        return titles;
    };
    (void)syncBack(a, DesktopSize); // the laptop's offline entry goes up
    const QStringList onPhone = syncBack(b, PhoneSize); // the phone gets it and sends its own
    const QStringList onLaptop = syncBack(a, DesktopSize);
    const QStringList all{QStringLiteral("Before: PIP meeting, Note"), QStringLiteral("Laptop: written offline, Note"),
                          QStringLiteral("Phone: written offline, Note")};
    CHECK(onPhone == all);
    CHECK(onLaptop == all);
}

TEST_CASE("Link: the journal comes in with a progress line and Cancel keeps nothing", "[ui][sync][link]")
{
    World w;
    pt::test::ApacheDav server;
    // The pack takes a while to come: long enough to watch the progress line and cancel.
    pt::test::FaultProxy proxy{QStringLiteral("127.0.0.1"), server.port()};
    pt::test::FaultRule slow;
    slow.fault = pt::test::Fault::Delay;
    slow.method = "GET";
    slow.pathContains = QStringLiteral("/packs/");
    slow.delayMs = 1500;
    slow.times = -1;
    proxy.inject(slow);
    QUrl viaProxy = server.rootUrl();
    viaProxy.setPort(proxy.port());
    auto location = RemoteSettings::normalise(viaProxy.toString());
    REQUIRE(location.ok());
    const Device a = w.device(QStringLiteral("laptop"));
    const Device b = w.device(QStringLiteral("phone"));
    auto remote = davRemote(server);
    // A transcript longer than a head's tail: the journal comes in a pack, which the proxy slows.
    const QString transcript = QStringLiteral("She said the migration goal is not on track. ").repeated(3000);
    auto laptop = vaultWith(a, *remote, {QStringLiteral("Written on the laptop")}, nullptr, transcript);
    REQUIRE(transcript.toUtf8().size() > 2 * SignedHead::TailMaxBytes);

    b.use();
    Ui ui(b.dir, PhoneSize, b.keychain);
    openLinkPage(ui);
    findVault(ui, *location, server.user(), server.password());
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Passphrase")), Passphrase);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Link this device"));
    const QString progress = waitLabelStartingWith(ui, QStringLiteral("Downloading your journal from ") + *location);
    CHECK(progress.endsWith(QStringLiteral("so far\u2026")));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Cancel linking"));
    CHECK_FALSE(waitLabelStartingWith(ui, QStringLiteral("Linking was cancelled. Nothing was kept on this device.")).isEmpty());
    CHECK(ui.controller().state() == State::NoVault);
    CHECK_FALSE(QFileInfo::exists(b.dir));
    CHECK(w.linkLeftovers(b).isEmpty());
    CHECK_FALSE(QFileInfo::exists(RemoteSettings::path(laptop->header().vaultId)));
    CHECK_FALSE(b.keychain->contains(RemoteSettings::keychainKey(laptop->header().vaultId)));

    // Again, with the server quick: it links as if the first try never happened.
    proxy.clearFaults();
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Passphrase")), Passphrase);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Link this device"));
    ui.waitPage("MainView", 20000);
    CHECK(timelineTitles(ui) == QStringList{QStringLiteral("Written on the laptop, Note")});
    CHECK(ui.controller().vault()->rollbackFindings().isEmpty());
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Link: several vaults on a folder are offered and a wrong passphrase leaves nothing behind", "[ui][sync][link]")
{
    World w;
    const QString folder = w.tmp.filePath(QStringLiteral("Syncthing"));
    REQUIRE(QDir().mkpath(folder));
    FolderRemote remote(folder);
    QString recoveryKey;
    auto work = vaultWith(w.device(QStringLiteral("old")), remote, {QStringLiteral("Another vault")});
    auto mine = vaultWith(w.device(QStringLiteral("laptop")), remote, {QStringLiteral("The one I want")}, &recoveryKey);
    const Device b = w.device(QStringLiteral("phone"));
    b.use();

    Ui ui(b.dir, PhoneSize, b.keychain);
    openLinkPage(ui);
    findVault(ui, folder);
    REQUIRE_FALSE(waitLabelStartingWith(ui, folder + QStringLiteral(" holds 2 vaults")).isEmpty());
    QQuickItem* linkButton = ui.waitNamed("QQuickAbstractButton", QStringLiteral("Link this device"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Passphrase")), QStringLiteral("not my passphrase"));
    CHECK_FALSE(linkButton->isEnabled()); // which vault, first
    const auto choices = ui.all("QQuickRadioButton");
    REQUIRE(choices.size() == 2);
    QQuickItem* wanted = nullptr;
    for (QQuickItem* choice : choices)
        if (accessibleName(choice).endsWith(mine->header().vaultId))
            wanted = choice;
    REQUIRE(wanted != nullptr);
    CHECK(accessibleName(wanted).startsWith(QStringLiteral("Vault created ")));
    ui.click(wanted);
    REQUIRE(waitFor([&] { return linkButton->isEnabled(); }));
    ui.click(linkButton);

    const QString refusal = waitLabelStartingWith(ui, QStringLiteral("That passphrase does not open this vault."));
    CHECK(refusal.contains(QStringLiteral("recovery key")));
    CHECK(ui.controller().state() == State::NoVault);
    CHECK_FALSE(QFileInfo::exists(b.dir));
    CHECK(w.linkLeftovers(b).isEmpty());
    CHECK_FALSE(QFileInfo::exists(RemoteSettings::path(mine->header().vaultId)));

    // The recovery key opens it instead; the choice of vault is kept.
    ui.clickText("QQuickAbstractButton", QStringLiteral("Use the recovery key"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Recovery key")), recoveryKey);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Link this device"));
    ui.waitPage("MainView", 20000);
    CHECK(timelineTitles(ui) == QStringList{QStringLiteral("The one I want, Note")});
    CHECK(ui.controller().vault()->header().vaultId == mine->header().vaultId);
    CHECK(w.linkLeftovers(b).isEmpty());
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Link: no vault on the remote or a wrong app password or no server each say what to do", "[ui][sync][link]")
{
    World w;
    pt::test::ApacheDav server;
    const QString empty = w.tmp.filePath(QStringLiteral("empty-usb"));
    REQUIRE(QDir().mkpath(empty));
    const Device b = w.device(QStringLiteral("phone"));
    b.use();

    Ui ui(b.dir, PhoneSize, b.keychain);
    openLinkPage(ui);

    findVault(ui, empty);
    const QString none = waitLabelStartingWith(ui, QStringLiteral("There is no Paper Trail vault in ") + empty);
    CHECK(none.contains(QStringLiteral("On the device that has your vault, open Settings")));

    findVault(ui, w.tmp.filePath(QStringLiteral("no-such-folder")));
    CHECK(waitLabelStartingWith(ui, w.tmp.filePath(QStringLiteral("no-such-folder")) + QStringLiteral(" is not a folder here."))
              .contains(QStringLiteral("WebDAV address")));

    // The right server with a wrong app password: 401, in words, without pointing elsewhere.
    findVault(ui, addressOf(server), server.user(), QStringLiteral("wrong password"));
    const QString refused = waitLabelStartingWith(ui, QStringLiteral("The server at "));
    CHECK(refused.contains(QStringLiteral("refused the user name or app password (401)")));
    CHECK_FALSE(refused.contains(QStringLiteral("Sync settings")));

    // The same server with nothing on it yet.
    ui.click(ui.waitNamed("QQuickTextField", QStringLiteral("WebDAV app password")));
    ui.key(Qt::Key_A, Qt::ControlModifier);
    ui.typeText(server.password());
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Find my vault"));
    CHECK_FALSE(waitLabelStartingWith(ui, QStringLiteral("There is no Paper Trail vault in ") + addressOf(server)).isEmpty());

    // A server that is not there.
    const quint16 port = pt::test::freeLoopbackPort();
    const QString gone = QStringLiteral("http://127.0.0.1:%1/dav").arg(port);
    findVault(ui, gone);
    CHECK(waitLabelStartingWith(ui, QStringLiteral("Could not reach ") + gone)
              .contains(QStringLiteral("that the server is running")));

    CHECK(ui.controller().state() == State::NoVault);
    CHECK_FALSE(QFileInfo::exists(b.dir));
    CHECK(w.linkLeftovers(b).isEmpty());
    CHECK(ui.outsideWindow() == QStringList());
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Link: a self-signed certificate is refused with its fingerprint until the person trusts it", "[ui][sync][link][tls]")
{
    World w;
    pt::test::ApacheDav server(true);
    const QString fingerprint = server.certificateSha256();
    REQUIRE_FALSE(fingerprint.isEmpty());
    const Device a = w.device(QStringLiteral("laptop"));
    const Device b = w.device(QStringLiteral("phone"));
    auto remote = davRemote(server, fingerprint);
    auto laptop = vaultWith(a, *remote, {QStringLiteral("Written behind a self-signed certificate")});
    const QString vaultId = laptop->header().vaultId;
    REQUIRE(addressOf(server).startsWith(QStringLiteral("https://")));

    b.use();
    Ui ui(b.dir, DesktopSize, b.keychain);
    openLinkPage(ui);
    findVault(ui, addressOf(server), server.user(), server.password());

    // Refused first: the fingerprint to compare, grouped, in a fixed-width font; nothing listed.
    QQuickItem* shown = nullptr;
    REQUIRE(waitFor([&] {
        shown = ui.all("QQuickLabel", [](QQuickItem* l) { return l->objectName() == QLatin1String("certificateFingerprint"); }).value(0);
        return shown != nullptr;
    }, 20000));
    CHECK(shown->property("text").toString() == pt::gui::readableFingerprint(fingerprint));
    CHECK(shown->property("text").toString().split(QLatin1Char('\n')).size() == 4);
    CHECK(shown->property("textFormat").toInt() == Qt::PlainText);
    CHECK(shown->property("font").value<QFont>().family().contains(QStringLiteral("Mono"), Qt::CaseInsensitive));
    CHECK(ui.named("QQuickTextField", QStringLiteral("Passphrase")) == nullptr);
    CHECK(ui.withText("QQuickLabel", QStringLiteral("Check the server's certificate")) != nullptr);
    CHECK(waitFor([&] { return ui.outsideWindow().isEmpty(); }, 3000));
    CHECK(ui.outsideWindow() == QStringList());

    // Trusted: found, linked, and the pin kept with the remote.
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Trust this certificate"));
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Passphrase"), 20000), Passphrase);
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Link this device"));
    ui.waitPage("MainView", 20000);
    CHECK(timelineTitles(ui) == QStringList{QStringLiteral("Written behind a self-signed certificate, Note")});
    auto kept = RemoteSettings::load(vaultId);
    REQUIRE(kept.ok());
    CHECK(kept->pinnedCertificate == fingerprint);
    syncFromSettings(ui, QStringLiteral("Synced at"));
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Sync settings: an untrusted certificate is shown to compare then pinned and a changed one refused", "[ui][sync][tls]")
{
    World w;
    pt::test::RcloneDav server(true);
    const QString fingerprint = server.certificateSha256();
    const Device d = w.device(QStringLiteral("laptop"));
    d.use();
    makeVault(d.dir);

    QString vaultId;
    {
        Ui ui(d.dir, PhoneSize, d.keychain);
        ui.unlockWithPassphrase();
        vaultId = ui.controller().vault()->header().vaultId;
        ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
        ui.waitPage("SettingsPage");
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Sync folder or WebDAV address")), addressOf(server));
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("WebDAV user name")), server.user());
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("WebDAV app password")), server.password());
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Sync with this folder or server"));

        CHECK_FALSE(waitLabelStartingWith(ui, QStringLiteral("Not synced: the server's certificate is not one this device trusts.")).isEmpty());
        QQuickItem* shown = ui.all("QQuickLabel", [](QQuickItem* l) { return l->objectName() == QLatin1String("certificateFingerprint"); }).value(0);
        REQUIRE(shown != nullptr);
        CHECK(shown->property("text").toString() == pt::gui::readableFingerprint(fingerprint));
        auto before = RemoteSettings::load(vaultId);
        REQUIRE(before.ok());
        CHECK(before->pinnedCertificate.isEmpty()); // never trusted without the person
        // Laid out in the frame after it appeared.
        CHECK(waitFor([&] { return ui.outsideWindow().isEmpty(); }, 3000));
        CHECK(ui.outsideWindow() == QStringList());

        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Trust this certificate"));
        CHECK_FALSE(waitLabelStartingWith(ui, QStringLiteral("Synced at")).isEmpty());
        CHECK(ui.all("QQuickLabel", [](QQuickItem* l) { return l->objectName() == QLatin1String("certificateFingerprint"); }).isEmpty());
        auto pinned = RemoteSettings::load(vaultId);
        REQUIRE(pinned.ok());
        CHECK(pinned->pinnedCertificate == fingerprint);
        PT_CHECK_NO_QML_WARNINGS();
    }

    // The server now shows a certificate other than the pinned one: refused, and said to be so.
    auto settings = RemoteSettings::load(vaultId);
    REQUIRE(settings.ok());
    settings->pinnedCertificate = (fingerprint.startsWith(QLatin1String("AA")) ? QStringLiteral("BB") : QStringLiteral("AA")) +
                                  fingerprint.mid(2);
    REQUIRE(settings->save(vaultId).ok());
    {
        Ui ui(d.dir, PhoneSize, d.keychain);
        ui.unlockWithPassphrase();
        CHECK_FALSE(syncFromSettings(ui, QStringLiteral("Sync stopped: the server's certificate is not the one you trusted."),
                                     false).isEmpty());
        CHECK(ui.withText("QQuickLabel", QStringLiteral("This is not the certificate you trusted")) != nullptr);
        auto still = RemoteSettings::load(vaultId);
        REQUIRE(still.ok());
        CHECK(still->pinnedCertificate == settings->pinnedCertificate);
        PT_CHECK_NO_QML_WARNINGS();
    }
}
