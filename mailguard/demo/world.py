"""The demo's world: its IMAP server, the simulated provider and a home of its own.

Shared by the headless demo (CLI) and the tray demo; everything in it is
stopped and removed on exit (unless the home is kept).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from mailguard.app.logfile import log_to_file
from mailguard.app.zones import utc_now
from mailguard.demo.demo_home import (
    create_demo_home,
    make_demo_root,
    remove_demo_root,
    use_demo_keyring,
)
from mailguard.demo.demo_mail import seed
from mailguard.demo.imap_server import DemoImapServer
from mailguard.demo.provider import SimulatedProvider
from mailguard.demo.scenario import DemoTimeline
from mailguard.store.paths import AppPaths


@dataclass(frozen=True, slots=True)
class DemoSetup:
    paths: AppPaths
    imap: tuple[str, int]
    timeline: DemoTimeline


@contextmanager
def demo_world(length: timedelta, *, keep: bool, say: Callable[[str], None]) -> Iterator[DemoSetup]:
    """The demo's server, provider and home; all of it gone on exit unless ``keep``."""
    root = make_demo_root(keep)
    use_demo_keyring(root)
    try:
        with DemoImapServer() as server:
            now = utc_now()
            timeline = DemoTimeline(now, length)
            lead = timeline.window_start - now
            span = timeline.window_end - timeline.window_start
            with SimulatedProvider(now, lead=lead, length=span) as provider:
                count = seed(server.host, server.port, now)
                paths = create_demo_home(root, server.host, server.port, provider.url, timeline)
                log_to_file(paths)
                say(
                    f"demo IMAP server on {server.host}:{server.port} with {count} mails; "
                    f"simulated provider at {provider.url}; the window starts in "
                    f"{int(lead.total_seconds())} s and lasts {int(span.total_seconds())} s"
                )
                yield DemoSetup(paths, (server.host, server.port), timeline)
    finally:
        if keep:
            say(f"the demo home is kept in {root}")
        else:
            remove_demo_root(root)
