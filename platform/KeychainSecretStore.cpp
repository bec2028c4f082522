#include "platform/KeychainSecretStore.h"

#include "platform/SecretMessages.h"

#include <qt6keychain/keychain.h>
#include <sodium.h>

#include <QByteArray>
#include <QTimer>

#if defined(PT_HAVE_QTDBUS)
#include <QDBusConnection>
#endif

#include <array>
#include <memory>
#include <new>
#include <utility>

namespace pt::platform {

namespace {

using detail::Operation;
using Status = SecretResult::Status;

// Zeroes the buffer `bytes` shares with every other QByteArray pointing at it (deliberately not
// detaching: the point is to clear the copy QtKeychain's job holds too). Buffers Qt does not own
// (fromRawData, the shared empty one) are left alone.
void wipeShared(QByteArray bytes)
{
    if (bytes.isEmpty() || !bytes.data_ptr().isMutable())
        return;
    sodium_memzero(const_cast<char*>(bytes.constData()), static_cast<std::size_t>(bytes.size()));
}

Status statusFor(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return Status::Ok;
    case QKeychain::EntryNotFound:
        return Status::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Status::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
    default: // codes added by later QtKeychain versions
        return Status::Failed;
    }
}

// QtKeychain's libsecret backend reports "no session bus" and "nobody provides
// org.freedesktop.secrets" as OtherError with the GLib message. Both mean there is no keychain
// service to talk to, which the user should hear as Unavailable, not as a failure.
bool secretServiceMissing([[maybe_unused]] const QString& errorString)
{
#if defined(PT_HAVE_QTDBUS)
    static constexpr std::array missingServiceErrors = {
        "org.freedesktop.DBus.Error.ServiceUnknown",
        "org.freedesktop.DBus.Error.NameHasNoOwner",
        "org.freedesktop.DBus.Error.NoServer",
        "org.freedesktop.DBus.Error.Spawn.",
    };
    for (const char* name : missingServiceErrors) {
        if (errorString.contains(QLatin1String(name)))
            return true;
    }
    // Only reached after a failure, so the (cached) connection attempt costs nothing normally.
    return !QDBusConnection::sessionBus().isConnected();
#else
    return false;
#endif
}

SecretResult resultFor(Operation op, const QKeychain::Job& job)
{
    Status status = statusFor(job.error());
    if (status == Status::Failed && secretServiceMissing(job.errorString()))
        status = Status::Unavailable;
    if (op == Operation::Remove && status == Status::NotFound)
        status = Status::Ok; // removal is idempotent
    return detail::makeResult(op, status, job.errorString());
}

SecretResult readResult(QKeychain::ReadPasswordJob& job)
{
    SecretResult result = resultFor(Operation::Read, job);
    if (!result.ok())
        return result;

    QByteArray data = job.binaryData(); // shares the job's buffer: no extra copy
    try {
        result.secret = crypto::SecureBytes::copyOf(
            {reinterpret_cast<const std::uint8_t*>(data.constData()),
             static_cast<std::size_t>(data.size())});
    } catch (const std::bad_alloc&) {
        result = detail::makeResult(Operation::Read, Status::Failed,
                                    QStringLiteral("out of secure memory"));
    }
    wipeShared(data);
    return result;
}

struct Pending {
    SecretStore::Callback done;
    bool settled = false;
};

// Starts `job` and calls `done` exactly once: with interpret(job) when the job finishes, or with
// TimedOut when `timeout` passes first (the late finish is then ignored). `afterFinish` runs on
// every finish, even a late one or one after the store is gone, to scrub the job's buffers.
template <typename JobT, typename Interpret, typename AfterFinish>
void launch(QObject* context, JobT* job, Operation op, std::chrono::milliseconds timeout,
            SecretStore::Callback done, Interpret interpret, AfterFinish afterFinish)
{
    // The job has no parent and deletes itself once finished: it must outlive a timeout and the
    // store, because the libsecret callback it is waiting for holds a raw pointer to it.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);

    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);

    auto* timer = new QTimer(context);
    timer->setSingleShot(true);
    timer->setInterval(timeout);

    auto settle = [pending, timer](SecretResult result) {
        if (pending->settled)
            return;
        pending->settled = true;
        timer->stop();
        timer->deleteLater();
        SecretStore::Callback callback = std::move(pending->done);
        pending->done = nullptr;
        if (callback)
            callback(std::move(result));
    };

    QObject::connect(timer, &QTimer::timeout, context, [settle, op, timeout]() {
        settle(detail::makeResult(op, Status::TimedOut, {}, timeout));
    });
    // Connected before afterFinish, so it sees the job's data first.
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [settle, interpret](QKeychain::Job* finished) {
                         settle(interpret(*static_cast<JobT*>(finished)));
                     });
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [afterFinish](QKeychain::Job* finished) {
                         afterFinish(*static_cast<JobT*>(finished));
                     });

    timer->start();
    job->start();
}

// A call that cannot even start still answers asynchronously, like every other outcome.
void deliverLater(QObject* context, SecretStore::Callback done, SecretResult result)
{
    auto shared = std::make_shared<SecretResult>(std::move(result));
    QTimer::singleShot(0, context, [done = std::move(done), shared]() {
        if (done)
            done(std::move(*shared));
    });
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, std::chrono::milliseconds timeout)
    : m_service(std::move(service)), m_timeout(timeout)
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::write(const QString& key, crypto::ByteView secret, Callback done)
{
    if (key.isEmpty()) {
        deliverLater(&m_context, std::move(done),
                     detail::makeResult(Operation::Write, Status::Failed,
                                        QStringLiteral("no key name was given")));
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    QByteArray data(reinterpret_cast<const char*>(secret.data()),
                    static_cast<qsizetype>(secret.size()));
    job->setBinaryData(data);
    launch(
        &m_context, job, Operation::Write, m_timeout, std::move(done),
        [](QKeychain::WritePasswordJob& j) { return resultFor(Operation::Write, j); },
        [data](QKeychain::WritePasswordJob&) { wipeShared(data); });
}

void KeychainSecretStore::read(const QString& key, Callback done)
{
    if (key.isEmpty()) {
        deliverLater(&m_context, std::move(done),
                     detail::makeResult(Operation::Read, Status::Failed,
                                        QStringLiteral("no key name was given")));
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    launch(
        &m_context, job, Operation::Read, m_timeout, std::move(done),
        [](QKeychain::ReadPasswordJob& j) { return readResult(j); },
        [](QKeychain::ReadPasswordJob& j) { wipeShared(j.binaryData()); });
}

void KeychainSecretStore::remove(const QString& key, Callback done)
{
    if (key.isEmpty()) {
        deliverLater(&m_context, std::move(done),
                     detail::makeResult(Operation::Remove, Status::Failed,
                                        QStringLiteral("no key name was given")));
        return;
    }
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    launch(
        &m_context, job, Operation::Remove, m_timeout, std::move(done),
        [](QKeychain::DeletePasswordJob& j) { return resultFor(Operation::Remove, j); },
        [](QKeychain::DeletePasswordJob&) {});
}

} // namespace pt::platform
