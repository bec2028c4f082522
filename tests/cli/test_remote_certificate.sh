#!/usr/bin/env bash
# Trusting a self-signed WebDAV server's certificate from the CLI: --certificate on remote set,
# remote trust with the fingerprint as a refused sync or openssl prints it, a fingerprint that is
# not one refused, the pin kept when the same URL is set again and dropped for another, and no
# pin for a folder. (The pin itself, against a real TLS server, is in tests/sync/test_webdav.cpp.)
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

mkdir -p "$T/remote"
URL="https://127.0.0.1:9/dav/"
FP="AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"
OTHER="0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
printf 'app-password\n' >"$T/in/password"

step "a vault, and a fingerprint that is not one is refused with what one looks like"
expect_exit 0 pt init
expect_exit 2 pt remote set "$URL" --user me --password-file "$T/in/password" --certificate "AB:CD"
contains "$ERR" "64 hex digits"
expect_exit 0 pt remote show --json
jq_ok "$OUT" '.location == ""'

step "remote set --certificate pins it, in the form the app pins"
expect_exit 0 pt remote set "$URL" --user me --password-file "$T/in/password" --certificate "sha256 Fingerprint=$FP"
expect_exit 0 pt remote show --json
jq_ok "$OUT" ".certificate == \"$FP\" and .kind == \"webdav\""
expect_exit 0 pt remote show
contains "$OUT" "Trusted certificate: $FP"

step "the same URL set again keeps its pin; remote trust replaces it"
expect_exit 0 pt remote set "$URL" --user me --password-file "$T/in/password"
expect_exit 0 pt remote show --json
jq_ok "$OUT" ".certificate == \"$FP\""
expect_exit 2 pt remote trust "not-a-fingerprint"
expect_exit 0 pt remote trust "$OTHER"
contains "$OUT" "no other"
expect_exit 0 pt remote show --json
jq_ok "$OUT" ".certificate == \"$(tr 'a-f' 'A-F' <<<"$OTHER" | sed 's/../&:/g; s/:$//')\""

step "another server starts with no pin; a folder has none to trust"
expect_exit 0 pt remote set "https://127.0.0.1:10/dav/" --user me --password-file "$T/in/password"
expect_exit 0 pt remote show --json
jq_ok "$OUT" '.certificate == ""'
expect_exit 0 pt remote set "$T/remote"
expect_exit 2 pt remote trust "$OTHER"
contains "$ERR" "Only an https:// remote"
echo "PASS"
