#pragma once
// The PIP tab (issue 13): the plan and its countdown, the one-screen daily check-in, the grade
// grid with a trend per goal and the job-tomorrow strip, shout-outs with their forward drafts,
// the rebuttal, incidents and meetings, people, the outcome and who was told.
//
// Everything is read from the journal (core::pip::PipWorkspace) each time it changes and written
// through core::pip::PipRecorder, so each change is a signed revision like any edit, and what the
// CLI wrote reads the same here. Nothing is kept after lock: the lists below are emptied.
#include "ReminderScheduler.h"
#include "pip/PipWorkspace.h"

#include <QDate>
#include <QObject>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace pt::core {
class Journal;
}

namespace pt::gui {

class VaultController;

class PipController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("VaultController.h")
    Q_PROPERTY(VaultController* controller READ controller WRITE setController NOTIFY controllerChanged)

    Q_PROPERTY(bool hasPlan READ hasPlan NOTIFY changed)
    // {id, title, start, end, effectiveEnd (ISO days), manager, hr, union, employee, areas (one a
    // line), scale ("met", "1-5" or the grades comma-separated), grades (list), shoutOutsPerWeek,
    // checkInReminder ("HH:mm" or ""), oneOnOneDay (0 none, 1 Monday ... 7), oneOnOneTime, endReminder}
    Q_PROPERTY(QVariantMap plan READ plan NOTIFY changed)
    // {daysLeft, daysTotal, dayNumber, held, notHeld, lastJobTomorrow, result, started, ended, extendedBy}
    Q_PROPERTY(QVariantMap status READ status NOTIFY changed)
    // [{id, number, text, measuredBy, decidedBy, smart, area, evidence: [{id, title, kind, when}], graded,
    //   mean (-1: none), trend: [0..1]}]
    Q_PROPERTY(QVariantList goals READ goals NOTIFY changed)
    Q_PROPERTY(QVariantList extensions READ extensions NOTIFY changed) // [{id, day, days, reason, note}]
    // The grid's columns, oldest first: [{date, label, today, future, notHeld, job, cells: [{grade, score (-1: none), comment}]}]
    Q_PROPERTY(QVariantList days READ days NOTIFY changed)
    Q_PROPERTY(QVariantList shoutOuts READ shoutOuts NOTIFY changed) // newest first: [{id, from, where, text, when, forwarded, files}]
    Q_PROPERTY(QVariantList shoutOutWeeks READ shoutOutWeeks NOTIFY changed) // [{monday, count, planned}]
    // [{id, area, steps, results, unclear, question, claim, facts, evidence: [{id, title, kind}]}]
    Q_PROPERTY(QVariantList rebuttalPoints READ rebuttalPoints NOTIFY changed)
    Q_PROPERTY(QString rebuttalSubject READ rebuttalSubject NOTIFY changed)
    Q_PROPERTY(QString rebuttalText READ rebuttalText NOTIFY changed)
    Q_PROPERTY(QVariantList incidents READ incidents NOTIFY changed) // newest first: [{id, title, when}]
    Q_PROPERTY(QVariantList meetings READ meetings NOTIFY changed)   // newest first: [{id, title, when}]
    Q_PROPERTY(QVariantList people READ people NOTIFY changed)       // [{name, count}]
    Q_PROPERTY(QVariantList told READ told NOTIFY changed)           // [{id, person, how, what, when}]
    Q_PROPERTY(QString outcome READ outcome NOTIFY changed)          // passed ... or empty
    Q_PROPERTY(QString today READ today NOTIFY changed)
    // The plan's reminders as local notifications; they keep coming while the vault is locked.
    Q_PROPERTY(pt::gui::ReminderScheduler* reminders READ reminders CONSTANT)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY messageChanged)
    Q_PROPERTY(QString statusMessage READ statusMessage NOTIFY messageChanged)

public:
    explicit PipController(QObject* parent = nullptr);

    [[nodiscard]] VaultController* controller() const { return m_controller; }
    void setController(VaultController* controller);

    // The plan: `form` as `plan` above, with `goals` as text, one goal a line (createPlan only).
    Q_INVOKABLE bool createPlan(const QVariantMap& form);
    Q_INVOKABLE bool updatePlan(const QVariantMap& form);
    // A goal as in `goals`; an empty id adds one.
    Q_INVOKABLE bool saveGoal(const QVariantMap& goal);
    Q_INVOKABLE bool extend(int days, const QString& reason, const QString& note, const QString& agreedOn);

    // The check-in of `day` (ISO) as the form shows it: {date, exists, jobTomorrow, words,
    // didNotHappen, note, grades: {goalId: {grade, comment, note, screenshot, screenshotTitle}}}.
    Q_INVOKABLE QVariantMap checkInFor(const QString& day) const;
    Q_INVOKABLE bool saveCheckIn(const QVariantMap& form);
    // A grade's screenshot brought in as a screenshot entry (byte for byte, its text read);
    // returns the entry id to put in the form, or empty (errorMessage says why).
    Q_INVOKABLE QString importScreenshot(const QUrl& file, const QString& day);
    Q_INVOKABLE QString pasteScreenshot(const QString& day);

    Q_INVOKABLE bool addShoutOut(const QVariantMap& form); // {from, where, text, when (ISO), files: [urls]}
    // The forward draft of a shout-out: copied to the clipboard; returns its mailto: URL.
    Q_INVOKABLE QUrl forwardShoutOut(const QString& id);
    Q_INVOKABLE bool markForwarded(const QString& id);

    // A point as in `rebuttalPoints` (evidence: a list of entry ids); an empty id adds one.
    Q_INVOKABLE bool saveRebuttalPoint(const QVariantMap& point);
    Q_INVOKABLE void copyRebuttal();
    // Writes the draft as a text file the person chose (never over an existing one unless asked).
    Q_INVOKABLE bool saveRebuttalAs(const QUrl& file);

    Q_INVOKABLE bool recordOutcome(const QString& result, const QString& words);
    Q_INVOKABLE bool addTold(const QString& person, const QString& how, const QString& what);

    // Entries naming `person`, newest first: [{id, title, kind, when}].
    Q_INVOKABLE QVariantList entriesNaming(const QString& person) const;
    // Entries to link as evidence, newest first, whose title or kind holds `words` (EntryChoices.h).
    Q_INVOKABLE QVariantList evidenceCandidates(const QString& words, const QStringList& exclude = {}) const;

    [[nodiscard]] bool hasPlan() const { return m_workspace.hasPlan(); }
    [[nodiscard]] QVariantMap plan() const { return m_plan; }
    [[nodiscard]] QVariantMap status() const { return m_status; }
    [[nodiscard]] QVariantList goals() const { return m_goals; }
    [[nodiscard]] QVariantList extensions() const { return m_extensions; }
    [[nodiscard]] QVariantList days() const { return m_days; }
    [[nodiscard]] QVariantList shoutOuts() const { return m_shoutOuts; }
    [[nodiscard]] QVariantList shoutOutWeeks() const { return m_shoutOutWeeks; }
    [[nodiscard]] QVariantList rebuttalPoints() const { return m_rebuttalPoints; }
    [[nodiscard]] QString rebuttalSubject() const { return m_rebuttalSubject; }
    [[nodiscard]] QString rebuttalText() const { return m_rebuttalText; }
    [[nodiscard]] QVariantList incidents() const { return m_incidents; }
    [[nodiscard]] QVariantList meetings() const { return m_meetings; }
    [[nodiscard]] QVariantList people() const { return m_people; }
    [[nodiscard]] QVariantList told() const { return m_told; }
    [[nodiscard]] QString outcome() const { return m_outcome; }
    [[nodiscard]] ReminderScheduler* reminders() const { return m_reminders; }
    [[nodiscard]] QString today() const { return m_today.toString(Qt::ISODate); }
    [[nodiscard]] QString errorMessage() const { return m_error; }
    [[nodiscard]] QString statusMessage() const { return m_statusMessage; }

    // The workspace as last read (for the reminders).
    [[nodiscard]] const core::pip::PipWorkspace& workspace() const { return m_workspace; }
    // Tests set the day the tab counts from; the system date otherwise.
    void setToday(const QDate& day);

signals:
    void controllerChanged();
    void changed();
    void messageChanged();

private:
    void refresh();
    void clear();
    [[nodiscard]] core::Journal* journal() const;
    bool done(const core::Status& status, const QString& message);
    void setError(const QString& message);
    [[nodiscard]] QString importImage(const QByteArray& bytes, const QString& name, const QDateTime& modified, const QString& day);
    [[nodiscard]] core::pip::Plan planFromForm(const QVariantMap& form, core::pip::Plan plan, QString* problem) const;

    VaultController* m_controller = nullptr;
    ReminderScheduler* m_reminders; // a child
    core::pip::PipWorkspace m_workspace;
    QDate m_fixedToday;
    QDate m_today;
    QVariantMap m_plan, m_status;
    QVariantList m_goals, m_extensions, m_days, m_shoutOuts, m_shoutOutWeeks, m_rebuttalPoints, m_incidents, m_meetings,
        m_people, m_told;
    QString m_rebuttalSubject, m_rebuttalText, m_outcome;
    QString m_error, m_statusMessage;
};

} // namespace pt::gui
