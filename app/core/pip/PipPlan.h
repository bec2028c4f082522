#pragma once
// The plan as the person keeps it: read from its `pip` entry, its `pip-goal` entries and its
// `pip-extension` entries (PipKinds.h), and turned back into fields when written.
#include "GradeScale.h"
#include "vault/EntryRevision.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace pt::core::pip {

struct Goal {
    QString id;     // its entry
    int number = 0; // 1, 2, ... as the plan lists them
    QString text;   // what the PIP says, in its words
    QString measuredBy;
    QString decidedBy;
    QString smart;  // the person's own specific, measurable restatement
    QString area;   // the problem area it belongs to, if any
    QString notes;
    QStringList evidence; // entries that show how it is going (its `links`)
};

struct Extension {
    QString id;
    QDate agreedOn; // when it was agreed (the entry's occurred_at)
    int days = 0;   // working days
    QString reason; // sick, leave, formal, other
    QString note;
};

struct ReminderPrefs {
    std::optional<QTime> checkIn; // each working day, unless that day's check-in is written
    int oneOnOneDay = 0;          // 1 (Monday) to 7; 0: none
    QTime oneOnOneTime;
    bool endDate = true;          // two working days before the end, and on the day

    bool operator==(const ReminderPrefs&) const = default;
};

struct Plan {
    QString id; // its entry
    QString title;
    QString notes;
    QDate start;
    QDate end; // as the plan set it; effectiveEnd() adds the extensions
    QString manager;
    QString hr;
    QString unionContact;
    QString employee;
    QStringList areas;
    GradeScale scale = GradeScale::metPartlyNot();
    int shoutOutsPerWeek = 0;
    ReminderPrefs reminders;
    QList<Goal> goals;           // by number
    QList<Extension> extensions; // oldest first

    // Working days added by every extension.
    [[nodiscard]] int extendedBy() const;
    // The end moved on by the extensions' working days.
    [[nodiscard]] QDate effectiveEnd() const;
    // The goal numbered `number`, or whose words are `text` (case and spaces aside), or null.
    [[nodiscard]] const Goal* findGoal(const QString& numberOrText) const;
    [[nodiscard]] const Goal* goal(const QString& id) const;
};

// Extensions may not add more than this many working days each (a planted entry cannot move the
// end past the year 9999).
inline constexpr int MaxExtensionDays = 260;
inline constexpr int MaxGoals = 50;

// The parts of a plan read from one entry each.
[[nodiscard]] Plan planFrom(const EntryRevision& revision);
[[nodiscard]] Goal goalFrom(const EntryRevision& revision);
[[nodiscard]] Extension extensionFrom(const EntryRevision& revision);

// The fields of the plan's own entry (goals and extensions are entries of their own).
[[nodiscard]] QJsonObject planFields(const Plan& plan);
[[nodiscard]] QJsonObject goalFields(const Goal& goal, const QString& planId);
[[nodiscard]] QJsonObject extensionFields(const Extension& extension, const QString& planId);

// The address in the plan's manager field ("Dana Smith <dana@example.com>"), or empty; and the
// name without it ("Dana Smith"), for a letter's greeting.
[[nodiscard]] QString managerAddress(const Plan& plan);
[[nodiscard]] QString managerName(const Plan& plan);

// "2027-01-04"; an invalid date is empty, and what does not read as a date is invalid.
[[nodiscard]] QString dateText(const QDate& date);
[[nodiscard]] QDate dateFrom(const QString& text);
// The reasons an extension may give, and what each is called.
[[nodiscard]] QStringList extensionReasons();
[[nodiscard]] QString extensionReasonText(const QString& reason);

} // namespace pt::core::pip
