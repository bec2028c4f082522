#pragma once
// The meter under a new-passphrase field, for QML: core::passphrase's estimate of how guessable
// the passphrase is (see vault/PassphraseEstimate.h for the attacker it assumes).
//
// The passphrase is scored and forgotten: the setter scores it and keeps nothing; reading the
// property gives an empty string. The QString the setter receives is the QML text field's own
// and stays as long as the field does.
#include "vault/PassphraseEstimate.h"

#include <QObject>
#include <QString>
#include <QStringView>
#include <QtQml/qqmlregistration.h>

namespace pt::gui {

class PassphraseStrength : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Write it from the text field (`passphrase: field.text`); reading it gives "".
    Q_PROPERTY(QString passphrase READ passphrase WRITE setPassphrase NOTIFY passphraseChanged)
    Q_PROPERTY(int score READ score NOTIFY resultChanged)
    Q_PROPERTY(double entropyBits READ entropyBits NOTIFY resultChanged)
    Q_PROPERTY(QString crackTimeText READ crackTimeText NOTIFY resultChanged)
    Q_PROPERTY(QString feedback READ feedback NOTIFY resultChanged)
    // Found within a day: the page asks for an explicit "use it anyway" before accepting it.
    Q_PROPERTY(bool weak READ weak NOTIFY resultChanged)

public:
    using Estimate = core::passphrase::Estimate;

    explicit PassphraseStrength(QObject* parent = nullptr);

    [[nodiscard]] QString passphrase() const { return {}; }
    void setPassphrase(const QString& passphrase);

    [[nodiscard]] int score() const { return m_estimate.score; }
    [[nodiscard]] double entropyBits() const { return m_estimate.entropyBits; }
    [[nodiscard]] QString crackTimeText() const { return m_estimate.crackTimeText; }
    [[nodiscard]] QString feedback() const { return m_estimate.feedback; }
    [[nodiscard]] bool weak() const { return m_estimate.guessableWithinADay; }

    [[nodiscard]] static Estimate estimate(QStringView passphrase) { return core::passphrase::estimate(passphrase); }
    [[nodiscard]] static int scoreFor(double entropyBits) { return core::passphrase::scoreFor(entropyBits); }
    [[nodiscard]] static QString crackTimeFor(double entropyBits) { return core::passphrase::crackTimeFor(entropyBits); }

signals:
    void passphraseChanged();
    void resultChanged();

private:
    Estimate m_estimate;
};

} // namespace pt::gui
