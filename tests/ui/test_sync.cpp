// Sync in the app: a phone linked to the laptop's vault sets the shared folder in Settings,
// syncs, sees the laptop's entry in its timeline, writes one of its own, and the laptop gets it.
// The laptop is the core (another device with its own config folder); the phone is the real app.
#include <catch2/catch.hpp>

#include "UiDriver.h"
#include "sync/FolderRemote.h"
#include "sync/Link.h"
#include "sync/SyncController.h"
#include "sync/Synchronizer.h"

#include <QDir>
#include <QTemporaryDir>

using namespace pt::uitest;
using namespace pt::core;

namespace {

// Each device has its own config folder (seen heads, sync cache, remote settings).
void useConfig(const QString& dir) { qputenv("XDG_CONFIG_HOME", dir.toLocal8Bit()); }

} // namespace

TEST_CASE("Sync: the phone syncs through a folder set in Settings and both see one journal", "[ui][sync]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QByteArray savedConfig = qgetenv("XDG_CONFIG_HOME");
    const QString remoteDir = tmp.filePath(QStringLiteral("shared-folder"));
    const QString laptopConfig = tmp.filePath(QStringLiteral("laptop-config"));
    const QString phoneConfig = tmp.filePath(QStringLiteral("phone-config"));
    REQUIRE(QDir().mkpath(remoteDir));
    sync::FolderRemote remote(remoteDir);

    // The laptop: a vault with an entry, synced to the folder.
    useConfig(laptopConfig);
    const QString laptopDir = tmp.filePath(QStringLiteral("laptop"));
    const QByteArray passphrase = Passphrase.toUtf8();
    auto laptop = Vault::create(laptopDir, bytesOf(passphrase), FastKdf, nullptr);
    REQUIRE(laptop.ok());
    EntryDraft draft;
    draft.title = QStringLiteral("Written on the laptop");
    REQUIRE((*laptop)->journal().add(draft).ok());
    REQUIRE(sync::syncNow(**laptop, remote, sync::SyncCache(laptopConfig + QStringLiteral("/cache.json")),
                          QStringLiteral("laptop")).ok());

    // The phone: linked to the same vault (its own device), then opened in the app.
    useConfig(phoneConfig);
    const QString phoneDir = tmp.filePath(QStringLiteral("phone"));
    {
        auto header = sync::vaultHeaderOn(remote, (*laptop)->header().vaultId);
        REQUIRE(header.ok());
        auto linked = Vault::link(phoneDir, *header,
                                  {CurrentSecret::Kind::Passphrase, pt::crypto::SecureBytes::copyOf(bytesOf(passphrase))});
        REQUIRE(linked.ok());
    }
    {
        Ui ui(phoneDir);
        ui.unlockWithPassphrase();
        ui.clickNamed("QQuickTabButton", QStringLiteral("Settings"));
        ui.waitPage("SettingsPage");
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("Not synced: this vault is only on this device. Choose a folder "
                                                         "or a WebDAV server you own to keep a copy and use it on another "
                                                         "device.")));
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Sync folder or WebDAV address")), remoteDir);
        CHECK(ui.named("QQuickTextField", QStringLiteral("WebDAV app password")) == nullptr); // a folder needs none
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Sync with this folder or server"));
        QQuickItem* status = nullptr;
        REQUIRE(waitFor([&] {
            status = ui.all("QQuickLabel", [](QQuickItem* l) {
                return l->property("text").toString().startsWith(QLatin1String("Synced at"));
            }).value(0);
            return status != nullptr;
        }, 20000));
        CHECK(status->property("text").toString().contains(QLatin1String("1 new from other devices")));

        ui.clickNamed("QQuickTabButton", QStringLiteral("Timeline"));
        ui.click(ui.waitNamed("EntryCard", QStringLiteral("Written on the laptop, Note")));
        ui.waitPage("EntryPage");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));

        // Written on the phone: synced a few seconds after it is saved.
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
        ui.waitPage("EditorPage");
        ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Title")), QStringLiteral("Written on the phone"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
        ui.waitPage("EntryPage");
        REQUIRE(waitFor([&] {
            return QDir(remoteDir + QStringLiteral("/papertrail/") + (*laptop)->header().vaultId + QStringLiteral("/heads"))
                           .entryList(QDir::Files)
                           .size() == 2;
        }, 30000));
        PT_CHECK_NO_QML_WARNINGS();
    }

    useConfig(laptopConfig);
    auto back = sync::syncNow(**laptop, remote, sync::SyncCache(laptopConfig + QStringLiteral("/cache.json")),
                              QStringLiteral("laptop"));
    INFO((back ? QString() : back.error().message));
    REQUIRE(back.ok());
    CHECK(back->recordsPulled == 1);
    QStringList titles;
    for (const Entry& e : (*laptop)->journal().entries())
        titles << e.latest.title;
    titles.sort();
    CHECK(titles == QStringList{QStringLiteral("Written on the laptop"), QStringLiteral("Written on the phone")});
    qputenv("XDG_CONFIG_HOME", savedConfig);
}

TEST_CASE("Sync: after a sync that may pass, the next try comes sooner, then backs off to the usual five minutes", "[ui][sync]")
{
    using pt::gui::SyncController;
    CHECK(SyncController::retryDelayMs(1) == 30 * 1000);
    CHECK(SyncController::retryDelayMs(2) == 60 * 1000);
    CHECK(SyncController::retryDelayMs(3) == 120 * 1000);
    CHECK(SyncController::retryDelayMs(4) == 240 * 1000);
    CHECK(SyncController::retryDelayMs(5) == SyncController::EveryMs);
    CHECK(SyncController::retryDelayMs(50) == SyncController::EveryMs);
}
