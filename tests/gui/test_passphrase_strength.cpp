// PassphraseStrength: zxcvbn's entropy mapped to a 0-4 score, the crack-time phrase and the advice.
#include <catch2/catch.hpp>

#include "PassphraseStrength.h"

#include <QElapsedTimer>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QVariant>

#include <sodium.h>

#include <memory>

using pt::gui::PassphraseStrength;

namespace {

PassphraseStrength::Estimate estimate(const char* utf8)
{
    return PassphraseStrength::estimate(QString::fromUtf8(utf8));
}

// A passphrase of `words` random 4-letter lowercase strings: 18.8 bits each.
QString randomPassphrase(int words)
{
    QString out;
    for (int w = 0; w < words; ++w) {
        if (w > 0)
            out += QLatin1Char('-');
        for (int c = 0; c < 4; ++c)
            out += QLatin1Char(static_cast<char>('a' + randombytes_uniform(26)));
    }
    return out;
}

} // namespace

TEST_CASE("common passwords score 0 with advice", "[gui][strength]")
{
    for (const char* weak : {"password", "Password1", "123456", "qwertyuiop", "iloveyou", "trustno1",
                             "hunter2", "aaaaaaaaaaaa", "abcdefgh123"}) {
        INFO(weak);
        const auto e = estimate(weak);
        CHECK(e.score == 0);
        CHECK_FALSE(e.feedback.isEmpty());
        CHECK_FALSE(e.crackTimeText.isEmpty());
    }
}

TEST_CASE("correct horse battery staple beats Tr0ub4dor&3", "[gui][strength]")
{
    const auto xkcd = estimate("correct horse battery staple");
    const auto troubador = estimate("Tr0ub4dor&3");
    CHECK(xkcd.entropyBits > troubador.entropyBits);
    CHECK(xkcd.score > troubador.score);
    CHECK(troubador.score <= 2); // mangled words are not strong, whatever zxcvbn's bits say
    CHECK_FALSE(troubador.feedback.isEmpty());
    CHECK(troubador.feedback.contains(QStringLiteral("symbols")));
}

TEST_CASE("long random passphrases score 4 with no advice", "[gui][strength]")
{
    for (const char* strong : {"uvj3-kq8f-2mzx-p7wt-9hrc", "gargle spinach viaduct ochre bramble lantern"}) {
        INFO(strong);
        const auto e = estimate(strong);
        CHECK(e.score == 4);
        CHECK(e.feedback.isEmpty());
        CHECK(e.crackTimeText == QStringLiteral("centuries"));
    }
    for (int i = 0; i < 20; ++i) {
        const QString generated = randomPassphrase(6); // about 113 bits
        INFO(generated.toStdString());
        CHECK(PassphraseStrength::estimate(generated).score == 4);
    }
}

TEST_CASE("the app's own words count as the first guesses", "[gui][strength]")
{
    for (const char* tempting : {"papertrail", "PaperTrail", "pip", "paper trail pip"}) {
        INFO(tempting);
        CHECK(estimate(tempting).score == 0);
    }
    const auto e = estimate("PaperTrail2024!");
    CHECK(e.score == 0);
    CHECK(e.feedback.contains(QStringLiteral("PIP")));
    // The same shape with words zxcvbn does not know about is rated higher.
    CHECK(estimate("ZorbleQuanx2024!").entropyBits > e.entropyBits);
}

TEST_CASE("every score below 4 comes with one sentence of advice", "[gui][strength]")
{
    for (const char* text : {"monkey dishwasher", "monkey dishwasher tangerine", "march 3 1985", "zxcvbnm,./",
                             "abcabcabcabcabc", "correct horse battery staple", "correcthorsebatterystaple"}) {
        INFO(text);
        const auto e = estimate(text);
        REQUIRE(e.score < 4);
        CHECK_FALSE(e.feedback.isEmpty());
        CHECK(e.feedback.endsWith(QLatin1Char('.')));
        CHECK(e.feedback.count(QLatin1Char('.')) == 1);
    }
    CHECK(estimate("zxcvbnm,./").feedback.contains(QStringLiteral("Keyboard")));
    CHECK(estimate("march 3 1985").feedback.contains(QStringLiteral("Dates")));
}

TEST_CASE("an empty passphrase scores 0 and says nothing", "[gui][strength]")
{
    const auto e = PassphraseStrength::estimate(QString());
    CHECK(e.score == 0);
    CHECK(e.entropyBits == 0.0);
    CHECK(e.crackTimeText.isEmpty());
    CHECK(e.feedback.isEmpty());
}

TEST_CASE("scores follow the documented thresholds", "[gui][strength]")
{
    CHECK(PassphraseStrength::scoreFor(0) == 0);
    CHECK(PassphraseStrength::scoreFor(29.9) == 0);
    CHECK(PassphraseStrength::scoreFor(30) == 1);
    CHECK(PassphraseStrength::scoreFor(44.9) == 1);
    CHECK(PassphraseStrength::scoreFor(45) == 2);
    CHECK(PassphraseStrength::scoreFor(60) == 3);
    CHECK(PassphraseStrength::scoreFor(74.9) == 3);
    CHECK(PassphraseStrength::scoreFor(75) == 4);
    CHECK(PassphraseStrength::scoreFor(500) == 4);
}

TEST_CASE("crack times read as plain phrases at 10,000 guesses a second", "[gui][strength]")
{
    // Average time = 2^(bits-1) / 10^4 s.
    CHECK(PassphraseStrength::crackTimeFor(0) == QStringLiteral("less than a second"));
    CHECK(PassphraseStrength::crackTimeFor(14) == QStringLiteral("less than a second")); // 0.8 s
    CHECK(PassphraseStrength::crackTimeFor(15) == QStringLiteral("1 second"));           // 1.6 s
    CHECK(PassphraseStrength::crackTimeFor(20) == QStringLiteral("52 seconds"));
    CHECK(PassphraseStrength::crackTimeFor(24) == QStringLiteral("13 minutes"));         // 839 s
    CHECK(PassphraseStrength::crackTimeFor(28) == QStringLiteral("3 hours"));            // 13422 s
    CHECK(PassphraseStrength::crackTimeFor(30) == QStringLiteral("14 hours"));
    CHECK(PassphraseStrength::crackTimeFor(33) == QStringLiteral("4 days"));
    CHECK(PassphraseStrength::crackTimeFor(36) == QStringLiteral("1 month"));            // 39.8 days
    CHECK(PassphraseStrength::crackTimeFor(40) == QStringLiteral("1 year"));             // 1.74 years
    CHECK(PassphraseStrength::crackTimeFor(45) == QStringLiteral("55 years"));
    CHECK(PassphraseStrength::crackTimeFor(47) == QStringLiteral("centuries"));
    CHECK(PassphraseStrength::crackTimeFor(1000) == QStringLiteral("centuries"));
}

TEST_CASE("non-ASCII and very long passphrases are scored quickly", "[gui][strength]")
{
    const auto accents =
        PassphraseStrength::estimate(QStringLiteral("caf\u00e9 cr\u00e8me br\u00fbl\u00e9e \u65e5\u672c\u8a9e"));
    CHECK(accents.entropyBits > 0);

    QElapsedTimer timer;
    timer.start();
    const auto huge = PassphraseStrength::estimate(QString(200000, QLatin1Char('x')));
    const auto hugeRandom = PassphraseStrength::estimate(randomPassphrase(5000));
    CHECK(timer.elapsed() < 2000);
    CHECK(huge.score < 4); // one repeated character, however long
    CHECK(hugeRandom.score == 4);
}

TEST_CASE("the QML object scores what it is given and hands nothing back", "[gui][strength]")
{
    PassphraseStrength strength;
    int results = 0;
    int passphrases = 0;
    QObject::connect(&strength, &PassphraseStrength::resultChanged, &strength, [&results] { ++results; });
    QObject::connect(&strength, &PassphraseStrength::passphraseChanged, &strength,
                     [&passphrases] { ++passphrases; });

    CHECK(strength.score() == 0);
    CHECK(strength.feedback().isEmpty());

    strength.setPassphrase(QStringLiteral("password"));
    CHECK(strength.score() == 0);
    CHECK_FALSE(strength.feedback().isEmpty());
    CHECK(strength.passphrase().isEmpty());
    CHECK(strength.property("passphrase").toString().isEmpty());

    REQUIRE(strength.setProperty("passphrase", QStringLiteral("gargle spinach viaduct ochre bramble lantern")));
    CHECK(strength.property("score").toInt() == 4);
    CHECK(strength.property("entropyBits").toDouble() > 75);
    CHECK(strength.property("crackTimeText").toString() == QStringLiteral("centuries"));
    CHECK(strength.property("feedback").toString().isEmpty());
    CHECK(results == 2);
    CHECK(passphrases == 2);

    strength.setPassphrase(QString());
    CHECK(strength.score() == 0);
    CHECK(strength.crackTimeText().isEmpty());
}

TEST_CASE("PassphraseStrength is usable from QML, bound to a text field", "[gui][strength][qml]")
{
    QQmlEngine engine;
    QQmlComponent component(&engine);
    component.setData(R"(
        import QtQuick
        import PaperTrail
        Item {
            property string typed
            property alias strength: meter
            PassphraseStrength { id: meter; passphrase: typed }
        })",
                      QUrl());
    REQUIRE(component.isReady());
    std::unique_ptr<QObject> root(component.create());
    REQUIRE(root);
    auto* meter = root->property("strength").value<QObject*>();
    REQUIRE(meter);

    REQUIRE(root->setProperty("typed", QStringLiteral("password")));
    CHECK(meter->property("score").toInt() == 0);
    CHECK_FALSE(meter->property("feedback").toString().isEmpty());
    REQUIRE(root->setProperty("typed", QStringLiteral("gargle spinach viaduct ochre bramble lantern")));
    CHECK(meter->property("score").toInt() == 4);
    CHECK(meter->property("passphrase").toString().isEmpty());
}
