#!/usr/bin/env bash
# init, add (body argument and stdin), list (table and --json), show, edit and --history, search,
# delete, list --deleted, purge, verify.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

step "init prints the recovery key once"
expect_exit 0 pt init
equals "$(grep -o 'ptrk1' <<<"$OUT$ERR" | wc -l)" 1 "ptrk1 occurrences"
RK=$(grep -o 'ptrk1[0-9a-z]*' <<<"$OUT")
equals "${#RK}" 63 "recovery key length"
[ -f "$V/vault.json" ] || fail "vault.json missing"
[ -f "$V/journal.db" ] || fail "journal.db missing"
expect_exit 2 pt init # already a vault there
not_contains "$OUT$ERR" "ptrk1"

step "add with --body prints the new id"
expect_exit 0 pt add --title "First 1:1 with Dana" --body "Dana said the metrics are fine." --tag pip --tag meeting --kind meeting
ID1=$OUT
[[ $ID1 =~ $UUID_RE ]] || fail "not an id: $ID1"

step "add with the body on stdin"
printf 'Line one of the grade note.\nLine two: 2/5, unfair.\n' >"$T/in/body.txt"
expect_exit 0 pt add --title "Daily grade" --tag grade <"$T/in/body.txt"
ID2=$OUT
[[ $ID2 =~ $UUID_RE ]] || fail "not an id: $ID2"
expect_exit 0 pt show "$ID2" --json
diff <(jq -j .body <<<"$OUT") "$T/in/body.txt" || fail "body from stdin differs"

step "add with --occurred keeps the time exactly"
expect_exit 0 pt add --title "Zebra memo" --body "to be deleted" --occurred 2026-01-05T14:30:00+05:45
ID3=$OUT
expect_exit 0 pt show "$ID3" --json
equals "$(jq -r .occurred_at <<<"$OUT")" "2026-01-05T14:30:00.000+05:45" "occurred_at"

step "add with nothing in it is a usage error"
expect_exit 2 pt add

step "list: table and --json with the documented fields"
expect_exit 0 pt list
for id in "$ID1" "$ID2" "$ID3"; do contains "$OUT" "${id:0:8}"; done
contains "$OUT" "First 1:1 with Dana"
contains "$OUT" "Daily grade"
not_contains "$OUT" "ptrk1"
expect_exit 0 pt list --json
LIST=$OUT
jq_ok "$LIST" 'length == 3'
jq_ok "$LIST" 'all(.[]; has("id") and has("kind") and has("title") and has("body") and has("occurred_at")
                 and has("recorded_at") and has("revision") and has("revisions") and has("tags")
                 and has("attachments") and has("deleted"))'
jq_ok "$LIST" 'all(.[]; (.tags | type) == "array" and (.attachments | type) == "array"
                 and (.revision | type) == "number" and (.deleted | type) == "boolean")'
while read -r t; do [[ $t =~ $ISO_RE ]] || fail "time without offset: $t"; done < <(jq -r '.[] | .occurred_at, .recorded_at' <<<"$LIST")
jq_ok "$LIST" "map(select(.id == \"$ID1\"))[0] | .kind == \"meeting\" and .tags == [\"pip\", \"meeting\"]
                 and .revision == 1 and .revisions == 1 and .deleted == false"
expect_exit 0 pt --json list --tag grade
jq_ok "$OUT" "length == 1 and .[0].id == \"$ID2\""
expect_exit 0 pt list --json --kind meeting
jq_ok "$OUT" "length == 1 and .[0].id == \"$ID1\""
expect_exit 0 pt list --json --since 2026-01-05 --until 2026-01-05
jq_ok "$OUT" "length == 1 and .[0].id == \"$ID3\""

step "show by id and by prefix"
expect_exit 0 pt show "${ID1:0:8}"
contains "$OUT" "$ID1"
contains "$OUT" "Dana said the metrics are fine."

step "edit makes revision 2; show --history shows both"
expect_exit 0 pt edit "$ID1" --title "First 1:1 with Dana (corrected)"
contains "$OUT" "revision 2"
expect_exit 2 pt edit "$ID1" --title "First 1:1 with Dana (corrected)" # nothing changed
expect_exit 0 pt show "$ID1" --history
contains "$OUT" "2 revision(s)"
contains "$OUT" "revision 1"
contains "$OUT" "revision 2"
contains "$OUT" "(original)"
contains "$OUT" "changed: title"
contains "$OUT" "First 1:1 with Dana"
contains "$OUT" "First 1:1 with Dana (corrected)"
expect_exit 0 pt show "$ID1" --history --json
H=$OUT
jq_ok "$H" '.revision == 2 and .revisions == 2 and (.history | length) == 2'
jq_ok "$H" '.history[0].revision == 1 and .history[0].previous == "" and .history[0].title == "First 1:1 with Dana"'
jq_ok "$H" '.history[1].previous == .history[0].object and .history[1].changed == ["title"]'
jq_ok "$H" '.history[0].recorded_at <= .history[1].recorded_at'
jq_ok "$H" '.history[0].occurred_at == .history[1].occurred_at'

step "search"
expect_exit 0 pt search metrics
contains "$OUT" "${ID1:0:8}"
not_contains "$OUT" "${ID2:0:8}"
expect_exit 0 pt search --json "unfair"
jq_ok "$OUT" "length == 1 and .[0].id == \"$ID2\""
expect_exit 0 pt search --json "dana" "corrected"
jq_ok "$OUT" "length == 1 and .[0].id == \"$ID1\""
expect_exit 0 pt search "nothing-like-this"
contains "$OUT" "No matches."
expect_exit 0 pt search '"(*' "NEAR(" "';--"

step "delete hides; list --deleted and show --history still show it"
expect_exit 0 pt search --json zebra
jq_ok "$OUT" 'length == 1'
expect_exit 0 pt delete "$ID3"
expect_exit 0 pt list --json
jq_ok "$OUT" "length == 2 and all(.[]; .id != \"$ID3\")"
expect_exit 0 pt list
not_contains "$OUT" "Zebra memo"
expect_exit 0 pt list --json --deleted
jq_ok "$OUT" "length == 3 and (map(select(.id == \"$ID3\"))[0].deleted == true)"
expect_exit 0 pt show "$ID3" --history
contains "$OUT" "Zebra memo"
contains "$OUT" "deleted"
expect_exit 0 pt search --json zebra
jq_ok "$OUT" 'length == 0'
expect_exit 2 pt edit "$ID3" --title "back" # a deleted entry cannot be edited

step "purge removes the bytes and keeps the marker"
expect_exit 0 pt purge "$ID3"
expect_exit 0 pt list --json --deleted
jq_ok "$OUT" "map(select(.id == \"$ID3\"))[0] | .purged == true and .deleted == true and .title == \"\""
expect_exit 0 pt show "$ID3"
contains "$OUT" "Purged"
not_contains "$OUT" "Zebra"
[ "$(sqlite3 "$V/journal.db" 'SELECT count(*) FROM objects')" -eq 3 ] || fail "purged objects still in journal.db"

step "verify"
expect_exit 0 pt verify
contains "$OUT" "OK"
expect_exit 0 pt verify --json
jq_ok "$OUT" '.ok == true and .problems == [] and .records == 6 and .entries == 3 and .purged_objects == 1'

step "the recovery key is never printed again"
grep -rqF "$RK" "$V" && fail "recovery key stored in the vault"
echo "PASS"
