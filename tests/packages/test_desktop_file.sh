#!/usr/bin/env bash
# The desktop file is valid and registers the app for what the intake brings in (images, .eml,
# .mbox) with %F, so "Open with Paper Trail" hands it the files; cmake --install puts it and the
# app where a desktop finds them.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:?usage: $0 BUILD_DIR}
DESKTOP="$ROOT/platform/linux/papertrail.desktop"
fail() { echo "FAIL: $*" >&2; exit 1; }

command -v desktop-file-validate >/dev/null || fail "desktop-file-validate is missing (scripts/test.sh installs desktop-file-utils)"
desktop-file-validate "$DESKTOP" || fail "desktop-file-validate refuses $DESKTOP"
grep -q '^Exec=papertrail %F$' "$DESKTOP" || fail "Exec must pass the files (%F)"
for type in image/png image/jpeg message/rfc822 application/mbox; do
    grep -q "^MimeType=.*$type;" "$DESKTOP" || fail "$type is not registered"
done

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cmake --install "$BUILD" --prefix "$T/usr" >/dev/null
[ -x "$T/usr/bin/papertrail" ] || fail "cmake --install did not install the app"
[ -f "$T/usr/share/applications/papertrail.desktop" ] || fail "cmake --install did not install the desktop file"
echo PASS
