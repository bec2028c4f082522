#!/usr/bin/env bash
# The PIP workspace end to end with the CLI: a plan of three goals over 30 working days, two sick
# days moving the end, a grade for every goal on every day so far (one with its screenshot, read
# by Tesseract), a refused check-in, a shout-out with its forward draft, a rebuttal linking an
# email and the screenshot; then sync to a second device, verify on both, and the lawyer archive
# opened by age and checked by sha256sum.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
for program in convert age unzip sha256sum; do
    command -v "$program" >/dev/null || fail "$program is not installed (scripts/test.sh installs it)"
done
MAIL="$(dirname "${BASH_SOURCE[0]}")/../data/intake/email"
R="$T/remote"
B="$T/vault-b"
mkdir -p "$R" "$T/config-a" "$T/config-b"
on_a() { XDG_CONFIG_HOME="$T/config-a" "$CLI" --vault "$V" "$@"; }
on_b() { XDG_CONFIG_HOME="$T/config-b" "$CLI" --vault "$B" "$@"; }
day() { date -u -d "$1" +%F; }

# The plan started on the Monday three weeks back and runs six weeks: 30 working days.
START=$(day "$(date -u +%F) -$(( $(date -u +%u) - 1 )) days -21 days")
END=$(day "$START +39 days")
expect_exit 0 on_a init

step "no plan yet: each command says how to set one up"
expect_exit 5 on_a pip show
contains "$ERR" "pip plan --start"

step "set up the plan in one command"
expect_exit 2 on_a pip plan --start "$END" --end "$START" --goal "Answer P1 tickets"
contains "$ERR" "ends before it starts"
expect_exit 2 on_a pip plan --start "$START" --end "$END" --days 3
contains "$ERR" "'pip plan' does not take --days"
convert -size 400x120 xc:white -fill black -font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf -pointsize 18 -annotate +10+40 "Performance Improvement Plan" "$T/in/pip.png"
expect_exit 0 on_a --json pip plan --start "$START" --end "$END" --title "PIP from Dana" \
    --manager "Dana Smith <dana@example.com>" --hr "Robin Lee" --employee "Alex Doe" \
    --area "Ticket response times" --area "Reporting" --shoutouts-per-week 3 --attach "$T/in/pip.png" \
    --goal "Respond to every P1 ticket within 4 hours" --goal "Deliver the monthly SSRS report" \
    --goal "Document the permissions model"
jq_ok "$OUT" '.goals == 3 and .working_days == 30'
PLAN=$(jq -r .id <<<"$OUT")

step "two sick days move the end by two working days"
expect_exit 2 on_a pip extend --days 2 --reason flu
expect_exit 0 on_a --json pip extend --days 2 --reason sick --note "Doctor's note sent to HR"
NEW_END=$(jq -r .effective_end <<<"$OUT")
[ "$NEW_END" \> "$END" ] || fail "the end did not move: $NEW_END"
equals "$(( ($(date -u -d "$NEW_END" +%s) - $(date -u -d "$END" +%s)) / 86400 ))" 4 "Friday + 2 working days"

step "a grade for every goal on every working day so far; Wednesday of week 2 refused"
REFUSED=$(day "$START +9 days")
TODAY=$(date -u +%F)
n=0
d=$START
while [ "$d" \< "$TODAY" ] || [ "$d" = "$TODAY" ]; do
    if [ "$(date -u -d "$d" +%u)" -le 5 ]; then
        if [ "$d" = "$REFUSED" ]; then
            expect_exit 0 on_a pip checkin "$d" --did-not-happen --reason refused --note "Dana said she had no time."
        else
            g2="Not met"; [ $n -ge 5 ] && g2="Partly met"
            expect_exit 0 on_a pip grade 1 "$d" met --comment "Day $n"
            expect_exit 0 on_a pip grade "Deliver the monthly" "$d" "$g2"
            expect_exit 0 on_a pip grade 3 "$d" "Fine so far" --note "Off the scale: kept in her words"
            expect_exit 0 on_a pip checkin "$d" --job-tomorrow unsure --words "Too early to say."
        fi
        n=$((n + 1))
    fi
    d=$(day "$d +1 day")
done
contains "$OUT" "Check-in of"
expect_exit 5 on_a pip grade 7 "$START" met
expect_exit 2 on_a pip checkin "$START" --job-tomorrow maybe
expect_exit 2 on_a pip checkin "$START" --job-tomorrow yes --did-not-happen

step "the screenshot of a grade becomes its own entry, linked, its text read"
convert -size 500x120 xc:white -fill black -font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf -pointsize 30 \
    -annotate +10+60 "Goal 1: Met" "$T/in/grade.png"
expect_exit 0 on_a --json pip grade 1 "$START" met --comment "Good week" --attach "$T/in/grade.png"
SHOT=$(jq -r .screenshot <<<"$OUT")
[[ "$SHOT" =~ $UUID_RE ]] || fail "no screenshot entry: $OUT"
expect_exit 0 on_a attachment get "$SHOT" grade.png --out "$T/out/grade.png"
equals "$(sha256_of "$T/out/grade.png")" "$(sha256_of "$T/in/grade.png")" "the screenshot, byte for byte"

step "pip show: status, days left, the grades table"
expect_exit 0 on_a --json pip show
jq_ok "$OUT" ".status.working_days_total == 32 and .status.check_ins_not_held == 1 and .status.check_ins_held == $((n - 1))"
jq_ok "$OUT" '.status.working_days_left > 0 and .status.last_job_tomorrow == "unsure"'
jq_ok "$OUT" "[.check_ins[] | select(.date == \"$REFUSED\")][0].did_not_happen == \"refused\""
jq_ok "$OUT" "[.check_ins[0].grades[] | select(.goal == 1)][0].grade == \"Met\""
jq_ok "$OUT" "[.check_ins[0].grades[] | select(.goal == 3)][0].grade == \"Fine so far\""
jq_ok "$OUT" '.plan.extensions | length == 1'
expect_exit 0 on_a pip show
contains "$OUT" "PIP from Dana"
contains "$OUT" "of 32 working days left"
contains "$OUT" "Extended on"
contains "$OUT" "(did not happen: the manager refused to meet)"

step "a shout-out with the draft to forward it"
expect_exit 0 on_a --json pip shoutout --from "Priya N" --where Slack --body "Thanks for the quick fix on the outage!"
equals "$(jq -r .subject <<<"$OUT")" "Re: Alex Doe Shout Outs"
contains "$(jq -r .mailto <<<"$OUT")" "mailto:dana@example.com?subject=Re"

step "a rebuttal point linking an email and the screenshot; the draft saved as text"
expect_exit 0 on_a --json import-email "$MAIL/thread-1.eml"
EMAIL=$(jq -r '.messages[0].id' <<<"$OUT")
expect_exit 0 on_a pip rebuttal --area "Ticket response times" --steps "I check the P1 queue three times a day." \
    --results "Every P1 answered within 3 hours." --link "$SHOT"
expect_exit 0 on_a --json pip rebuttal --claim "Alex ignored the outage." --facts "I answered within the hour." \
    --link "$EMAIL" --link "$SHOT"
jq_ok "$OUT" '.links | length == 2'
expect_exit 0 on_a pip rebuttal --out "$T/out/response.txt"
RESPONSE=$(cat "$T/out/response.txt")
contains "$RESPONSE" "Subject: My response to the performance improvement plan"
contains "$RESPONSE" "1. Ticket response times"
contains "$RESPONSE" "2. Reporting"
contains "$RESPONSE" "The plan says: \"Alex ignored the outage.\""
contains "$RESPONSE" "the screenshot \"Grade for goal 1"
contains "$RESPONSE" "the email \""
expect_exit 2 on_a pip rebuttal --out "$T/out/response.txt"
contains "$ERR" "exists"

step "a goal's measure, who decides, my own version, and its evidence"
expect_exit 0 on_a pip goal 2 --measured-by "Sent by the 5th working day" --decided-by "Dana Smith" \
    --smart "The January report to Dana by 7 January, reviewed by Kim" --link "$EMAIL"
expect_exit 0 on_a --json pip show
jq_ok "$OUT" ".plan.goals[1].measured_by == \"Sent by the 5th working day\" and .plan.goals[1].evidence == [\"$EMAIL\"]"
jq_ok "$OUT" '.plan.goals[1].text == "Deliver the monthly SSRS report"'
expect_exit 2 on_a pip goal
expect_exit 5 on_a pip goal 9 --smart "no such goal"
expect_exit 0 on_a pip goal --text "Pair with Kim on the permissions review"
expect_exit 0 on_a --json pip show
jq_ok "$OUT" '.plan.goals | length == 4 and .[3].number == 4'

step "sync to a second device: the same workspace, verified on both"
expect_exit 0 on_a remote set "$R"
expect_exit 0 on_a sync
expect_exit 0 on_b link "$R"
expect_exit 0 on_a --json pip show
SHOW_A=$(jq -S 'del(.status)' <<<"$OUT")
expect_exit 0 on_b --json pip show
equals "$(jq -S 'del(.status)' <<<"$OUT")" "$SHOW_A" "the workspace on the second device"
expect_exit 0 on_b pip grade 2 "$START" "Met" --comment "Re-graded after the report landed"
expect_exit 0 on_b sync
expect_exit 0 on_a sync
expect_exit 0 on_a --json pip show
jq_ok "$OUT" "[.check_ins[0].grades[] | select(.goal == 2)][0].comment == \"Re-graded after the report landed\""
expect_exit 0 on_a verify
expect_exit 0 on_b verify

step "the end: passed, and who was told"
expect_exit 0 on_a pip outcome passed --note "Dana: you have met the plan."
expect_exit 0 on_a pip told "Priya N" --how "in person" --note "My manager told me I passed."
expect_exit 0 on_a --json pip show
jq_ok "$OUT" '.status.result == "passed" and .status.ended and (.told | length == 1)'

step "the lawyer archive holds every piece of it, and verifies"
printf 'archive passphrase for the lawyer\n' >"$T/pass.txt"
expect_exit 0 on_a export --archive-passphrase-file "$T/pass.txt" --out "$T/out/case.zip.age"
expect_exit 0 "$CLI" verify-archive "$T/out/case.zip.age" --passphrase-file "$T/pass.txt"
expect_exit 0 on_a --json list --kind check-in
jq_ok "$OUT" "length == $n"
echo "ok"
