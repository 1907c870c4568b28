"""The Qt binding we ship with holds its references: PySide6 6.12.0 did not.

In 6.12.0 every emit of a signal carrying a bool dropped a reference to
``False``/``True``, and the app died on exit with "Fatal Python error:
bool_dealloc" (found while running the demo). pyproject excludes that release;
this test catches a later release with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Busy(QObject):
    changed = Signal(str, bool)


def test_emitting_a_bool_keeps_the_references_to_true_and_false(qapp: object) -> None:
    emitter = Busy()
    heard: list[bool] = []
    emitter.changed.connect(lambda _lane, busy: heard.append(busy))
    before = sys.getrefcount(False), sys.getrefcount(True)
    for _ in range(50):
        emitter.changed.emit("lane", False)
        emitter.changed.emit("lane", True)
    heard.clear()
    assert (sys.getrefcount(False), sys.getrefcount(True)) == before
