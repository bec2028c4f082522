#pragma once
// A server certificate's SHA-256 fingerprint as the app shows it, for a person to compare with
// the server's before pinning it: the 32 upper-case hex pairs `openssl x509 -noout -fingerprint
// -sha256` prints (joined there by ':'), here in four lines of eight pairs, so it can be read
// aloud pair by pair and a line lost in the middle is noticed.
#include <QString>

namespace pt::gui {

// "AB:CD:..." (or bare hex) to four lines of "AB CD EF 01 23 45 67 89"; anything that is not a
// SHA-256 fingerprint comes back empty.
[[nodiscard]] QString readableFingerprint(const QString& fingerprint);

} // namespace pt::gui
