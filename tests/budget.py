"""A time and memory budget for one call: a runaway fails the test instead of hanging it.

    with Budget(seconds=5, megabytes=64) as spent:
        reader.parse(data, ctx)
    # spent.seconds, spent.peak_megabytes

The time limit is a real alarm (SIGALRM, main thread only): a parser stuck in a
loop is interrupted with BudgetExceeded, so the suite reports it and goes on.
Memory is Python's own allocations (tracemalloc), measured at their peak.
"""

from __future__ import annotations

import signal
import time
import tracemalloc
from dataclasses import dataclass
from types import FrameType, TracebackType


class BudgetExceeded(AssertionError):
    """The call ran past its time budget (raised inside it by the alarm)."""


@dataclass
class Budget:
    seconds: float
    megabytes: float
    spent_seconds: float = 0.0
    peak_megabytes: float = 0.0

    def __enter__(self) -> Budget:
        self._previous = signal.signal(signal.SIGALRM, self._alarm)
        tracemalloc.start()
        self._began = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)
        self.spent_seconds = time.monotonic() - self._began
        self.peak_megabytes = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        if exc_type is None:
            assert self.peak_megabytes <= self.megabytes, (
                f"used {self.peak_megabytes:.0f} MB, more than the budget of {self.megabytes} MB"
            )

    def _alarm(self, signum: int, frame: FrameType | None) -> None:
        raise BudgetExceeded(f"still running after the budget of {self.seconds} s")
