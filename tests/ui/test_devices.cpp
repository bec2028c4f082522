// The device list in Settings: the laptop and this phone, by name, with their last sync; revoking
// the laptop (as if it were lost) says what revoking does not do, marks it revoked, and once
// synced the laptop can write no more.
#include <catch2/catch.hpp>

#include "UiDriver.h"
#include "sync/FolderRemote.h"
#include "sync/Link.h"
#include "sync/RemoteSettings.h"
#include "sync/Synchronizer.h"

#include <QDir>
#include <QTemporaryDir>

using namespace pt::uitest;
using namespace pt::core;

namespace {
void useConfig(const QString& dir) { qputenv("XDG_CONFIG_HOME", dir.toLocal8Bit()); }
} // namespace

TEST_CASE("Devices: the list names each device and revoking one refuses what it writes next", "[ui][sync][devices]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QByteArray savedConfig = qgetenv("XDG_CONFIG_HOME");
    const QString remoteDir = tmp.filePath(QStringLiteral("shared-folder"));
    const QString laptopConfig = tmp.filePath(QStringLiteral("laptop-config"));
    const QString phoneConfig = tmp.filePath(QStringLiteral("phone-config"));
    REQUIRE(QDir().mkpath(remoteDir));
    sync::FolderRemote remote(remoteDir);
    const auto syncLaptop = [&](Vault& laptop) {
        useConfig(laptopConfig);
        return sync::syncNow(laptop, remote, sync::SyncCache(laptopConfig + QStringLiteral("/cache.json")),
                             QStringLiteral("Home laptop"));
    };

    useConfig(laptopConfig);
    const QByteArray passphrase = Passphrase.toUtf8();
    auto laptop = Vault::create(tmp.filePath(QStringLiteral("laptop")), bytesOf(passphrase), FastKdf, nullptr);
    REQUIRE(laptop.ok());
    EntryDraft draft;
    draft.title = QStringLiteral("Written on the laptop");
    REQUIRE((*laptop)->journal().add(draft).ok());
    REQUIRE(syncLaptop(**laptop).ok());

    // The phone: linked, with the folder as its remote, then opened in the app.
    useConfig(phoneConfig);
    const QString phoneDir = tmp.filePath(QStringLiteral("phone"));
    const QString vaultId = (*laptop)->header().vaultId;
    {
        auto header = sync::vaultHeaderOn(remote, vaultId);
        REQUIRE(header.ok());
        auto linked = Vault::link(phoneDir, *header,
                                  {CurrentSecret::Kind::Passphrase, pt::crypto::SecureBytes::copyOf(bytesOf(passphrase))});
        REQUIRE(linked.ok());
        REQUIRE(sync::RemoteSettings{remoteDir, {}, {}}.save(vaultId).ok());
    }
    {
        Ui ui(phoneDir);
        ui.unlockWithPassphrase();
        ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
        ui.waitPage("SettingsPage");
        REQUIRE(waitFor([&] { return ui.controller().vault()->journal().count() == 1; }, 20000)); // synced soon after unlock
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Show devices"));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Home laptop"), 20000));
        const auto thisDevice = ui.all("QQuickLabel", [](QQuickItem* l) {
            return l->property("text").toString().endsWith(QLatin1String(" (this device)"));
        });
        CHECK(thisDevice.size() == 1);
        CHECK(ui.all("QQuickLabel", [](QQuickItem* l) {
                   return l->property("text").toString().startsWith(QLatin1String("Last synced "));
               }).size() == 1); // the laptop; the phone has written nothing yet
        CHECK(ui.named("QQuickAbstractButton", QStringLiteral("Revoke ") + thisDevice.value(0)->property("text").toString().chopped(14)) == nullptr);

        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Revoke Home laptop"));
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Your other devices will refuse anything it writes from now on; what it wrote before stays. It still holds the vault's key, so it can still read what it has and what is on your sync storage. Changing your passphrase does not change that key.")));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Revoke"));
        ui.settle();
        CHECK(ui.all("QQuickLabel", [](QQuickItem* l) {
                   return l->property("text").toString().startsWith(QLatin1String("Revoked "));
               }).size() == 1);
        CHECK(ui.named("QQuickAbstractButton", QStringLiteral("Revoke Home laptop")) == nullptr);
        // Synced a few seconds after the change: the revocation reaches the remote.
        const QString phoneId = ui.controller().vault()->deviceId();
        REQUIRE(waitFor([&] {
            return QFile::exists(remoteDir + QStringLiteral("/papertrail/") + vaultId + QStringLiteral("/heads/") + phoneId);
        }, 30000));
        PT_CHECK_NO_QML_WARNINGS();
    }

    REQUIRE(syncLaptop(**laptop).ok());
    auto refused = (*laptop)->journal().add(draft);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("was revoked by device")));
    qputenv("XDG_CONFIG_HOME", savedConfig);
}
