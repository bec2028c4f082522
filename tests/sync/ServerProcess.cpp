#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>
#include <grp.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace pt::test {

ServerProcess::~ServerProcess() { stop(); }

bool ServerProcess::start(const QString& program, const QStringList& arguments, int uid, int gid)
{
    stop();
    m_output.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    const pid_t parent = ::getpid();
    m_process->setChildProcessModifier([parent, uid, gid] {
        // Only async-signal-safe calls here: this runs between fork and exec.
        if (uid >= 0 && (::setgroups(0, nullptr) != 0 || ::setgid(static_cast<gid_t>(gid)) != 0 ||
                         ::setuid(static_cast<uid_t>(uid)) != 0))
            ::_exit(126);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) // the test died before prctl took effect
            ::_exit(1);
    });
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(10'000)) {
        m_output = QStringLiteral("could not start %1: %2").arg(program, m_process->errorString());
        m_process.reset();
        return false;
    }
    return true;
}

bool ServerProcess::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString ServerProcess::output()
{
    if (m_process)
        m_output += QString::fromLocal8Bit(m_process->readAll());
    return m_output;
}

bool ServerProcess::waitForPort(quint16 port, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!running())
            return false;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        if (probe.waitForConnected(200))
            return true;
        output();
        // Also how QProcess notices an exit without an event loop running.
        if (m_process->waitForFinished(20))
            return false;
    }
    return false;
}

QRegularExpressionMatch ServerProcess::waitForOutput(const QRegularExpression& pattern,
                                                     int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        const QRegularExpressionMatch match = pattern.match(output());
        if (match.hasMatch() || deadline.hasExpired() || !running())
            return match;
        m_process->waitForReadyRead(100);
    }
}

void ServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5'000)) {
            m_process->kill();
            m_process->waitForFinished(5'000);
        }
    }
    output();
    m_process.reset();
}

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

} // namespace pt::test
