"""Dovecot killed at random moments of snapshot, resync and a queued-move replay: nothing
lost, nothing done twice, no spurious report, the database intact (see tests/chaos.py).

A few runs with a fixed seed here; ``bench/chaos_bench.py`` runs many more.
"""

from __future__ import annotations

from pathlib import Path

from tests.chaos import Chaos
from tests.dovecot import Dovecot

SEED = 12
RUNS = 8


def test_kills_at_random_moments_lose_and_double_nothing(
    tmp_path: Path, file_keyring: Path, fresh_dovecot: Dovecot
) -> None:
    chaos = Chaos(fresh_dovecot, tmp_path / "home", seed=SEED)
    try:
        figures = chaos.run(RUNS)
    finally:
        chaos.close()

    print(f"chaos, seed {SEED}: {figures.line()}")
    assert figures.problems == []
    assert figures.clean
    assert figures.kills >= RUNS // 2, figures.line()  # the kills really happened
    assert set(figures.by_scenario) == {"snapshot", "resync", "replay"}
