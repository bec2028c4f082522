// test_pip's entry point, as test_core's: a QCoreApplication, pt::crypto::init(), and a private
// HOME, TMPDIR and XDG folders removed at exit.
#include <catch2/catch.hpp>

#include "support/CatchSession.h"

#include "crypto/Init.h"
#include "support/PrivateTestRoot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstdlib>
#include <string>


int main(int argc, char** argv)
{
    const std::string root = pt::test::makePrivateTestRoot("test-pip");
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
