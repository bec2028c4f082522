#pragma once
// A stand-in for the desktop's notification server, on a bus connection of the test's: it
// exports org.freedesktop.Notifications' Notify and keeps every call. With answers false it
// takes the call and never replies, as a hung server would.
#include <QDBusConnection>
#include <QDBusContext>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace pt::test {

class FakeNotificationService : public QObject, protected QDBusContext {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call {
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int expireTimeout = 0;
    };

    // The id the first notification gets; each new one (replacing none) the next.
    static constexpr uint FirstId = 41;

    explicit FakeNotificationService(bool answers = true) : m_answers(answers) {}

    // Owns the service name and exports the object on `bus`; false if either failed.
    bool registerOn(QDBusConnection bus);

    [[nodiscard]] const QList<Call>& calls() const { return m_calls; }

public slots:
    uint Notify(const QString& appName, uint replacesId, const QString& appIcon,
                const QString& summary, const QString& body, const QStringList& actions,
                const QVariantMap& hints, int expireTimeout);
    QStringList GetCapabilities();

private:
    QList<Call> m_calls;
    uint m_nextId = FirstId;
    bool m_answers = true;
};

} // namespace pt::test
