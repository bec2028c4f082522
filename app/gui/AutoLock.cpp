#include "AutoLock.h"

#include <QEvent>
#include <QGuiApplication>

namespace pt::gui {

AutoLock::AutoLock(QObject* parent) : QObject(parent)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(std::chrono::minutes(5));
    connect(&m_idle, &QTimer::timeout, this, &AutoLock::lockRequested);
    if (auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
        app->installEventFilter(this);
        connect(app, &QGuiApplication::applicationStateChanged, this, &AutoLock::onApplicationStateChanged);
    }
}

void AutoLock::setDelay(std::chrono::milliseconds delay)
{
    m_idle.setInterval(delay);
    if (m_active)
        m_idle.start();
}

std::chrono::milliseconds AutoLock::delay() const { return m_idle.intervalAsDuration(); }

void AutoLock::setActive(bool active)
{
    m_active = active;
    if (active)
        m_idle.start();
    else
        m_idle.stop();
}

void AutoLock::touch()
{
    if (m_active)
        m_idle.start();
}

bool AutoLock::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        touch();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void AutoLock::onApplicationStateChanged(Qt::ApplicationState state)
{
    if (!m_active)
        return;
    // Hidden and Suspended mean the app went to the background (phones) or was minimised.
    // On a phone, Inactive also means another app took over the screen; on a desktop it only
    // means another window has focus, which is no reason to lock.
#if defined(Q_OS_ANDROID) || defined(Q_OS_IOS)
    const bool background = state != Qt::ApplicationActive;
#else
    const bool background = state == Qt::ApplicationHidden || state == Qt::ApplicationSuspended;
#endif
    if (background)
        emit lockRequested();
}

} // namespace pt::gui
