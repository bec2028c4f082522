// A lock asked for while a key derivation or a keychain job runs used to be dropped (lock()
// returned early while busy), so the vault opened anyway or stayed open. Now the lock waits for
// the job and then happens; an unlock that finishes after it ends locked, its keys dropped.
#include <catch2/catch.hpp>

#include "UiDriver.h"
#include "vault/Vault.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace pt::uitest;
using State = pt::gui::VaultController::State;

namespace {

// The in-memory keychain, answering only after `delay`: a slow secret service.
class SlowKeychain final : public pt::platform::SecretStore {
public:
    SlowKeychain(std::shared_ptr<pt::platform::MemorySecretStore> store, std::chrono::milliseconds delay)
        : m_store(std::move(store)), m_delay(delay)
    {
    }
    void write(const QString& key, pt::crypto::ByteView secret, Callback done) override
    {
        m_store->write(key, secret, later(std::move(done)));
    }
    void read(const QString& key, Callback done) override { m_store->read(key, later(std::move(done))); }
    void remove(const QString& key, Callback done) override { m_store->remove(key, later(std::move(done))); }

private:
    Callback later(Callback done)
    {
        return [this, done = std::move(done)](pt::platform::SecretResult result) {
            auto kept = std::make_shared<pt::platform::SecretResult>(std::move(result));
            QTimer::singleShot(m_delay, &m_context, [done, kept] { done(std::move(*kept)); });
        };
    }
    std::shared_ptr<pt::platform::MemorySecretStore> m_store;
    std::chrono::milliseconds m_delay;
    QObject m_context; // answers not yet given die with the store, as with the real one
};

Ui::BeforeLoad slowKeychain(std::shared_ptr<pt::platform::MemorySecretStore> store, std::chrono::milliseconds delay)
{
    return [store = std::move(store), delay](pt::gui::VaultController& controller, QQmlEngine&) {
        controller.setSecretStore(std::make_unique<SlowKeychain>(store, delay));
    };
}

void checkLockedOnScreen(Ui& ui)
{
    CHECK(ui.controller().state() == State::Locked);
    CHECK(ui.controller().vault() == nullptr);
    ui.waitPage("UnlockPage");
    CHECK(ui.page("MainView") == nullptr);
}

} // namespace

TEST_CASE("Pending lock: a lock during the passphrase's key derivation ends locked", "[ui][lock]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    Ui ui(path);
    auto& controller = ui.controller();
    ui.waitPage("UnlockPage");

    controller.unlock(Passphrase);
    REQUIRE(controller.busy()); // the derivation answers on the event loop, not before
    controller.lock();
    REQUIRE(waitFor([&] { return !controller.busy(); }));
    QTest::qWait(300); // nothing opens it afterwards either
    checkLockedOnScreen(ui);
    CHECK(controller.errorMessage().isEmpty());

    // The request was used up: the next unlock opens.
    ui.unlockWithPassphrase();
    CHECK(controller.state() == State::Unlocked);
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Pending lock: a lock while the keychain opens the vault at start ends locked", "[ui][lock][remember]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    const auto keychain = std::make_shared<pt::platform::MemorySecretStore>();
    {
        Ui ui(path, PhoneSize, keychain);
        ui.unlockWithPassphrase();
        ui.controller().setRemembered(true);
        REQUIRE(waitFor([&] { return !ui.controller().busy() && ui.controller().remembered(); }));
        REQUIRE(keychain->contains(ui.controller().vault()->keychainKey()));
    }
    Ui ui(path, PhoneSize, {}, slowKeychain(keychain, std::chrono::seconds(3)));
    auto& controller = ui.controller();
    REQUIRE(controller.busy()); // the unlock page asked the keychain; it has not answered yet
    controller.lock();
    REQUIRE(waitFor([&] { return !controller.busy(); }));
    QTest::qWait(300);
    checkLockedOnScreen(ui);

    ui.unlockWithPassphrase();
    PT_CHECK_NO_QML_WARNINGS();
}

TEST_CASE("Pending lock: Ctrl+L while the keychain stores the device key locks once it is stored", "[ui][lock][remember]")
{
    QTemporaryDir tmp;
    REQUIRE(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("vault"));
    makeVault(path);
    const auto keychain = std::make_shared<pt::platform::MemorySecretStore>();
    Ui ui(path, PhoneSize, {}, slowKeychain(keychain, std::chrono::milliseconds(800)));
    auto& controller = ui.controller();
    ui.unlockWithPassphrase();
    QSignalSpy locked(&controller, &pt::gui::VaultController::locked);

    controller.setRemembered(true);
    REQUIRE(controller.busy());
    ui.key(Qt::Key_L, Qt::ControlModifier);
    CHECK(controller.state() == State::Unlocked); // waits for the keychain
    CHECK(locked.isEmpty());
    REQUIRE(waitFor([&] { return locked.count() == 1; }));
    checkLockedOnScreen(ui);
    CHECK(keychain->contains((*pt::core::Vault::open(path))->keychainKey())); // the write itself went through
    CHECK(controller.remembered());
    CHECK(controller.statusMessage().isEmpty()); // what Settings said is cleared with the lock
    PT_CHECK_NO_QML_WARNINGS();
}
