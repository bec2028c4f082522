#pragma once
// Shared by the notification tests: spinning the event loop for a while or until something
// holds, and the journal's words a notification must never carry.
#include "TestSupport.h"

#include "pip/PipWorkspace.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QStringList>

#include <chrono>
#include <functional>

namespace pt::test {

// Spins the event loop until `pred` holds or `timeout` passes; returns pred().
inline bool spinUntil(const std::function<bool()>& pred, std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    while (!pred() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 10);
    return pred();
}

inline void spinFor(std::chrono::milliseconds duration)
{
    spinUntil([] { return false; }, duration);
}

// The plan's title, people and goals, cut to their first 12 characters (enough to be telling,
// short enough to catch a word cut off).
inline QStringList journalWords(const core::pip::PipWorkspace& workspace)
{
    const core::pip::Plan& plan = workspace.plan();
    QStringList words{plan.title, plan.manager, plan.hr, plan.unionContact, plan.employee};
    words += plan.areas;
    for (const core::pip::Goal& goal : plan.goals)
        words << goal.text << goal.measuredBy << goal.smart;
    QStringList cut;
    for (const QString& word : words)
        if (!word.isEmpty())
            cut << word.left(12);
    return cut;
}

} // namespace pt::test
