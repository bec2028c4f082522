#!/usr/bin/env bash
# remember / forget against the real keychain: ctest runs under scripts/with-secret-service.sh, so
# a private gnome-keyring is on the session bus. After 'remember' the vault opens with no
# passphrase at all; after 'forget' it needs one again (exit 3), and the keychain entry is gone.
source "$(dirname "$0")/lib.sh" "$@"

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    [ "${PT_REQUIRE_KEYRING:-}" = 1 ] && fail "no D-Bus session: run under scripts/with-secret-service.sh"
    echo "SKIP: no D-Bus session bus" >&2
    exit 0
fi

step "init and add with the passphrase"
expect_exit 0 pt init
expect_exit 0 pt add --title "Kept on this phone" --body "remembered"

step "remember stores the device key in the keychain"
expect_exit 0 pt remember
contains "$OUT" "without the passphrase"

step "with no passphrase anywhere, the keychain opens the vault"
unset PAPERTRAIL_PASSPHRASE
expect_exit 0 pt list --json
jq_ok "$OUT" 'length == 1 and .[0].title == "Kept on this phone"'

step "a passphrase given explicitly still wins, and a wrong one still fails"
PAPERTRAIL_PASSPHRASE=wrong expect_exit 3 pt list

step "the keychain keeps a second record of what this device saw: a rollback is caught without the config file"
expect_exit 0 pt add --title "Second" --body "later"
cp "$V/journal.db" "$T/old.db"
rm -f "$T/old.db-wal"
expect_exit 0 pt add --title "Third, to be rolled back" --body "latest"
expect_exit 0 pt list
# Someone puts back an older journal.db and also deletes the config folder's record.
cp "$T/old.db" "$V/journal.db"
rm -f "$V/journal.db-wal" "$V/journal.db-shm"
rm -rf "$XDG_CONFIG_HOME/papertrail/seen-heads"
expect_exit 0 pt list
contains "$ERR" "went back in time"
expect_exit 4 pt verify
contains "$OUT" "went back in time"

step "forget removes it: the passphrase is needed again"
expect_exit 0 pt forget
expect_exit 3 pt list
contains "$ERR" "No passphrase given"

step "remember again, then damage the device wrap: a clear error, and the passphrase still works"
PAPERTRAIL_PASSPHRASE='correct horse battery staple' expect_exit 0 pt remember
sqlite3 "$V/journal.db" "UPDATE meta SET value = zeroblob(length(value)) WHERE key = 'device_wrap'"
expect_exit 3 pt list
contains "$ERR" "no longer opens the vault"
PAPERTRAIL_PASSPHRASE='correct horse battery staple' expect_exit 0 pt list
echo "OK"
