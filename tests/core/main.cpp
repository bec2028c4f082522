// test_core's entry point. Like the app: a QCoreApplication exists and pt::crypto::init() has run
// before any test. Every run also gets a private HOME, TMPDIR and XDG folders (removed at exit), so
// no test can write into the real home and the plaintext-canary tests can search everything the
// process could have written, including SQLite's temp folder, which SQLite reads once per process.
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
    const std::string root = pt::test::makePrivateTestRoot("test-core");
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
