#include "platform/MemorySecretStore.h"

#include "platform/SecretMessages.h"

#include <QTimer>

#include <memory>
#include <new>
#include <utility>

namespace pt::platform {

namespace {

using detail::Operation;
using Status = SecretResult::Status;

} // namespace

MemorySecretStore::MemorySecretStore() = default;
MemorySecretStore::~MemorySecretStore() = default;

void MemorySecretStore::deliver(Callback done, SecretResult result)
{
    // SecretResult is move-only (it holds SecureBytes); the queued functor must be copyable.
    auto shared = std::make_shared<SecretResult>(std::move(result));
    QTimer::singleShot(0, &m_context, [done = std::move(done), shared]() {
        if (done)
            done(std::move(*shared));
    });
}

void MemorySecretStore::write(const QString& key, crypto::ByteView secret, Callback done)
{
    if (!m_available) {
        deliver(std::move(done), detail::makeResult(Operation::Write, Status::Unavailable));
        return;
    }
    if (key.isEmpty()) {
        deliver(std::move(done), detail::makeResult(Operation::Write, Status::Failed,
                                                    QStringLiteral("no key name was given")));
        return;
    }
    try {
        m_secrets.insert_or_assign(key, crypto::SecureBytes::copyOf(secret));
    } catch (const std::bad_alloc&) {
        deliver(std::move(done), detail::makeResult(Operation::Write, Status::Failed,
                                                    QStringLiteral("out of secure memory")));
        return;
    }
    deliver(std::move(done), detail::makeResult(Operation::Write, Status::Ok));
}

void MemorySecretStore::read(const QString& key, Callback done)
{
    if (!m_available) {
        deliver(std::move(done), detail::makeResult(Operation::Read, Status::Unavailable));
        return;
    }
    const auto it = m_secrets.find(key);
    if (it == m_secrets.end()) {
        deliver(std::move(done), detail::makeResult(Operation::Read, Status::NotFound));
        return;
    }
    SecretResult result = detail::makeResult(Operation::Read, Status::Ok);
    try {
        result.secret = it->second.clone();
    } catch (const std::bad_alloc&) {
        result = detail::makeResult(Operation::Read, Status::Failed,
                                    QStringLiteral("out of secure memory"));
    }
    deliver(std::move(done), std::move(result));
}

void MemorySecretStore::remove(const QString& key, Callback done)
{
    if (!m_available) {
        deliver(std::move(done), detail::makeResult(Operation::Remove, Status::Unavailable));
        return;
    }
    m_secrets.erase(key); // a missing key is fine: removal is idempotent
    deliver(std::move(done), detail::makeResult(Operation::Remove, Status::Ok));
}

} // namespace pt::platform
