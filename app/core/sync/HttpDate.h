#pragma once
// HTTP dates (RFC 9110 section 5.6.7) as WebDAV servers send them in Last-Modified,
// getlastmodified, Date and Retry-After: the IMF-fixdate form "Wed, 02 Dec 2026 01:45:44 GMT",
// the obsolete RFC 850 and asctime forms, and (seen in the wild) a numeric offset or ISO 8601.
#include <QDateTime>
#include <QString>

namespace pt::core::sync {

// UTC, or an invalid QDateTime when the text is none of those forms.
[[nodiscard]] QDateTime parseHttpDate(const QString& text);

} // namespace pt::core::sync
