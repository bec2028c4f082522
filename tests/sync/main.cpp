// test_sync's entry point: a QCoreApplication and pt::crypto::init() before any test, and a private
// HOME, TMPDIR and XDG folders (removed at exit), so rclone reads no configuration of the person
// running the tests and every server's folder lives in the private root. Run as root (CI), Apache
// serves as nobody, which must be able to pass through the private root to its own folder.
#include <catch2/catch.hpp>

#include "support/CatchSession.h"

#include "crypto/Init.h"
#include "support/PrivateTestRoot.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>
#include <string>
#include <unistd.h>

int main(int argc, char** argv)
{
    const std::string root = pt::test::makePrivateTestRoot("test-sync");
    if (::geteuid() == 0) {
        const QString path = QString::fromStdString(root);
        QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOther); // pass, not list
    }
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
