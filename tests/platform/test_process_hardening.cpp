// Core dumps are off: a crash of the app or the CLI must not write the journal to disk.
#include <catch2/catch.hpp>

#include "platform/ProcessHardening.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

TEST_CASE("process hardening: a crash after disableCoreDumps leaves no core", "[hardening]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // In the child: harden, check, then crash where a core file would land (core_pattern "core").
        const bool hardened = pt::platform::disableCoreDumps();
        rlimit limit{};
        ::getrlimit(RLIMIT_CORE, &limit);
        const bool checks = hardened && ::prctl(PR_GET_DUMPABLE) == 0 && limit.rlim_cur == 0 && limit.rlim_max == 0;
        if (!checks || ::chdir(QFile::encodeName(dir.path()).constData()) != 0)
            ::_exit(3);
        ::signal(SIGABRT, SIG_DFL);
        ::abort();
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status)); // it crashed, after every check held (else exit 3)
    CHECK(WTERMSIG(status) == SIGABRT);
    CHECK_FALSE(WCOREDUMP(status));
    CHECK(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}
