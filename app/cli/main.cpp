#include "Cli.h"

#include "crypto/Init.h"
#include "platform/ProcessHardening.h"

#include <QGuiApplication>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// Whether the command is export. Global options come first (--vault DIR ...), so the first
// argument that is neither an option nor an option's value is the command.
bool wantsGui(int argc, char** argv)
{
    static const char* const takesValue[] = {"--vault", "--passphrase-file", "--recovery-key", "--recovery-key-file"};
    for (int i = 1; i < argc; ++i) {
        if (argv[i][0] != '-')
            return std::strcmp(argv[i], "export") == 0;
        for (const char* option : takesValue)
            if (std::strcmp(argv[i], option) == 0)
                ++i;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    if (!pt::platform::disableCoreDumps())
        std::fputs("Warning: core dumps could not be turned off; a crash could write the journal to disk.\n", stderr);
    // export draws report.pdf, whose text needs Qt's fonts: a QGuiApplication, on no screen.
    std::unique_ptr<QCoreApplication> app;
    if (wantsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("papertrail"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PT_VERSION));
    if (!pt::crypto::init()) {
        std::fputs("The cryptography self-test failed, so no vault will be opened. Reinstall libsodium "
                   "and Paper Trail.\n",
                   stderr);
        return 1;
    }
    return pt::cli::Cli().run(QCoreApplication::arguments());
}
