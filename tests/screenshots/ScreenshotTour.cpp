// Renders the app's main screens into PNG files, the way a person first meets them: the real
// Main.qml, a real vault, real navigation through MainView's own functions. scripts/screenshots.sh
// runs it under Xvfb at phone and desktop sizes, light and dark.
//
//   papertrail-screenshot-tour --vault DIR --passphrase PW --entry ID --out DIR --size 390x844 --theme dark
#include "ExportController.h"
#include "VaultController.h"
#include "crypto/Init.h"
#include "crypto/age/X25519.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cstdio>
#include <functional>

Q_IMPORT_QML_PLUGIN(PaperTrailPlugin)

namespace {

bool waitFor(const std::function<bool()>& condition, int ms = 10000)
{
    return QTest::qWaitFor(condition, ms);
}

void settle() { QTest::qWait(700); } // animations and async image loads

bool grab(QQuickWindow* window, const QString& path)
{
    settle();
    const QImage image = window->grabWindow();
    if (image.isNull() || !image.save(path)) {
        std::fprintf(stderr, "could not save %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

QQuickItem* findByName(QObject* root, const QString& name) { return root->findChild<QQuickItem*>(name); }

// Scrolls the Flickable that holds `item` so that it is near the top.
void scrollTo(QQuickItem* item)
{
    for (QQuickItem* flick = item ? item->parentItem() : nullptr; flick; flick = flick->parentItem()) {
        if (!flick->inherits("QQuickFlickable"))
            continue;
        auto* content = flick->property("contentItem").value<QQuickItem*>();
        const qreal top = item->mapToItem(content, QPointF(0, 0)).y();
        const qreal most = std::max<qreal>(0, flick->property("contentHeight").toReal() - flick->height());
        flick->setProperty("contentY", std::clamp<qreal>(top - 24, 0, most));
        return;
    }
}

// "Export for a lawyer": the choices, the generated passphrase, and the finished archive's page.
// The PIP tab (the plan the script set up), its grid, today's check-in, the response and the setup.
bool pipTour(QQuickWindow* window, QQuickItem* mainView, const QString& prefix)
{
    mainView->setProperty("tab", 1);
    settle();
    QQuickItem* pip = findByName(window, "pipPage");
    if (!pip)
        return false;
    bool ok = grab(window, prefix + "pip.png");
    scrollTo(findByName(window, "pipGrades"));
    ok &= grab(window, prefix + "pip-grid.png");
    scrollTo(findByName(window, "pipShoutOuts"));
    ok &= grab(window, prefix + "pip-shoutouts.png");
    QMetaObject::invokeMethod(pip, "checkInRequested", Q_ARG(QString, pip->property("today").toString()));
    settle();
    ok &= grab(window, prefix + "pip-checkin.png");
    QMetaObject::invokeMethod(mainView, "goHome");
    QMetaObject::invokeMethod(pip, "rebuttalRequested");
    settle();
    ok &= grab(window, prefix + "pip-response.png");
    QMetaObject::invokeMethod(mainView, "goHome");
    QMetaObject::invokeMethod(pip, "setupRequested", Q_ARG(bool, true));
    settle();
    ok &= grab(window, prefix + "pip-setup.png");
    QMetaObject::invokeMethod(mainView, "goHome");
    settle();
    return ok;
}

bool exportTour(QQuickWindow* window, QQuickItem* mainView, const QString& prefix)
{
    QMetaObject::invokeMethod(mainView, "openExport");
    settle();
    // The page's controller: the page is found in the visual tree (a stack view's pages are not
    // the window's QObject children).
    std::function<QQuickItem*(QQuickItem*)> pageIn = [&](QQuickItem* item) -> QQuickItem* {
        if (item->isVisible() && QByteArray(item->metaObject()->className()).startsWith("ExportPage"))
            return item;
        for (QQuickItem* child : item->childItems())
            if (QQuickItem* found = pageIn(child))
                return found;
        return nullptr;
    };
    QQuickItem* page = pageIn(window->contentItem());
    auto* exporter = page ? page->findChild<pt::gui::ExportController*>() : nullptr;
    if (!exporter) {
        std::fprintf(stderr, "no export page\n");
        return false;
    }
    QTemporaryDir out; // the archive is encrypted, and thrown away with the folder
    exporter->setDestination(QDir(out.path()).filePath(QStringLiteral("paper-trail-for-counsel.zip.age")));
    exporter->setOwner(QStringLiteral("Sam Doe"));
    exporter->setTags({QStringLiteral("pip")});
    bool ok = grab(window, prefix + "export.png");
    if (QObject* dialog = page->findChild<QObject*>(QStringLiteral("saveDialog"))) {
        QMetaObject::invokeMethod(dialog, "open");
        ok &= grab(window, prefix + "export-save-dialog.png");
        QMetaObject::invokeMethod(dialog, "close");
        settle();
    } else {
        ok = false;
    }

    exporter->setUsePassphrase(true);
    exporter->generatePassphrase();
    settle();
    scrollTo(findByName(window, "generatedPassphrase"));
    ok &= grab(window, prefix + "export-passphrase.png");

    exporter->setUsePassphrase(false);
    exporter->setTags({});
    exporter->setPublicKey(QString::fromStdString(pt::crypto::age::X25519Identity::generate().recipient().toString()));
    settle();
    scrollTo(findByName(window, "exportSummary"));
    ok &= grab(window, prefix + "export-recipient.png");
    // Slowed down, so the progress can be seen before this small vault is written.
    exporter->setProgressDelayForTesting(std::chrono::milliseconds(15)); // some 80 entries with the PIP
    if (!exporter->start() || !waitFor([&] { return exporter->progress() > 0.02; }, 60000)) {
        std::fprintf(stderr, "export did not start: %s\n", qPrintable(exporter->errorMessage()));
        return false;
    }
    ok &= grab(window, prefix + "export-progress.png");
    if (!waitFor([&] { return exporter->step() != pt::gui::ExportController::Step::Exporting; }, 60000) ||
        exporter->step() != pt::gui::ExportController::Step::Finished) {
        std::fprintf(stderr, "export failed: %s\n", qPrintable(exporter->errorMessage()));
        return false;
    }
    ok &= grab(window, prefix + "export-result.png");
    scrollTo(findByName(window, "tellTheLawyer"));
    ok &= grab(window, prefix + "export-result-tell.png");

    // Again to a generated passphrase: the result page shows it once more.
    exporter->startOver();
    exporter->setUsePassphrase(true);
    exporter->generatePassphrase();
    exporter->setProgressDelayForTesting(std::chrono::milliseconds(0));
    if (!exporter->start() ||
        !waitFor([&] { return exporter->step() != pt::gui::ExportController::Step::Exporting; }, 60000) ||
        exporter->step() != pt::gui::ExportController::Step::Finished) {
        std::fprintf(stderr, "export failed: %s\n", qPrintable(exporter->errorMessage()));
        return false;
    }
    settle();
    scrollTo(findByName(window, "resultPassphrase"));
    ok &= grab(window, prefix + "export-result-passphrase.png");
    QMetaObject::invokeMethod(mainView, "goHome");
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("papertrail"));
    QGuiApplication::setOrganizationName(QStringLiteral("Paper Trail"));
    if (!pt::crypto::init())
        return 1;
    QCommandLineParser parser;
    parser.addOptions({{"vault", "Vault folder.", "DIR"},
                       {"passphrase", "Its passphrase.", "PW"},
                       {"entry", "An entry to show (one with an image and edits).", "ID"},
                       {"out", "Folder for the PNG files.", "DIR"},
                       {"size", "Window size.", "WxH", "390x844"},
                       {"theme", "light or dark.", "THEME", "light"},
                       {"font-px", "The system font's size in pixels (large text).", "PX"}});
    parser.process(app);
    const QStringList size = parser.value("size").split('x');
    const int width = size.value(0).toInt(), height = size.value(1).toInt();
    const bool largeText = parser.isSet("font-px");
    if (largeText) {
        QFont font = QGuiApplication::font();
        font.setPixelSize(parser.value("font-px").toInt());
        QGuiApplication::setFont(font);
    }
    const QString prefix = QDir(parser.value("out")).filePath(
        QStringLiteral("%1-%2-").arg(width >= 840 ? "desktop" : "phone", largeText ? "large-text" : parser.value("theme")));
    QDir().mkpath(parser.value("out"));

    QSettings().setValue("theme", parser.value("theme") == "dark" ? 2 : 1);
    pt::gui::VaultController controller;
    controller.setVaultPath(parser.value("vault"));

    QQuickStyle::setStyle(QStringLiteral("Material"));
    QQmlApplicationEngine engine;
    controller.installImageProvider(engine);
    engine.setInitialProperties({{"controller", QVariant::fromValue(&controller)}});
    engine.load(QUrl(QStringLiteral("qrc:/PaperTrail/Main.qml")));
    auto* window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (!window)
        return 1;
    window->resize(width, height);
    if (!QTest::qWaitForWindowExposed(window))
        return 1;
    bool ok = grab(window, prefix + "unlock.png");

    controller.unlock(parser.value("passphrase"));
    if (!waitFor([&] { return controller.state() == pt::gui::VaultController::State::Unlocked; }))
        return 1;
    QQuickItem* mainView = nullptr;
    waitFor([&] { return (mainView = findByName(window, "mainView")) != nullptr; });
    if (!mainView)
        return 1;
    ok &= grab(window, prefix + "timeline.png");

    QMetaObject::invokeMethod(mainView, "openEntry", Q_ARG(QVariant, parser.value("entry")));
    ok &= grab(window, prefix + "entry.png");

    QMetaObject::invokeMethod(mainView, "capture", Q_ARG(QVariant, QStringLiteral("meeting")), Q_ARG(QVariant, QVariantMap()));
    ok &= grab(window, prefix + "meeting-notes.png");
    if (QQuickItem* dateButton = findByName(window, "dateButton")) {
        QMetaObject::invokeMethod(dateButton, "clicked");
        ok &= grab(window, prefix + "date-picker.png");
        QTest::keyClick(window, Qt::Key_Escape);
        settle();
    } else {
        ok = false;
    }
    QMetaObject::invokeMethod(mainView, "goHome");

    ok &= pipTour(window, mainView, prefix);

    mainView->setProperty("tab", 2);
    settle();
    if (QQuickItem* field = findByName(window, "searchField"))
        field->setProperty("text", QStringLiteral("deadline"));
    ok &= grab(window, prefix + "search.png");

    mainView->setProperty("tab", 3);
    ok &= grab(window, prefix + "settings.png");

    ok &= exportTour(window, mainView, prefix);
    return ok ? 0 : 1;
}
