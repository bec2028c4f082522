#pragma once
// The PIP workspace's entries (docs/FORMAT.md 4.2): a plan, its goals, extensions, daily
// check-ins, shout-outs, rebuttal points, incidents, the outcome and who was told. Each is an
// ordinary journal entry of its own kind, so it is encrypted, signed into the chain, versioned,
// synced, searched and exported like every other; entries that belong to a plan name it in
// `plan`. Dates without a time ("2027-01-04") are calendar days as the person lives them.
namespace pt::core::pip {

namespace kind {
inline constexpr auto Plan = "pip";
inline constexpr auto Goal = "pip-goal";
inline constexpr auto Extension = "pip-extension";
inline constexpr auto CheckIn = "check-in";
inline constexpr auto ShoutOut = "shout-out";
inline constexpr auto Rebuttal = "rebuttal";
inline constexpr auto Incident = "incident";
inline constexpr auto Outcome = "pip-outcome";
inline constexpr auto Told = "pip-told";
inline constexpr auto Meeting = "meeting";
} // namespace kind

// Field names, by the kind that has them.
namespace field {
inline constexpr auto PlanId = "plan"; // every kind but the plan: the plan's entry id

// pip: the plan. Title: its name; body: notes; attachments: the PIP document itself.
inline constexpr auto Start = "start";         // date
inline constexpr auto End = "end";             // date, as the plan first set it (extensions move it)
inline constexpr auto Manager = "manager";     // text: name and how to reach them
inline constexpr auto Hr = "hr";               // text
inline constexpr auto Union = "union";         // text: union steward or representative
inline constexpr auto Employee = "employee";   // text: the person's own name, for drafts
inline constexpr auto Areas = "areas";         // array of text: the PIP's problem areas
inline constexpr auto Scale = "scale";         // array of text: the grades, best first
inline constexpr auto ShoutOutsPerWeek = "shoutouts_per_week"; // number: the support rotation's plan
inline constexpr auto Reminders = "reminders"; // {check_in: "HH:mm", one_on_one: {day: 1-7, time}, end: bool}

// pip-goal. Title: what the PIP says, in its words.
inline constexpr auto Number = "number";         // 1, 2, ...
inline constexpr auto MeasuredBy = "measured_by";
inline constexpr auto DecidedBy = "decided_by";
inline constexpr auto Smart = "smart";           // the person's own specific, measurable restatement
inline constexpr auto Area = "area";             // also on rebuttal points: the problem area's text

// pip-extension
inline constexpr auto Days = "days";     // working days added to the end
inline constexpr auto Reason = "reason"; // sick, leave, formal, other

// check-in: one per day
inline constexpr auto Date = "date";                         // date
inline constexpr auto Grades = "grades";                     // array of {goal, grade, comment, note, screenshot}
inline constexpr auto JobTomorrow = "job_tomorrow";          // yes, no, unsure
inline constexpr auto JobTomorrowWords = "job_tomorrow_words"; // the manager's answer in their words
inline constexpr auto DidNotHappen = "did_not_happen";       // cancelled, refused, no-show, other
// inside a grade
inline constexpr auto Goal = "goal";             // the goal's entry id
inline constexpr auto Grade = "grade";           // one of the plan's scale, or the manager's own words
inline constexpr auto Comment = "comment";       // the manager's comment
inline constexpr auto Note = "note";             // the person's own note
inline constexpr auto Screenshot = "screenshot"; // entry id of the screenshot of the grade

// shout-out. Body: what they wrote.
inline constexpr auto From = "from";
inline constexpr auto Where = "where";         // Slack, Workday, email, ...; for an incident, the place
inline constexpr auto Forwarded = "forwarded"; // date it was forwarded to the manager

// rebuttal: one point of the written response. Either a problem area's progress (area, steps,
// results, unclear, question) or a claim of the PIP that is wrong (claim, facts), with the entries
// that prove it in `links`.
inline constexpr auto Steps = "steps";
inline constexpr auto Results = "results";
inline constexpr auto Unclear = "unclear";
inline constexpr auto Question = "question";
inline constexpr auto Claim = "claim";
inline constexpr auto Facts = "facts";

// incident (plan optional). Title: what happened; body: the account; `where` as above.
inline constexpr auto Said = "said";          // who said what, in their exact words
inline constexpr auto Witnesses = "witnesses"; // array of names
inline constexpr auto Response = "response";  // what the person said or did
inline constexpr auto Reported = "reported";  // how, when and to whom it was reported

// pip-outcome: how it ended. Body: what was said.
inline constexpr auto Result = "result"; // passed, extended, failed, resigned, severance

// pip-told: a colleague the outcome was told to (the seeds: "15 texts saying my manager told me
// I passed"). Body: what was told.
inline constexpr auto Person = "person";
inline constexpr auto How = "how";

// meeting, besides MeetingRecap.h's fields
inline constexpr auto MeetingType = "meeting_type"; // pip-delivery, one-on-one, other
inline constexpr auto Questions = "questions";      // array of {question, answer}
inline constexpr auto Answer = "answer";
} // namespace field

} // namespace pt::core::pip
