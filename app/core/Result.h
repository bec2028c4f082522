#pragma once
// Errors are values at module boundaries: a code the CLI maps to its exit status and one
// plain sentence for the person, saying what went wrong and what to do next.
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace pt::core {

enum class ErrorCode {
    Failed = 1,   // I/O, disk full, network: the operation did not happen
    Usage = 2,    // the request itself is malformed
    WrongKey = 3, // wrong passphrase or recovery key
    Damaged = 4,  // the vault or a file is damaged
    NotFound = 5,
};

struct Error {
    ErrorCode code = ErrorCode::Failed;
    QString message;
    // A remote that may answer later (a dropped connection, 5xx, 423 Locked, 429): worth retrying,
    // after `retryAfterSeconds` when the server said how long.
    bool transient = false;
    int retryAfterSeconds = 0;
    // Transient, but nothing reached the remote (connection refused, no such host): trying again
    // at once does not help, the next sync does (sync/RetryingRemote).
    bool unreachable = false;
    // A remote that refused an upload as too large (HTTP 413, often a proxy's limit): the same
    // bytes may pass in smaller parts (sync/ObjectTransfer).
    bool tooLarge = false;
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] T& value() { return std::get<T>(m_value); }
    [[nodiscard]] const T& value() const { return std::get<T>(m_value); }
    [[nodiscard]] T* operator->() { return &value(); }
    [[nodiscard]] const T* operator->() const { return &value(); }
    [[nodiscard]] T& operator*() { return value(); }
    [[nodiscard]] const Error& error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

// For operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

inline Error failed(QString message) { return {ErrorCode::Failed, std::move(message)}; }
inline Error damaged(QString message) { return {ErrorCode::Damaged, std::move(message)}; }
inline Error notFound(QString message) { return {ErrorCode::NotFound, std::move(message)}; }
inline Error usage(QString message) { return {ErrorCode::Usage, std::move(message)}; }
inline Error wrongKey(QString message) { return {ErrorCode::WrongKey, std::move(message)}; }

} // namespace pt::core
