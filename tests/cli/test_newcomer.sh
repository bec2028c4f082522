#!/usr/bin/env bash
# The newcomer's first session, as the issue tells it: create a vault, write down a note with the
# manager's grade screenshot, list, search, correct it, look at its history, verify; then a byte of
# the screenshot changes on disk and verify catches it and names it.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

step "init"
expect_exit 0 pt init
contains "$OUT" "recovery key"
RK=$(grep -o 'ptrk1[0-9a-z]*' <<<"$OUT")
[ -n "$RK" ] || fail "no recovery key shown"

step "a note with a screenshot"
SHOT="$T/in/grade-2026-03-02.png"
if command -v convert >/dev/null && convert -size 320x200 xc:white -fill red -draw "rectangle 20,20 120,80" "$SHOT" 2>/dev/null; then
    echo "made a real PNG with convert"
else
    printf '\x89PNG\r\n\x1a\n' >"$SHOT"
    head -c 5000 /dev/urandom >>"$SHOT"
fi
head -c 8 "$SHOT" | od -An -tx1 | grep -q '89 50 4e 47' || fail "not a PNG"
WANT=$(sha256_of "$SHOT")
expect_exit 0 pt add --title "Daily grade from Dana" --kind grade --tag pip --tag grade \
    --occurred 2026-03-02T17:05:00+01:00 --attach "$SHOT" \
    --body "Grade 2/5 for 'communication'. No examples given when I asked."
ID=$OUT
[[ $ID =~ $UUID_RE ]] || fail "not an id: $ID"

step "list"
expect_exit 0 pt list
contains "$OUT" "${ID:0:8}"
contains "$OUT" "Daily grade from Dana"
contains "$OUT" "[1 attachment]"
expect_exit 0 pt list --json
jq_ok "$OUT" ".[0].id == \"$ID\" and .[0].kind == \"grade\" and .[0].attachments[0].name == \"grade-2026-03-02.png\"
              and .[0].attachments[0].sha256 == \"$WANT\" and .[0].attachments[0].mime == \"image/png\""

step "search"
expect_exit 0 pt search communication
contains "$OUT" "${ID:0:8}"
contains "$OUT" "[communication]"
expect_exit 0 pt search --json "examples dana"
jq_ok "$OUT" "length == 1 and .[0].id == \"$ID\""

step "edit: add what was forgotten"
expect_exit 0 pt edit "$ID" --body "Grade 2/5 for 'communication'. No examples given when I asked. She said she would send them by Friday."
contains "$OUT" "revision 2"
expect_exit 0 pt search --json friday
jq_ok "$OUT" "length == 1"

step "history"
expect_exit 0 pt show "$ID" --history
contains "$OUT" "revision 1"
contains "$OUT" "(original)"
contains "$OUT" "revision 2"
contains "$OUT" "changed: body"
contains "$OUT" "by Friday"
expect_exit 0 pt show "$ID" --history --json
jq_ok "$OUT" '(.history | length) == 2 and .history[0].occurred_at == "2026-03-02T17:05:00.000+01:00"
              and .history[1].attachments[0].sha256 == .history[0].attachments[0].sha256'
OBJ=$(jq -r '.attachments[0].object' <<<"$OUT")

step "the screenshot comes back byte for byte"
expect_exit 0 pt attachment get "$ID" grade-2026-03-02.png --out "$T/out/shot.png"
equals "$(sha256_of "$T/out/shot.png")" "$WANT" "sha256 of the screenshot"

step "verify"
expect_exit 0 pt verify
contains "$OUT" "OK"

step "one byte of the screenshot changes on disk: verify catches it and names it"
flip_byte "$(object_path "$OBJ")" $(($(stat -c %s "$(object_path "$OBJ")") / 2))
expect_exit 4 pt verify
contains "$OUT" "DAMAGED"
contains "$OUT" "$OBJ"
contains "$OUT" "grade-2026-03-02.png"
# The note itself still reads; only the damaged screenshot is refused.
expect_exit 0 pt show "$ID"
contains "$OUT" "by Friday"
expect_exit 4 pt attachment get "$ID" grade-2026-03-02.png --stdout
echo "PASS"
