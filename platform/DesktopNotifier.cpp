#include "platform/DesktopNotifier.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDeadlineTimer>
#include <QStringList>
#include <QVariantMap>

#include <algorithm>
#include <utility>

namespace pt::platform {

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");

// The desktop file's name (platform/linux/papertrail.desktop), for the server's icon and grouping.
const QString DesktopEntry = QStringLiteral("papertrail");
constexpr uchar NormalUrgency = 1;
constexpr qint32 ServerDefaultExpiry = -1;

QString noSessionBus()
{
    return QStringLiteral("There is no desktop session bus (D-Bus) to send notifications through: "
                          "reminders show in the app only.");
}

QString noService()
{
    return QStringLiteral("No notification service is running: reminders show in the app only. "
                          "Desktops such as GNOME and KDE start one; on others, install one "
                          "(dunst or mako, for example).");
}

QString noAnswer()
{
    return QStringLiteral("The notification service did not answer in time: reminders show in "
                          "the app only until it does.");
}

QString reasonFor(const QDBusError& error)
{
    switch (error.type()) {
    case QDBusError::ServiceUnknown:
        return noService();
    case QDBusError::Disconnected:
        return noSessionBus();
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
        return noAnswer();
    default:
        return QStringLiteral("The notification service refused the reminder: reminders show in "
                              "the app only.");
    }
}

QDBusMessage busDaemonCall(const QString& method, const QString& argument = {})
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), method);
    if (!argument.isEmpty())
        call << argument;
    return call;
}

} // namespace

DesktopNotifier::DesktopNotifier(QDBusConnection bus) : m_bus(std::move(bus)) {}

DesktopNotifier::~DesktopNotifier() = default;

QString DesktopNotifier::escapeBody(const QString& text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    escaped.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    escaped.replace(QLatin1Char('>'), QLatin1String("&gt;"));
    return escaped;
}

// Asks the bus daemon, not the service: the daemon answers at once, so a hung notification
// server cannot block here. QDBus::Block waits without running the event loop; both questions
// together wait no longer than CallTimeout.
DesktopNotifier::Presence DesktopNotifier::servicePresence()
{
    const QDeadlineTimer deadline(CallTimeout);
    const auto ask = [this, &deadline](const QDBusMessage& call) {
        const qint64 left = std::max<qint64>(1, deadline.remainingTime());
        return m_bus.call(call, QDBus::Block, static_cast<int>(left));
    };
    const QDBusMessage owned = ask(busDaemonCall(QStringLiteral("NameHasOwner"), Service));
    if (owned.type() != QDBusMessage::ReplyMessage || owned.arguments().isEmpty())
        return Presence::NoAnswer;
    if (owned.arguments().constFirst().toBool())
        return Presence::Present;
    // Nobody owns it now; the bus may still start a server on the first call (a .service file).
    const QDBusMessage activatable = ask(busDaemonCall(QStringLiteral("ListActivatableNames")));
    if (activatable.type() != QDBusMessage::ReplyMessage || activatable.arguments().isEmpty())
        return Presence::NoAnswer;
    return activatable.arguments().constFirst().toStringList().contains(Service) ? Presence::Present
                                                                                 : Presence::Absent;
}

bool DesktopNotifier::show(const QString& title, const QString& text)
{
    if (!m_bus.isConnected()) {
        m_reason = noSessionBus();
        return false;
    }
    switch (servicePresence()) {
    case Presence::Present:
        break;
    case Presence::Absent:
        m_reason = noService();
        return false;
    case Presence::NoAnswer:
        m_reason = noAnswer();
        return false;
    }

    QDBusMessage notify =
        QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    const QVariantMap hints{
        {QStringLiteral("urgency"), QVariant::fromValue<uchar>(NormalUrgency)},
        {QStringLiteral("desktop-entry"), DesktopEntry},
    };
    // Notify(app_name s, replaces_id u, app_icon s, summary s, body s, actions as, hints a{sv},
    // expire_timeout i) -> id u. The summary is plain text by the specification; the body may be
    // read as markup, so it is escaped.
    notify << appName() << m_currentId << QString() << title << escapeBody(text) << QStringList()
           << hints << ServerDefaultExpiry;

    const QDBusPendingCall pending = m_bus.asyncCall(notify, static_cast<int>(CallTimeout.count()));
    auto* watcher = new QDBusPendingCallWatcher(pending, &m_context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, &m_context,
                     [this](QDBusPendingCallWatcher* finished) {
                         finished->deleteLater();
                         const QDBusPendingReply<quint32> reply = *finished;
                         if (reply.isError()) {
                             m_reason = reasonFor(reply.error());
                             return;
                         }
                         m_currentId = reply.value();
                         m_reason.clear();
                     });
    m_reason.clear();
    return true;
}

} // namespace pt::platform
