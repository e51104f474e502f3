#!/bin/sh
# Sets up a development copy of KPU Desk: system libraries Qt needs (on Debian/Ubuntu,
# when run as root), a virtual environment in .venv, and the package with its tools.
#   sh scripts/setup.sh          the application
#   sh scripts/setup.sh --test   also the test tools, Xvfb, poppler, PostgreSQL and PyInstaller
#                                (the packaging tests build the bundle; PyInstaller needs binutils)
set -eu
cd "$(dirname "$0")/.."

APP_PACKAGES="libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
libdbus-1-3 libglib2.0-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
libxcb-image0 libxcb-render0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-shm0 \
libxcb-sync1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core"
TEST_PACKAGES="xvfb xauth poppler-utils postgresql binutils"

packages="$APP_PACKAGES"
extra=""
if [ "${1:-}" = "--test" ]; then
    packages="$packages $TEST_PACKAGES"
    extra="[test,bundle]"
fi

missing=""
if command -v dpkg >/dev/null 2>&1; then
    for p in $packages; do
        dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
    done
fi
if [ -n "$missing" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing system packages:$missing"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "Missing system packages (install them as root):$missing" >&2
    fi
fi

PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".$extra"
