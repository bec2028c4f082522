// QtKeychain (and the stores' queued callbacks) need a Qt event loop, so a QCoreApplication
// must exist before any test runs.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
