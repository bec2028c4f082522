#!/usr/bin/env bash
# The lawyer archive end to end with the real tools a lawyer has: export to an age key made by
# keygen and to a passphrase; age -d opens both (the passphrase through script(1), as age reads
# it from a terminal); unzip -t, sha256sum -c and minisign -V pass; the attachments are the
# originals byte for byte; pdftotext finds every exhibit in report.pdf; verify-archive agrees;
# one flipped byte anywhere fails age and verify-archive loudly; the filters count what they
# leave out.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for program in age unzip sha256sum minisign pdftotext pdfinfo script convert; do
    command -v "$program" >/dev/null || fail "$program is not installed (scripts/test.sh installs it)"
done

expect_exit 0 pt init

step "a journal: notes, a screenshot, an edited entry, a deleted one, a hostile title"
convert -size 390x844 xc:white -fill black -font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf -pointsize 28 -annotate +20+80 'Goal 2: Meets expectations - 4/5' \
    "$T/in/grade: day 3.png"
head -c 200000 /dev/urandom >"$T/in/recording.bin"
expect_exit 0 pt add --title "1:1 with Dana" --occurred 2026-11-20T15:30:00+01:00 --tag pip \
    --body "She said the migration goal is not on track."
DANA=$OUT
expect_exit 0 pt add --title "Daily grade" --kind screenshot --occurred 2026-11-21T17:42:00+01:00 --tag pip \
    --attach "$T/in/grade: day 3.png" --attach "$T/in/recording.bin" --body "Grade came in."
GRADE=$OUT
expect_exit 0 pt add --title "Draft rebuttal" --occurred 2026-11-22T09:00:00+01:00 --body "First words."
EDITED=$OUT
expect_exit 0 pt edit "$EDITED" --body "First words, then more."
expect_exit 0 pt edit "$EDITED" --title "Rebuttal" --body "The final words."
expect_exit 0 pt add --title "=HYPERLINK(\"http://evil.example\")" --occurred 2026-11-23T10:00:00+01:00 --body "<img src=http://evil.example/x.png>"
expect_exit 0 pt add --title "Written in anger" --occurred 2026-11-24T10:00:00+01:00
expect_exit 0 pt delete "$OUT"

step "keygen makes an age identity that age itself accepts"
expect_exit 0 "$CLI" keygen --out "$T/key.txt"
PUB=$(grep -o 'age1[0-9a-z]*' <<<"$OUT" | head -1)
[ -n "$PUB" ] || fail "no public key in: $OUT"
equals "$(age-keygen -y "$T/key.txt")" "$PUB"
[ "$(stat -c %a "$T/key.txt")" = 600 ] || fail "the identity file is not private"
expect_exit 2 "$CLI" keygen --out "$T/key.txt" # never overwritten

step "export to the key"
expect_exit 0 pt export --to "$PUB" --out "$T/out/case.zip.age" --owner "Sam Doe" --json
jq_ok "$OUT" '.exhibits == 4'
equals "$(jq -r .sha256 <<<"$OUT")" "$(sha256sum "$T/out/case.zip.age" | cut -d' ' -f1)"
SUMS=$(jq -r .sums_sha256 <<<"$OUT")
ls "$T/out" | grep -qv '^case.zip.age$' && fail "something besides the archive was left: $(ls "$T/out")"

step "the lawyer's tools: age, unzip, sha256sum, minisign"
age -d -i "$T/key.txt" -o "$T/case.zip" "$T/out/case.zip.age" || fail "age -d refused our archive"
unzip -tq "$T/case.zip" >/dev/null || fail "unzip -t found errors"
mkdir "$T/x"
unzip -q "$T/case.zip" -d "$T/x"
(cd "$T/x" && sha256sum -c --quiet SHA256SUMS) || fail "sha256sum -c failed"
equals "$(sha256sum "$T/x/SHA256SUMS" | cut -d' ' -f1)" "$SUMS"
for f in SHA256SUMS report.pdf CERTIFICATION.txt; do
    (cd "$T/x" && minisign -Vm "$f" -p papertrail.pub -q) || fail "minisign -V refused $f"
done
for f in VERIFY.txt CERTIFICATION.txt chain.jsonl entries.json index.csv loadfile.dat docs/CHAIN.md \
    entries/PT-0001.txt entries/PT-0004.txt; do
    [ -s "$T/x/$f" ] || fail "$f is missing or empty"
done
grep -q "$SUMS" "$T/x/CERTIFICATION.txt" || fail "CERTIFICATION.txt does not quote SHA256SUMS's hash"
grep -q "DRAFT FOR COUNSEL" "$T/x/CERTIFICATION.txt" || fail "CERTIFICATION.txt is not marked as a draft"
grep -q "age -d -i key.txt" "$T/x/VERIFY.txt" || fail "VERIFY.txt does not say how to decrypt"

step "VERIFY.txt alone: its commands, run as written, open and check the archive"
mkdir "$T/lawyer"
cp "$T/out/case.zip.age" "$T/key.txt" "$T/lawyer/"
grep -E '^ {4,}(age|unzip|cd|sha256sum|minisign) ' "$T/x/VERIFY.txt" | sed -E 's/^ +//' >"$T/verify-commands.sh"
[ "$(wc -l <"$T/verify-commands.sh")" -ge 7 ] || fail "VERIFY.txt gives too few commands: $(cat "$T/verify-commands.sh")"
(cd "$T/lawyer" && set -e && source "$T/verify-commands.sh" >"$T/verify.log" 2>&1) ||
    fail "a command of VERIFY.txt failed: $(cat "$T/verify.log")"
[ "$(grep -c "Signature and comment signature verified" "$T/verify.log")" -eq 3 ] || fail "minisign did not say what VERIFY.txt promises"
grep -q "report.pdf" <<<"$(ls "$T/lawyer/paper-trail")" || fail "VERIFY.txt's unzip did not give report.pdf"

step "the originals, byte for byte, under their exhibit"
equals "$(sha256sum <"$T/x/attachments/PT-0002/grade_ day 3.png")" "$(sha256sum <"$T/in/grade: day 3.png")"
equals "$(sha256sum <"$T/x/attachments/PT-0002/recording.bin")" "$(sha256sum <"$T/in/recording.bin")"

step "the report: every exhibit, its title and its file's hash, as real text"
pdfinfo "$T/x/report.pdf" >"$T/pdfinfo.txt"
grep -q "PDF version: *1.4" "$T/pdfinfo.txt" || fail "report.pdf is not PDF 1.4 (PDF/A-1b): $(cat "$T/pdfinfo.txt")"
pdftotext -layout "$T/x/report.pdf" "$T/report.txt"
REPORT=$(tr -s ' \n' ' ' <"$T/report.txt")
for n in PT-0001 PT-0002 PT-0003 PT-0004; do contains "$REPORT" "$n"; done
contains "$REPORT" "1:1 with Dana"
contains "$REPORT" "Rebuttal"
contains "$REPORT" "Sam Doe"
contains "$REPORT" "About these records"
PNG_SHA=$(sha256sum <"$T/in/grade: day 3.png" | cut -d' ' -f1)
grep -q "$PNG_SHA" <<<"$(tr -d ' \n' <"$T/report.txt")" || fail "the screenshot's SHA-256 is not in the report"
grep -q "${SUMS}" <<<"$(tr -d ' \n' <"$T/report.txt")" || fail "SHA256SUMS's hash is not in the report"
contains "$REPORT" "1 deleted"

step "spreadsheets and e-discovery: a formula in a title stays text"
grep -q "^PT-0003," "$T/x/index.csv" || fail "index.csv has no row for PT-0003"
grep -q "'=HYPERLINK" "$T/x/index.csv" || fail "a title starting with = was not made harmless in index.csv"
grep -q "BEGBATES" "$T/x/loadfile.dat" || fail "loadfile.dat has no header"
jq -e 'length == 4 and (.[2].revisions | length) == 3' "$T/x/entries.json" >/dev/null || fail "entries.json"

step "verify-archive: every check holds"
expect_exit 0 "$CLI" verify-archive "$T/out/case.zip.age" --identity "$T/key.txt" --json
jq_ok "$OUT" '.ok == true and .exhibits == 4 and (.checks | all(.ok))'

step "a wrong key is told from damage"
expect_exit 0 "$CLI" keygen --out "$T/other.txt"
expect_exit 3 "$CLI" verify-archive "$T/out/case.zip.age" --identity "$T/other.txt"

step "one flipped byte anywhere: age and verify-archive both fail"
SIZE=$(stat -c %s "$T/out/case.zip.age")
for offset in 200 $((SIZE / 2)) $((SIZE - 30)); do
    cp "$T/out/case.zip.age" "$T/flipped.age"
    byte=$(od -An -tu1 -j "$offset" -N1 "$T/flipped.age" | tr -d ' ')
    printf "\\$(printf '%03o' $((byte ^ 1)))" | dd of="$T/flipped.age" bs=1 seek="$offset" conv=notrunc status=none
    if age -d -i "$T/key.txt" -o "$T/flipped.zip" "$T/flipped.age" 2>/dev/null; then
        fail "age opened an archive with byte $offset flipped"
    fi
    rc=0
    "$CLI" verify-archive "$T/flipped.age" --identity "$T/key.txt" >/dev/null 2>&1 || rc=$?
    [ "$rc" -eq 4 ] || fail "verify-archive gave $rc for byte $offset flipped, not 4 (damaged)"
done

step "export to a passphrase, opened by age through a terminal"
printf 'read this out over the phone\n' >"$T/pass.txt"
expect_exit 0 pt export --archive-passphrase-file "$T/pass.txt" --out "$T/out/pass.zip.age" --since 2026-11-21 --until 2026-11-22 --no-history
printf 'read this out over the phone\n' | timeout 120 script -qec "age -d -o '$T/pass.zip' '$T/out/pass.zip.age'" /dev/null \
    >"$T/script.log" 2>&1 || fail "age -d with the passphrase failed: $(cat "$T/script.log")"
unzip -l "$T/pass.zip" >"$T/pass.list"
grep -q "entries/PT-0002.txt" "$T/pass.list" || fail "two entries were in range"
grep -q "entries/PT-0003.txt" "$T/pass.list" && fail "only two entries were in range"
expect_exit 0 "$CLI" verify-archive "$T/out/pass.zip.age" --passphrase-file "$T/pass.txt"
printf 'not the passphrase\n' >"$T/wrong.txt"
expect_exit 3 "$CLI" verify-archive "$T/out/pass.zip.age" --passphrase-file "$T/wrong.txt"

step "a generated passphrase, printed once"
expect_exit 0 pt export --generate-passphrase --out "$T/out/gen.zip.age" --json
GENERATED=$(jq -r .passphrase <<<"$OUT")
[[ $GENERATED =~ ^[a-z2-9]{4}(-[a-z2-9]{4}){5}$ ]] || fail "not a readable passphrase: $GENERATED"
printf '%s\n' "$GENERATED" >"$T/gen.txt"
expect_exit 0 "$CLI" verify-archive "$T/out/gen.zip.age" --passphrase-file "$T/gen.txt"

step "a redacted copy for the union representative: the words and the pixels are gone"
expect_exit 0 pt export --to "$PUB" --out "$T/out/redacted.zip.age" --redact-text "$DANA:dana" \
    --redact-area "$GRADE:grade: day 3.png:0,0,390,120"
age -d -i "$T/key.txt" -o "$T/redacted.zip" "$T/out/redacted.zip.age"
mkdir "$T/r"
unzip -q "$T/redacted.zip" -d "$T/r"
(cd "$T/r" && sha256sum -c --quiet SHA256SUMS) || fail "sha256sum -c failed on the redacted copy"
if grep -rl "Dana" "$T/r" --exclude=report.pdf; then fail "a redacted name is still in a file"; fi
pdftotext "$T/r/report.pdf" - | grep -q "Dana" && fail "a redacted name is still in report.pdf"
grep -q "1:1 with ████" "$T/r/entries/PT-0001.txt" || fail "the redaction is not marked in the text"
REDACTED_PNG="$T/r/attachments/PT-0002/grade_ day 3-redacted.png"
[ -f "$REDACTED_PNG" ] || fail "no redacted copy of the screenshot: $(ls "$T/r/attachments/PT-0002")"
[ -e "$T/r/attachments/PT-0002/grade_ day 3.png" ] && fail "the original screenshot went into the redacted copy"
equals "$(convert "$REDACTED_PNG" -crop 390x120+0+0 -format '%[fx:maxima.r+maxima.g+maxima.b]' info:)" "0" "the area is black"
grep -q "$PNG_SHA" <<<"$(pdftotext "$T/r/report.pdf" - | tr -d ' \n')" || fail "the original's SHA-256 is not in the redacted report"
expect_exit 2 pt export --to "$PUB" --out "$T/out/r2.zip.age" --redact-area "$GRADE:recording.bin:0,0,1,1"
expect_exit 2 pt export --to "$PUB" --out "$T/out/r3.zip.age" --redact-area "$GRADE:grade: day 3.png:0,0,9999,1"

step "refusals: no recipient, a bad key, an existing file, nothing matching"
expect_exit 2 pt export --out "$T/out/none.zip.age"
expect_exit 2 pt export --to age1notakey --out "$T/out/bad.zip.age"
expect_exit 2 pt export --to "$PUB" --out "$T/out/case.zip.age"
expect_exit 2 pt export --to "$PUB" --out "$T/out/empty.zip.age" --since 2030-01-01
[ -e "$T/out/bad.zip.age" ] && fail "a refused export left a file"
[ -e "$T/out/empty.zip.age" ] && fail "an empty export left a file"
echo "all archive checks passed"
