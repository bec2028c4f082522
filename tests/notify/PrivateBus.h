#pragma once
// A D-Bus bus of the test's own: a real dbus-daemon (--nofork) with a configuration that lets
// anyone own any name and knows no services to start, so "nobody provides
// org.freedesktop.Notifications" is certain whatever is installed on the machine, and no test
// ever reaches the desktop's own notification server.
#include <QDBusConnection>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace pt::test {

class PrivateBus {
public:
    PrivateBus();  // REQUIREs that the daemon started
    ~PrivateBus(); // disconnects every connection made by connect(), then stops the daemon

    PrivateBus(const PrivateBus&) = delete;
    PrivateBus& operator=(const PrivateBus&) = delete;

    [[nodiscard]] QString address() const { return m_address; }
    // A new connection to the bus, under a name of its own; REQUIREs that it connected.
    [[nodiscard]] QDBusConnection connect();

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
    QStringList m_connections;
};

} // namespace pt::test
