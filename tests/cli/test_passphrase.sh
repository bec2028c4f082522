#!/usr/bin/env bash
# passwd --new-passphrase-file: the old passphrase stops working, the new one and the recovery key
# work; forgetting the passphrase and setting a new one with the recovery key.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

printf 'first passphrase\n' >"$T/in/p1"
printf 'second passphrase\nthis second line is ignored\n' >"$T/in/p2"
printf 'third passphrase' >"$T/in/p3" # no newline at the end
unset PAPERTRAIL_PASSPHRASE

step "a passphrase guessable within a day is refused unless the person insists"
printf 'password1\n' >"$T/in/weak"
expect_exit 2 pt --passphrase-file "$T/in/weak" init
contains "$ERR" "could guess that passphrase"
contains "$ERR" "--allow-weak-passphrase"
[ ! -e "$V/vault.json" ] || fail "a vault was made with a refused passphrase"

step "init from a passphrase file"
expect_exit 0 pt --passphrase-file "$T/in/p1" init
RK=$(grep -o 'ptrk1[0-9a-z]*' <<<"$OUT")
expect_exit 0 pt --passphrase-file "$T/in/p1" add --title "before passwd" --body x
ID=$OUT

step "passwd"
expect_exit 0 pt --passphrase-file "$T/in/p1" passwd --new-passphrase-file "$T/in/p2"
expect_exit 3 pt --passphrase-file "$T/in/p1" list
expect_exit 0 pt --passphrase-file "$T/in/p2" list
contains "$OUT" "before passwd"
expect_exit 0 env PAPERTRAIL_PASSPHRASE="second passphrase" "$CLI" --vault "$V" show "$ID"
expect_exit 0 pt --recovery-key "$RK" list
contains "$OUT" "before passwd"

step "passwd refuses a weak new passphrase, and takes it with --allow-weak-passphrase"
expect_exit 2 pt --passphrase-file "$T/in/p2" passwd --new-passphrase-file "$T/in/weak"
expect_exit 0 pt --passphrase-file "$T/in/p2" list
expect_exit 0 pt --passphrase-file "$T/in/p2" passwd --new-passphrase-file "$T/in/weak" --allow-weak-passphrase
contains "$ERR" "Warning"
expect_exit 0 pt --passphrase-file "$T/in/weak" passwd --new-passphrase-file "$T/in/p2"

step "passwd without a new passphrase and without a terminal is a usage error"
expect_exit 2 pt --passphrase-file "$T/in/p2" passwd
expect_exit 0 pt --passphrase-file "$T/in/p2" list

step "passwd with a wrong current passphrase changes nothing"
expect_exit 3 pt --passphrase-file "$T/in/p1" passwd --new-passphrase-file "$T/in/p3"
expect_exit 3 pt --passphrase-file "$T/in/p3" list

step "forgot it: the recovery key sets a new one"
expect_exit 0 pt --recovery-key "$RK" passwd --new-passphrase-file "$T/in/p3"
expect_exit 3 pt --passphrase-file "$T/in/p2" list
expect_exit 0 pt --passphrase-file "$T/in/p3" add --title "after recovery" --body y
expect_exit 0 pt --passphrase-file "$T/in/p3" list --json
jq_ok "$OUT" 'length == 2'
expect_exit 0 pt --recovery-key "$RK" verify
[ -z "$(find "$V" -name '*.tmp')" ] || fail "a temp file was left beside vault.json"
echo "PASS"
