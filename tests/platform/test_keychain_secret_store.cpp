// KeychainSecretStore against the real OS keychain. On Linux that is a Secret Service on the
// session bus: run these under scripts/with-secret-service.sh, which provides a private D-Bus
// session with an unlocked gnome-keyring and sets PT_REQUIRE_KEYRING=1. Without a secret service
// the tests that need one are skipped with a warning, or fail when PT_REQUIRE_KEYRING=1.
#include "TestSupport.h"
#include "platform/KeychainSecretStore.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTemporaryDir>

#if defined(PT_HAVE_QTDBUS)
#include <QDBusConnection>
#include <QDBusConnectionInterface>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#endif

#include <iostream>
#include <memory>

using namespace std::chrono_literals;
using pt::crypto::Bytes;
using pt::platform::KeychainSecretStore;
using pt::platform::SecretResult;
using Status = pt::platform::SecretResult::Status;

namespace {

const QString kService = QStringLiteral("Paper Trail test");

bool keyringRequired()
{
    return qEnvironmentVariable("PT_REQUIRE_KEYRING") == QLatin1String("1");
}

// Whether a secret service is there to test against; `why` says what is missing.
bool secretServicePresent(QString& why)
{
#if defined(PT_HAVE_QTDBUS)
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        why = QStringLiteral("no D-Bus session bus (%1)").arg(bus.lastError().message());
        return false;
    }
    const auto registered =
        bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets"));
    if (!registered.isValid() || !registered.value()) {
        why = QStringLiteral("nothing owns org.freedesktop.secrets on the session bus");
        return false;
    }
    return true;
#else
    Q_UNUSED(why);
    return true; // macOS / Windows: the OS keychain is always there
#endif
}

// Unique per process and run, so parallel ctest runs sharing one keyring never collide.
QString uniqueKey(const char* name)
{
    return QStringLiteral("pt-test-%1-%2-%3")
        .arg(QCoreApplication::applicationPid())
        .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'))
        .arg(QLatin1String(name));
}

Bytes binarySecret(std::size_t size)
{
    Bytes b(size);
    for (std::size_t i = 0; i < size; ++i)
        b[i] = static_cast<std::uint8_t>((i * 167 + 13) & 0xff); // every value, zeros included
    b[0] = 0x00;
    b[1] = 0xff;
    b[size - 1] = 0x00;
    return b;
}

} // namespace

// Returns from the test case (after a WARN) when no secret service is present, or FAILs when
// PT_REQUIRE_KEYRING=1.
#define REQUIRE_SECRET_SERVICE()                                                                   \
    do {                                                                                           \
        QString why_;                                                                              \
        if (!secretServicePresent(why_)) {                                                         \
            if (keyringRequired())                                                                 \
                FAIL("PT_REQUIRE_KEYRING=1 but there is no secret service: "                       \
                     << why_.toStdString()                                                         \
                     << ". Run the tests under scripts/with-secret-service.sh.");                  \
            WARN("Skipped: no secret service (" << why_.toStdString()                              \
                                               << "); run under scripts/with-secret-service.sh "   \
                                                  "or set PT_REQUIRE_KEYRING=1 to make this fail"); \
            return;                                                                                \
        }                                                                                          \
    } while (false)

TEST_CASE("KeychainSecretStore round-trips a binary secret", "[platform][keychain]")
{
    REQUIRE_SECRET_SERVICE();
    KeychainSecretStore store(kService);
    const QString key = uniqueKey("roundtrip");

    const Bytes secret = binarySecret(300);
    SecretResult w = store.writeBlocking(key, secret);
    INFO("write: " << w.message.toStdString());
    REQUIRE(w.status == Status::Ok);

    SecretResult r = store.readBlocking(key);
    INFO("read: " << r.message.toStdString());
    REQUIRE(r.status == Status::Ok);
    CHECK(pt::test::bytesOf(r.secret) == secret);

    // Overwrite with something shorter.
    const Bytes replacement{0x00, 0x00, 0xff, 0xfe, 0x80, 0x7f, 0x00};
    REQUIRE(store.writeBlocking(key, replacement).status == Status::Ok);
    r = store.readBlocking(key);
    REQUIRE(r.status == Status::Ok);
    CHECK(pt::test::bytesOf(r.secret) == replacement);

    SecretResult d = store.removeBlocking(key);
    INFO("remove: " << d.message.toStdString());
    CHECK(d.status == Status::Ok);

    r = store.readBlocking(key);
    CHECK(r.status == Status::NotFound);
    CHECK(r.secret.empty());
    CHECK(r.message.contains(QStringLiteral("passphrase")));

    // Removal is idempotent.
    CHECK(store.removeBlocking(key).status == Status::Ok);
}

TEST_CASE("KeychainSecretStore reports NotFound for a key never written", "[platform][keychain]")
{
    REQUIRE_SECRET_SERVICE();
    KeychainSecretStore store(kService);
    SecretResult r = store.readBlocking(uniqueKey("never-written"));
    CHECK(r.status == Status::NotFound);
    CHECK(r.secret.empty());
}

TEST_CASE("KeychainSecretStore keeps different keys and services apart", "[platform][keychain]")
{
    REQUIRE_SECRET_SERVICE();
    KeychainSecretStore store(kService);
    KeychainSecretStore otherService(kService + QStringLiteral(" (other)"));
    const QString a = uniqueKey("a");
    const QString b = uniqueKey("b");
    const Bytes secretA = binarySecret(32);
    const Bytes secretB{0xde, 0xad, 0x00, 0xbe, 0xef};

    REQUIRE(store.writeBlocking(a, secretA).status == Status::Ok);
    REQUIRE(store.writeBlocking(b, secretB).status == Status::Ok);
    CHECK(pt::test::bytesOf(store.readBlocking(a).secret) == secretA);
    CHECK(pt::test::bytesOf(store.readBlocking(b).secret) == secretB);

    // Same key, other service: a different entry.
    CHECK(otherService.readBlocking(a).status == Status::NotFound);

    REQUIRE(store.removeBlocking(a).status == Status::Ok);
    CHECK(store.readBlocking(a).status == Status::NotFound);
    SecretResult rb = store.readBlocking(b);
    REQUIRE(rb.status == Status::Ok);
    CHECK(pt::test::bytesOf(rb.secret) == secretB);
    CHECK(store.removeBlocking(b).status == Status::Ok);
}

TEST_CASE("KeychainSecretStore runs overlapping asynchronous calls", "[platform][keychain]")
{
    REQUIRE_SECRET_SERVICE();
    KeychainSecretStore store(kService);
    const QString key = uniqueKey("async");
    pt::test::Recorder w, r, d, r2;

    store.write(key, Bytes{1, 0, 2}, w.callback());
    store.read(key, r.callback());
    store.remove(key, d.callback());
    store.read(key, r2.callback());
    CHECK(w.calls == 0); // callbacks only come from the event loop

    REQUIRE(pt::test::spinUntil([&] { return r2.calls > 0; }, 20s));
    pt::test::spinFor(100ms);
    CHECK(w.calls == 1);
    CHECK(r.calls == 1);
    CHECK(d.calls == 1);
    CHECK(r2.calls == 1);
    CHECK(w.last->status == Status::Ok);
    REQUIRE(r.last->status == Status::Ok); // QtKeychain runs jobs one at a time, in order
    CHECK(pt::test::bytesOf(r.last->secret) == Bytes{1, 0, 2});
    CHECK(d.last->status == Status::Ok);
    CHECK(r2.last->status == Status::NotFound);
}

TEST_CASE("KeychainSecretStore times out once and ignores the late answer", "[platform][keychain]")
{
    REQUIRE_SECRET_SERVICE();
    const QString key = uniqueKey("timeout");
    {
        // A zero timeout fires before the Secret Service can possibly have answered.
        KeychainSecretStore hasty(kService, 0ms);
        pt::test::Recorder w;
        hasty.write(key, Bytes{4, 2}, w.callback());
        REQUIRE(pt::test::spinUntil([&] { return w.calls > 0; }, 5s));
        CHECK(w.last->status == Status::TimedOut);
        CHECK(w.last->message.contains(QStringLiteral("did not answer")));
        // Let the write actually finish behind our back: still exactly one callback.
        pt::test::spinFor(1500ms);
        CHECK(w.calls == 1);
    }
    // A timed-out write may still land; clean up either way.
    KeychainSecretStore store(kService);
    CHECK(store.removeBlocking(key).status == Status::Ok);
}

TEST_CASE("KeychainSecretStore can be destroyed with calls in flight", "[platform][keychain]")
{
    REQUIRE_SECRET_SERVICE();
    pt::test::Recorder r;
    {
        KeychainSecretStore store(kService);
        store.read(uniqueKey("destroyed"), r.callback());
    }
    pt::test::spinFor(1000ms); // the orphaned job finishes and deletes itself
    CHECK(r.calls == 0);

    // And the keychain still works afterwards.
    KeychainSecretStore store(kService);
    CHECK(store.readBlocking(uniqueKey("after")).status == Status::NotFound);
}

// ---- No secret service: run in a child process with its own environment ---------------------
// Only where the keychain is reached over D-Bus; elsewhere the bus variables change nothing.
#if defined(PT_HAVE_QTDBUS)

namespace {

constexpr auto kChildTimeout = 2000ms;
const char* const kChildEnv = "PT_KEYCHAIN_CHILD";

// Runs this test binary's hidden "[.keychain-child]" case in a child with `env` applied,
// and returns the child's exit code; the child must finish well within `limit`.
int runChild(const QProcessEnvironment& env, std::chrono::milliseconds limit, QString& output)
{
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("keychain child without a secret service")});
    if (!child.waitForStarted(5000)) {
        output = child.errorString();
        return -1;
    }
    QElapsedTimer elapsed;
    elapsed.start();
    const bool finished = child.waitForFinished(static_cast<int>(limit.count()));
    output = QString::fromLocal8Bit(child.readAll());
    if (!finished) {
        child.kill();
        child.waitForFinished(5000);
        output += QStringLiteral("\n[child killed after %1 ms: it hung]").arg(elapsed.elapsed());
        return -2;
    }
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -3;
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildEnv), QStringLiteral("1"));
    return env;
}

} // namespace

// Hidden: only ever run by runChild(). Every call must end promptly in a non-Ok status.
TEST_CASE("keychain child without a secret service", "[.keychain-child]")
{
    if (qEnvironmentVariable(kChildEnv) != QLatin1String("1"))
        return;
    KeychainSecretStore store(kService, kChildTimeout);
    const QString key = uniqueKey("no-service");

    auto check = [&](const char* what, auto&& call) {
        QElapsedTimer t;
        t.start();
        SecretResult r = call();
        const auto ms = t.elapsed();
        std::cout << what << ": " << r.status << " after " << ms << " ms: "
                  << r.message.toStdString() << std::endl;
        CHECK((r.status == Status::Unavailable || r.status == Status::Failed ||
               r.status == Status::TimedOut));
        CHECK(r.secret.empty());
        CHECK_FALSE(r.message.isEmpty());
        CHECK(ms < kChildTimeout.count() + 1000);
        return r.status;
    };
    const Status expected = qEnvironmentVariable("PT_KEYCHAIN_CHILD_EXPECT") == "TimedOut"
                                ? Status::TimedOut
                                : Status::Unavailable;
    CHECK(check("write", [&] { return store.writeBlocking(key, Bytes{1, 2, 3}); }) == expected);
    CHECK(check("read", [&] { return store.readBlocking(key); }) == expected);
    CHECK(check("remove", [&] { return store.removeBlocking(key); }) == expected);
}

TEST_CASE("KeychainSecretStore without a session bus answers promptly", "[platform][keychain]")
{
    QProcessEnvironment env = childEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/pt-no-such-bus"));
    QString output;
    const int rc = runChild(env, 20s, output);
    INFO(output.toStdString());
    CHECK(rc == 0);
}

TEST_CASE("KeychainSecretStore with no bus address at all answers promptly", "[platform][keychain]")
{
    QProcessEnvironment env = childEnvironment();
    // No address: libdbus and GDBus try X11 autolaunch, which must fail without a display.
    for (const char* name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"})
        env.remove(QString::fromLatin1(name));
    QTemporaryDir runtime; // no bus socket in $XDG_RUNTIME_DIR/bus either
    REQUIRE(runtime.isValid());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    QString output;
    const int rc = runChild(env, 20s, output);
    INFO(output.toStdString());
    CHECK(rc == 0);
}

namespace {

// A Unix socket that is listened on but never accepted from or answered: connecting works,
// then the D-Bus handshake waits forever.
class SilentSocket {
public:
    explicit SilentSocket(const QString& path)
    {
        const QByteArray native = QFile::encodeName(path);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        if (static_cast<std::size_t>(native.size()) >= sizeof addr.sun_path)
            return;
        std::memcpy(addr.sun_path, native.constData(), static_cast<std::size_t>(native.size()));
        m_fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        if (m_fd < 0)
            return;
        if (::bind(m_fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
            ::listen(m_fd, 16) != 0) {
            ::close(m_fd);
            m_fd = -1;
        }
    }
    ~SilentSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SilentSocket(const SilentSocket&) = delete;
    SilentSocket& operator=(const SilentSocket&) = delete;

    [[nodiscard]] bool listening() const { return m_fd >= 0; }

private:
    int m_fd = -1;
};

} // namespace

TEST_CASE("KeychainSecretStore with a hung session bus times out", "[platform][keychain]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("bus"));
    SilentSocket silent(path);
    REQUIRE(silent.listening());

    QProcessEnvironment env = childEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + path);
    env.insert(QStringLiteral("PT_KEYCHAIN_CHILD_EXPECT"), QStringLiteral("TimedOut"));
    QString output;
    const int rc = runChild(env, 30s, output); // three calls, each up to the 2 s timeout
    INFO(output.toStdString());
    CHECK(rc == 0);
}

#endif // PT_HAVE_QTDBUS
