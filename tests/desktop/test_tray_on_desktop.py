"""The tray app on a real X desktop with a system tray and a notification daemon (issue 9).

Each test runs ``mailguard tray`` as a process, as a user starts it, and asks
the X server and dunst what they got: the icon embedded in the tray, the
notifications dunst accepted, the actions dunst invoked.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.desktop.conftest import Profile
from tests.desktop.session import DesktopSession
from tests.desktop.x_display import ShownWindow
from tests.dovecot import Dovecot, MailUser, make_message


def test_the_icon_appears_in_the_system_tray_and_a_first_run_opens_settings(
    profile: Profile, desktop: DesktopSession
) -> None:
    app = profile.launch("tray", "--tick", "2")
    with desktop.x_display() as x:
        profile.wait_for(lambda: x.tray_icons_of(app.pid), "the icon in the tray")
        profile.wait_for(lambda: x.shown_titles(app.pid), "the first-run Settings window")
        (icon,) = x.tray_icons_of(app.pid)
        assert (icon.width, icon.height) == (22, 22)  # sized by the tray that embeds it
        assert x.shown_titles(app.pid) == ["Settings – mailguard"]  # no stand-in window
    assert app.poll() is None


def add_window(profile: Profile, start: timedelta, length: timedelta, title: str) -> None:
    begins = datetime.now(UTC) + start
    profile.must(
        "window", "add", "work", "--start", begins.isoformat(timespec="seconds"),
        "--end", (begins + length).isoformat(timespec="seconds"), "--title", title,
    )  # fmt: skip


def reports(profile: Profile) -> list[dict[str, Any]]:
    """The account's stored reports, as ``mailguard report --json`` lists them."""
    listed: list[dict[str, Any]] = json.loads(profile.must("report", "work", "--json"))
    return listed


def on_screen(desktop: DesktopSession, summary: str) -> Callable[[], bool]:
    """True once a notification titled ``summary…`` is among those dunst shows."""

    def shown() -> bool:
        try:
            return desktop.dunst.count() >= 1 and summary in desktop.dunst.menu()
        except RuntimeError:  # dunst had nothing with actions on screen when asked: ask again
            return False

    return shown


def test_a_window_in_three_minutes_is_announced_through_dunst_and_resync_now_runs_a_resync(
    profile: Profile, desktop: DesktopSession, dovecot: Dovecot, mail_user: MailUser
) -> None:
    profile.add_account(dovecot, mail_user)
    add_window(profile, timedelta(minutes=3), timedelta(hours=1), "Storage upgrade")
    profile.launch("tray", "--tick", "2")
    profile.wait_for(on_screen(desktop, "E-mail maintenance in "), "the warning on screen")
    assert reports(profile) == []
    # The guard took its baseline before it warned; mail arriving now is new to a resync.
    dovecot.deliver(mail_user, "INBOX", make_message(subject="Arrived after the baseline"))

    menu = desktop.dunst.invoke("Resync now", "E-mail maintenance in ")

    assert "#Resync now (E-mail maintenance in 3 min)" in menu
    profile.wait_for(lambda: reports(profile), "a report stored by the resync")
    (report,) = reports(profile)
    assert [m["subject"] for m in report["new"]] == ["Arrived after the baseline"]
    desktop.dunst.close_all()  # into dunst's history, where its text can be read
    (warning,) = [n for n in desktop.dunst.history() if "Storage upgrade" in n.body]
    assert warning.app_name == "mailguard"
    assert warning.summary == "E-mail maintenance in 3 min"
    assert warning.body.startswith("Storage upgrade, ")
    assert "Don't create, rename or delete folders" in warning.body


def test_a_window_that_just_ended_is_told_at_start_and_resync_now_finds_the_late_mail(
    profile: Profile, desktop: DesktopSession, dovecot: Dovecot, mail_user: MailUser
) -> None:
    profile.add_account(dovecot, mail_user)
    dovecot.deliver(mail_user, "INBOX", make_message(subject="Before the window"))
    profile.must("snapshot", "work")
    add_window(profile, -timedelta(minutes=62), timedelta(hours=1), "Mail server migration")
    during = datetime.now(UTC) - timedelta(minutes=30)
    dovecot.deliver(mail_user, "INBOX", make_message(subject="Held back", date=during))
    # The guard's first round (it finds the window over) may finish before the app has
    # found the notification service: the notice must still reach dunst, not Qt's balloon.
    profile.launch("tray", "--tick", "2")
    profile.wait_for(on_screen(desktop, "E-mail maintenance is over"), "the notice on screen")
    assert reports(profile) == []

    desktop.dunst.invoke("Resync now", "E-mail maintenance is over")

    profile.wait_for(lambda: reports(profile), "a report stored by the resync")
    (report,) = reports(profile)
    assert [m["subject"] for m in report["backfilled"]] == ["Held back"]
    desktop.dunst.close_all()
    (notice,) = [n for n in desktop.dunst.history() if n.summary == "E-mail maintenance is over"]
    assert "Mail server migration" in notice.body


def test_a_windows_milestones_share_one_bubble_so_the_red_start_leaves_when_it_ends(
    profile: Profile, desktop: DesktopSession, dovecot: Dovecot, mail_user: MailUser
) -> None:
    earlier = {n.id for n in desktop.dunst.history()}  # other tests' notifications
    profile.add_account(dovecot, mail_user)
    add_window(profile, timedelta(seconds=12), timedelta(seconds=12), "Short swap")
    profile.launch("tray", "--tick", "2")
    profile.wait_for(on_screen(desktop, "E-mail maintenance has started"), "the start on screen")

    profile.wait_for(
        on_screen(desktop, "E-mail maintenance is over"), "the end on screen", timeout_s=40
    )

    desktop.dunst.close_all()  # what was on screen goes to the history, where it can be read
    shown = [n.summary for n in desktop.dunst.history() if n.id not in earlier]
    assert len(shown) == 1, shown  # one bubble all along: each milestone replaced the last
    assert shown[0] != "E-mail maintenance has started"


def test_a_second_launch_hands_over_to_the_running_app_which_shows_its_settings(
    profile: Profile, desktop: DesktopSession, dovecot: Dovecot, mail_user: MailUser
) -> None:
    profile.add_account(dovecot, mail_user)  # so the first launch opens no window of its own
    first = profile.launch("tray", "--tick", "2")
    with desktop.x_display() as x:
        profile.wait_for(lambda: x.tray_icons_of(first.pid), "the first app's icon in the tray")
        assert x.shown_titles(first.pid) == []

        second = profile.mailguard("tray", "--tick", "2")

        assert (second.returncode, second.stderr) == (0, "")
        profile.wait_for(
            lambda: x.shown_titles(first.pid) == ["Settings – mailguard"],
            "the running app's Settings window on screen",
        )
        assert len(x.tray_icons_of(first.pid)) == 1
    assert first.poll() is None


def test_a_double_launch_leaves_one_app_even_while_the_first_is_still_starting(
    profile: Profile, desktop: DesktopSession, dovecot: Dovecot, mail_user: MailUser
) -> None:
    profile.add_account(dovecot, mail_user)
    launches = [profile.launch("tray", "--tick", "2") for _ in range(2)]  # a double click

    profile.wait_for(lambda: any(p.poll() is not None for p in launches), "one launch to end")
    (ended,) = [p for p in launches if p.poll() is not None]
    (app,) = [p for p in launches if p is not ended]
    assert ended.returncode == 0, ended.stderr.read() if ended.stderr else ""
    with desktop.x_display() as x:
        profile.wait_for(lambda: x.tray_icons_of(app.pid), "the app's icon in the tray")
        profile.wait_for(
            lambda: x.shown_titles(app.pid) == ["Settings – mailguard"],
            "the app's Settings window, as the other launch asked",
        )
    assert app.poll() is None


def test_the_tray_refuses_a_home_that_mailguard_watch_guards(
    profile: Profile, desktop: DesktopSession
) -> None:
    watch = profile.launch("watch", "--tick", "2")
    lock = profile.paths.data_dir / "guard.lock"
    profile.wait_for(
        lambda: lock.exists() and f"pid {watch.pid}:" in lock.read_text(), "watch holding the home"
    )

    tray = profile.mailguard("tray", "--tick", "2")

    assert tray.returncode == 3
    assert tray.stdout == ""
    assert len(tray.stderr.splitlines()) == 1, tray.stderr
    assert "another guard is already running" in tray.stderr
    assert f"pid {watch.pid}: mailguard watch" in tray.stderr
    assert watch.poll() is None


def test_a_right_click_on_the_icon_opens_the_menu_and_its_last_entry_quits_the_app(
    profile: Profile, desktop: DesktopSession
) -> None:
    app = profile.launch("tray", "--tick", "2")
    with desktop.x_display() as x:
        profile.wait_for(lambda: x.tray_icons_of(app.pid), "the icon in the tray")
        (icon,) = x.tray_icons_of(app.pid)

        pointer(desktop, "mousemove", "--window", str(icon.id), "8", "8", "click", "3")

        def menus() -> list[ShownWindow]:
            return [w for w in x.windows_of(app.pid) if w.popup and w.mapped and not w.embedded]

        profile.wait_for(menus, "the tray menu on screen")
        (menu,) = menus()
        assert menu.height > 8 * 20  # status, entries, Settings…, Quit: a real menu
        pointer(desktop, "mousemove", "--window", str(menu.id), "30", str(menu.height - 8),
                "click", "1")  # fmt: skip
    assert app.wait(timeout=15) == 0


def pointer(desktop: DesktopSession, *args: str) -> None:
    """Real input through the X server's XTEST extension (xdotool)."""
    subprocess.run(["xdotool", *args], env=desktop.env, check=True, timeout=10)


def test_sigterm_while_the_app_is_still_starting_ends_it_cleanly_and_frees_the_home(
    profile: Profile, desktop: DesktopSession
) -> None:
    app = profile.launch("tray", "--tick", "2")
    lock = profile.paths.data_dir / "guard.lock"
    profile.wait_for(
        lambda: lock.exists() and f"pid {app.pid}:" in lock.read_text(), "the app holding the home"
    )

    app.terminate()  # the services are still loading: the icon may not even be drawn yet

    assert app.wait(timeout=15) == 0
    assert app.stderr is not None
    assert "Traceback" not in app.stderr.read()
    watch = profile.launch("watch", "--tick", "2")  # the home is free for the next guard
    profile.wait_for(lambda: f"pid {watch.pid}:" in lock.read_text(), "watch taking the freed home")


def test_sigterm_ends_a_running_app_cleanly(profile: Profile, desktop: DesktopSession) -> None:
    app = profile.launch("tray", "--tick", "2")
    with desktop.x_display() as x:
        profile.wait_for(lambda: x.tray_icons_of(app.pid), "the icon in the tray")

        app.terminate()

        assert app.wait(timeout=15) == 0
        profile.wait_for(lambda: not x.tray_icons_of(app.pid), "the icon gone from the tray")
