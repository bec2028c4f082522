// test_intake's entry point: a QGuiApplication on the offscreen platform (images are read and
// drawn with Qt Gui), pt::crypto::init(), and a private HOME, TMPDIR and XDG folders removed at
// exit, so a canary test can search everything the process could have written.
#include <catch2/catch.hpp>

#include "support/CatchSession.h"

#include "crypto/Init.h"
#include "support/PrivateTestRoot.h"

#include <QDir>
#include <QGuiApplication>

#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    const std::string root = pt::test::makePrivateTestRoot("test-intake");
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int result = 1;
    {
        QGuiApplication app(argc, argv);
        if (!pt::crypto::init())
            std::fputs("pt::crypto::init() failed\n", stderr);
        else
            result = pt::test::runCatch(argc, argv);
    }
    QDir(QString::fromStdString(root)).removeRecursively();
    return result;
}
