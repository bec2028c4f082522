#!/usr/bin/env bash
# The attacks of the security review, through the CLI as written: someone who can write to the
# vault folder but has no key. Each is refused or reported in plain words; nothing saved is lost.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# No command may hang on a planted FIFO or read a device forever.
bounded() { timeout 20 "$@"; }

expect_exit 0 pt init
RK=$(grep -o 'ptrk1[0-9a-z]*' <<<"$OUT")
head -c 70000 /dev/urandom >"$T/in/a.bin"
head -c 70000 /dev/urandom >"$T/in/b.bin"
expect_exit 0 pt add --title "two files" --body "evidence" --attach "$T/in/a.bin" --attach "$T/in/b.bin"
ID=$OUT
expect_exit 0 pt show "$ID" --json
OBJ_A=$(jq -r '.attachments[] | select(.name == "a.bin") | .object' <<<"$OUT")
OBJ_B=$(jq -r '.attachments[] | select(.name == "b.bin") | .object' <<<"$OUT")
cp -a "$V" "$T/pristine"
restore() { rm -rf "$V" && cp -a "$T/pristine" "$V"; }

step "a trigger planted in journal.db: add refuses instead of printing an id for nothing"
sqlite3 "$V/journal.db" "CREATE TRIGGER swallow BEFORE INSERT ON log BEGIN SELECT RAISE(IGNORE); END;"
expect_exit 4 pt add --title "would vanish" --body "x"
[ -z "$OUT" ] || fail "an id was printed for an entry that was not stored: $OUT"
contains "$ERR" "trigger"
expect_exit 4 pt verify
sqlite3 "$V/journal.db" "DROP TRIGGER swallow;"
expect_exit 0 pt list --json
jq_ok "$OUT" 'length == 1'

step "objects/tmp as a link to another folder: nothing there is deleted"
mkdir -p "$T/precious"
echo "keep" >"$T/precious/0123456789abcdef0123456789abcdef"
rm -rf "$V/objects/tmp"
ln -s "$T/precious" "$V/objects/tmp"
expect_exit 0 pt list
[ -f "$T/precious/0123456789abcdef0123456789abcdef" ] || fail "a file behind the planted link was deleted"
restore

step ".vault.json.tmp as a link: passwd does not write through it"
echo "someone else's file" >"$T/victim"
ln -s "$T/victim" "$V/.vault.json.tmp"
printf 'a new passphrase\n' >"$T/in/new"
expect_exit 0 pt passwd --new-passphrase-file "$T/in/new"
equals "$(cat "$T/victim")" "someone else's file" "the link's target"
[ ! -L "$V/vault.json" ] || fail "vault.json became a link"
expect_exit 0 pt --passphrase-file "$T/in/new" list
restore

step "vault.json as /dev/zero, as a FIFO: refused at once"
rm "$V/vault.json"
ln -s /dev/zero "$V/vault.json"
expect_exit 4 bounded "$CLI" --vault "$V" list
contains "$ERR" "not a regular file"
rm "$V/vault.json"
mkfifo "$V/vault.json"
expect_exit 4 bounded "$CLI" --vault "$V" list
restore

step "an attachment file as a FIFO: refused, not waited on"
rm "$(object_path "$OBJ_A")"
mkfifo "$(object_path "$OBJ_A")"
expect_exit 4 bounded "$CLI" --vault "$V" attachment get "$ID" a.bin --out "$T/out/a.bin"
[ ! -e "$T/out/a.bin" ] || fail "a partial copy was left behind"
restore

step "attachment B's file copied over A's: get refuses to hand out B as A"
cp "$(object_path "$OBJ_B")" "$(object_path "$OBJ_A")"
expect_exit 4 pt attachment get "$ID" a.bin --out "$T/out/a.bin"
[ ! -e "$T/out/a.bin" ] || fail "B's bytes were saved as a.bin"
expect_exit 4 pt attachment get "$ID" a.bin --stdout
[ -z "$OUT" ] || fail "bytes were written to stdout before the check"
expect_exit 0 pt attachment get "$ID" b.bin --out "$T/out/b.bin"
equals "$(sha256_of "$T/out/b.bin")" "$(sha256_of "$T/in/b.bin")" "b.bin"
expect_exit 4 pt verify
restore

step "verify prints the head to write down"
expect_exit 0 pt verify
grep -Eq 'Journal head: [0-9a-f]{64}' <<<"$OUT" || fail "no journal head in: $OUT"
HEAD=$(grep -Eo 'Journal head: [0-9a-f]{64}' <<<"$OUT" | cut -d' ' -f3)
expect_exit 0 pt verify --json
jq_ok "$OUT" ".head == \"$HEAD\" and (.heads | length) == 1 and .heads[0].seq == 1 and .rollback_checked == true"

step "an older journal.db put back: a plain warning, and verify fails"
cp "$V/journal.db" "$T/old.db"
expect_exit 0 pt edit "$ID" --title "two files, renamed"
expect_exit 0 pt delete "$ID"
cp "$T/old.db" "$V/journal.db"
rm -f "$V/journal.db-wal" "$V/journal.db-shm"
expect_exit 0 pt list
contains "$ERR" "went back in time"
contains "$OUT" "two files"
expect_exit 4 pt verify
contains "$OUT" "went back in time"
restore

step "the newest records deleted (un-deleting an entry): reported"
expect_exit 0 pt delete "$ID"
DEVICE=$(sqlite3 "$V/journal.db" 'SELECT device FROM log LIMIT 1')
sqlite3 "$V/journal.db" "DELETE FROM log WHERE device = '$DEVICE' AND seq = 2;"
expect_exit 0 pt list
contains "$ERR" "went back in time"
expect_exit 4 pt verify
restore

step "every record deleted: reported"
sqlite3 "$V/journal.db" "DELETE FROM log;"
expect_exit 4 pt verify
contains "$OUT" "went back in time"
restore

step "a downgraded kdf: refused for the passphrase and the recovery key alike"
jq '.kdf.ops = 1 | .kdf.memory = 8192' "$V/vault.json" >"$T/weak.json"
cp "$T/weak.json" "$V/vault.json"
expect_exit 4 pt list
contains "$ERR" "weaker"
expect_exit 4 pt --recovery-key-file <(echo "$RK") list
restore

step "escape codes in a title reach the terminal as visible text"
expect_exit 0 pt add --title $'evil\e]0;pwned\a\e[2Jtitle\u202e' --body $'line one\n\e[31mred'
EVIL=$OUT
expect_exit 0 pt list
if grep -q $'\e' <<<"$OUT"; then fail "an escape character reached the terminal: $OUT"; fi
contains "$OUT" 'evil\x1b]0;pwned\x07\x1b[2Jtitle\u202e'
expect_exit 0 pt show "$EVIL"
if grep -q $'\e' <<<"$OUT"; then fail "an escape character reached the terminal: $OUT"; fi
contains "$OUT" 'line one'
expect_exit 0 pt show "$EVIL" --json
jq_ok "$OUT" '.title | startswith("evil\u001b]0;")'
restore

step "the recovery key from a file or stdin; on the command line with a warning"
echo "$RK" >"$T/in/rk"
expect_exit 0 pt --recovery-key-file "$T/in/rk" list
not_contains "$ERR" "process list"
expect_exit 0 pt --recovery-key-file - list <"$T/in/rk"
expect_exit 0 pt --recovery-key "$RK" list
contains "$ERR" "process list"

step "new-recovery-key: asks for a current secret; the old key stops working"
expect_exit 3 env PAPERTRAIL_PASSPHRASE=wrong "$CLI" --vault "$V" new-recovery-key
expect_exit 0 pt new-recovery-key
NEW_RK=$(grep -o 'ptrk1[0-9a-z]*' <<<"$OUT")
[ -n "$NEW_RK" ] && [ "$NEW_RK" != "$RK" ] || fail "no new recovery key printed: $OUT"
expect_exit 3 pt --recovery-key-file "$T/in/rk" list
echo "$NEW_RK" >"$T/in/rk2"
expect_exit 0 pt --recovery-key-file "$T/in/rk2" list
expect_exit 0 pt list

step "core dumps are off in the running CLI"
# Start it with core dumps allowed, so the limit it ends up with is its own doing.
ulimit -c unlimited 2>/dev/null || ulimit -c "$(ulimit -Hc)"
[ "$(ulimit -c)" != 0 ] || fail "cannot allow core dumps here to test that the CLI turns them off"
mkfifo "$T/feed"
exec 3<>"$T/feed"
"$CLI" --vault "$V" add --title "waiting" --attach /dev/stdin <&3 >/dev/null 2>&1 &
PID=$!
LIMIT=""
for _ in $(seq 100); do
    LIMIT=$(awk '/Max core file size/ {print $5, $6}' "/proc/$PID/limits" 2>/dev/null || true)
    [ "$LIMIT" = "0 0" ] && break
    sleep 0.1
done
kill "$PID" 2>/dev/null || true
wait "$PID" 2>/dev/null || true
exec 3>&-
equals "$LIMIT" "0 0" "core file size limit of the running CLI"

echo "PASS"
