// Another attachment's file copied over an image's: the viewer, the thumbnails and "open in
// another app" all refuse it instead of showing or handing out the wrong evidence.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace pt::uitest;

TEST_CASE("A swapped attachment file is refused by the image path and by open-externally", "[ui][attachments][hostile]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    QString entryId, objectA, objectB;
    const QString pngA = writePng(tmp.filePath(QStringLiteral("a.png")), 64, 48);
    const QString pngB = writePng(tmp.filePath(QStringLiteral("b.png")), 48, 64);
    makeVault(path, [&](pt::core::Vault& vault) {
        QFile a(pngA), b(pngB);
        REQUIRE(a.open(QIODevice::ReadOnly));
        REQUIRE(b.open(QIODevice::ReadOnly));
        pt::core::EntryDraft draft;
        draft.title = QStringLiteral("Two grades");
        draft.attachments = {{&a, QStringLiteral("a.png"), QStringLiteral("image/png")},
                             {&b, QStringLiteral("b.png"), QStringLiteral("image/png")}};
        auto entry = vault.journal().add(draft);
        REQUIRE(entry.ok());
        entryId = entry->latest.entryId;
        objectA = entry->latest.attachments.at(0).object;
        objectB = entry->latest.attachments.at(1).object;
    });
    auto fileOf = [&](const QString& object) { return path + QStringLiteral("/objects/") + object.left(2) + QLatin1Char('/') + object; };
    QFile::remove(fileOf(objectA));
    REQUIRE(QFile::copy(fileOf(objectB), fileOf(objectA)));

    Ui ui(path);
    ui.unlockWithPassphrase();
    auto bytes = ui.controller().attachmentBytes(entryId, QStringLiteral("a.png"));
    REQUIRE_FALSE(bytes.ok());
    CHECK(bytes.error().code == pt::core::ErrorCode::Damaged);
    CHECK(ui.controller().attachmentBytes(entryId, QStringLiteral("b.png")).ok());

    ui.click(ui.waitNamed("EntryCard", QStringLiteral("Two grades, Note")));
    ui.waitPage("EntryPage");
    pt::gui::EntryDetails* details = ui.details();
    REQUIRE(details);
    const QUrl opened = details->exportForOpening(QStringLiteral("a.png"));
    CHECK(opened.isEmpty());
    CHECK(details->property("errorMessage").toString().contains(QStringLiteral("discard")));
    const QString folder = qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/papertrail-opened");
    CHECK(QDir(folder).entryList(QDir::Files).isEmpty());
}
