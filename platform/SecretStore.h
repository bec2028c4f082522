#pragma once
// The OS keychain seam. The real store is QtKeychain (KeychainSecretStore); tests and the CLI's
// --no-keychain path use MemorySecretStore. Every call finishes: a missing or locked secret
// service ends in Unavailable or TimedOut, never a hang.
#include "crypto/SecureBytes.h"

#include <QString>

#include <chrono>
#include <functional>

namespace pt::platform {

struct SecretResult {
    enum class Status {
        Ok,
        NotFound,    // no secret stored under that key
        Unavailable, // no secret service (no D-Bus session, no keyring daemon)
        Denied,      // the user or the service refused access
        TimedOut,
        Failed,      // anything else; message says what
    };
    Status status = Status::Failed;
    QString message;            // one plain sentence for the user, with what to do next
    crypto::SecureBytes secret; // filled by read() when status is Ok

    [[nodiscard]] bool ok() const { return status == Status::Ok; }
};

class SecretStore {
public:
    using Callback = std::function<void(SecretResult)>;

    virtual ~SecretStore() = default;

    // Asynchronous; `done` is called exactly once, on the calling thread's event loop.
    virtual void write(const QString& key, crypto::ByteView secret, Callback done) = 0;
    virtual void read(const QString& key, Callback done) = 0;
    virtual void remove(const QString& key, Callback done) = 0;

    // Blocking forms for the CLI and tests: spin a local event loop until the job ends.
    [[nodiscard]] SecretResult writeBlocking(const QString& key, crypto::ByteView secret);
    [[nodiscard]] SecretResult readBlocking(const QString& key);
    [[nodiscard]] SecretResult removeBlocking(const QString& key);
};

} // namespace pt::platform
