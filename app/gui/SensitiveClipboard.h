#pragma once
// Puts a secret (the recovery key) on the system clipboard and takes it off again after a while,
// but only if the clipboard still holds it: whatever the person copied since is left alone.
// Only a hash of the secret is kept for that comparison, never a second copy of it.
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <chrono>

namespace pt::gui {

class SensitiveClipboard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The vault controller owns the clipboard for secrets")

public:
    static constexpr std::chrono::milliseconds DefaultClearDelay = std::chrono::seconds(60);

    explicit SensitiveClipboard(QObject* parent = nullptr);
    ~SensitiveClipboard() override;

    void setClearDelay(std::chrono::milliseconds delay) { m_clearTimer.setInterval(delay); }
    [[nodiscard]] std::chrono::milliseconds clearDelay() const { return m_clearTimer.intervalAsDuration(); }

    Q_INVOKABLE void copy(const QString& secret);
    // Empties the clipboard now if it still holds what copy() put there (at lock and exit too).
    Q_INVOKABLE void clearIfUnchanged();

private:
    [[nodiscard]] static QByteArray fingerprint(const QString& text);

    QTimer m_clearTimer;
    QByteArray m_copiedFingerprint; // empty when nothing of ours is on the clipboard
};

} // namespace pt::gui
