#!/bin/sh
# Installs mailguard into ./.venv on Debian (run as root), with what the desktop
# app needs from the system: Python and the X11 libraries Qt's xcb platform
# plugin loads (a fresh Debian lacks several; without them Qt aborts). The demo
# extra brings pymap, the small IMAP server `mailguard demo` runs locally.
#
# With --test it also installs what the test suite needs: Dovecot (a real IMAP
# server the tests start on 127.0.0.1), isync for the benchmark, openssl, and a
# virtual desktop for the tray tests (Xvfb, a tray, a notification daemon on a
# private D-Bus) plus the desktop-file and AppStream validators.
set -eu
cd "$(dirname "$0")/.."

with_tests=no
[ "${1:-}" = "--test" ] && with_tests=yes

packages="python3 python3-venv ca-certificates \
    libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
    libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxcb-xinerama0 \
    libegl1 libgl1 libfontconfig1 libdbus-1-3"
if [ "$with_tests" = yes ]; then
    packages="$packages dovecot-imapd isync openssl \
        xvfb tint2 dunst dbus x11-utils xdotool desktop-file-utils appstream libglib2.0-bin"
fi

if command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $packages >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$with_tests" = yes ]; then
    .venv/bin/python -m pip install -q -e '.[demo,test]'
else
    .venv/bin/python -m pip install -q -e '.[demo]'
fi
# The UI's translations (.ts in git, .qm built here).
.venv/bin/python packaging/translations.py build >/dev/null
# An editable install leaves the sources uncompiled; without bytecode every
# command recompiles ~60 modules (~0.1 s of each start, measured by bench/).
.venv/bin/python -m compileall -q mailguard >/dev/null

# As root, put the launcher and the icon where desktops look for them.
if [ "$(id -u)" = 0 ] && [ -d /usr/local/share ]; then
    share=/usr/local/share
    mkdir -p "$share/applications"
    sed "s|^Exec=mailguard |Exec=$(pwd)/.venv/bin/mailguard |; s|^TryExec=mailguard|TryExec=$(pwd)/.venv/bin/mailguard|" \
        resources/desktop/mailguard.desktop > "$share/applications/mailguard.desktop"
    for size_dir in resources/icons/hicolor/*; do
        mkdir -p "$share/icons/hicolor/$(basename "$size_dir")/apps"
        cp "$size_dir"/apps/* "$share/icons/hicolor/$(basename "$size_dir")/apps/"
    done
fi
