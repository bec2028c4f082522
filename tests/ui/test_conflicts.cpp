// The conflict view: an entry the laptop and the phone changed offline shows "two versions" in
// the timeline and a banner on its page; the view shows both versions and what differs, and the
// person keeps one or saves a merge. Afterwards the entry is no longer in conflict, on this device
// and, after a sync, on the other; both versions stay in its history.
#include <catch2/catch.hpp>

#include "UiDriver.h"
#include "sync/FolderRemote.h"
#include "sync/Link.h"
#include "sync/Synchronizer.h"

#include <QDir>
#include <QTemporaryDir>

using namespace pt::uitest;
using namespace pt::core;

namespace {

void useConfig(const QString& dir) { qputenv("XDG_CONFIG_HOME", dir.toLocal8Bit()); }

// A laptop (the core) and a phone (linked; opened in the app later) that both changed the text
// of one entry before either synced: after syncing both ways each holds both versions.
struct ConflictedEntry {
    QTemporaryDir tmp;
    QByteArray savedConfig = qgetenv("XDG_CONFIG_HOME");
    QString remoteDir = tmp.filePath(QStringLiteral("shared-folder"));
    QString laptopConfig = tmp.filePath(QStringLiteral("laptop-config"));
    QString phoneConfig = tmp.filePath(QStringLiteral("phone-config"));
    QString phoneDir = tmp.filePath(QStringLiteral("phone"));
    std::unique_ptr<sync::FolderRemote> remote;
    std::unique_ptr<Vault> laptop;
    QString id;

    ConflictedEntry()
    {
        REQUIRE(QDir().mkpath(remoteDir));
        remote = std::make_unique<sync::FolderRemote>(remoteDir);
        const QByteArray passphrase = Passphrase.toUtf8();
        useConfig(laptopConfig);
        auto created = Vault::create(tmp.filePath(QStringLiteral("laptop")), bytesOf(passphrase), FastKdf, nullptr);
        REQUIRE(created.ok());
        laptop = std::move(*created);
        EntryDraft draft;
        draft.title = QStringLiteral("1:1 with Dana");
        draft.body = QStringLiteral("Dana said the goals stand.");
        auto entry = laptop->journal().add(draft);
        REQUIRE(entry.ok());
        id = entry->latest.entryId;
        syncLaptop();

        useConfig(phoneConfig);
        auto header = sync::vaultHeaderOn(*remote, laptop->header().vaultId);
        REQUIRE(header.ok());
        auto phone = Vault::link(phoneDir, *header,
                                 {CurrentSecret::Kind::Passphrase, pt::crypto::SecureBytes::copyOf(bytesOf(passphrase))});
        REQUIRE(phone.ok());
        REQUIRE(syncPhone(**phone).ok());

        EntryChange onPhone;
        onPhone.body = QStringLiteral("Dana said the goals stand. I asked for the rubric in writing.");
        REQUIRE((*phone)->journal().edit(id, onPhone).ok());
        useConfig(laptopConfig);
        EntryChange onLaptop;
        onLaptop.body = QStringLiteral("Dana said the goals stand and grades come on Fridays.");
        REQUIRE(laptop->journal().edit(id, onLaptop).ok());

        syncLaptop();
        useConfig(phoneConfig);
        REQUIRE(syncPhone(**phone).ok());
        REQUIRE((*phone)->journal().entry(id)->inConflict());
    }
    ~ConflictedEntry() { qputenv("XDG_CONFIG_HOME", savedConfig); }

    void syncLaptop()
    {
        useConfig(laptopConfig);
        auto r = sync::syncNow(*laptop, *remote, sync::SyncCache(laptopConfig + QStringLiteral("/cache.json")),
                               QStringLiteral("laptop"));
        INFO((r ? QString() : r.error().message));
        REQUIRE(r.ok());
    }
    Result<sync::SyncReport> syncPhone(Vault& phone)
    {
        return sync::syncNow(phone, *remote, sync::SyncCache(phoneConfig + QStringLiteral("/cache.json")),
                             QStringLiteral("phone"));
    }
    // Opens the conflicted entry in the app on the phone and goes to the conflict view.
    void openConflict(Ui& ui)
    {
        ui.unlockWithPassphrase();
        ui.click(ui.waitNamed("EntryCard", QStringLiteral("1:1 with Dana, Note, two versions")));
        ui.waitPage("EntryPage");
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Compare and choose"));
        ui.waitPage("ConflictPage");
    }
};

} // namespace

TEST_CASE("Conflicts: both versions side by side and a merge that ends the conflict on both devices", "[ui][sync][conflict]")
{
    ConflictedEntry c;
    useConfig(c.phoneConfig);
    const QString merged = QStringLiteral("Dana said the goals stand and grades come on Fridays. I asked for the rubric in writing.");
    {
        Ui ui(c.phoneDir, DesktopSize);
        c.openConflict(ui);
        CHECK(ui.waitText("QQuickLabel", QStringLiteral("They differ in: Body")));
        const auto versionTexts = ui.all("QQuickTextEdit", [](QQuickItem* t) {
            return t->property("readOnly").toBool() && t->property("text").toString().startsWith(QLatin1String("Dana said"));
        });
        QStringList texts;
        for (QQuickItem* t : versionTexts)
            texts << t->property("text").toString();
        texts.sort();
        CHECK(texts == QStringList{QStringLiteral("Dana said the goals stand and grades come on Fridays."),
                                   QStringLiteral("Dana said the goals stand. I asked for the rubric in writing.")});
        // Wide, the versions stand side by side.
        REQUIRE(versionTexts.size() == 2);
        CHECK(versionTexts.at(0)->mapToScene({0, 0}).y() == versionTexts.at(1)->mapToScene({0, 0}).y());
        CHECK(ui.outsideWindow().isEmpty());

        // The merge starts from both texts; the person writes the one that is right.
        QQuickItem* body = ui.waitNamed("QQuickTextArea", QStringLiteral("Text of the merged version"));
        CHECK(body->property("text").toString().contains(QLatin1String("Fridays")));
        CHECK(body->property("text").toString().contains(QLatin1String("rubric")));
        ui.typeInto(body, QString());
        ui.key(Qt::Key_A, Qt::ControlModifier);
        ui.typeText(merged);
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save the merged version"));
        ui.waitPage("EntryPage");
        CHECK(ui.details()->body() == merged);
        CHECK(ui.details()->conflictSides() == 0);
        CHECK(ui.named("EntryCard", QStringLiteral("1:1 with Dana, Note")) != nullptr);
        PT_CHECK_NO_QML_WARNINGS();
        // This test's phone has no remote set in the app: sync it as the core does.
        REQUIRE(c.syncPhone(*ui.controller().vault()).ok());
    }

    // The laptop gets the merge, and neither device shows a conflict; nothing was lost.
    c.syncLaptop();
    const Entry onLaptop = *c.laptop->journal().entry(c.id);
    CHECK_FALSE(onLaptop.inConflict());
    CHECK(onLaptop.latest.body == merged);
    CHECK(onLaptop.revisions.size() == 4);
    CHECK(c.laptop->verify().ok());
}

TEST_CASE("Conflicts: keeping one version on a phone", "[ui][sync][conflict]")
{
    ConflictedEntry c;
    useConfig(c.phoneConfig);
    Ui ui(c.phoneDir); // phone size: the versions one above the other
    c.openConflict(ui);
    const auto keepButtons = ui.all("QQuickAbstractButton", [](QQuickItem* b) {
        return b->property("text").toString() == QLatin1String("Keep this version");
    });
    REQUIRE(keepButtons.size() == 2);
    CHECK(keepButtons.at(0)->mapToScene({0, 0}).y() < keepButtons.at(1)->mapToScene({0, 0}).y());
    CHECK(ui.outsideWindow().isEmpty());

    // Keep the version that is not shown now: the phone's own.
    QQuickItem* phoneLabel = ui.all("QQuickLabel", [](QQuickItem* l) {
        return l->property("text").toString().startsWith(QLatin1String("Written on this device, "));
    }).value(0);
    REQUIRE(phoneLabel);
    QQuickItem* phoneVersion = ui.waitNamed("QQuickAbstractButton",
                                            QStringLiteral("Keep this version: ") + phoneLabel->property("text").toString());
    ui.click(phoneVersion);
    ui.waitPage("EntryPage");
    CHECK(ui.details()->body() == QStringLiteral("Dana said the goals stand. I asked for the rubric in writing."));
    CHECK(ui.details()->conflictSides() == 0);
    CHECK(ui.all("QQuickItem", [](QQuickItem* i) { return i->objectName() == QLatin1String("conflictBanner"); }).isEmpty());
    PT_CHECK_NO_QML_WARNINGS();
}
