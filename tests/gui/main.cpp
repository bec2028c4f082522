// test_gui's entry point: a QGuiApplication on the offscreen platform (set here too, so the
// binary also runs outside ctest), pt::crypto::init() and the PaperTrail QML module, as in the
// app. Every run gets a private HOME, TMPDIR and XDG folders, removed at exit, so the canary test
// can search everything the process could have written.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "crypto/Init.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <cstdlib>
#include <string>

Q_IMPORT_QML_PLUGIN(PaperTrailPlugin)

namespace {

std::string makePrivateRoot()
{
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/pt-test-gui-XXXXXX";
    if (!::mkdtemp(pattern.data())) {
        std::perror("mkdtemp");
        std::exit(1);
    }
    for (const char* sub : {"home", "tmp", "cache", "data", "config", "runtime"}) {
        const std::string path = pattern + "/" + sub;
        if (!QDir().mkpath(QString::fromStdString(path))) {
            std::fprintf(stderr, "cannot create %s\n", path.c_str());
            std::exit(1);
        }
    }
    ::setenv("HOME", (pattern + "/home").c_str(), 1);
    ::setenv("TMPDIR", (pattern + "/tmp").c_str(), 1);
    ::setenv("XDG_CACHE_HOME", (pattern + "/cache").c_str(), 1);
    ::setenv("XDG_DATA_HOME", (pattern + "/data").c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (pattern + "/config").c_str(), 1);
    ::setenv("XDG_RUNTIME_DIR", (pattern + "/runtime").c_str(), 1);
    QFile::setPermissions(QString::fromStdString(pattern + "/runtime"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    ::setenv("PT_TEST_PRIVATE_ROOT", pattern.c_str(), 1);
    return pattern;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string root = makePrivateRoot();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int result = 1;
    {
        QGuiApplication app(argc, argv);
        if (!pt::crypto::init()) {
            std::fputs("pt::crypto::init() failed\n", stderr);
        } else {
            result = Catch::Session().run(argc, argv);
        }
    }
    QDir(QString::fromStdString(root)).removeRecursively();
    return result;
}
