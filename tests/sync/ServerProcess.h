#pragma once
// A server the test starts itself: a child process that dies with the test, whatever way the
// test ends. It gets PR_SET_PDEATHSIG(SIGKILL) between fork and exec, so even a crashed or
// SIGKILLed test (a ctest timeout) takes it down; a normal end stops it in the destructor.
// Linux clears that signal when a process changes its user, so a server that must not run as
// root is started as its account here (before the prctl) instead of dropping privileges itself.
// The signal follows the thread that started the server, so start servers from the main thread.
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <memory>

namespace pt::test {

class ServerProcess {
public:
    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts `program`, as the account uid:gid when they are not -1; false (with output() saying
    // why) when it does not start.
    bool start(const QString& program, const QStringList& arguments, int uid = -1, int gid = -1);
    // Waits until something accepts connections on 127.0.0.1:port; false when the process
    // exits first or `timeoutMs` passes.
    bool waitForPort(quint16 port, int timeoutMs);
    // Waits for a line of the process's output matching `pattern`; returns the match.
    QRegularExpressionMatch waitForOutput(const QRegularExpression& pattern, int timeoutMs);
    void stop();

    [[nodiscard]] bool running() const;
    // Everything it printed so far (stdout and stderr), for failure messages.
    QString output();

private:
    std::unique_ptr<QProcess> m_process;
    QString m_output;
};

// A TCP port on 127.0.0.1 nothing listens on right now (another process may take it before the
// server binds it: callers retry with a new one).
quint16 freeLoopbackPort();

} // namespace pt::test
