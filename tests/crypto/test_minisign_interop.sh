#!/usr/bin/env bash
# crypto/Minisign against the real minisign program (Debian's 0.11), in both directions:
# - our public key file is byte for byte what `minisign -R` writes for the same key, and our
#   signature what `minisign -S` writes (Ed25519 is deterministic);
# - `minisign -V` accepts our signatures (also -q, -Q, -H, -P) and refuses them once one byte of
#   the file, the trusted comment or the key changes;
# - our verifier accepts what `minisign -S` and `minisign -S -l` (legacy) make with a key from
#   `minisign -G -W`, and refuses the same changes.
# Run by ctest as: bash test_minisign_interop.sh PATH/TO/minisign_tool
set -euo pipefail

TOOL=${1:?usage: $0 PATH/TO/minisign_tool}
[ -x "$TOOL" ] || { echo "not an executable: $TOOL" >&2; exit 1; }
command -v minisign >/dev/null ||
    { echo "this test needs minisign (apt-get install minisign)" >&2; exit 1; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" MINISIGN_CONFIG_DIR="$T/home/.minisign" LC_ALL=C
mkdir -p "$HOME"
exec </dev/null
cd "$T"

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "--- $*"; }

# expect_exit CODE COMMAND...: keeps stdout in $OUT and stderr in $ERR.
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

# flip_byte FILE OFFSET: xor one byte of FILE with 0x01, in place.
flip_byte() {
    local b
    b=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
    # shellcheck disable=SC2059 # the format is the octal escape
    printf "$(printf '\\%03o' $((b ^ 1)))" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

SEED=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
SEED2=1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100

printf '%s  %s\n' \
    e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 entries/empty.txt \
    ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad report.pdf >SHA256SUMS
head -c 3000001 /dev/urandom >big.bin

step "the key is a function of the seed"
"$TOOL" pubkey "$SEED" >a.pub
"$TOOL" pubkey "$SEED" >a2.pub
"$TOOL" pubkey "$SEED2" >b.pub
cmp a.pub a2.pub || fail "same seed, different public key files"
if cmp -s a.pub b.pub; then fail "different seeds, same public key file"; fi
[ "$(wc -l <a.pub)" -eq 2 ] || fail "public key file is not two lines"

step "minisign -R writes the same public key file for our key"
"$TOOL" seckey "$SEED" >a.key
chmod 600 a.key
expect_exit 0 minisign -R -s a.key -p a-by-minisign.pub
cmp a.pub a-by-minisign.pub || fail "public key file differs from minisign's"

step "minisign -S with our key writes our signature byte for byte"
expect_exit 0 "$TOOL" sign "$SEED" SHA256SUMS "papertrail export 2024-01-01"
cmp "$T/.out" a.pub || fail "sign printed another public key file"
cp SHA256SUMS.minisig ours.minisig
expect_exit 0 minisign -S -s a.key -m SHA256SUMS -x theirs.minisig -t "papertrail export 2024-01-01"
cmp ours.minisig theirs.minisig || fail "signature file differs from minisign's"
expect_exit 0 "$TOOL" sign "$SEED" SHA256SUMS "custom" "Paper Trail archive signature"
expect_exit 0 minisign -S -s a.key -m SHA256SUMS -x theirs.minisig -t custom \
    -c "Paper Trail archive signature"
cmp SHA256SUMS.minisig theirs.minisig || fail "signature with comments differs from minisign's"

step "minisign -V accepts our signature"
expect_exit 0 "$TOOL" sign "$SEED" SHA256SUMS
expect_exit 0 minisign -Vm SHA256SUMS -p a.pub
contains "$OUT" "Signature and comment signature verified"
contains "$OUT" "Trusted comment: timestamp:"
contains "$OUT" $'\tfile:SHA256SUMS\thashed'
expect_exit 0 minisign -Vm SHA256SUMS -p a.pub -q
[ -z "$OUT$ERR" ] || fail "minisign -q printed: $OUT $ERR"
expect_exit 0 minisign -VHm SHA256SUMS -p a.pub -q
expect_exit 0 minisign -Vm SHA256SUMS -P "$(sed -n 2p a.pub)" -Q
contains "$OUT" $'file:SHA256SUMS\thashed'
expect_exit 0 "$TOOL" verify SHA256SUMS SHA256SUMS.minisig a.pub
contains "$OUT" ok

step "a 3 MB file, signed in pieces"
expect_exit 0 "$TOOL" sign "$SEED" big.bin "big"
expect_exit 0 minisign -Vm big.bin -p a.pub -q
expect_exit 0 "$TOOL" verify big.bin big.bin.minisig a.pub

step "minisign -V refuses our signature once a byte of the file changes"
cp SHA256SUMS SHA256SUMS.orig
for offset in 0 70 $(($(wc -c <SHA256SUMS) - 1)); do
    cp SHA256SUMS.orig SHA256SUMS
    flip_byte SHA256SUMS "$offset"
    cmp -s SHA256SUMS SHA256SUMS.orig && fail "flip_byte changed nothing"
    expect_exit 1 minisign -Vm SHA256SUMS -p a.pub
    contains "$ERR" "Signature verification failed"
    expect_exit 1 minisign -Vm SHA256SUMS -p a.pub -q
    expect_exit 1 "$TOOL" verify SHA256SUMS SHA256SUMS.minisig a.pub
    contains "$OUT" bad-signature
done
cp SHA256SUMS.orig SHA256SUMS
cp big.bin big.orig
flip_byte big.bin 3000000
expect_exit 1 minisign -Vm big.bin -p a.pub -q
expect_exit 1 "$TOOL" verify big.bin big.bin.minisig a.pub
cp big.orig big.bin
printf 'extra\n' >>SHA256SUMS
expect_exit 1 minisign -Vm SHA256SUMS -p a.pub -q
cp SHA256SUMS.orig SHA256SUMS
expect_exit 0 minisign -Vm SHA256SUMS -p a.pub -q

step "minisign -V refuses a changed trusted comment and another key"
sed 's/^trusted comment: .*/trusted comment: timestamp:0\tfile:SHA256SUMS\thashed/' \
    SHA256SUMS.minisig >forged.minisig
cmp -s forged.minisig SHA256SUMS.minisig && fail "sed changed nothing"
expect_exit 1 minisign -Vm SHA256SUMS -x forged.minisig -p a.pub
contains "$ERR" "Comment signature verification failed"
expect_exit 1 "$TOOL" verify SHA256SUMS forged.minisig a.pub
contains "$OUT" bad-trusted-comment
expect_exit 1 minisign -Vm SHA256SUMS -p b.pub
expect_exit 1 "$TOOL" verify SHA256SUMS SHA256SUMS.minisig b.pub
contains "$OUT" key-id-mismatch

step "our verifier accepts minisign's own key and signatures"
expect_exit 0 minisign -G -W -p m.pub -s m.key
expect_exit 0 minisign -S -s m.key -m SHA256SUMS -x m.minisig -t "made by minisign"
expect_exit 0 "$TOOL" verify SHA256SUMS m.minisig m.pub
[ "$OUT" = $'ok\nmade by minisign' ] || fail "unexpected output: $OUT"
expect_exit 0 "$TOOL" verify -H SHA256SUMS m.minisig m.pub
expect_exit 0 minisign -S -s m.key -m SHA256SUMS -x m-default.minisig
expect_exit 0 "$TOOL" verify SHA256SUMS m-default.minisig m.pub
contains "$OUT" $'\tfile:SHA256SUMS\thashed'
expect_exit 0 minisign -S -s m.key -m big.bin -x m-big.minisig
expect_exit 0 "$TOOL" verify big.bin m-big.minisig m.pub
flip_byte SHA256SUMS 5
expect_exit 1 "$TOOL" verify SHA256SUMS m.minisig m.pub
contains "$OUT" bad-signature
cp SHA256SUMS.orig SHA256SUMS
sed 's/^trusted comment: .*/trusted comment: made by someone else/' m.minisig >m-forged.minisig
expect_exit 1 "$TOOL" verify SHA256SUMS m-forged.minisig m.pub
contains "$OUT" bad-trusted-comment
expect_exit 1 "$TOOL" verify SHA256SUMS m.minisig a.pub
contains "$OUT" key-id-mismatch
expect_exit 1 "$TOOL" verify SHA256SUMS SHA256SUMS.minisig m.pub
contains "$OUT" key-id-mismatch

step "legacy signatures (minisign -S -l)"
HELP=$(minisign -h 2>&1 || true)
if grep -q -- '^-l ' <<<"$HELP"; then
    expect_exit 0 minisign -S -l -s m.key -m SHA256SUMS -x m-legacy.minisig -t "legacy"
    head -c 2 <(sed -n 2p m-legacy.minisig | base64 -d) | grep -qx Ed || fail "not an Ed signature"
    expect_exit 0 "$TOOL" verify SHA256SUMS m-legacy.minisig m.pub
    [ "$OUT" = $'ok\nlegacy' ] || fail "unexpected output: $OUT"
    expect_exit 1 "$TOOL" verify -H SHA256SUMS m-legacy.minisig m.pub
    contains "$OUT" legacy-refused
    expect_exit 1 minisign -VHm SHA256SUMS -x m-legacy.minisig -p m.pub
    flip_byte SHA256SUMS 0
    expect_exit 1 "$TOOL" verify SHA256SUMS m-legacy.minisig m.pub
    contains "$OUT" bad-signature
    cp SHA256SUMS.orig SHA256SUMS
else
    echo "this minisign has no -l: legacy signatures not tried"
fi

step "malformed input is refused, not crashed on"
: >empty
expect_exit 1 "$TOOL" verify SHA256SUMS empty a.pub
contains "$OUT" malformed-signature
expect_exit 1 "$TOOL" verify SHA256SUMS SHA256SUMS.minisig empty
contains "$OUT" malformed-public-key
head -c 100000 /dev/zero | tr '\0' 'A' >huge
expect_exit 1 "$TOOL" verify SHA256SUMS huge a.pub
contains "$OUT" malformed-signature
expect_exit 1 "$TOOL" verify SHA256SUMS SHA256SUMS.minisig huge
contains "$OUT" malformed-public-key

echo "PASS"
