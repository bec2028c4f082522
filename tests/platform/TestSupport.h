#pragma once
// Helpers shared by the platform tests.
#include "crypto/Bytes.h"
#include "platform/SecretStore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>
#include <ostream>

namespace pt::platform {

inline std::ostream& operator<<(std::ostream& os, SecretResult::Status status)
{
    using S = SecretResult::Status;
    switch (status) {
    case S::Ok:
        return os << "Ok";
    case S::NotFound:
        return os << "NotFound";
    case S::Unavailable:
        return os << "Unavailable";
    case S::Denied:
        return os << "Denied";
    case S::TimedOut:
        return os << "TimedOut";
    case S::Failed:
        return os << "Failed";
    }
    return os << "Status(" << static_cast<int>(status) << ")";
}

} // namespace pt::platform

namespace pt::test {

inline crypto::Bytes bytesOf(const crypto::SecureBytes& s)
{
    return {s.data(), s.data() + s.size()};
}

// Spins the event loop until `pred` holds or `timeout` passes; returns pred().
inline bool spinUntil(const std::function<bool()>& pred, std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    while (!pred() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    return pred();
}

inline void spinFor(std::chrono::milliseconds duration)
{
    spinUntil([] { return false; }, duration);
}

// Counts deliveries, keeps the last one.
struct Recorder {
    int calls = 0;
    std::optional<platform::SecretResult> last;

    platform::SecretStore::Callback callback()
    {
        return [this](platform::SecretResult r) {
            ++calls;
            last = std::move(r);
        };
    }
};

} // namespace pt::test
