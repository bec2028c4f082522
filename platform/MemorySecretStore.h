#pragma once
// An in-memory SecretStore for tests and the CLI's --no-keychain path. Secrets live in
// SecureBytes for the store's lifetime. Results are delivered asynchronously (queued on the
// calling thread's event loop), exactly like KeychainSecretStore, so code under test cannot come
// to rely on synchronous callbacks. The operation itself takes effect at call time.
//
// setAvailable(false) makes every call answer Unavailable (as with no secret service running)
// without touching what is stored. Removing a key that is not stored reports Ok.
// Destroying the store drops the callbacks not yet delivered.
#include "platform/SecretStore.h"

#include <QObject>
#include <QString>

#include <map>

namespace pt::platform {

class MemorySecretStore final : public SecretStore {
public:
    MemorySecretStore();
    ~MemorySecretStore() override;

    MemorySecretStore(const MemorySecretStore&) = delete;
    MemorySecretStore& operator=(const MemorySecretStore&) = delete;

    void write(const QString& key, crypto::ByteView secret, Callback done) override;
    void read(const QString& key, Callback done) override;
    void remove(const QString& key, Callback done) override;

    void setAvailable(bool available) { m_available = available; }
    [[nodiscard]] bool available() const { return m_available; }

    [[nodiscard]] bool contains(const QString& key) const { return m_secrets.count(key) != 0; }
    [[nodiscard]] std::size_t size() const { return m_secrets.size(); }

private:
    void deliver(Callback done, SecretResult result);

    std::map<QString, crypto::SecureBytes> m_secrets;
    bool m_available = true;
    QObject m_context; // queued deliveries die with it
};

} // namespace pt::platform
