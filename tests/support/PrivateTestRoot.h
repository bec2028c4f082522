#pragma once
// Every test program runs in a private root: HOME, TMPDIR and the XDG folders point into a fresh
// folder (the caller removes it at exit), so no test writes into the real home and the plaintext
// canary tests can search everything the process could have written. Call before any Qt object
// reads QStandardPaths or QSettings (SQLite also reads TMPDIR once per process).
#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace pt::test {

inline std::string makePrivateTestRoot(const char* programName)
{
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/pt-" + programName + "-XXXXXX";
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
    // The weak test KDF (1 pass, 8 MiB): the build has PT_TEST_KDF, so vaults made with it open.
    ::setenv("PAPERTRAIL_TEST_KDF", "1", 1);
    return pattern;
}

} // namespace pt::test
