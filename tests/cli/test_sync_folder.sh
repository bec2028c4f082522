#!/usr/bin/env bash
# Two devices of one vault through a folder remote with the CLI: remote set, sync, link (a new
# device with its own key), writing on both, syncing in turn, the same journal on both and
# verify passing on each; a no-op sync is one request; a rolled-back remote is refused.
# Each device has its own config folder, as two machines would.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

R="$T/remote"
B="$T/vault-b"
mkdir -p "$R" "$T/config-a" "$T/config-b"
on_a() { XDG_CONFIG_HOME="$T/config-a" "$CLI" --vault "$V" "$@"; }
on_b() { XDG_CONFIG_HOME="$T/config-b" "$CLI" --vault "$B" "$@"; }

step "device A: a vault with an entry and a screenshot, synced to the folder"
expect_exit 0 on_a init
printf 'grade screenshot bytes\x00\x01\x02' >"$T/in/grade.png"
expect_exit 0 on_a add --title "Grade: not met" --body "Dana gave no reason." --attach "$T/in/grade.png"
GRADE=$OUT
expect_exit 2 on_a remote set "$T/no-such-folder"
contains "$ERR" "is not a folder here"
expect_exit 0 on_a remote set "$R"
contains "$OUT" "now syncs with $R"
expect_exit 0 on_a remote show --json
jq_ok "$OUT" ".location == \"$R\" and .kind == \"folder\""
expect_exit 0 on_a sync --json
jq_ok "$OUT" '.records_pushed == 1 and .attachments_pushed == 1'

step "device B: linked from the folder, it pulls the journal and has its own key"
expect_exit 2 on_a link "$R" # A's folder is already a vault
expect_exit 0 on_b link "$R"
contains "$OUT" "1 records and 1 attachments pulled"
expect_exit 0 on_b show "$GRADE" --json
jq_ok "$OUT" '.title == "Grade: not met"'
expect_exit 0 on_b attachment get "$GRADE" grade.png --out "$T/out/grade.png"
cmp "$T/in/grade.png" "$T/out/grade.png" || fail "the attachment changed on the way"

step "both write, then sync in turn: one journal on both, verify passes on each"
expect_exit 0 on_b add --title "Written on the phone"
expect_exit 0 on_a add --title "Written on the laptop"
expect_exit 0 on_a edit "$GRADE" --body "Dana gave no reason; I asked in writing."
expect_exit 0 on_b sync
expect_exit 0 on_a sync
contains "$OUT" "1 records in"
expect_exit 0 on_b sync
expect_exit 0 on_a list --json
A_LIST=$(jq -c 'map({id, title, revision}) | sort_by(.id)' <<<"$OUT")
expect_exit 0 on_b list --json
B_LIST=$(jq -c 'map({id, title, revision}) | sort_by(.id)' <<<"$OUT")
equals "$A_LIST" "$B_LIST" "the two devices' journals"
jq_ok "$OUT" 'length == 3'
expect_exit 0 on_a verify --json
jq_ok "$OUT" '.heads | length == 2'
expect_exit 0 on_b verify

step "nothing new: one request"
expect_exit 0 on_a sync --json
expect_exit 0 on_a sync --json
jq_ok "$OUT" '.requests == 1 and .records_pulled == 0 and .records_pushed == 0'

step "the remote only ever sees ciphertext"
if grep -rqF "Written on the laptop" "$R" || grep -rqF "grade screenshot bytes" "$R"; then
    fail "plaintext on the remote"
fi

step "the same entry edited on both offline: a conflict on both, resolved on one, gone on both"
expect_exit 0 on_a conflicts
contains "$OUT" "No entry is in conflict"
expect_exit 0 on_a edit "$GRADE" --body "Laptop: I asked Dana for the rubric."
expect_exit 0 on_b edit "$GRADE" --body "Phone: Dana said the rubric is coming."
expect_exit 0 on_a sync
expect_exit 0 on_b sync
expect_exit 0 on_a sync
for dev in on_a on_b; do
    expect_exit 0 $dev list
    contains "$OUT" "(conflict)"
    expect_exit 0 $dev conflicts --json
    jq_ok "$OUT" 'length == 1 and (.[0].sides | length == 2) and ([.[0].sides[].body] | sort == ["Laptop: I asked Dana for the rubric.", "Phone: Dana said the rubric is coming."])'
done
PHONE_SIDE=$(jq -r '.[0].sides[] | select(.body | startswith("Phone")) | .object' <<<"$OUT")
expect_exit 0 on_b conflicts
contains "$OUT" "--keep ${PHONE_SIDE:0:12}"
expect_exit 5 on_b resolve "$GRADE" --keep ffffffff
expect_exit 2 on_b resolve "$GRADE"
expect_exit 0 on_b resolve "$GRADE" --keep "${PHONE_SIDE:0:12}" --body "Both: I asked for the rubric; Dana said it is coming."
contains "$OUT" "the conflict is resolved"
expect_exit 2 on_b resolve "$GRADE" --keep "${PHONE_SIDE:0:12}"
contains "$ERR" "not in conflict"
expect_exit 0 on_b sync
expect_exit 0 on_a sync
for dev in on_a on_b; do
    expect_exit 0 $dev conflicts --json
    jq_ok "$OUT" 'length == 0'
    expect_exit 0 $dev show "$GRADE" --history --json
    jq_ok "$OUT" '.body == "Both: I asked for the rubric; Dana said it is coming." and (.history | length == 5) and (has("conflict") | not)'
    expect_exit 0 $dev verify
done

step "devices: the list names each device; a lost one (C) is revoked and what it writes then is refused"
C="$T/vault-c"
mkdir -p "$T/config-c"
on_c() { XDG_CONFIG_HOME="$T/config-c" "$CLI" --vault "$C" "$@"; }
expect_exit 0 on_c link "$R"
expect_exit 0 on_c sync
expect_exit 0 on_a sync
expect_exit 0 on_a devices --json
jq_ok "$OUT" 'length == 3 and ([.[] | select(.this_device)] | length == 1) and all(.[]; .name | contains("papertrail-cli")) and ([.[] | select(.last_sync != null)] | length == 2)'
C_ID=$(jq -r '.[] | select(.this_device | not) | .id' <<<"$OUT" | while read -r id; do
    XDG_CONFIG_HOME="$T/config-c" "$CLI" --vault "$C" devices --json | jq -r ".[] | select(.this_device and .id == \"$id\") | .id"
done)
[[ -n "$C_ID" ]] || fail "device C not in A's list"
expect_exit 0 on_a devices
contains "$OUT" "(this device)"
expect_exit 2 on_a devices revoke "$(jq -r '.[] | select(.this_device) | .id' <<<"$(on_a devices --json)")"
contains "$ERR" "cannot revoke itself"
expect_exit 5 on_a devices revoke ffffffff
expect_exit 0 on_a devices revoke "${C_ID:0:8}"
contains "$OUT" "still holds the vault key"
expect_exit 0 on_a sync
expect_exit 0 on_c add --title "Planted on the lost device"
expect_exit 0 on_c sync
expect_exit 0 on_a sync
expect_exit 0 on_a list --json
jq_ok "$OUT" 'map(.title) | index("Planted on the lost device") == null'
expect_exit 0 on_a devices --json
jq_ok "$OUT" "(.[] | select(.id == \"$C_ID\") | .revoked.refused) == 1"
expect_exit 2 on_c add --title "Another one"
contains "$ERR" "was revoked by device"
expect_exit 0 on_a verify

step "a remote put back to an older copy is refused, and nothing on B changes"
cp -a "$R" "$T/remote-old"
expect_exit 0 on_a add --title "After the backup"
expect_exit 0 on_a sync
expect_exit 0 on_b sync
rm -rf "$R" && cp -a "$T/remote-old" "$R"
expect_exit 4 on_b sync
contains "$ERR" "went back"
expect_exit 0 on_b list --json
jq_ok "$OUT" 'length == 4'
