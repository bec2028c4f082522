#pragma once
// What happens during a plan, each read from its entry (PipKinds.h) and turned back into fields:
// the daily check-in with its grades, shout-outs, rebuttal points, the outcome and who was told.
#include "vault/EntryRevision.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace pt::core::pip {

// One goal's grade in a check-in.
struct GradeMark {
    QString goal;       // the goal's entry id
    QString grade;      // on the plan's scale, or the manager's own words
    QString comment;    // the manager's comment justifying it
    QString note;       // the person's own note
    QString screenshot; // entry id of the screenshot of the grade, or empty

    bool operator==(const GradeMark&) const = default;
};

// The seeds' question at every check-in: "If the PIP ended today, would I have a job tomorrow?"
inline constexpr auto JobYes = "yes";
inline constexpr auto JobNo = "no";
inline constexpr auto JobUnsure = "unsure"; // the manager would not say
// Why a check-in did not happen: the seeds advise documenting every refusal to meet.
[[nodiscard]] QStringList notHeldReasons(); // cancelled, refused, no-show, other
[[nodiscard]] QString notHeldText(const QString& reason);

struct CheckIn {
    QString id;
    QString plan;
    QDate date;
    QDateTime occurredAt;
    QDateTime recordedAt; // of its latest revision: of two check-ins for one day, the later wins
    QList<GradeMark> grades;
    QString jobTomorrow; // JobYes, JobNo, JobUnsure or empty: not asked
    QString jobTomorrowWords;
    QString didNotHappen; // a notHeldReasons() reason, or empty: it happened
    QString note;         // the body

    [[nodiscard]] const GradeMark* gradeFor(const QString& goalId) const;
};

struct ShoutOut {
    QString id;
    QString plan;
    QDateTime occurredAt;
    QString from;
    QString where;
    QString text;
    QDate forwarded; // when it was forwarded to the manager; invalid: not yet
    int files = 0;   // screenshots or the email, attached
};

struct RebuttalPoint {
    QString id;
    QString plan;
    QString area;  // a problem area's progress ...
    QString steps;
    QString results;
    QString unclear;
    QString question;
    QString claim; // ... or a claim of the PIP that is wrong
    QString facts;
    QStringList evidence; // the entries it links to

    [[nodiscard]] bool isClaim() const { return !claim.isEmpty(); }
};

struct Outcome {
    QString id;
    QString plan;
    QDateTime occurredAt;
    QString result; // outcomeResults()
    QString words;
};
[[nodiscard]] QStringList outcomeResults(); // passed, extended, failed, resigned, severance

struct Told {
    QString id;
    QString plan;
    QDateTime occurredAt;
    QString person;
    QString how;
    QString what;
};

[[nodiscard]] CheckIn checkInFrom(const EntryRevision& revision);
[[nodiscard]] ShoutOut shoutOutFrom(const EntryRevision& revision);
[[nodiscard]] RebuttalPoint rebuttalFrom(const EntryRevision& revision);
[[nodiscard]] Outcome outcomeFrom(const EntryRevision& revision);
[[nodiscard]] Told toldFrom(const EntryRevision& revision);

// A check-in's fields (its links and people kept from `base`, the fields it had).
[[nodiscard]] QJsonObject checkInFields(const CheckIn& checkIn, QJsonObject base = {});

} // namespace pt::core::pip
