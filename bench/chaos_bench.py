"""Dovecot killed at random moments, many times: what was lost, doubled or misreported.

Runs tests/chaos.py's scenarios (a snapshot, a resync, a queued-move replay, each
cut by a SIGKILL of the server after a random number of its bytes) N times with
a fixed seed, checking after each that every message is in exactly one folder,
every queued move ran once, the next resync reports exactly what happened, and
the database passes ``PRAGMA integrity_check``. Prints the figures; exits 1 if
anything was lost, doubled, spurious, corrupt or misreported.

Run: ``.venv/bin/python bench/chaos_bench.py [--runs 60] [--seed 12]`` (about 1 s a run).
The default suite runs a few of these (tests/cli/test_chaos.py).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.chaos import Chaos  # noqa: E402
from tests.dovecot import Dovecot  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--messages", type=int, default=40)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="mg-chaos-") as scratch:
        # A keyring file of its own: the password never reaches the desktop's keyring.
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        os.environ["XDG_DATA_HOME"] = str(Path(scratch) / "xdg")
        server = Dovecot()
        server.start()
        chaos = Chaos(server, Path(scratch) / "home", seed=args.seed, messages=args.messages)
        started = time.monotonic()
        try:
            figures = chaos.run(args.runs)
        finally:
            chaos.close()
            server.cleanup()
        elapsed = time.monotonic() - started

    print(f"chaos, seed {args.seed}: {figures.line()}")
    print(f"{elapsed:.0f} s, {elapsed / max(figures.runs, 1):.2f} s a run")
    for problem in figures.problems:
        print(f"  problem: {problem}")
    return 0 if figures.clean else 1


if __name__ == "__main__":
    sys.exit(main())
