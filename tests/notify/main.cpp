// test_notify's entry point, as test_pip's: a QCoreApplication (the timers and D-Bus need its
// event loop), pt::crypto::init() for the vaults, and a private HOME, TMPDIR and XDG folders
// removed at exit. The D-Bus tests start buses of their own (PrivateBus.h).
#include <catch2/catch.hpp>

#include "support/CatchSession.h"

#include "crypto/Init.h"
#include "support/PrivateTestRoot.h"

#include <QCoreApplication>
#include <QDir>

#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    const std::string root = pt::test::makePrivateTestRoot("test-notify");
    int result = 1;
    {
        QCoreApplication app(argc, argv);
        if (!pt::crypto::init()) {
            std::fputs("pt::crypto::init() failed\n", stderr);
        } else {
            result = pt::test::runCatch(argc, argv);
        }
    }
    QDir(QString::fromStdString(root)).removeRecursively();
    return result;
}
