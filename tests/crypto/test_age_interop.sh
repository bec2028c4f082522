#!/bin/bash
# Interop of crypto/age with the real age program (Debian's age 1.1.1): files written by us are
# read by `age -d`, files written by `age` are read by us, to X25519 keys and to passphrases,
# binary and armored, from empty to several MiB. age 1.1 reads passphrases only from a terminal,
# so it runs under script(1) with the passphrase on its standard input.
#
#   test_age_interop.sh PATH/TO/age_tool
set -euo pipefail

tool=${1:?usage: $0 PATH/TO/age_tool}
for program in age age-keygen script sha256sum cmp; do
    command -v "$program" > /dev/null \
        || { echo "FAIL: $program is not installed (apt-get install age)"; exit 1; }
done
echo "age $(age --version)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

passed=0
check_same() { # EXPECTED ACTUAL WHAT
    if [ "$(sha256sum < "$1")" != "$(sha256sum < "$2")" ]; then
        echo "FAIL: $3"
        exit 1
    fi
    passed=$((passed + 1))
    echo "ok: $3"
}
flip_byte() { # FILE: flips the low bit of the byte 100 bytes before its end
    local offset byte
    offset=$(($(stat -c %s "$1") - 100))
    byte=$(od -An -tu1 -j "$offset" -N1 "$1" | tr -d ' ')
    printf "\\$(printf '%03o' $((byte ^ 1)))" | dd of="$1" bs=1 seek="$offset" conv=notrunc status=none
}
expect_failure() { # WHAT COMMAND...
    local what=$1
    shift
    if "$@" > /dev/null 2>&1; then
        echo "FAIL: $what succeeded"
        exit 1
    fi
    passed=$((passed + 1))
    echo "ok: $what is refused"
}

# age under a terminal, fed the passphrase (twice when encrypting). Its output must go to a file
# (-o): its standard output is the terminal's. (Elsewhere age's output is redirected: with -o,
# age 1.1 creates no file for an empty plaintext.)
age_with_passphrase() { # PASSPHRASE TIMES AGE-ARGUMENTS (quoted for sh)
    local passphrase=$1 times=$2
    shift 2
    local input
    input=$(for _ in $(seq "$times"); do printf '%s\n' "$passphrase"; done)
    printf '%s\n' "$input" | timeout 120 script -qec "age $*" /dev/null > script.log 2>&1 || {
        echo "age $* failed:"
        cat script.log
        return 1
    }
}

head -c 0 /dev/urandom > p-empty
head -c 1 /dev/urandom > p-one
head -c 65536 /dev/urandom > p-chunk
head -c 196609 /dev/urandom > p-three
head -c $((5 * 1024 * 1024 + 123)) /dev/urandom > p-big
payloads="p-empty p-one p-chunk p-three p-big"

# Keys: ours read by age-keygen, age-keygen's read by us.
"$tool" keygen > ours.key
ours=$(sed -n 's/^# public key: //p' ours.key)
[ "$(age-keygen -y ours.key)" = "$ours" ] \
    || { echo "FAIL: age-keygen -y disagrees with our public key"; exit 1; }
age-keygen -o theirs.key 2> /dev/null
theirs=$(age-keygen -y theirs.key)
[ "$("$tool" recipient < theirs.key)" = "$theirs" ] \
    || { echo "FAIL: our recipient of age-keygen's key differs"; exit 1; }
passed=$((passed + 2))
echo "ok: both key formats agree ($ours, $theirs)"

for p in $payloads; do
    # Ours -> age, binary and armored.
    "$tool" encrypt -r "$ours" < "$p" > "$p.ours.age"
    age -d -i ours.key "$p.ours.age" > "$p.out"
    check_same "$p" "$p.out" "age -d reads our $p"
    "$tool" encrypt -a -r "$ours" < "$p" > "$p.ours.asc"
    head -n 1 "$p.ours.asc" | grep -qx -- '-----BEGIN AGE ENCRYPTED FILE-----' \
        || { echo "FAIL: our armored $p does not begin with the BEGIN line"; exit 1; }
    age -d -i ours.key "$p.ours.asc" > "$p.out"
    check_same "$p" "$p.out" "age -d reads our armored $p"

    # age -> ours, binary and armored.
    age -r "$theirs" -o "$p.theirs.age" "$p"
    "$tool" decrypt -i theirs.key < "$p.theirs.age" > "$p.out"
    check_same "$p" "$p.out" "we read age's $p"
    age -a -r "$theirs" -o "$p.theirs.asc" "$p"
    "$tool" decrypt -i theirs.key < "$p.theirs.asc" > "$p.out"
    check_same "$p" "$p.out" "we read age's armored $p"
done

# Several recipients both ways: each side's key opens the other side's file.
"$tool" encrypt -r "$ours" -r "$theirs" < p-three > multi.ours.age
age -d -i theirs.key multi.ours.age > multi.out
check_same p-three multi.out "age -d reads our file to two recipients with its key"
age -r "$theirs" -r "$ours" -o multi.theirs.age p-three
"$tool" decrypt -i ours.key < multi.theirs.age > multi.out
check_same p-three multi.out "we read age's file to two recipients with our key"

# Wrong keys and damage are refused by both.
expect_failure "our reading of age's file with the wrong key" \
    "$tool" decrypt -i ours.key < p-one.theirs.age
expect_failure "age reading our file with the wrong key" age -d -i theirs.key -o x p-one.ours.age
cp p-three.ours.age damaged.age
flip_byte damaged.age
expect_failure "age reading our damaged file" age -d -i ours.key -o x damaged.age
cp p-three.theirs.age damaged.age
flip_byte damaged.age
expect_failure "our reading of age's damaged file" "$tool" decrypt -i theirs.key < damaged.age
head -c -1 p-chunk.theirs.age > cut.age
expect_failure "our reading of age's cut file" "$tool" decrypt -i theirs.key < cut.age

# Passphrases both ways: ours at the default work factor and at a low one; age's (it picks its own
# work factor, 18 in 1.1).
export AGE_TOOL_PASSPHRASE='correct horse battery staple'
"$tool" encrypt -p < p-one > pass.ours.age
grep -aq '^-> scrypt [^ ]* 18$' pass.ours.age \
    || { echo "FAIL: our passphrase file is not work factor 18"; exit 1; }
age_with_passphrase "$AGE_TOOL_PASSPHRASE" 1 -d -o pass.out pass.ours.age
check_same p-one pass.out "age -d reads our passphrase file (work factor 18)"
"$tool" encrypt -a -p -w 12 < p-big > pass-big.ours.asc
age_with_passphrase "$AGE_TOOL_PASSPHRASE" 1 -d -o pass.out pass-big.ours.asc
check_same p-big pass.out "age -d reads our armored passphrase file of 5 MiB (work factor 12)"
expect_failure "age reading our passphrase file with a wrong passphrase" \
    age_with_passphrase wrong 1 -d -o x pass.ours.age

age_with_passphrase "$AGE_TOOL_PASSPHRASE" 2 -p -o pass.theirs.age p-big
"$tool" decrypt -p < pass.theirs.age > pass.out
check_same p-big pass.out "we read age's passphrase file of 5 MiB"
age_with_passphrase "$AGE_TOOL_PASSPHRASE" 2 -p -a -o pass.theirs.asc p-chunk
"$tool" decrypt -p < pass.theirs.asc > pass.out
check_same p-chunk pass.out "we read age's armored passphrase file"
expect_failure "our reading of age's passphrase file with a wrong passphrase" \
    env AGE_TOOL_PASSPHRASE=wrong "$tool" decrypt -p < pass.theirs.age

echo "$passed passed, 0 failed"
