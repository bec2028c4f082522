#!/usr/bin/env bash
# attachment get --out and --stdout give back the exact bytes: sha256sum matches the original and
# the sha256 the JSON reports; sizes around the 64 KiB chunk boundary and a few MiB.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

expect_exit 0 pt init

step "make the files"
: >"$T/in/empty.bin"
printf 'x' >"$T/in/one.bin"
head -c 65536 /dev/urandom >"$T/in/chunk.bin"
head -c 65537 /dev/urandom >"$T/in/chunk plus one.bin"
head -c $((3 * 1024 * 1024 + 7)) /dev/urandom >"$T/in/big.bin"
printf 'Subject: PIP\r\n\r\nSee the plan.\r\n' >"$T/in/mail.eml"
NAMES=("empty.bin" "one.bin" "chunk.bin" "chunk plus one.bin" "big.bin" "mail.eml")

step "add them to one entry"
ARGS=()
for n in "${NAMES[@]}"; do ARGS+=(--attach "$T/in/$n"); done
expect_exit 0 pt add --title "Evidence" --body "six files" "${ARGS[@]}"
ID=$OUT
[[ $ID =~ $UUID_RE ]] || fail "not an id: $ID"
expect_exit 0 pt show "$ID" --json
SHOW=$OUT
jq_ok "$SHOW" '(.attachments | length) == 6'
jq_ok "$SHOW" 'all(.attachments[]; has("name") and has("mime") and has("size") and has("sha256"))'

step "sizes as the app shows them: bytes below 1 KiB, then one decimal"
expect_exit 0 pt show "$ID"
size_shown() { grep -F "Attached  $1 (" <<<"$OUT" | sed -E 's/.*, ([^,]+), sha256 .*/\1/'; }
equals "$(size_shown empty.bin)" "0 bytes"
equals "$(size_shown one.bin)" "1 byte"
equals "$(size_shown chunk.bin)" "64.0 KiB"
equals "$(size_shown "chunk plus one.bin")" "64.0 KiB"
equals "$(size_shown big.bin)" "3.0 MiB"
equals "$(size_shown mail.eml)" "31 bytes"

for n in "${NAMES[@]}"; do
    step "round trip: $n"
    want=$(sha256_of "$T/in/$n")
    size=$(stat -c %s "$T/in/$n")
    equals "$(jq -r --arg n "$n" '.attachments[] | select(.name == $n) | .sha256' <<<"$SHOW")" "$want" "reported sha256 of $n"
    equals "$(jq -r --arg n "$n" '.attachments[] | select(.name == $n) | .size' <<<"$SHOW")" "$size" "reported size of $n"
    expect_exit 0 pt attachment get "$ID" "$n" --out "$T/out/$n"
    equals "$(sha256_of "$T/out/$n")" "$want" "sha256 of --out copy of $n"
    cmp "$T/in/$n" "$T/out/$n" || fail "--out copy of $n differs"
    pt attachment get "${ID:0:8}" "$n" --stdout >"$T/out/stdout-$n"
    equals "$(sha256_of "$T/out/stdout-$n")" "$want" "sha256 of --stdout copy of $n"
    cmp "$T/in/$n" "$T/out/stdout-$n" || fail "--stdout copy of $n differs"
done
jq_ok "$SHOW" 'all(.attachments[]; (.mime | length) > 0)'

step "the vault holds ciphertext only"
for n in big.bin chunk.bin; do
    needle=$(head -c 32 "$T/in/$n" | od -An -tx1 | tr -d ' \n')
    while IFS= read -r -d '' f; do
        if od -An -tx1 -v "$f" | tr -d ' \n' | grep -q "$needle"; then fail "plaintext of $n found in $f"; fi
    done < <(find "$V" -type f -print0)
done

step "errors"
expect_exit 5 pt attachment get "$ID" "no such file" --out "$T/out/none"
[ ! -e "$T/out/none" ] || fail "a failed get left a file behind"
expect_exit 2 pt attachment get "$ID" one.bin
expect_exit 2 pt attachment get "$ID" one.bin --out "$T/out/x" --stdout
expect_exit 2 pt attachment put "$ID" one.bin --stdout
expect_exit 5 pt attachment get 00000000-0000-0000-0000-000000000000 one.bin --stdout
expect_exit 5 pt add --title "missing file" --attach "$T/in/does-not-exist.png"

step "edit: attach one more, detach one"
head -c 1000 /dev/urandom >"$T/in/later.bin"
expect_exit 0 pt edit "$ID" --attach "$T/in/later.bin" --detach "mail.eml"
expect_exit 0 pt show "$ID" --json
jq_ok "$OUT" '.revision == 2 and (.attachments | map(.name) | index("later.bin")) != null
               and (.attachments | map(.name) | index("mail.eml")) == null and (.attachments | length) == 6'
expect_exit 0 pt attachment get "$ID" later.bin --out "$T/out/later.bin"
cmp "$T/in/later.bin" "$T/out/later.bin" || fail "later.bin differs"
expect_exit 5 pt attachment get "$ID" mail.eml --stdout
expect_exit 0 pt show "$ID" --history --json
jq_ok "$OUT" '(.history[0].attachments | map(.name) | index("mail.eml")) != null'

expect_exit 0 pt verify --json
jq_ok "$OUT" '.ok == true and .attachments == 7'
echo "PASS"
