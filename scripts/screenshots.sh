#!/usr/bin/env bash
# Renders the app's main screens at phone (390x844) and desktop (1280x800) sizes, light and dark,
# into docs/screenshots/, from a demo vault filled through papertrail-cli. Needs a build
# (scripts/test.sh or scripts/run.sh) and Xvfb; installs what is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pt_ensure_packages xvfb imagemagick fonts-dejavu-core
build="${BUILD_DIR:-$PT_ROOT/build}"
cli="$build/app/cli/papertrail-cli"
tour="$build/tests/screenshots/papertrail-screenshot-tour"
[ -x "$tour" ] || cmake --build "$build" --target papertrail-screenshot-tour papertrail-cli
out="$PT_ROOT/docs/screenshots"
mkdir -p "$out"

work=$(mktemp -d)
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" \
       XDG_RUNTIME_DIR="$work/run" TZ=Europe/London LC_ALL=C.UTF-8
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export PAPERTRAIL_TEST_KDF=1 PAPERTRAIL_PASSPHRASE='demo passphrase'
vault="$work/vault"
pt() { "$cli" --vault "$vault" "$@" 2>/dev/null; }

pt_log "Filling a demo vault"
pt init >/dev/null
convert -size 720x420 xc:'#f5f5f5' -fill '#263238' -font DejaVu-Sans -pointsize 30 \
    -annotate +40+70 'Daily grade: Tue 17 Nov' -pointsize 22 -fill '#c62828' -annotate +40+140 'Goal 1 (tickets): 2 / 5' \
    -fill '#2e7d32' -annotate +40+190 'Goal 2 (on-call): 4 / 5' -fill '#37474f' \
    -annotate +40+260 'Manager: "Communication still needs work."' -annotate +40+300 'Sent 17:42 via HR portal' \
    "$work/grade.png"
pt add --kind meeting --title "Weekly PIP check-in with Dana" --occurred 2026-11-16T15:30:00+00:00 --tag pip \
    --body "Dana said goal 1 is 'not on track'. I showed the three merged PRs from last week; she said she would look again." >/dev/null
grade=$(pt add --kind grade --title "Daily grade: 2/5 on tickets" --occurred 2026-11-17T17:42:00+00:00 --tag pip \
    --tag grades --attach "$work/grade.png" --body "Grade came through the HR portal at 17:42. Screenshot attached.")
pt add --kind shout-out --title "Shout-out from Priya in #platform" --occurred 2026-11-18T09:12:00+00:00 \
    --body "\"Thanks for unblocking the deploy at 11pm, you saved the release.\"" >/dev/null
pt add --kind note --title "Deadline moved without notice" --occurred 2026-11-19T11:05:00+00:00 --tag pip \
    --body "The demo deadline was moved from Friday to Wednesday in the team calendar. Nobody told me." >/dev/null
pt add --kind email --title "Re: PIP goals (from Dana)" --occurred 2026-11-20T08:30:00+00:00 \
    --body "Dana: 'Goal 2 is met. Goal 1 remains open.'" >/dev/null
# A plan that started three weeks ago on a Monday: its grades every day so far, one refused check-in.
start=$(date -d "$(date +%F) -$(( $(date +%u) - 1 )) days -21 days" +%F)
pt pip plan --start "$start" --end "$(date -d "$start +39 days" +%F)" --title "PIP from Dana Smith" \
    --manager "Dana Smith <dana@example.com>" --employee "Alex Doe" --hr "Robin Lee (HR)" \
    --area "Ticket response times" --area "Reporting" --shoutouts-per-week 3 \
    --goal "Respond to every P1 ticket within 4 hours" --goal "Deliver the monthly SSRS report on time" \
    --goal "Document the permissions model" >/dev/null
pt pip extend --days 2 --reason sick --occurred "$(date -d "$start +8 days" +%F)" >/dev/null
n=0
for d in $(seq 0 27); do
    day=$(date -d "$start +$d days" +%F)
    [ "$(date -d "$day" +%u)" -le 5 ] || continue
    [ "$day" \< "$(date +%F)" ] || break
    if [ "$n" = 7 ]; then
        pt pip checkin "$day" --did-not-happen --reason refused --note "Dana said she had no time today." >/dev/null
    else
        pt pip grade 1 "$day" "$([ $((n % 4)) = 3 ] && echo 'Partly met' || echo Met)" >/dev/null
        pt pip grade 2 "$day" "$([ $n -lt 6 ] && echo 'Not met' || ([ $n -lt 11 ] && echo 'Partly met' || echo Met))" >/dev/null
        pt pip grade 3 "$day" "Partly met" >/dev/null
        pt pip checkin "$day" --job-tomorrow "$([ $n -lt 10 ] && echo unsure || echo yes)" >/dev/null
    fi
    n=$((n + 1))
done
pt pip shoutout --from "Priya N" --where Slack --body "Thanks for unblocking the deploy at 11pm!" >/dev/null
pt pip shoutout --from "Sam Ortiz" --where Workday --body "Great runbook for the permissions model." >/dev/null
pt pip rebuttal --area "Ticket response times" --steps "I check the P1 queue at 9:00, 12:00 and 15:00." \
    --results "Every P1 since the plan began answered within 3 hours." --question "Which timestamp does the measure use?" >/dev/null
pt edit "$grade" --body "Grade came through the HR portal at 17:42. Screenshot attached. Asked Dana in writing which tickets count." >/dev/null

pt_log "Rendering under Xvfb"
display=":$((90 + RANDOM % 9))"
for size in 390x844 1280x800; do
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    sleep 1
    for theme in light dark; do
        DISPLAY="$display" QT_QPA_PLATFORM=xcb "$tour" --vault "$vault" --passphrase "$PAPERTRAIL_PASSPHRASE" \
            --entry "$grade" --out "$out" --size "$size" --theme "$theme"
    done
    if [ "$size" = 390x844 ]; then # and with the system font at 1.5 times Material's
        DISPLAY="$display" QT_QPA_PLATFORM=xcb "$tour" --vault "$vault" --passphrase "$PAPERTRAIL_PASSPHRASE" \
            --entry "$grade" --out "$out" --size "$size" --font-px 21
    fi
    kill "$xvfb_pid"
    wait "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=""
done
pt_log "Screenshots are in docs/screenshots/"
