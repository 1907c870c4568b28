#!/bin/sh
# Builds the one-folder bundle and smoke-tests it, printing its size and cold start:
#     sh packaging/build_bundle.sh
# (not part of the default suite: the build takes minutes). Needs the venv of install.sh.
set -eu
cd "$(dirname "$0")/.."
.venv/bin/python -m pip install -q "pyinstaller>=6"
.venv/bin/python packaging/translations.py build >/dev/null
rm -rf build/pyinstaller dist/mailguard
.venv/bin/pyinstaller --noconfirm --log-level WARN \
    --workpath build/pyinstaller --distpath dist packaging/pyinstaller/mailguard.spec
bundle=dist/mailguard/mailguard
echo "version:        $($bundle --version)"
echo "bundle size:    $(du -sh dist/mailguard | cut -f1)"
cold() { # median wall time of five starts of "$@ --version"
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f %e "$@" --version 2>&1 >/dev/null | tail -1
    done | sort -n | sed -n 3p
}
echo "cold start:     bundle $(cold $bundle) s, python -m mailguard $(cold .venv/bin/python -m mailguard) s"
echo "headless demo:  running one minute…"
events=$(mktemp)
if ! MAILGUARD_HOME=$(mktemp -d) $bundle demo --headless --minutes 1 --json > "$events"; then
    echo "smoke test FAILED: the bundle's demo did not finish" >&2
    exit 1
fi
echo "last event:     $(tail -1 "$events" | cut -c1-100)"
echo "smoke test passed"
