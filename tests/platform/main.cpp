// QtKeychain (and the stores' queued callbacks) need a Qt event loop, so a QCoreApplication
// must exist before any test runs.
#include <catch2/catch.hpp>

#include "support/CatchSession.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return pt::test::runCatch(argc, argv);
}
