#!/usr/bin/env bash
# restore brings a deleted entry back (a new revision; the history shows the deletion and the
# restore; a purged entry cannot come back), and show --history prints each changed field with
# its old and new value, the body's changed words, and meeting sections by name.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

expect_exit 0 pt init

step "history: each changed field with its old and new value"
expect_exit 0 pt add --kind meeting --title "1:1 with Dana" --occurred 2026-12-01T15:30:00+00:00 --tag pip \
    --body "She said the migration goal is not on track."
ID=$OUT
expect_exit 0 pt edit "$ID" --title "1:1 with Dana and HR" --occurred 2026-11-30T15:30:00+00:00 --tag pip --tag hr \
    --body "She said the migration goal is on track."
expect_exit 0 pt show "$ID" --history
contains "$OUT" "Title: 1:1 with Dana -> 1:1 with Dana and HR"
contains "$OUT" "Happened: 1 Dec 15:30 -> 30 Nov 15:30"
contains "$OUT" "Tags: added hr"
contains "$OUT" "Body: She said the migration goal is [-not-] on track."
equals "$(grep -c 'She said the migration goal' <<<"$OUT")" 2 "body lines (the original and the change)"
not_contains "$OUT" "Present"
expect_exit 0 pt show "$ID" --history --json
jq_ok "$OUT" '.history[1].changes | map(.label) == ["Title", "Happened", "Body", "Tags"]'
jq_ok "$OUT" '.history[1].changes[0] | .before == "1:1 with Dana" and .after == "1:1 with Dana and HR"'
jq_ok "$OUT" '.history[1].changes[2].words | map(select(.kind == "removed").text) == ["not"]'
jq_ok "$OUT" '.history[1].restored == false and .deletions == []'
jq_ok "$OUT" '.history[0] | has("changes") | not'

step "restore: a deleted entry comes back and the history keeps both"
expect_exit 2 pt restore "$ID" # not deleted
contains "$ERR" "not deleted"
expect_exit 0 pt delete "$ID"
expect_exit 0 pt list --json
jq_ok "$OUT" 'length == 0'
expect_exit 0 pt restore "${ID:0:8}"
contains "$OUT" "Restored $ID as revision 3"
expect_exit 0 pt list --json
jq_ok "$OUT" "length == 1 and .[0].id == \"$ID\" and .[0].deleted == false and .[0].revision == 3"
jq_ok "$OUT" '.[0].title == "1:1 with Dana and HR"'
expect_exit 0 pt list
contains "$OUT" "1:1 with Dana and HR (edited) (restored)"
expect_exit 0 pt search --json migration
jq_ok "$OUT" 'length == 1'
expect_exit 0 pt show "$ID" --history
contains "$OUT" "--- deleted, recorded"
contains "$OUT" "revision 3"
contains "$OUT" "(restored, with the content it had)"
# The deletion sits between revision 2 and the restore.
[[ $OUT =~ "revision 2".*"--- deleted".*"revision 3" ]] || fail "history out of order: $OUT"
expect_exit 0 pt show "$ID" --history --json
jq_ok "$OUT" '(.deletions | length) == 1 and .history[2].restored == true and .history[2].changes == []'
jq_ok "$OUT" '.history[2].previous == .history[1].object'
expect_exit 0 pt verify

step "a restore alone is not an edit"
expect_exit 0 pt add --title "Deadline moved" --body "From Friday to Wednesday."
MOVED=$OUT
expect_exit 0 pt delete "$MOVED"
expect_exit 0 pt restore "$MOVED"
expect_exit 0 pt list
contains "$OUT" "Deadline moved (restored)"
not_contains "$OUT" "Deadline moved (edited)"
expect_exit 0 pt delete "$MOVED"

step "a purged entry cannot be restored"
expect_exit 0 pt delete "$ID"
expect_exit 0 pt purge "$ID"
expect_exit 2 pt restore "$ID"
contains "$ERR" "purged"
expect_exit 5 pt restore 00000000-0000-4000-8000-000000000000
echo "PASS"
