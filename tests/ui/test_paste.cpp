// "Paste image" in the editor keeps the clipboard's PNG byte-exact through the save: the stored
// attachment's SHA-256 is the original file's, as sha256sum would print it.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QFile>
#include <QGuiApplication>
#include <QMimeData>
#include <QTemporaryDir>

using namespace pt::uitest;

TEST_CASE("A pasted PNG keeps its SHA-256", "[ui][paste][evidence]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    QFile original(writePng(tmp.filePath(QStringLiteral("grade.png")), 120, 80));
    REQUIRE(original.open(QIODevice::ReadOnly));
    const QByteArray png = original.readAll();
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());

    Ui ui(path);
    ui.unlockWithPassphrase();
    auto* clip = new QMimeData; // the clipboard owns it
    clip->setData(QStringLiteral("image/png"), png);
    clip->setImageData(QImage::fromData(png));
    QGuiApplication::clipboard()->setMimeData(clip);

    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Write a new note"));
    ui.waitPage("EditorPage");
    ui.typeInto(ui.waitNamed("QQuickTextField", QStringLiteral("Title")), QStringLiteral("Tuesday's grade"));
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Paste an image from the clipboard"));
    REQUIRE(ui.editor()->attachments().size() == 1);
    const QString name = ui.editor()->attachments().first().toMap().value(QStringLiteral("name")).toString();
    CHECK(name.startsWith(QLatin1String("pasted-")));
    CHECK(name.endsWith(QLatin1String(".png")));
    CHECK_FALSE(name.contains(QLatin1String("encoded")));
    CHECK(ui.waitText("QQuickLabel", name + QStringLiteral(" (new)")));

    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Save this entry"));
    ui.waitPage("EntryPage");
    const QList<pt::core::Entry> entries = ui.controller().vault()->journal().entries();
    REQUIRE(entries.size() == 1);
    REQUIRE(entries.first().latest.attachments.size() == 1);
    const pt::core::AttachmentRef& ref = entries.first().latest.attachments.first();
    CHECK(ref.sha256 == sha256);
    CHECK(ref.size == png.size());
    auto bytes = ui.controller().attachmentBytes(entries.first().latest.entryId, ref.name);
    REQUIRE(bytes.ok());
    CHECK(*bytes == png);
    PT_CHECK_NO_QML_WARNINGS();
}
