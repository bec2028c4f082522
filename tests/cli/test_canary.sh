#!/usr/bin/env bash
# Plaintext canary, end to end: a unique string goes into a title, a body (argument and stdin), a
# tag and an attachment (also as UTF-16LE and UTF-16BE); the entry is edited, shown, searched and
# verified. Then no file under the vault (the default one, in XDG_DATA_HOME), TMPDIR, HOME,
# XDG_CACHE_HOME or XDG_DATA_HOME may hold it, in UTF-8 or UTF-16.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

C="ptcanary$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')"
utf16le() { printf '%s' "$1" | iconv -f UTF-8 -t UTF-16LE; }
utf16be() { printf '%s' "$1" | iconv -f UTF-8 -t UTF-16BE; }

# The person's own files live outside the scanned folders.
SRC="$T/own-files"
mkdir -p "$SRC"
{ printf 'attachment with %s\n' "$C"; utf16le "$C"; utf16be "$C"; head -c 70000 /dev/urandom; printf '%s' "$C"; } >"$SRC/$C.txt"
printf 'body from stdin %s\n' "$C" >"$SRC/body.txt"

step "use the default vault"
expect_exit 0 "$CLI" init
DEFAULT="$XDG_DATA_HOME/papertrail/vault"
[ -f "$DEFAULT/vault.json" ] || fail "the default vault is not in XDG_DATA_HOME"
expect_exit 0 "$CLI" add --title "Title $C" --tag "$C" --attach "$SRC/$C.txt" <"$SRC/body.txt"
ID=$OUT
expect_exit 0 "$CLI" add --title "second" --body "Body $C"
expect_exit 0 "$CLI" edit "$ID" --body "Edited body $C"
expect_exit 0 "$CLI" show "$ID"
contains "$OUT" "Edited body $C"
expect_exit 0 "$CLI" show "$ID" --history # the changed words, around the canary
contains "$OUT" "{+Edited+} body [-from stdin-] $C"
expect_exit 0 "$CLI" search "$C"
contains "$OUT" "${ID:0:8}"
expect_exit 0 "$CLI" search "${C:0:12}"
contains "$OUT" "${ID:0:8}"
"$CLI" attachment get "$ID" "$C.txt" --stdout | cmp - "$SRC/$C.txt" || fail "attachment differs"
expect_exit 0 "$CLI" list --json
expect_exit 0 "$CLI" verify

step "scan for the canary"
HITS=0
for dir in "$DEFAULT" "$TMPDIR" "$HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"; do
    while IFS= read -r -d '' f; do
        if grep -qaF -- "$C" "$f" || without_nuls "$f" | grep -qaF -- "$C"; then
            echo "canary found in $f" >&2
            HITS=$((HITS + 1))
        fi
    done < <(find "$dir" -type f -print0)
done
equals "$HITS" 0 "files holding the canary"

step "the scan does find it where it is"
utf16be "$C" >"$TMPDIR/probe"
without_nuls "$TMPDIR/probe" | grep -qaF -- "$C" || fail "the UTF-16 probe is not found"
echo "PASS"
