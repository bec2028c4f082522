#include "PassphraseEstimate.h"

#include "crypto/SecureBytes.h"

#include <QCoreApplication>
#include <QStringEncoder>

#include <zxcvbn.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <new>

namespace pt::core::passphrase {

namespace {

// The strings keep the context they had in the app's meter, so translations stay valid.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("PassphraseStrength", text, disambiguation, n);
}

// What zxcvbn found in the passphrase, as far as the advice cares.
struct Patterns {
    bool userWord = false;
    bool leet = false;
    bool keyboard = false;
    bool sequence = false;
    bool repeat = false;
    bool date = false;
};

Patterns patternsIn(const ZxcMatch_t* match)
{
    Patterns found;
    for (; match != nullptr; match = match->Next) {
        const int type = static_cast<int>(match->Type);
        if (type & MULTIPLE_MATCH)
            found.repeat = true;
        switch (static_cast<ZxcTypeMatch_t>(type & ~MULTIPLE_MATCH)) {
        case USER_MATCH:
        case USER_LEET_MATCH:
            found.userWord = true;
            break;
        case DICT_LEET_MATCH:
            found.leet = true;
            break;
        case SPATIAL_MATCH:
            found.keyboard = true;
            break;
        case SEQUENCE_MATCH:
            found.sequence = true;
            break;
        case REPEATS_MATCH:
            found.repeat = true;
            break;
        case DATE_MATCH:
        case YEAR_MATCH:
            found.date = true;
            break;
        default:
            break;
        }
    }
    return found;
}

// The most useful single piece of advice: first what makes it easy to guess, then what to add.
QString adviceFor(const Patterns& found, int score)
{
    if (score >= 4)
        return {};
    if (found.userWord)
        return tr(
            "Leave out \u201cPaper Trail\u201d and \u201cPIP\u201d: "
            "they are among the first words anyone would try.");
    if (found.leet)
        return tr(
            "Swapping letters for look-alike symbols (0 for o) barely helps: "
            "add another uncommon word instead.");
    if (found.keyboard)
        return tr(
            "Keyboard patterns like \u201cqwerty\u201d are guessed early: use uncommon words instead.");
    if (found.sequence)
        return tr(
            "Sequences like \u201cabc\u201d or \u201c1234\u201d are guessed early: "
            "use uncommon words instead.");
    if (found.repeat)
        return tr(
            "Repeated characters or words add little: add a different uncommon word instead.");
    if (found.date)
        return tr(
            "Dates and years are easy to guess, especially ones that matter to you: "
            "add an uncommon word instead.");
    if (score <= 1)
        return tr(
            "Add two or three more uncommon words: a short sentence only you would think of "
            "is easy to remember and hard to guess.");
    if (score == 2)
        return tr("Add another uncommon word or two.");
    return tr("Add one more uncommon word to make it strong.");
}

QString count(double value, const char* one, const char* many)
{
    const int n = static_cast<int>(std::floor(value));
    return n <= 1 ? tr(one) : tr(many, nullptr, n);
}

} // namespace

int scoreFor(double entropyBits)
{
    int score = 0;
    for (const double threshold : ScoreThresholds) {
        if (entropyBits >= threshold)
            ++score;
    }
    return score;
}

double averageSecondsToGuess(double entropyBits)
{
    // On average the attacker tries half the guesses before finding it.
    return std::exp2(entropyBits - 1.0) / AttackerGuessesPerSecond;
}

QString crackTimeFor(double entropyBits)
{
    constexpr double minute = 60;
    constexpr double hour = 60 * minute;
    constexpr double day = 24 * hour;
    constexpr double year = 365.2425 * day;
    constexpr double month = year / 12;
    const double seconds = averageSecondsToGuess(entropyBits);
    if (!(seconds >= 1.0)) // also NaN
        return tr("less than a second");
    if (seconds < minute)
        return count(seconds, QT_TR_NOOP("1 second"), QT_TR_NOOP("%n seconds"));
    if (seconds < hour)
        return count(seconds / minute, QT_TR_NOOP("1 minute"), QT_TR_NOOP("%n minutes"));
    if (seconds < day)
        return count(seconds / hour, QT_TR_NOOP("1 hour"), QT_TR_NOOP("%n hours"));
    if (seconds < month)
        return count(seconds / day, QT_TR_NOOP("1 day"), QT_TR_NOOP("%n days"));
    if (seconds < year)
        return count(seconds / month, QT_TR_NOOP("1 month"), QT_TR_NOOP("%n months"));
    if (seconds < 100 * year)
        return count(seconds / year, QT_TR_NOOP("1 year"), QT_TR_NOOP("%n years"));
    return tr("centuries");
}

Estimate estimate(QStringView passphrase)
{
    Estimate result;
    if (passphrase.isEmpty())
        return result;
    const QStringView scored = passphrase.left(MaxScoredLength);

    Patterns found;
    try {
        // libzxcvbn wants a NUL-terminated UTF-8 string; it lives only in this wiped buffer.
        QStringEncoder encoder(QStringEncoder::Utf8);
        crypto::SecureBytes utf8(static_cast<std::size_t>(encoder.requiredSpace(scored.size())) + 1);
        char* text = reinterpret_cast<char*>(utf8.data());
        *encoder.appendToBuffer(text, scored) = '\0';

        std::array<const char*, UserWords.size() + 1> userWords{};
        std::copy(UserWords.begin(), UserWords.end(), userWords.begin());
        ZxcMatch_t* info = nullptr;
        const double bits = ZxcvbnMatch(text, userWords.data(), &info);
        const std::unique_ptr<ZxcMatch_t, decltype(&ZxcvbnFreeInfo)> matches(info, &ZxcvbnFreeInfo);
        result.entropyBits = std::isfinite(bits) && bits > 0 ? bits : 0.0;
        found = patternsIn(matches.get());
    } catch (const std::bad_alloc&) {
        // No memory for the secure buffer: report nothing rather than take the app down.
        return {};
    }

    result.score = scoreFor(result.entropyBits);
    result.crackTimeText = crackTimeFor(result.entropyBits);
    result.feedback = adviceFor(found, result.score);
    result.guessableWithinADay = averageSecondsToGuess(result.entropyBits) < 24.0 * 3600.0;
    return result;
}

} // namespace pt::core::passphrase
