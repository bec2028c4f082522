# Sourced by every tests/cli/test_*.sh, which ctest runs as: bash test_x.sh PATH/TO/papertrail-cli
# Strict mode, a private temp folder (removed on exit) holding the vault and a private HOME, TMPDIR
# and XDG folders, the weak test KDF, and small helpers.
set -euo pipefail

CLI=${1:?usage: $0 PATH/TO/papertrail-cli}
[ -x "$CLI" ] || { echo "not an executable: $CLI" >&2; exit 1; }
command -v jq >/dev/null || { echo "these tests need jq (apt-get install jq)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "these tests need sqlite3 (apt-get install sqlite3)" >&2; exit 1; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" TMPDIR="$T/tmp" XDG_DATA_HOME="$T/data" XDG_CACHE_HOME="$T/cache" \
       XDG_CONFIG_HOME="$T/config"
mkdir -p "$HOME" "$TMPDIR" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$T/in" "$T/out"
export PAPERTRAIL_TEST_KDF=1
export PAPERTRAIL_PASSPHRASE='correct horse battery staple'
export LC_ALL=C.UTF-8 TZ=UTC
# No command may wait on a terminal or on whatever stdin ctest was given.
exec </dev/null

V="$T/vault"
# shellcheck disable=SC2034 # used by the scripts that source this file
UUID_RE='^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
# shellcheck disable=SC2034
ISO_RE='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?[+-][0-9]{2}:[0-9]{2}$'

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

step() { echo "--- $*"; }

# papertrail-cli on this test's vault.
pt() { "$CLI" --vault "$V" "$@"; }

# expect_exit CODE COMMAND...: runs COMMAND (stdin is the caller's), keeps its stdout in $OUT and
# its stderr in $ERR, and fails the test unless it exited with CODE.
expect_exit() {
    local want=$1
    shift
    local rc=0
    "$@" >"$T/.out" 2>"$T/.err" || rc=$?
    OUT=$(cat "$T/.out")
    ERR=$(cat "$T/.err")
    if [ "$rc" -ne "$want" ]; then
        echo "command: $*" >&2
        echo "stdout: $OUT" >&2
        echo "stderr: $ERR" >&2
        fail "expected exit $want, got $rc"
    fi
}

contains() { # TEXT NEEDLE
    grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"
}

not_contains() { # TEXT NEEDLE
    if grep -qF -- "$2" <<<"$1"; then fail "did not expect '$2' in: $1"; fi
}

equals() { # ACTUAL EXPECTED [WHAT]
    [ "$1" = "$2" ] || fail "${3:-value}: expected '$2', got '$1'"
}

# jq_ok JSON FILTER: the filter must yield true.
jq_ok() {
    jq -e "$2" >/dev/null <<<"$1" || fail "jq '$2' is not true for: $1"
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# The path of an attachment object in this test's vault.
object_path() { echo "$V/objects/${1:0:2}/$1"; }

# flip_byte FILE OFFSET: XOR one byte with 0x01 in place; a negative OFFSET counts from the end.
flip_byte() {
    local file=$1 offset=$2 size byte
    size=$(stat -c %s "$file")
    [ "$offset" -lt 0 ] && offset=$((size + offset))
    if [ "$offset" -lt 0 ] || [ "$offset" -ge "$size" ]; then fail "offset $offset outside $file ($size bytes)"; fi
    byte=$(od -An -tu1 -j "$offset" -N1 "$file" | tr -d ' \n')
    # shellcheck disable=SC2059
    printf "\\$(printf '%03o' $((byte ^ 1)))" | dd of="$file" bs=1 seek="$offset" conv=notrunc status=none
}

# flip_log_byte DB SEQ OFFSET: flips one byte of a log record's ciphertext, through sqlite3.
flip_log_byte() {
    local db=$1 seq=$2 offset=$3 blob="$T/.blob"
    rm -f "$blob"
    sqlite3 "$db" "SELECT writefile('$blob', data) FROM log WHERE seq = $seq;" >/dev/null
    flip_byte "$blob" "$offset"
    sqlite3 "$db" "UPDATE log SET data = readfile('$blob') WHERE seq = $seq;"
}

# Bytes of FILE with every NUL removed: ASCII text stored as UTF-16 (LE or BE) turns back into
# plain ASCII, so one grep finds a canary in UTF-8 and in UTF-16.
without_nuls() { tr -d '\000' <"$1"; }
