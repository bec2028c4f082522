// test_ui's entry point. Like the app (app/gui/main.cpp): a QGuiApplication, the Material style,
// pt::crypto::init(). The offscreen platform is set here too, so the binary also runs outside
// ctest. Every run gets a private HOME, TMPDIR and XDG folders (removed at exit) before anything
// reads QStandardPaths or QSettings, and test organisation and application names, so no test
// touches the real vault, settings or keychain. Run as root (CI), the WebDAV servers of the link
// tests serve as nobody, which must be able to pass through the private root to their folders.
//
// `test_ui --draft-writer VAULT TEXT [FILE]` is the child process of the draft test: it types
// into a new note and then kills itself (DraftWriter.h).
#include <catch2/catch.hpp>

#include "support/CatchSession.h"

#include "DraftWriter.h"
#include "UiDriver.h"
#include "crypto/Init.h"
#include "support/PrivateTestRoot.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(PaperTrailPlugin)

namespace {


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
    const std::string root = pt::test::makePrivateTestRoot("test-ui");
    if (::geteuid() == 0) {
        const QString path = QString::fromStdString(root);
        QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOther); // pass, not list
    }
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
            result = pt::test::runCatch(argc, argv);
        }
    }
    QDir(QString::fromStdString(root)).removeRecursively();
    return result;
}
