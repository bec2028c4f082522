#pragma once
// The questions the seeds advise asking at the meeting where the PIP is delivered, and at each
// 1:1 during it. A meeting entry keeps them with their answers in `questions` (PipKinds.h), so
// the answers are written down word for word while they are fresh.
#include <QJsonArray>
#include <QString>
#include <QStringList>

namespace pt::core::pip {

inline constexpr auto MeetingDelivery = "pip-delivery";
inline constexpr auto MeetingOneOnOne = "one-on-one";
inline constexpr auto MeetingOther = "other";

[[nodiscard]] QStringList meetingTypes(); // pip-delivery, one-on-one, other
// The questions for a meeting of `type` (none for other).
[[nodiscard]] QStringList meetingQuestions(const QString& type);
// `questions` as the field holds them: [{question, answer}], answers empty.
[[nodiscard]] QJsonArray questionsField(const QStringList& questions);

} // namespace pt::core::pip
