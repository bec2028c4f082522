#include "Cli.h"

#include "crypto/Init.h"
#include "platform/ProcessHardening.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    if (!pt::platform::disableCoreDumps())
        std::fputs("Warning: core dumps could not be turned off; a crash could write the journal to disk.\n", stderr);
    QCoreApplication app(argc, argv);
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
