# Shared by run.sh and test.sh: install what is missing, then build.
# shellcheck shell=bash

PT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Everything needed to build and run the app. The QML modules include those Qt's own QML loads
# at run time (the file dialog's Qt.labs.folderlistmodel): tests/packages checks the list.
PT_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-declarative-dev qt6-tools-dev libqt6sql6-sqlite qt6-qpa-plugins
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtquick-dialogs
    qml6-module-qtqml-workerscript qml6-module-qt-labs-platform qml6-module-qt-labs-settings
    qml6-module-qttest qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtquick-shapes
    qml6-module-qt-labs-folderlistmodel
    qtkeychain-qt6-dev libsodium-dev libssl-dev libzxcvbn-dev libsimdjson-dev libgl1-mesa-dri
    libarchive-dev fonts-dejavu-core
    libgmime-3.0-dev libxml2-dev libexiv2-dev libtesseract-dev tesseract-ocr-eng
    gnome-keyring dbus dbus-x11
)
# What the tests add: a real keyring, interop tools, a display for screenshots, and the WebDAV
# servers the sync tests start on 127.0.0.1 (tests/sync/DavServers.h). apache2-bin is Apache's
# binary and modules without the apache2 package's configuration and service, so installing it
# starts no system web server on port 80; openssl makes the self-signed certificate. dbus-daemon
# (which dbus brings too) runs the private bus of the notification tests (tests/notify/PrivateBus.h).
PT_TEST_PACKAGES=(
    catch2 age minisign unzip xvfb xdotool imagemagick sqlite3 jq util-linux procps
    apache2-bin apache2-utils rclone openssl poppler-utils desktop-file-utils dbus-daemon
)

# node and npm fetch the age format's published test vectors (npm cctv-age) for the crypto tests.
# Only when missing: a machine may have them from elsewhere (NodeSource's nodejs bundles npm,
# and Debian's npm package would conflict with it).
pt_ensure_node() {
    command -v node >/dev/null && command -v npm >/dev/null && return 0
    pt_ensure_packages nodejs npm
}

pt_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

pt_ensure_packages() {
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    pt_log "Installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# pt_build DIR [cmake options...]
pt_build() {
    local dir="$1"
    shift
    cmake -S "$PT_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$dir" --parallel "$(nproc)"
}
