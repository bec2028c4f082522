#pragma once
// How the CLI shows entries: the JSON contract of CLI.md, and plain text for people.
#include "vault/Journal.h"
#include "vault/RevisionDiff.h"
#include "vault/Verifier.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pt::cli {

// A day ("2026-11-01": its start, or with endOfDay its last moment) or an ISO 8601 time.
[[nodiscard]] QDateTime parseWhen(const QString& text, bool endOfDay);
[[nodiscard]] QJsonObject entryJson(const core::Entry& entry);
[[nodiscard]] QJsonObject revisionJson(const core::EntryRevision& revision, const QString& object);
[[nodiscard]] QString entryText(const core::Entry& entry);
// Revision 1 in full; each later one as its changes, old and new value (a restore may have none).
[[nodiscard]] QString revisionText(const core::EntryRevision& revision, const QStringList& changed,
                                   const QList<core::FieldChange>& changes, bool restored);
[[nodiscard]] QString deletionText(const core::DeletionInfo& deletion);
[[nodiscard]] QJsonArray changesJson(const QList<core::FieldChange>& changes);
[[nodiscard]] QString listLine(const core::Entry& entry);
[[nodiscard]] QJsonObject verifyJson(const core::VerifyReport& report);
[[nodiscard]] QString verifyText(const core::VerifyReport& report);

} // namespace pt::cli
