// Renders the app's main screens into PNG files, the way a person first meets them: the real
// Main.qml, a real vault, real navigation through MainView's own functions. scripts/screenshots.sh
// runs it under Xvfb at phone and desktop sizes, light and dark.
//
//   papertrail-screenshot-tour --vault DIR --passphrase PW --entry ID --out DIR --size 390x844 --theme dark
#include "VaultController.h"
#include "crypto/Init.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

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

    QMetaObject::invokeMethod(mainView, "capture", Q_ARG(QVariant, QStringLiteral("meeting")));
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

    mainView->setProperty("tab", 1);
    settle();
    if (QQuickItem* field = findByName(window, "searchField"))
        field->setProperty("text", QStringLiteral("deadline"));
    ok &= grab(window, prefix + "search.png");

    mainView->setProperty("tab", 2);
    ok &= grab(window, prefix + "settings.png");
    return ok ? 0 : 1;
}
