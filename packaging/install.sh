#!/bin/sh
# Installs mailguard into ./.venv on Debian (run as root).
# With --test it also installs what the test suite needs: Dovecot (a real IMAP
# server the tests start on 127.0.0.1), isync for the benchmark, openssl.
set -eu
cd "$(dirname "$0")/.."

with_tests=no
[ "${1:-}" = "--test" ] && with_tests=yes

packages="python3 python3-venv ca-certificates"
if [ "$with_tests" = yes ]; then
    packages="$packages dovecot-imapd isync openssl"
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
    .venv/bin/python -m pip install -q -e '.[test]'
else
    .venv/bin/python -m pip install -q -e .
fi
# The UI's translations (.ts in git, .qm built here).
.venv/bin/python packaging/translations.py build >/dev/null
# An editable install leaves the sources uncompiled; without bytecode every
# command recompiles ~60 modules (~0.1 s of each start, measured by bench/).
.venv/bin/python -m compileall -q mailguard >/dev/null
