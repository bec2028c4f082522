#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so the real
# keychain tests have a Secret Service to talk to. Everything is throwaway: HOME, XDG_RUNTIME_DIR
# and the XDG data/config/cache dirs are fresh temp dirs, removed afterwards, and the keyring
# daemon is stopped before the script returns. Works as root, with no terminal and no stdin.
#
#   scripts/with-secret-service.sh ctest --test-dir build -L platform
#
# Exit status: the command's own, or 125 when the secret service could not be set up.
# Sets PT_REQUIRE_KEYRING=1 for the command (unless already set), so keychain tests fail rather
# than skip when the keyring is somehow missing.
set -euo pipefail

die() {
    echo "with-secret-service: $*" >&2
    exit 125
}

if [[ $# -eq 0 ]]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

if [[ "${PT_WITH_SECRET_SERVICE_INNER:-}" != 1 ]]; then
    # Outer half: fresh dirs, then re-run this script inside a new session bus.
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        command -v "$tool" >/dev/null 2>&1 || die "$tool is not installed (apt-get install dbus dbus-x11 gnome-keyring)"
    done

    root="$(mktemp -d "${TMPDIR:-/tmp}/pt-secret-service.XXXXXX")"
    cleanup_root() { rm -rf -- "$root"; }
    trap cleanup_root EXIT

    mkdir -p "$root/home" "$root/data" "$root/config" "$root/cache"
    mkdir -m 700 "$root/run"

    export HOME="$root/home"
    export XDG_RUNTIME_DIR="$root/run"
    export XDG_DATA_HOME="$root/data"
    export XDG_CONFIG_HOME="$root/config"
    export XDG_CACHE_HOME="$root/cache"
    # Never talk to a keyring or bus belonging to whoever is running this script.
    unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL GNOME_KEYRING_PID SSH_AUTH_SOCK
    export PT_REQUIRE_KEYRING="${PT_REQUIRE_KEYRING:-1}"
    export PT_WITH_SECRET_SERVICE_INNER=1

    # Not exec: the EXIT trap must still remove the temp dirs. Stdin is handed on as it is.
    rc=0
    dbus-run-session -- bash "${BASH_SOURCE[0]}" "$@" || rc=$?
    exit "$rc"
fi

# Inner half: we are inside the private session bus.
unset PT_WITH_SECRET_SERVICE_INNER

bus_call() { # dest path interface.method args...
    local dest="$1" path="$2" method="$3"
    shift 3
    dbus-send --session --print-reply --reply-timeout=2000 --dest="$dest" "$path" "$method" "$@" 2>/dev/null
}

keyring_log="$XDG_RUNTIME_DIR/gnome-keyring.log"
# --unlock reads the login keyring's password from stdin; in a brand-new HOME it creates the
# "login" keyring with that password, unlocked, and makes it the default collection.
printf '%s' 'paper-trail-test' |
    gnome-keyring-daemon --foreground --unlock --components=secrets >"$keyring_log" 2>&1 &
keyring_pid=$!

stop_keyring() {
    if kill -0 "$keyring_pid" 2>/dev/null; then
        kill -TERM "$keyring_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$keyring_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$keyring_pid" 2>/dev/null || true
    fi
    wait "$keyring_pid" 2>/dev/null || true
}
trap stop_keyring EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Wait (up to ~10 s) for the daemon to own org.freedesktop.secrets.
ready=0
for _ in $(seq 100); do
    if ! kill -0 "$keyring_pid" 2>/dev/null; then
        break
    fi
    if bus_call org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
        string:org.freedesktop.secrets | grep -q 'boolean true'; then
        ready=1
        break
    fi
    sleep 0.1
done
if [[ $ready != 1 ]]; then
    cat "$keyring_log" >&2 || true
    die "gnome-keyring-daemon did not come up on the private session bus"
fi

# Writes go to the "default" alias: make sure it names the unlocked login collection.
login=/org/freedesktop/secrets/collection/login
default="$(bus_call org.freedesktop.secrets /org/freedesktop/secrets \
    org.freedesktop.Secret.Service.ReadAlias string:default | sed -n 's/.*object path "\(.*\)"/\1/p')"
if [[ -z "$default" || "$default" == / ]]; then
    bus_call org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.SetAlias \
        string:default "objpath:$login" >/dev/null || die "could not make the login keyring the default collection"
    default="$login"
fi
locked="$(bus_call org.freedesktop.secrets "$default" org.freedesktop.DBus.Properties.Get \
    string:org.freedesktop.Secret.Collection string:Locked)" || die "could not read the default collection $default"
if grep -q 'boolean true' <<<"$locked"; then
    cat "$keyring_log" >&2 || true
    die "the default collection $default is locked"
fi

rc=0
"$@" || rc=$?
exit "$rc"
