// test_ui's entry point. Like the app (app/gui/main.cpp): a QGuiApplication, the Material style,
// pt::crypto::init(). The offscreen platform is set here too, so the binary also runs outside
// ctest. Every run gets a private HOME, TMPDIR and XDG folders (removed at exit) before anything
// reads QStandardPaths or QSettings, and test organisation and application names, so no test
// touches the real vault, settings or keychain.
//
// `test_ui --draft-writer VAULT TEXT [FILE]` is the child process of the draft test: it types
// into a new note and then kills itself (DraftWriter.h).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "DraftWriter.h"
#include "UiDriver.h"
#include "crypto/Init.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

Q_IMPORT_QML_PLUGIN(PaperTrailPlugin)

namespace {

std::string makePrivateRoot()
{
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/pt-test-ui-XXXXXX";
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
    return pattern;
}

// Each test case's QML warnings are its own (PT_CHECK_NO_QML_WARNINGS).
struct ClearMessagesPerTest : Catch::TestEventListenerBase {
    using TestEventListenerBase::TestEventListenerBase;
    void testCaseStarting(const Catch::TestCaseInfo& info) override
    {
        TestEventListenerBase::testCaseStarting(info);
        pt::uitest::MessageLog::clear();
    }
};
CATCH_REGISTER_LISTENER(ClearMessagesPerTest)

} // namespace

int main(int argc, char** argv)
{
    const std::string root = makePrivateRoot();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    pt::uitest::MessageLog::install();
    int result = 1;
    {
        QGuiApplication app(argc, argv);
        QGuiApplication::setApplicationName(QStringLiteral("papertrail-test-ui"));
        QGuiApplication::setOrganizationName(QStringLiteral("Paper Trail Tests"));
        QQuickStyle::setStyle(QStringLiteral("Material"));
        if (!pt::crypto::init()) {
            std::fputs("pt::crypto::init() failed\n", stderr);
        } else if (argc >= 4 && std::strcmp(argv[1], "--draft-writer") == 0) {
            pt::uitest::setRunningUnderCatch(false);
            result = pt::uitest::runDraftWriter(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                                                argc >= 5 ? QString::fromLocal8Bit(argv[4]) : QString());
        } else {
            result = Catch::Session().run(argc, argv);
        }
    }
    QDir(QString::fromStdString(root)).removeRecursively();
    return result;
}
