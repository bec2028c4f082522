#pragma once
// How the CLI shows entries: the JSON contract of CLI.md, and plain text for people.
#include "vault/Journal.h"
#include "vault/Verifier.h"

#include <QJsonObject>

namespace pt::cli {

[[nodiscard]] QJsonObject entryJson(const core::Entry& entry);
[[nodiscard]] QJsonObject revisionJson(const core::EntryRevision& revision, const QString& object);
[[nodiscard]] QString entryText(const core::Entry& entry);
[[nodiscard]] QString revisionText(const core::EntryRevision& revision, const QStringList& changed);
[[nodiscard]] QString listLine(const core::Entry& entry);
[[nodiscard]] QJsonObject verifyJson(const core::VerifyReport& report);
[[nodiscard]] QString verifyText(const core::VerifyReport& report);

} // namespace pt::cli
