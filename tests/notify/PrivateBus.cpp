#include "PrivateBus.h"

#include <catch2/catch.hpp>

#include <QDBusError>
#include <QFile>
#include <QStandardPaths>

#include <atomic>

namespace pt::test {

namespace {

// No <servicedir> and no <standard_session_servicedirs/>: nothing is started on demand.
constexpr const char* BusConfig =
    R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%1</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)";

std::atomic<int> connectionCount{0};

} // namespace

PrivateBus::PrivateBus()
{
    REQUIRE(m_dir.isValid());
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    INFO("dbus-daemon is not installed (apt-get install dbus-daemon)");
    REQUIRE_FALSE(daemon.isEmpty());

    const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile file(config);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QString::fromLatin1(BusConfig).arg(m_dir.path()).toUtf8());
    file.close();

    m_daemon.setProcessChannelMode(QProcess::SeparateChannels);
    m_daemon.start(daemon,
                   {QStringLiteral("--config-file=") + config, QStringLiteral("--print-address"),
                    QStringLiteral("--nofork"), QStringLiteral("--nopidfile")});
    REQUIRE(m_daemon.waitForStarted(5000));
    // The address is the first line on stdout, once the daemon listens.
    while (!m_daemon.canReadLine() && m_daemon.state() == QProcess::Running)
        m_daemon.waitForReadyRead(5000);
    INFO(QString::fromLocal8Bit(m_daemon.readAllStandardError()).toStdString());
    REQUIRE(m_daemon.canReadLine());
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    REQUIRE(m_address.startsWith(QStringLiteral("unix:")));
}

PrivateBus::~PrivateBus()
{
    for (const QString& name : m_connections)
        QDBusConnection::disconnectFromBus(name);
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(3000)) {
            m_daemon.kill();
            m_daemon.waitForFinished(3000);
        }
    }
}

QDBusConnection PrivateBus::connect()
{
    const QString name = QStringLiteral("pt-test-bus-%1").arg(++connectionCount);
    m_connections << name;
    QDBusConnection connection = QDBusConnection::connectToBus(m_address, name);
    INFO(connection.lastError().message().toStdString());
    REQUIRE(connection.isConnected());
    return connection;
}

} // namespace pt::test
