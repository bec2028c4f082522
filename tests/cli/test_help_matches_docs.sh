#!/usr/bin/env bash
# docs/CLI.md and --help name the same commands and global options.
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DOC="$(dirname "${BASH_SOURCE[0]}")/../../docs/CLI.md"
[ -f "$DOC" ] || fail "no docs/CLI.md at $DOC"

expect_exit 0 "$CLI" --help
HELP=$OUT
# The first word of each line of --help's command list, and of the doc's command block.
help_commands=$(sed -n '/^Commands:/,/^$/p' <<<"$HELP" | grep -E '^  [a-z]' | awk '{print $1}' | sort -u)
doc_commands=$(awk '/^## Commands/ {s = 1} s && /^```/ {n++; next} s && n == 1 && /^[a-z]/ {print $1}' "$DOC" | sort -u)
[ -n "$help_commands" ] || fail "no commands found in --help"
equals "$doc_commands" "$help_commands" "commands in docs/CLI.md and --help"
# 'remember | forget' is one line in both; forget must be there too.
contains "$HELP" "forget"
for option in --vault --passphrase-file --recovery-key-file --recovery-key --json --new-passphrase-file; do
    contains "$(cat "$DOC")" "$option"
    contains "$HELP" "$option"
done
echo "PASS"
