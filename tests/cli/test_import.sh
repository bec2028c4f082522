#!/usr/bin/env bash
# Evidence intake end to end: .eml and mbox files in, filtered and listed first with --dry-run,
# each message once; show prints the headers; search finds words in an email body and in a
# screenshot (text recognised by Tesseract); hostile files get a clear error and touch nothing;
# the lawyer archive carries the email as emails/PT-nnnn.eml, byte for byte.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for program in convert age unzip sha256sum script; do
    command -v "$program" >/dev/null || fail "$program is not installed (scripts/test.sh installs it)"
done
MAIL="$(dirname "${BASH_SOURCE[0]}")/../data/intake/email"

expect_exit 0 pt init

step "an mbox of three messages, listed with --dry-run, nothing written"
{
    for name in thread-1 thread-2 attachments; do
        echo "From sender@example.com Mon Mar  4 09:00:00 2024"
        cat "$MAIL/$name.eml"
        echo
    done
} >"$T/in/takeout.mbox"
expect_exit 0 pt import-email "$T/in/takeout.mbox" --dry-run
contains "$OUT" "Status report"
contains "$OUT" "PIP documents"
contains "$OUT" "3 messages match; nothing was imported"
expect_exit 0 pt list
equals "$OUT" "No entries."

step "filters: --from and --subject and a date range"
expect_exit 0 pt --json import-email "$T/in/takeout.mbox" --from sam.lee --dry-run
equals "$(jq -r '.listed' <<<"$OUT")" 1
equals "$(jq -r '.messages[0].subject' <<<"$OUT")" "Re: Status report"
expect_exit 0 pt --json import-email "$T/in/takeout.mbox" --since 2024-03-10 --until 2024-03-31 --dry-run
equals "$(jq -r '.messages[0].subject' <<<"$OUT")" "PIP documents"

step "import the status thread, then everything: each message once"
expect_exit 0 pt import-email "$T/in/takeout.mbox" --subject status
contains "$OUT" "Imported 2 emails"
expect_exit 0 pt --json import-email "$T/in/takeout.mbox" "$MAIL/no-date.eml"
equals "$(jq -r '.imported' <<<"$OUT")" 2
equals "$(jq -r '.duplicates' <<<"$OUT")" 2
expect_exit 0 pt --json import-email "$MAIL/attachments.eml"
equals "$(jq -r '.duplicates' <<<"$OUT")" 1 "the .eml of a message already imported from the mbox"

step "show prints the headers; search finds a body word and a sender"
expect_exit 0 pt --json search documents
ID=$(jq -r '.[0].id' <<<"$OUT")
expect_exit 0 pt show "$ID"
contains "$OUT" "From      Dana Reyes <dana.reyes@example.com>"
contains "$OUT" "Message   pip-docs@example.com"
contains "$OUT" "In mail   plan.pdf (application/pdf"
contains "$OUT" "Attached: the plan and a screenshot."
expect_exit 0 pt --json search "sam.lee"
[ "$(jq length <<<"$OUT")" -ge 1 ] || fail "the sender's address finds nothing"

step "the stored email is the original bytes"
expect_exit 0 pt attachment get "$ID" "PIP documents.eml" --out "$T/out/back.eml"
# In the mbox the message ends before the blank line that precedes the next "From " line.
cmp "$T/out/back.eml" "$MAIL/attachments.eml" || fail "the email came back changed"

step "a screenshot of a grade: its words find it"
convert -size 1170x900 xc:white -fill black -font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf -pointsize 51 \
    -annotate +60+200 'Goal 2: Meets expectations - 4/5' -annotate +60+320 'Manager comment: good progress' \
    "$T/in/IMG_0412.png"
touch -d 2026-11-20T17:42:00Z "$T/in/IMG_0412.png"
expect_exit 0 pt --json import-image "$T/in/IMG_0412.png"
equals "$(jq -r '.imported' <<<"$OUT")" 1
SHOT=$(jq -r '.images[0].id' <<<"$OUT")
expect_exit 0 pt --json search expectations
equals "$(jq -r '.[0].id' <<<"$OUT")" "$SHOT"
expect_exit 0 pt --json show "$SHOT"
equals "$(jq -r '.occurred_at' <<<"$OUT")" "2026-11-20T17:42:00.000+00:00" "the file's time"
expect_exit 0 pt attachment get "$SHOT" IMG_0412.png --out "$T/out/shot.png"
equals "$(sha256sum <"$T/out/shot.png")" "$(sha256sum <"$T/in/IMG_0412.png")"
expect_exit 0 pt import-image "$T/in/IMG_0412.png"
contains "$OUT" "duplicate"

step "hostile files: a clear error, nothing written, the vault still verifies"
expect_exit 0 pt --json list
BEFORE=$(jq length <<<"$OUT")
head -c 3000 "$T/in/IMG_0412.png" >"$T/in/cut.png"
printf 'not an image at all' >"$T/in/fake.png"
python3 - "$T/in/huge.png" <<'EOF'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
ihdr = struct.pack(">IIBBBBB", 50000, 50000, 8, 0, 0, 0, 0)
idat = zlib.compress(b"\0" * 50001 * 4)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
EOF
expect_exit 2 pt import-image "$T/in/fake.png"
contains "$ERR" "fake.png"
expect_exit 2 pt import-image "$T/in/huge.png"
contains "$ERR" "50000"
printf 'From x\n\nFrom \n\n' >"$T/in/broken.mbox"
pt import-email "$T/in/broken.mbox" >/dev/null 2>&1 || true
expect_exit 0 pt --json list
[ "$(jq length <<<"$OUT")" -ge "$BEFORE" ] || fail "entries went missing"
expect_exit 0 pt verify

step "the archive carries the email byte for byte"
expect_exit 0 "$CLI" keygen --out "$T/key.txt"
PUB=$(grep -o 'age1[0-9a-z]*' <<<"$OUT" | head -1)
expect_exit 0 pt export --to "$PUB" --out "$T/out/a.zip.age" --entry "$ID"
age -d -i "$T/key.txt" -o "$T/out/a.zip" "$T/out/a.zip.age"
mkdir -p "$T/out/a" && (cd "$T/out/a" && unzip -q ../a.zip)
cmp "$T/out/a/emails/PT-0001.eml" "$MAIL/attachments.eml" || fail "emails/PT-0001.eml is not the original"
(cd "$T/out/a" && sha256sum -c --quiet SHA256SUMS) || fail "SHA256SUMS does not check"

step "a photo with GPS: the export says so before it goes"
convert -size 64x48 xc:gray "$T/in/site.jpg"
python3 "$(dirname "${BASH_SOURCE[0]}")/gps_jpeg.py" "$T/in/site.jpg"
expect_exit 0 pt --json import-image "$T/in/site.jpg"
equals "$(jq -r '.images[0].has_location' <<<"$OUT")" true
equals "$(jq -r '.images[0].kind' <<<"$OUT")" photo
PHOTO=$(jq -r '.images[0].id' <<<"$OUT")
expect_exit 0 pt show "$PHOTO"
contains "$OUT" "Location  40.748333, -73.983333"
expect_exit 0 pt export --to "$PUB" --out "$T/out/b.zip.age" --entry "$PHOTO"
contains "$ERR" "carry the place they were taken"

echo "PASS"
