#include "KdfPolicy.h"

#include <QString>

namespace pt::core::kdf {

namespace {

constexpr crypto::pwhash::Params TestParams{1, 8u * 1024u * 1024u};

QString describe(const crypto::pwhash::Params& p)
{
    return QStringLiteral("%1 pass(es), %2 MiB").arg(p.ops).arg(double(p.memory) / (1024.0 * 1024.0), 0, 'g', 4);
}

} // namespace

bool weakTestKdfEnabled()
{
#ifdef PT_TEST_KDF
    return qEnvironmentVariable("PAPERTRAIL_TEST_KDF") == QLatin1String("1");
#else
    return false;
#endif
}

crypto::pwhash::Params floor()
{
    return weakTestKdfEnabled() ? TestParams : crypto::pwhash::Params{crypto::pwhash::MinOps, crypto::pwhash::MinMemory};
}

crypto::pwhash::Params forNewKey() { return weakTestKdfEnabled() ? TestParams : crypto::pwhash::calibrate(); }

Status check(const crypto::pwhash::Params& params)
{
    const crypto::pwhash::Params least = floor();
    if (params.ops < least.ops || params.memory < least.memory)
        return damaged(QStringLiteral("vault.json asks for a weaker key derivation (%1) than Paper Trail allows (at "
                                      "least %2): someone may have weakened it to guess the passphrase faster. "
                                      "Restore vault.json from a synced copy or a backup.")
                           .arg(describe(params), describe(least)));
    if (!params.withinCeiling())
        return damaged(QStringLiteral("vault.json asks for a key derivation (%1) far heavier than any Paper Trail "
                                      "makes (at most 1024 MiB and 4 GiB of work). Restore vault.json from a "
                                      "synced copy or a backup.")
                           .arg(describe(params)));
    return Ok{};
}

} // namespace pt::core::kdf
