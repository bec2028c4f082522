#pragma once
// The real SecretStore: the OS keychain through QtKeychain (Secret Service via libsecret on
// Linux, Keychain on macOS, Credential Manager on Windows). Secrets are stored as binary data
// under (service, key); the insecure plain-text fallback is always off.
//
// Every call ends in exactly one callback, on the calling thread's event loop: a per-call timer
// reports TimedOut if the backend has not answered in time, and the late answer is then ignored.
// Removing a key that is not stored reports Ok (removal is idempotent), as MemorySecretStore does.
//
// Use from a thread with a Qt event loop (normally the main thread). Destroying the store drops
// the callbacks of calls still in flight (they are never called); their QtKeychain jobs finish
// and delete themselves on their own.
#include "platform/SecretStore.h"

#include <QObject>
#include <QString>

#include <chrono>

namespace pt::platform {

class KeychainSecretStore final : public SecretStore {
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{10'000};

    explicit KeychainSecretStore(QString service,
                                 std::chrono::milliseconds timeout = kDefaultTimeout);
    ~KeychainSecretStore() override;

    KeychainSecretStore(const KeychainSecretStore&) = delete;
    KeychainSecretStore& operator=(const KeychainSecretStore&) = delete;

    void write(const QString& key, crypto::ByteView secret, Callback done) override;
    void read(const QString& key, Callback done) override;
    void remove(const QString& key, Callback done) override;

    [[nodiscard]] const QString& service() const { return m_service; }
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }

private:
    QString m_service;
    std::chrono::milliseconds m_timeout;
    // Context for every connection and parent of every timer: destroying it with the store cuts
    // all of them, so nothing can call back into a dead store.
    QObject m_context;
};

} // namespace pt::platform
