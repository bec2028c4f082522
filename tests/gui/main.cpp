// test_gui's entry point: a QGuiApplication on the offscreen platform (set here too, so the
// binary also runs outside ctest), pt::crypto::init() and the PaperTrail QML module, as in the
// app. Every run gets a private HOME, TMPDIR and XDG folders, removed at exit, so the canary test
// can search everything the process could have written.
#include <catch2/catch.hpp>

#include "support/CatchSession.h"

#include "crypto/Init.h"
#include "support/PrivateTestRoot.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <cstdlib>
#include <string>

Q_IMPORT_QML_PLUGIN(PaperTrailPlugin)


int main(int argc, char** argv)
{
    const std::string root = pt::test::makePrivateTestRoot("test-gui");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int result = 1;
    {
        QGuiApplication app(argc, argv);
        if (!pt::crypto::init()) {
            std::fputs("pt::crypto::init() failed\n", stderr);
        } else {
            result = pt::test::runCatch(argc, argv);
        }
    }
    QDir(QString::fromStdString(root)).removeRecursively();
    return result;
}
