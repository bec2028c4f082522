#!/usr/bin/env bash
# verify exits 0 on a sound vault and 4 on any damage, naming what is damaged: a flipped byte in an
# attachment (header, middle, last byte), a truncated attachment, a flipped byte in a log record or
# an object, a deleted log record.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

expect_exit 0 pt init
head -c 200000 /dev/urandom >"$T/in/shot.png"
expect_exit 0 pt add --title "grade screenshot" --body "2/5" --attach "$T/in/shot.png"
ID1=$OUT
expect_exit 0 pt add --title "1:1" --body "notes"
ID2=$OUT
expect_exit 0 pt edit "$ID2" --body "notes, corrected"
expect_exit 0 pt add --title "third" --body "more"

expect_exit 0 pt verify
contains "$OUT" "OK"
expect_exit 0 pt verify --json
jq_ok "$OUT" '.ok == true and .problems == [] and .records == 4 and .attachments == 1'

expect_exit 0 pt show "$ID1" --json
OBJ=$(jq -r '.attachments[0].object' <<<"$OUT")
FILE=$(object_path "$OBJ")
[ -f "$FILE" ] || fail "attachment file not at $FILE"
DEVICE=$(sqlite3 "$V/journal.db" 'SELECT device FROM log LIMIT 1')
cp -a "$V" "$T/pristine"
restore() { rm -rf "$V" && cp -a "$T/pristine" "$V"; }

for offset in 0 20 100000 -1; do
    step "attachment byte $offset flipped"
    flip_byte "$FILE" "$offset"
    expect_exit 4 pt verify
    contains "$OUT" "DAMAGED"
    contains "$OUT" "$OBJ"
    expect_exit 4 pt verify --json
    jq_ok "$OUT" ".ok == false and any(.problems[]; .item | contains(\"$OBJ\"))"
    # Reading the damaged attachment fails with 4 and leaves no partial file.
    expect_exit 4 pt attachment get "$ID1" shot.png --out "$T/out/shot.png"
    [ ! -e "$T/out/shot.png" ] || fail "a partial copy was left behind"
    restore
done

step "attachment truncated"
truncate -s 70000 "$FILE"
expect_exit 4 pt verify
contains "$OUT" "$OBJ"
restore

step "attachment missing"
rm "$FILE"
expect_exit 4 pt verify
contains "$OUT" "$OBJ"
restore

for seq in 1 2 4; do
    step "log record #$seq flipped"
    flip_log_byte "$V/journal.db" "$seq" 30
    expect_exit 4 pt verify
    contains "$OUT" "log record $DEVICE #$seq"
    expect_exit 4 pt verify --json
    jq_ok "$OUT" "any(.problems[]; .item == \"log record $DEVICE #$seq\")"
    restore
done

step "log record deleted from the middle"
sqlite3 "$V/journal.db" "DELETE FROM log WHERE seq = 2"
expect_exit 4 pt verify
contains "$OUT" "log record $DEVICE #2"
restore

step "an object's bytes changed"
OBJECT=$(sqlite3 "$V/journal.db" "SELECT id FROM objects LIMIT 1")
sqlite3 "$V/journal.db" "UPDATE objects SET data = zeroblob(length(data)) WHERE id = '$OBJECT'"
expect_exit 4 pt verify
contains "$OUT" "$OBJECT"
restore

expect_exit 0 pt verify
echo "PASS"
