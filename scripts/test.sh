#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: the whole suite under a private D-Bus
# session with a real gnome-keyring, then the crypto, core, CLI, sync, archive, intake, PIP and fuzz tests again under ASan and UBSan.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pt_ensure_packages "${PT_BUILD_PACKAGES[@]}" "${PT_TEST_PACKAGES[@]}"
pt_ensure_node

pt_log "Building into build/"
# Explicit, since scripts/run.sh configures the same folder without tests, benchmarks and the
# weak test KDF (PT_TEST_KDF: only a test build may make or open a vault with it).
pt_build "$PT_ROOT/build" -DPT_WERROR=ON -DPT_BUILD_TESTS=ON -DPT_BUILD_BENCH=ON -DPT_TEST_KDF=ON

pt_log "Running the tests"
export QT_QPA_PLATFORM=offscreen PT_REQUIRE_KEYRING=1
"$PT_ROOT/scripts/with-secret-service.sh" \
    ctest --test-dir "$PT_ROOT/build" --output-on-failure --no-tests=error --timeout 600 -j "$(nproc)"

pt_log "Building the crypto, core and sync tests with AddressSanitizer and UndefinedBehaviorSanitizer"
pt_build "$PT_ROOT/build-asan" -DPT_WERROR=ON -DPT_SANITIZE=ON -DPT_BUILD_GUI=OFF -DPT_BUILD_BENCH=OFF -DPT_TEST_KDF=ON
pt_log "Running them"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$PT_ROOT/scripts/with-secret-service.sh" \
    ctest --test-dir "$PT_ROOT/build-asan" --output-on-failure --no-tests=error --timeout 900 -j "$(nproc)" \
        -L 'crypto|core|cli|sync|fuzz|archive|intake|pip'
