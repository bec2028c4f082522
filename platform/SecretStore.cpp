#include "platform/SecretStore.h"

#include "platform/SecretMessages.h"

#include <QCoreApplication>
#include <QEventLoop>

#include <memory>
#include <optional>
#include <utility>

namespace pt::platform {

namespace detail {

namespace {

QString seconds(std::chrono::milliseconds timeout)
{
    const auto ms = timeout.count();
    if (ms % 1000 == 0)
        return QString::number(ms / 1000);
    return QString::number(static_cast<double>(ms) / 1000.0, 'f', 1);
}

// The backend's words, trimmed of a trailing full stop so they sit inside our sentence. Words
// that name D-Bus internals (error names, object paths) mean nothing to the person and are
// left out.
QString quoted(const QString& detail)
{
    QString d = detail.trimmed();
    if (d.contains(QLatin1String("org.freedesktop")) || d.contains(QLatin1String("DBus")) ||
        d.contains(QLatin1String("/org/")) || d.contains(QLatin1String("dbus"), Qt::CaseInsensitive))
        return {};
    while (d.endsWith(QLatin1Char('.')))
        d.chop(1);
    return d.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(d);
}

} // namespace

QString secretMessage(Operation op, SecretResult::Status status, const QString& detail,
                      std::chrono::milliseconds timeout)
{
    using S = SecretResult::Status;
    switch (status) {
    case S::Ok:
        return {};
    case S::NotFound:
        switch (op) {
        case Operation::Read:
            return QStringLiteral("This device's keychain has no saved key for this vault; "
                                  "unlock with your passphrase instead.");
        case Operation::Write:
        case Operation::Remove:
            return QStringLiteral("This device's keychain has no saved key for this vault, "
                                  "so there is nothing to do.");
        }
        break;
    case S::Unavailable:
        switch (op) {
        case Operation::Read:
        case Operation::Write:
            return QStringLiteral("No keychain service is running, so this device cannot "
                                  "remember the vault; unlock with your passphrase instead.");
        case Operation::Remove:
            return QStringLiteral("No keychain service is running, so the saved vault key "
                                  "could not be removed; start your keychain and try again.");
        }
        break;
    case S::Denied:
        switch (op) {
        case Operation::Read:
        case Operation::Write:
            return QStringLiteral("The keychain refused access, so this device cannot remember "
                                  "the vault; unlock your keychain or allow Paper Trail access, "
                                  "or unlock with your passphrase instead.");
        case Operation::Remove:
            return QStringLiteral("The keychain refused access, so the saved vault key could not "
                                  "be removed; unlock your keychain or allow Paper Trail access "
                                  "and try again.");
        }
        break;
    case S::TimedOut:
        switch (op) {
        case Operation::Read:
        case Operation::Write:
            return QStringLiteral("The keychain did not answer within %1 seconds; make sure it "
                                  "is unlocked and try again, or unlock with your passphrase "
                                  "instead.")
                .arg(seconds(timeout));
        case Operation::Remove:
            return QStringLiteral("The keychain did not answer within %1 seconds; make sure it "
                                  "is unlocked and try removing the saved vault key again.")
                .arg(seconds(timeout));
        }
        break;
    case S::Failed:
        switch (op) {
        case Operation::Read:
            return QStringLiteral("The keychain could not read the saved vault key%1; unlock "
                                  "with your passphrase instead.")
                .arg(quoted(detail));
        case Operation::Write:
            return QStringLiteral("The keychain could not save the vault key%1; this device "
                                  "will not remember the vault, so unlock with your passphrase "
                                  "next time.")
                .arg(quoted(detail));
        case Operation::Remove:
            return QStringLiteral("The keychain could not remove the saved vault key%1; remove "
                                  "the Paper Trail entry with your keychain manager.")
                .arg(quoted(detail));
        }
        break;
    }
    return QStringLiteral("The keychain failed unexpectedly; unlock with your passphrase "
                          "instead.");
}

SecretResult makeResult(Operation op, SecretResult::Status status, const QString& detail,
                        std::chrono::milliseconds timeout)
{
    SecretResult result;
    result.status = status;
    result.message = secretMessage(op, status, detail, timeout);
    return result;
}

} // namespace detail

namespace {

// Shared with the callback so that a (contract-breaking) late callback after we returned
// cannot touch a dead stack frame.
struct BlockingState {
    std::optional<SecretResult> result;
    QEventLoop* loop = nullptr;
};

template <typename Start>
SecretResult runBlocking(detail::Operation op, Start&& start)
{
    auto state = std::make_shared<BlockingState>();
    QEventLoop loop;
    state->loop = &loop;

    start([state](SecretResult r) {
        if (state->result)
            return; // a second callback: ignore it
        state->result = std::move(r);
        if (state->loop)
            state->loop->quit();
    });

    // The callback may already have run synchronously; quit() before exec() would be lost.
    if (!state->result) {
        if (QCoreApplication::instance() == nullptr) {
            state->loop = nullptr;
            return detail::makeResult(op, SecretResult::Status::Failed,
                                      QStringLiteral("no Qt event loop is running"));
        }
        loop.exec();
    }
    state->loop = nullptr;

    if (!state->result) // exec() returned without the job ending: someone quit the loop
        return detail::makeResult(op, SecretResult::Status::Failed,
                                  QStringLiteral("the wait was interrupted"));
    return std::move(*state->result);
}

} // namespace

SecretResult SecretStore::writeBlocking(const QString& key, crypto::ByteView secret)
{
    return runBlocking(detail::Operation::Write,
                       [&](Callback done) { write(key, secret, std::move(done)); });
}

SecretResult SecretStore::readBlocking(const QString& key)
{
    return runBlocking(detail::Operation::Read,
                       [&](Callback done) { read(key, std::move(done)); });
}

SecretResult SecretStore::removeBlocking(const QString& key)
{
    return runBlocking(detail::Operation::Remove,
                       [&](Callback done) { remove(key, std::move(done)); });
}

} // namespace pt::platform
