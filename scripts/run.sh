#!/usr/bin/env bash
# Installs what is missing, builds, and starts Paper Trail on the default vault
# (~/.local/share/papertrail/vault). Extra arguments go to the app.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pt_ensure_packages "${PT_BUILD_PACKAGES[@]}"
pt_log "Building into build/"
pt_build "$PT_ROOT/build" -DPT_BUILD_TESTS=OFF -DPT_BUILD_BENCH=OFF -DPT_TEST_KDF=OFF
pt_log "Starting Paper Trail"
exec "$PT_ROOT/build/app/gui/papertrail" "$@"
