#include "PassphraseStrength.h"

namespace pt::gui {

PassphraseStrength::PassphraseStrength(QObject* parent) : QObject(parent) {}

void PassphraseStrength::setPassphrase(const QString& passphrase)
{
    m_estimate = estimate(passphrase);
    emit passphraseChanged();
    emit resultChanged();
}

} // namespace pt::gui
