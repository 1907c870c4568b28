"""The tray demo offscreen: the real app on the demo home plays the whole cycle to its end."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from mailguard.demo.world import demo_world


def test_the_tray_demo_plays_the_cycle_and_opens_the_report(
    qapp: object, qtbot: QtBot, tmp_path: object, monkeypatch: object
) -> None:
    from mailguard.ui.demo_tray import demo_app

    monkeypatch.setenv("TMPDIR", str(tmp_path))  # type: ignore[attr-defined]
    seen: list[str] = []
    with demo_world(timedelta(minutes=0.5), keep=False, say=seen.append) as setup:
        app, player = demo_app(qapp, setup)  # type: ignore[arg-type]
        refused: list[object] = []
        player.played.connect(refused.extend)
        app.start()
        player.start()
        try:
            with qtbot.waitSignal(player.completed, timeout=90_000):
                pass
            names = {type(e).__name__ for e in refused}
            assert {"EditRefused", "EditQueued"} <= names
            assert player.progress.late_listed
            report = app.windows.opened("report")
            assert report is not None and report.isVisible()
        finally:
            app.shutdown()
    assert "demo IMAP server on" in seen[0]
