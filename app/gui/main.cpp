#include "VaultController.h"
#include "intake/FileHandoff.h"
#include "platform/ScreenCaptureGuard.h"
#include "crypto/Init.h"
#include "platform/ProcessHardening.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(PaperTrailPlugin)

int main(int argc, char** argv)
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    if (!pt::platform::disableCoreDumps())
        std::fputs("Warning: core dumps could not be turned off; a crash could write the journal to disk.\n", stderr);
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("papertrail"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Paper Trail"));
    QGuiApplication::setOrganizationName(QStringLiteral("Paper Trail"));
    if (!pt::crypto::init()) {
        std::fputs("The cryptography self-test failed, so no vault will be opened.\n", stderr);
        return 1;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Paper Trail: an encrypted, tamper-evident journal."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("vault"), QStringLiteral("The vault folder (default: %1).").arg(pt::core::defaultVaultDir()),
                      QStringLiteral("DIR")});
    // papertrail-bench-app measures cold start with this: the first frame is printed and ends the app.
    QCommandLineOption quitAfterFirstFrame(QStringLiteral("quit-after-first-frame"),
                                           QStringLiteral("Print \"first-frame <ms since main>\" and quit."));
    quitAfterFirstFrame.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(quitAfterFirstFrame);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Emails (.eml, .mbox), screenshots and photos to bring in; they are shown "
                                                "for you to choose before anything is imported."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);

    pt::gui::VaultController controller;
    if (parser.isSet(QStringLiteral("vault")))
        controller.setVaultPath(QFileInfo(parser.value(QStringLiteral("vault"))).absoluteFilePath());

    // One instance per vault: files opened with the app while it runs go to it, and this ends.
    pt::gui::FileHandoff handoff(pt::gui::FileHandoff::socketNameFor(controller.vaultPath()));
    if (handoff.handOffOrListen(parser.positionalArguments()))
        return 0;

    QQuickStyle::setStyle(QStringLiteral("Material"));
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    controller.installImageProvider(engine);
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)},
                                 {QStringLiteral("fileHandoff"), QVariant::fromValue(&handoff)}});
    engine.load(QUrl(QStringLiteral("qrc:/PaperTrail/Main.qml")));
    // Keep the journal out of screenshots and the app switcher where the platform allows it
    // (Android's FLAG_SECURE); desktops report Unsupported and nothing pretends otherwise.
    const auto captureGuard = pt::platform::makeScreenCaptureGuard();
    auto* window = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(engine.rootObjects().first());
    if (window) {
        (void)captureGuard->setPreventCapture(window, true);
        QObject::connect(&handoff, &pt::gui::FileHandoff::filesHandedOver, window, [window] {
            window->show();
            window->raise();
            window->requestActivate();
        });
    }
    if (window && parser.isSet(quitAfterFirstFrame))
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&sinceMain] {
            std::printf("first-frame %.1f\n", double(sinceMain.nsecsElapsed()) / 1e6);
            std::fflush(stdout);
            QCoreApplication::quit();
        }, Qt::QueuedConnection);
    return app.exec();
}
