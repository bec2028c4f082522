#pragma once
// How guessable a passphrase is: zxcvbn's estimate (Debian's libzxcvbn, the C port), a 0-4
// score, how long an offline attacker would need, and one sentence on what would make it
// stronger. Shared by the app's meter and the CLI's init and passwd.
//
// The attacker: someone holding a copy of the vault (a stolen phone, a synced or backed-up copy)
// and trying passphrases against the Argon2id header offline. The vault calibrates Argon2id to
// about 1 s on this device with at least 64 MiB, and libsodium's Argon2id runs on one core, so
// one guess costs about a core-second and 64 MiB. We assume 10,000 guesses a second, the figure
// zxcvbn itself uses for "offline, slow hash": about 10,000 cores (or the GPUs to match) working
// only on this vault. That is far beyond a curious colleague or an employer's IT department (a
// 2-core machine like this one manages about 2 a second), on purpose: a journal must stay secret
// for years while hardware gets cheaper, and an estimate that errs must err on the side of
// caution.
//
// The passphrase is converted to UTF-8 in a SecureBytes buffer, wiped when scoring ends;
// libzxcvbn's stack copies are beyond our reach.
#include <QString>
#include <QStringView>

#include <array>

namespace pt::core::passphrase {

inline constexpr double AttackerGuessesPerSecond = 1e4; // see above
// The score is the number of these thresholds (bits of zxcvbn entropy) the passphrase reaches.
// At the attacker's rate, finding the passphrase takes on average:
//   score 0, below 30 bits: under 15 hours
//   score 1, below 45 bits: under 55 years
//   score 2, below 60 bits: under 1.8 million years
//   score 3, below 75 bits: under 60 billion years
//   score 4: longer.
// The upper steps look generous, and are meant to: zxcvbn overrates mangled words (it gives
// "Tr0ub4dor&3" 47 bits; cracking tools try such swaps early), attackers get faster every year,
// and an attacker may spend far more than we assumed. Score 3 is the least the create-vault page
// should accept without a warning.
inline constexpr std::array<double, 4> ScoreThresholds{30.0, 45.0, 60.0, 75.0};
// Only the first this many characters are scored; zxcvbn looks at the first 100 closely.
inline constexpr qsizetype MaxScoredLength = 1024;
// Words people on a Performance Improvement Plan using Paper Trail will be tempted to use.
inline constexpr std::array<const char*, 4> UserWords{"paper", "trail", "papertrail", "pip"};

struct Estimate {
    int score = 0;
    double entropyBits = 0.0;
    QString crackTimeText; // empty for an empty passphrase
    QString feedback;      // empty for an empty passphrase and for score 4
    // Found within a day on average at the attacker's rate: refused unless the person insists.
    bool guessableWithinADay = false;
};

[[nodiscard]] Estimate estimate(QStringView passphrase);
[[nodiscard]] int scoreFor(double entropyBits);
// The average time to find a passphrase of this entropy at AttackerGuessesPerSecond, as a plain
// phrase: "less than a second", "3 hours", "centuries".
[[nodiscard]] QString crackTimeFor(double entropyBits);
[[nodiscard]] double averageSecondsToGuess(double entropyBits);

} // namespace pt::core::passphrase
