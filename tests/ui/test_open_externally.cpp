// Opening a non-image attachment in another app: only after the warning, as a private copy in
// the session's memory-backed runtime folder, under its own name even when the name is hostile,
// and wiped at lock. Without a runtime folder nothing is written and the page says why.
#include <catch2/catch.hpp>

#include "UiDriver.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace pt::uitest;

namespace {

// Stands in for the other app: QDesktopServices hands it the file: URLs the app opens.
class OtherApp : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl& url) { opened << url; }
};

const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n% the written warning from HR\n%%EOF\n");
const QString HostileName = QStringLiteral("../../warning.pdf");

void openAttachment(Ui& ui)
{
    ui.clickNamed("QQuickAbstractButton", QStringLiteral("Open %1 in another app").arg(HostileName));
    ui.waitText("QQuickLabel", QStringLiteral("Open in another app?"));
    ui.clickText("QQuickAbstractButton", QStringLiteral("Open"));
    ui.settle();
}

} // namespace

TEST_CASE("Open in another app: a private copy wiped at lock, refused without a runtime folder",
          "[ui][attachments]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path, [](pt::core::Vault& vault) {
        QByteArray bytes = Pdf;
        QBuffer source(&bytes);
        REQUIRE(source.open(QIODevice::ReadOnly));
        pt::core::EntryDraft draft;
        draft.title = QStringLiteral("Written warning");
        draft.attachments = {{&source, HostileName, QStringLiteral("application/pdf")}};
        REQUIRE(vault.journal().add(draft).ok());
    });
    OtherApp other;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &other, "open");
    const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
    REQUIRE(!runtime.isEmpty());
    const QString folder = QString::fromLocal8Bit(runtime) + QStringLiteral("/papertrail-opened");
    {
        Ui ui(path);
        ui.unlockWithPassphrase();
        ui.click(ui.waitNamed("EntryCard", QStringLiteral("Written warning, Note")));
        ui.waitPage("EntryPage");

        openAttachment(ui);
        REQUIRE(waitFor([&] { return other.opened.size() == 1; }));
        const QString copy = other.opened.first().toLocalFile();
        CHECK(QFileInfo(copy).absolutePath() == folder); // the hostile name did not climb out
        CHECK(QFileInfo(copy).fileName() == QLatin1String("warning.pdf"));
        QFile file(copy);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.readAll() == Pdf);
        const auto othersMay = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                               QFile::WriteOther | QFile::ExeOther;
        CHECK((file.permissions() & othersMay) == 0);
        CHECK((QFileInfo(folder).permissions() & othersMay) == 0);

        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Back"));
        ui.clickNamed("QQuickAbstractButton", QStringLiteral("Lock the vault"));
        CHECK_FALSE(QFileInfo::exists(copy));
        CHECK_FALSE(QFileInfo::exists(folder));

        // No runtime folder (a bare console or a broken session): refuse rather than fall back
        // to a folder on disk.
        qunsetenv("XDG_RUNTIME_DIR");
        ui.unlockWithPassphrase();
        ui.click(ui.waitNamed("EntryCard", QStringLiteral("Written warning, Note")));
        ui.waitPage("EntryPage");
        openAttachment(ui);
        CHECK(ui.details()->errorMessage().contains(QLatin1String("will not write one")));
        CHECK(ui.all("QQuickLabel", [](QQuickItem* label) {
                    return label->property("text").toString().contains(QLatin1String("will not write one"));
                }).size() == 1);
        CHECK(other.opened.size() == 1);
        qputenv("XDG_RUNTIME_DIR", runtime);

        // No app takes the file: the page says so, and no plaintext copy waits for the lock.
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        openAttachment(ui);
        REQUIRE(waitFor([&] { return ui.details()->errorMessage().contains(QLatin1String("No app on this device opens")); }));
        CHECK(ui.details()->errorMessage().contains(QLatin1String("application/pdf")));
        CHECK(QDir(folder).entryList(QDir::Files).isEmpty());
    }
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    CHECK(QDir(QString::fromLocal8Bit(qgetenv("TMPDIR"))).entryList(QDir::NoDotAndDotDot | QDir::AllEntries |
                                                                    QDir::Hidden).filter(QLatin1String("warning")).isEmpty());
    PT_CHECK_NO_QML_WARNINGS();
}

#include "test_open_externally.moc"
