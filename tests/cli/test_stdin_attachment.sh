#!/usr/bin/env bash
# --attach /dev/stdin: an attachment piped in (a screenshot from another tool, a slow producer)
# is stored byte for byte, whatever its size relative to the 64 KiB chunks and 1 MiB batches, and
# is labelled by its content, not by the pipe it came through.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

expect_exit 0 pt init
head -c $((3 * 1024 * 1024 + 5)) /dev/urandom >"$T/in/big.bin"

for size in 0 1 65536 1048576 1048577 $((3 * 1024 * 1024 + 5)); do
    step "$size bytes through a pipe, with a pause after the first MiB"
    head -c "$size" "$T/in/big.bin" >"$T/in/part.bin"
    ID=$( { head -c 1048576 "$T/in/part.bin"; sleep 0.2; tail -c +1048577 "$T/in/part.bin"; } |
        "$CLI" --vault "$V" add --title "piped $size" --attach /dev/stdin)
    [[ $ID =~ $UUID_RE ]] || fail "not an id: $ID"
    expect_exit 0 pt show "$ID" --json
    jq_ok "$OUT" ".attachments[0].size == $size and .attachments[0].sha256 == \"$(sha256_of "$T/in/part.bin")\""
    pt attachment get "$ID" stdin --stdout | cmp - "$T/in/part.bin" || fail "piped attachment of $size bytes differs"
done

step "stdin redirected from a file"
expect_exit 0 pt add --title "redirected" --attach /dev/stdin <"$T/in/big.bin"
ID=$OUT
expect_exit 0 pt show "$ID" --json
jq_ok "$OUT" ".attachments[0].sha256 == \"$(sha256_of "$T/in/big.bin")\""

step "a PNG piped in is not labelled as a pipe"
SHOT="$T/in/shot.png"
if command -v convert >/dev/null && convert -size 64x64 xc:red "$SHOT" 2>/dev/null; then :; else
    printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde' >"$SHOT"
fi
# shellcheck disable=SC2002 # a pipe, on purpose
ID=$(cat "$SHOT" | "$CLI" --vault "$V" add --title "piped screenshot" --attach /dev/stdin)
expect_exit 0 pt show "$ID" --json
MIME=$(jq -r '.attachments[0].mime' <<<"$OUT")
case "$MIME" in
inode/*) fail "the attachment's recorded MIME type is '$MIME', the type of the pipe, not of its content" ;;
esac
expect_exit 0 pt verify
echo "PASS"
