#include "crypto/PasswordHash.h"

#include <sodium.h>

#include <algorithm>

namespace pt::crypto::pwhash {

static_assert(SaltSize == crypto_pwhash_argon2id_SALTBYTES);
static_assert(MinOps >= crypto_pwhash_argon2id_OPSLIMIT_MIN);
static_assert(MinMemory >= crypto_pwhash_argon2id_MEMLIMIT_MIN);

namespace {

constexpr std::uint64_t opsCeiling()
{
    return std::min<std::uint64_t>(MaxOps, crypto_pwhash_argon2id_OPSLIMIT_MAX);
}

constexpr std::size_t memoryCeiling()
{
    return std::min<std::size_t>(MaxMemory, crypto_pwhash_argon2id_MEMLIMIT_MAX);
}


using Clock = std::chrono::steady_clock;

// Wall time of one derivation with params, or nullopt when it fails (e.g. out of memory).
std::optional<Clock::duration> timeDerivation(Params params)
{
    std::uint8_t salt[SaltSize];
    randombytes_buf(salt, sizeof salt);
    static constexpr char probe[] = "calibration passphrase";
    const auto start = Clock::now();
    auto key = derive(view(probe), ByteView(salt, sizeof salt), params);
    const auto elapsed = Clock::now() - start;
    if (!key)
        return std::nullopt;
    return elapsed;
}

} // namespace

std::optional<SecureBytes> derive(ByteView passphrase, ByteView salt, Params params,
                                  std::size_t length)
{
    if (salt.size() != SaltSize)
        return std::nullopt;
    if (params.ops < crypto_pwhash_argon2id_OPSLIMIT_MIN || params.ops > opsCeiling())
        return std::nullopt;
    if (params.memory < crypto_pwhash_argon2id_MEMLIMIT_MIN || params.memory > memoryCeiling())
        return std::nullopt;
    if (!params.withinCeiling())
        return std::nullopt;
    if (length < crypto_pwhash_argon2id_BYTES_MIN || length > crypto_pwhash_argon2id_BYTES_MAX)
        return std::nullopt;
    if (passphrase.size() > crypto_pwhash_argon2id_PASSWD_MAX)
        return std::nullopt;

    static constexpr char empty[1] = {0};
    const char* pass =
        passphrase.empty() ? empty : reinterpret_cast<const char*>(passphrase.data());
    SecureBytes out(length);
    if (crypto_pwhash(out.data(), length, pass, passphrase.size(), salt.data(), params.ops,
                      params.memory, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return std::nullopt;
    return out;
}

Params calibrate(std::chrono::milliseconds target)
{
    using Seconds = std::chrono::duration<double>;
    const double goal = std::chrono::duration_cast<Seconds>(target).count();

    Params params; // MinOps / MinMemory
    auto measured = timeDerivation(params);
    if (!measured)
        return params;
    double seconds = std::chrono::duration_cast<Seconds>(*measured).count();
    if (seconds <= 0.0 || seconds >= goal)
        return params;

    // Argon2 time grows about linearly with memory: double it while the estimate stays in budget.
    const std::size_t memoryCap = memoryCeiling();
    std::size_t memory = params.memory;
    double estimate = seconds;
    while (memory <= memoryCap / 2 && estimate * 2.0 <= goal) {
        memory *= 2;
        estimate *= 2.0;
    }
    if (memory != params.memory) {
        // Re-measure at the chosen memory (costs at most about `target`); back off if the
        // machine cannot actually provide that much.
        for (;;) {
            const Params probe{params.ops, memory};
            measured = timeDerivation(probe);
            if (measured) {
                params.memory = memory;
                seconds = std::chrono::duration_cast<Seconds>(*measured).count();
                break;
            }
            memory /= 2;
            if (memory <= params.memory)
                break; // keep the minimum memory and its first measurement
        }
    }

    // Then spend what is left of the budget on passes: time is linear in ops.
    const double perOp = seconds / static_cast<double>(params.ops);
    if (perOp > 0.0) {
        const double ops = goal / perOp;
        const double workCap = MaxWorkBytePasses / static_cast<double>(params.memory);
        if (ops > static_cast<double>(params.ops))
            params.ops = std::min<std::uint64_t>(static_cast<std::uint64_t>(std::min(ops, workCap)), MaxOps);
    }
    return params;
}

} // namespace pt::crypto::pwhash
