#!/usr/bin/env bash
# Installs what is missing, builds, and runs the benchmarks, each printing its Markdown table (the
# README's Performance section): core (papertrail-bench), app (papertrail-bench-app), sync
# (papertrail-bench-sync, which starts rclone serve webdav and Apache mod_dav on 127.0.0.1 as the
# sync tests do, and times `rclone copy` of the same bytes), archive (papertrail-bench-archive,
# against `zip -0` then `age -r`), mail (papertrail-bench-mail: an mbox's pick list and import,
# against GMime's own parser), ocr (papertrail-bench-ocr, against the raw TessBaseAPI call) and pip
# (papertrail-bench-pip: the PIP workspace's check-ins and the PIP tab's read, against plain journal
# writes and reads).
# Name some to run only those:
#   scripts/bench.sh sync
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pt_ensure_packages "${PT_BUILD_PACKAGES[@]}" "${PT_TEST_PACKAGES[@]}" zip
pt_log "Building into build/"
pt_build "$PT_ROOT/build" -DPT_WERROR=ON -DPT_BUILD_TESTS=ON -DPT_BUILD_BENCH=ON -DPT_TEST_KDF=ON

benches=("$@")
[ ${#benches[@]} -eq 0 ] && benches=(core app sync archive mail ocr pip)
for bench in "${benches[@]}"; do
    case "$bench" in
    core) pt_log "papertrail-bench"; "$PT_ROOT/build/bench/papertrail-bench" ;;
    app) pt_log "papertrail-bench-app"; QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$PT_ROOT/build/bench/papertrail-bench-app" ;;
    sync) pt_log "papertrail-bench-sync"; "$PT_ROOT/build/bench/papertrail-bench-sync" ;;
    archive) pt_log "papertrail-bench-archive"; "$PT_ROOT/build/bench/papertrail-bench-archive" ;;
    mail) pt_log "papertrail-bench-mail"; "$PT_ROOT/build/bench/papertrail-bench-mail" ;;
    ocr) pt_log "papertrail-bench-ocr"; QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$PT_ROOT/build/bench/papertrail-bench-ocr" ;;
    pip) pt_log "papertrail-bench-pip"; "$PT_ROOT/build/bench/papertrail-bench-pip" ;;
    *) echo "unknown benchmark: $bench (core, app, sync, archive, mail, ocr, pip)" >&2; exit 2 ;;
    esac
done
