#pragma once
// Internal to platform/: the user-facing sentences both stores put in SecretResult::message,
// so the real keychain and the in-memory stand-in say the same thing for the same outcome.
#include "platform/SecretStore.h"

#include <QString>

#include <chrono>

namespace pt::platform::detail {

enum class Operation { Write, Read, Remove };

// One plain sentence for `status` during `op`. `detail` (the backend's own words, may be empty)
// is quoted for Failed only; `timeout` is mentioned for TimedOut only.
[[nodiscard]] QString secretMessage(Operation op, SecretResult::Status status,
                                    const QString& detail = {},
                                    std::chrono::milliseconds timeout = {});

[[nodiscard]] SecretResult makeResult(Operation op, SecretResult::Status status,
                                      const QString& detail = {},
                                      std::chrono::milliseconds timeout = {});

} // namespace pt::platform::detail
