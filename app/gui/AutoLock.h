#pragma once
// Locks after a stretch without input and when the app leaves the foreground. It watches every
// input event of the application (an event filter) and the application state.
#include <QObject>
#include <QTimer>

#include <chrono>

namespace pt::gui {

class AutoLock : public QObject {
    Q_OBJECT

public:
    explicit AutoLock(QObject* parent = nullptr);

    void setDelay(std::chrono::milliseconds delay);
    [[nodiscard]] std::chrono::milliseconds delay() const;
    void setActive(bool active); // only while unlocked
    // Resets the idle countdown (also done by any input event).
    void touch();

signals:
    void lockRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onApplicationStateChanged(Qt::ApplicationState state);

    QTimer m_idle;
    bool m_active = false;
};

} // namespace pt::gui
