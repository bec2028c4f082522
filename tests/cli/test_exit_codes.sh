#!/usr/bin/env bash
# The exit codes of CLI.md: 0 ok, 1 failed, 2 usage, 3 wrong passphrase or key, 4 damaged,
# 5 not found; errors go to stderr, never to stdout.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

step "usage errors exit 2"
expect_exit 2 "$CLI"
expect_exit 2 pt frobnicate
contains "$ERR" "frobnicate"
expect_exit 2 pt --no-such-option list
expect_exit 2 pt list --history
expect_exit 2 pt show
expect_exit 2 pt list extra-argument
expect_exit 2 pt delete a b
expect_exit 0 "$CLI" --help
contains "$OUT" "Usage"

step "no vault yet: not found"
expect_exit 5 pt list
[ -z "$OUT" ] || fail "stdout should be empty on error: $OUT"
[ -n "$ERR" ] || fail "stderr should say what went wrong"

step "init without any passphrase source: exit 3"
expect_exit 3 env -u PAPERTRAIL_PASSPHRASE "$CLI" --vault "$V" init
[ ! -e "$V/vault.json" ] || fail "a vault was created without a passphrase"

expect_exit 0 pt init
RK=$(grep -o 'ptrk1[0-9a-z]*' <<<"$OUT")
expect_exit 0 pt add --title "kept" --body "b"
ID=$OUT

step "missing entries exit 5"
expect_exit 5 pt show 00000000-0000-4000-8000-000000000000
contains "$ERR" "00000000-0000-4000-8000-000000000000"
expect_exit 5 pt show zzzz
expect_exit 5 pt show abc
expect_exit 5 pt show 00000000-0000-4000-8000-000000000000 --history
expect_exit 5 pt edit 00000000-0000-4000-8000-000000000000 --title x
expect_exit 5 pt delete 00000000-0000-4000-8000-000000000000
expect_exit 5 pt purge 00000000-0000-4000-8000-000000000000
expect_exit 5 pt attachment get "$ID" nothing.png --stdout

step "wrong passphrase exits 3, whatever the command"
for cmd in "list" "show $ID" "search kept" "verify" "delete $ID"; do
    # shellcheck disable=SC2086
    expect_exit 3 env PAPERTRAIL_PASSPHRASE="wrong passphrase" "$CLI" --vault "$V" $cmd
    [ -z "$OUT" ] || fail "stdout should be empty: $OUT"
done
expect_exit 3 env PAPERTRAIL_PASSPHRASE="wrong" "$CLI" --vault "$V" add --title "not saved" --body x
printf 'wrong passphrase\n' >"$T/in/wrong.txt"
expect_exit 3 pt --passphrase-file "$T/in/wrong.txt" list
expect_exit 0 pt list --json
jq_ok "$OUT" 'length == 1 and .[0].title == "kept"'

step "no passphrase and no terminal exits 3"
expect_exit 3 env -u PAPERTRAIL_PASSPHRASE "$CLI" --vault "$V" list
contains "$ERR" "passphrase"
expect_exit 3 env PAPERTRAIL_PASSPHRASE= "$CLI" --vault "$V" list

step "--passphrase-file wins over the environment"
printf 'correct horse battery staple\n' >"$T/in/pass.txt"
expect_exit 0 env PAPERTRAIL_PASSPHRASE="wrong" "$CLI" --vault "$V" --passphrase-file "$T/in/pass.txt" list
contains "$OUT" "kept"
expect_exit 1 pt --passphrase-file "$T/in/no-such-file" list
contains "$ERR" "no-such-file"

step "--recovery-key opens it; a wrong one exits 3"
expect_exit 0 env -u PAPERTRAIL_PASSPHRASE "$CLI" --vault "$V" --recovery-key "$RK" list
contains "$OUT" "kept"
SPACED=$(tr '[:lower:]' '[:upper:]' <<<"$RK" | sed 's/..../& /g')
expect_exit 0 env -u PAPERTRAIL_PASSPHRASE "$CLI" --vault "$V" --recovery-key "$SPACED" list
contains "$OUT" "kept"
BAD="${RK:0:20}$([ "${RK:20:1}" = q ] && echo p || echo q)${RK:21}"
expect_exit 3 env -u PAPERTRAIL_PASSPHRASE "$CLI" --vault "$V" --recovery-key "$BAD" list
expect_exit 3 pt --recovery-key "ptrk1notakey" list

step "a damaged vault.json exits 4 and says so"
cp "$V/vault.json" "$T/vault.json.bak"
truncate -s 100 "$V/vault.json"
expect_exit 4 pt list
contains "$ERR" "vault.json"
cp "$T/vault.json.bak" "$V/vault.json"
expect_exit 0 pt verify
echo "PASS"
