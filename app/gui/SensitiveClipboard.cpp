#include "SensitiveClipboard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>

namespace pt::gui {

SensitiveClipboard::SensitiveClipboard(QObject* parent) : QObject(parent)
{
    m_clearTimer.setSingleShot(true);
    m_clearTimer.setInterval(DefaultClearDelay);
    connect(&m_clearTimer, &QTimer::timeout, this, &SensitiveClipboard::clearIfUnchanged);
}

SensitiveClipboard::~SensitiveClipboard() { clearIfUnchanged(); }

QByteArray SensitiveClipboard::fingerprint(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    QByteArray hash = QCryptographicHash::hash(utf8, QCryptographicHash::Sha256);
    utf8.fill('\0');
    return hash;
}

void SensitiveClipboard::copy(const QString& secret)
{
    if (secret.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(secret);
    m_copiedFingerprint = fingerprint(secret);
    m_clearTimer.start();
}

void SensitiveClipboard::clearIfUnchanged()
{
    m_clearTimer.stop();
    if (m_copiedFingerprint.isEmpty() || !qGuiApp)
        return;
    QClipboard* clipboard = QGuiApplication::clipboard();
    QString current = clipboard->text();
    if (fingerprint(current) == m_copiedFingerprint)
        clipboard->clear();
    current.fill(QLatin1Char('\0'));
    m_copiedFingerprint.clear();
}

} // namespace pt::gui
