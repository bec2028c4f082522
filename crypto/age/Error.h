#pragma once
// Errors are values: a code that tells the kind of failure (the test kit of the format tells these
// kinds apart, and a caller may want to: a wrong passphrase is not a damaged file) and one short
// English sentence. Nothing in crypto/age throws for bad input.
#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace pt::crypto::age {

enum class ErrorCode {
    Ok = 0,
    Usage,     // the caller's mistake: no recipient, a bad recipient string, use after finish()
    Io,        // the source or the sink reported an error
    Resource,  // scrypt could not get its memory
    Armor,     // the ASCII armor is malformed
    Header,    // the header is malformed, unsupported, cut short, or carries an invalid stanza
    NoMatch,   // well formed, but no identity unwraps the file key
    HeaderMac, // a file key was unwrapped but the header MAC does not match it
    Payload,   // the payload is damaged, cut short, or followed by trailing data
};

class [[nodiscard]] Status {
public:
    Status() = default; // success
    Status(ErrorCode code, std::string message) : m_code(code), m_message(std::move(message)) {}

    [[nodiscard]] bool ok() const { return m_code == ErrorCode::Ok; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] ErrorCode code() const { return m_code; }
    [[nodiscard]] const std::string& message() const { return m_message; }

private:
    ErrorCode m_code = ErrorCode::Ok;
    std::string m_message;
};

// A value or the Status saying why there is none (never an ok Status).
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Status error) : m_value(std::move(error)) { assert(!std::get<Status>(m_value).ok()); }

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] T& value() { return std::get<T>(m_value); }
    [[nodiscard]] const T& value() const { return std::get<T>(m_value); }
    [[nodiscard]] T* operator->() { return &value(); }
    [[nodiscard]] const T* operator->() const { return &value(); }
    [[nodiscard]] T& operator*() { return value(); }
    [[nodiscard]] const T& operator*() const { return value(); }
    // The error; an ok Status when there is a value.
    [[nodiscard]] Status status() const { return ok() ? Status() : std::get<Status>(m_value); }

private:
    std::variant<T, Status> m_value;
};

} // namespace pt::crypto::age
