#!/bin/sh
# Fetches the age format's published test vectors (the C2SP CCTV test kit, npm package cctv-age)
# into OUTDIR, a folder of the build directory, and writes each vector out as OUTDIR/testdata/NAME
# for test_crypto's [age-vectors] test. The package is installed once per build directory; the
# vectors are written again on every run. Vectors compressed with zlib are written inflated.
#
#   fetch_age_vectors.sh OUTDIR
set -eu

[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$1
for program in node npm; do
    command -v "$program" > /dev/null || { echo "FAIL: $program is not installed" >&2; exit 1; }
done
version=0.2.0
package="$out/npm/node_modules/cctv-age/package.json"

if [ ! -f "$package" ] || ! grep -q "\"version\": *\"$version\"" "$package"; then
    mkdir -p "$out/npm"
    npm install --prefix "$out/npm" --no-save --no-package-lock --no-audit --no-fund \
        --loglevel=error "cctv-age@$version"
fi

rm -rf "$out/testdata.new"
node "$(dirname "$0")/write_age_vectors.mjs" "$out/npm/node_modules/cctv-age" "$out/testdata.new"
rm -rf "$out/testdata"
mv "$out/testdata.new" "$out/testdata"
