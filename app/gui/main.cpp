#include "crypto/Init.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>

#include <cstdio>

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("papertrail"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Paper Trail"));
    QGuiApplication::setOrganizationName(QStringLiteral("Paper Trail"));
    if (!pt::crypto::init()) {
        std::fputs("The cryptography self-test failed, so no vault will be opened.\n", stderr);
        return 1;
    }
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/PaperTrail/Main.qml")));
    return app.exec();
}
