#!/usr/bin/env bash
# Every QML module the app loads at run time comes from a package scripts/lib.sh installs.
# qmlimportscanner lists what our QML imports; Qt's own QML imports more at run time (the file
# dialog loads Qt.labs.folderlistmodel), so the imports of every QML file in those modules are
# followed too. Each module folder's qmldir is mapped to its Debian package with dpkg -S.
# A missing one crashed "Attach file..." on a clean machine while CI, on a full one, was green.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
qmldir_root=/usr/lib/x86_64-linux-gnu/qt6/qml
[ -d "$qmldir_root" ] || qmldir_root=$(dirname "$(dpkg -L qml6-module-qtquick | grep '/qml/QtQuick/qmldir$' | head -1)")/..
scanner=/usr/lib/qt6/libexec/qmlimportscanner
[ -x "$scanner" ] || { echo "FAIL: no qmlimportscanner (qt6-declarative-dev)"; exit 1; }
# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

declare -A seen=()
queue=()
add_module() { # dotted name
    local dir="$qmldir_root/${1//.//}"
    [ -f "$dir/qmldir" ] || return 0
    [ -n "${seen[$dir]:-}" ] && return 0
    seen[$dir]=1
    queue+=("$dir")
}
while read -r name; do add_module "$name"; done < <("$scanner" -rootPath "$root/qml" -importPath "$qmldir_root" |
    jq -r '.[] | select(.type == "module") | .name' | grep -v '^PaperTrail$' | sort -u)
while [ ${#queue[@]} -gt 0 ]; do
    dir=${queue[0]}
    queue=("${queue[@]:1}")
    while read -r name; do add_module "$name"; done < <(find "$dir" -name '*.qml' -exec \
        sed -n 's/^import \([A-Za-z][A-Za-z0-9_.]*\).*/\1/p' {} + 2>/dev/null | sort -u)
    # A module's qmldir may name its dependencies too.
    while read -r name; do add_module "$name"; done < <(sed -n 's/^\(depends\|import\) \([A-Za-z][A-Za-z0-9_.]*\).*/\2/p' "$dir/qmldir" | sort -u)
done

missing=()
checked=0
for dir in "${!seen[@]}"; do
    package=$(dpkg -S "$dir/qmldir" 2>/dev/null | cut -d: -f1 | head -1)
    [ -n "$package" ] || { missing+=("(no package owns $dir/qmldir)"); continue; }
    checked=$((checked + 1))
    printf '%s\n' "${PT_BUILD_PACKAGES[@]}" | grep -qx "$package" || missing+=("$package (for ${dir#"$qmldir_root"/})")
done
[ "$checked" -gt 5 ] || { echo "FAIL: found only $checked QML modules; the scan did not work"; exit 1; }
if [ ${#missing[@]} -gt 0 ]; then
    printf 'FAIL: not in PT_BUILD_PACKAGES of scripts/lib.sh: %s\n' "${missing[@]}"
    exit 1
fi
echo "PASS: $checked QML modules, every one from a package scripts/lib.sh installs"
