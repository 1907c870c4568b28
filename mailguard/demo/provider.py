"""A simulated mail provider's status page, served on 127.0.0.1.

It announces a short maintenance window a few minutes from now in the
Atlassian Statuspage v2 format, so a whole window cycle fits in a demo.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

DEMO_ANNOUNCEMENT = "announcement-de-mailserver-2011-07-18.txt"


def demo_announcement_path() -> str:
    """The real German provider announcement that ships with mailguard."""
    return str(resources.files("mailguard.demo") / "data" / DEMO_ANNOUNCEMENT)


def status_page(now: datetime, *, lead: timedelta, length: timedelta) -> dict[str, object]:
    """A Statuspage v2 ``summary.json`` with one mail maintenance starting ``lead`` from now."""
    start = now + lead
    stamp = now.isoformat(timespec="seconds")
    return {
        "page": {"id": "demo", "name": "Demo Mail Provider", "url": "http://127.0.0.1/"},
        "status": {"indicator": "none", "description": "All Systems Operational"},
        "components": [
            {"id": "mail", "name": "E-Mail", "status": "operational", "group": True},
            {"id": "imap", "name": "IMAP", "status": "operational", "group_id": "mail"},
            {"id": "shop", "name": "Webshop", "status": "operational", "group_id": None},
        ],
        "incidents": [],
        "scheduled_maintenances": [
            {
                "id": "demo-window",
                "name": "Mail server hardware migration (demo)",
                "status": "scheduled",
                "impact": "maintenance",
                "created_at": stamp,
                "updated_at": stamp,
                "scheduled_for": start.isoformat(timespec="seconds"),
                "scheduled_until": (start + length).isoformat(timespec="seconds"),
                "shortlink": "http://127.0.0.1/demo",
                "components": [{"id": "imap", "name": "IMAP", "group_id": "mail"}],
                "incident_updates": [
                    {
                        "status": "scheduled",
                        "body": "Please do not create, rename or delete folders or move "
                        "mails during the window. Late mail is delivered afterwards.",
                        "created_at": stamp,
                    }
                ],
            }
        ],
    }


class SimulatedProvider:
    """Serves ``/api/v2/summary.json`` from a thread until closed."""

    def __init__(self, now: datetime, *, lead: timedelta, length: timedelta) -> None:
        body = json.dumps(status_page(now, lead=lead, length=length)).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200 if self.path.endswith("summary.json") else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the demo prints its own story."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/api/v2/summary.json"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> SimulatedProvider:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
