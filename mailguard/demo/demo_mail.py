"""The demo mailbox: a few dozen believable mails, and the provider's late deliveries.

Written over IMAP (APPEND, STORE) like any mail program would, so the demo
server indexes everything as it arrives.
"""

from __future__ import annotations

import imaplib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from imapclient import IMAPClient

from mailguard.demo.imap_server import DEMO_PASSWORD, DEMO_USER, DemoUnavailable

FOLDERS = ("INBOX", "Archive", "Bestellungen", "Sent")

#: (folder, sender, subject, days ago, seen)
SEED: tuple[tuple[str, str, str, float, bool], ...] = (
    ("INBOX", "Anna Berger <anna@example.org>", "Treffen am Donnerstag?", 0.2, False),
    (
        "INBOX",
        "Hosting Team <status@provider.example>",
        "Wartungsarbeiten am Mailserver",
        0.5,
        True,
    ),
    ("INBOX", "Newsletter <news@shop.example>", "Unsere Angebote der Woche", 1, True),
    ("INBOX", "Ben Keller <ben@example.net>", "Re: Fotos vom Wochenende", 1.5, True),
    ("INBOX", "Stadtwerke <rechnung@stadtwerke.example>", "Ihre Rechnung Juni", 2, True),
    ("INBOX", "Carla Diaz <carla@example.com>", "Project kickoff notes", 2.5, False),
    ("INBOX", "GitHub <noreply@github.example>", "[mailguard] New issue: tray icon", 3, True),
    ("INBOX", "Dana Fischer <dana@example.org>", "Geburtstagsfeier", 3.5, True),
    ("INBOX", "Bank <info@bank.example>", "Kontoauszug verfügbar", 4, True),
    ("INBOX", "Erik Lang <erik@example.net>", "Quick question about the invoice", 5, False),
    ("INBOX", "Verein <vorstand@verein.example>", "Einladung zur Mitgliederversammlung", 6, True),
    ("INBOX", "Fiona Meyer <fiona@example.com>", "Travel plans", 7, True),
    ("Archive", "Anna Berger <anna@example.org>", "Urlaubsplanung 2026", 40, True),
    ("Archive", "Vermieter <hausverwaltung@example.de>", "Nebenkostenabrechnung", 55, True),
    ("Archive", "Carla Diaz <carla@example.com>", "Contract draft v3", 60, True),
    ("Archive", "Versicherung <kundenservice@versicherung.example>", "Ihre Police", 80, True),
    ("Archive", "Ben Keller <ben@example.net>", "Umzug", 90, True),
    ("Archive", "Dana Fischer <dana@example.org>", "Rezept", 120, True),
    ("Archive", "Erik Lang <erik@example.net>", "Conference slides", 150, True),
    ("Archive", "Finanzamt <info@finanzamt.example>", "Bescheid 2025", 200, True),
    ("Bestellungen", "Buchladen <bestellung@buch.example>", "Bestellbestätigung 4711", 8, True),
    (
        "Bestellungen",
        "Buchladen <versand@buch.example>",
        "Ihre Bestellung 4711 ist unterwegs",
        6,
        True,
    ),
    (
        "Bestellungen",
        "Elektronik <shop@elektro.example>",
        "Bestellung 99-123 eingegangen",
        12,
        True,
    ),
    ("Bestellungen", "Elektronik <versand@elektro.example>", "Versandbestätigung 99-123", 10, True),
    ("Bestellungen", "Gartenshop <service@garten.example>", "Ihre Rücksendung", 20, True),
    ("Bestellungen", "Lieferdienst <info@essen.example>", "Ihre Bestellung", 3, True),
    ("Sent", "Demo User <demo@example.org>", "Re: Treffen am Donnerstag?", 0.1, True),
    ("Sent", "Demo User <demo@example.org>", "Angebot angefragt", 2, True),
    ("Sent", "Demo User <demo@example.org>", "Re: Project kickoff notes", 2.4, True),
    ("Sent", "Demo User <demo@example.org>", "Fotos", 9, True),
)

#: What the provider delivers late: (folder, sender, subject), dated inside the window.
LATE: tuple[tuple[str, str, str], ...] = (
    ("INBOX", "Anna Berger <anna@example.org>", "Re: Treffen am Donnerstag? Ja, gern!"),
    ("INBOX", "Carla Diaz <carla@example.com>", "Updated agenda for tomorrow"),
    ("INBOX", "Stadtwerke <rechnung@stadtwerke.example>", "Zahlungseingang bestätigt"),
    ("Bestellungen", "Buchladen <versand@buch.example>", "Ihre Bestellung 4712 ist unterwegs"),
    ("Bestellungen", "Elektronik <shop@elektro.example>", "Bestellung 99-124 eingegangen"),
)

#: The message whose \Seen flag the provider "loses" during the window.
UNSEEN_AFTER = ("Archive", "Nebenkostenabrechnung")


@dataclass(frozen=True, slots=True)
class LateDelivery:
    message_ids: tuple[str, ...]
    folders: tuple[str, ...]


@contextmanager
def connect(host: str, port: int) -> Iterator[IMAPClient]:
    """The demo server, logged in; a server that does not answer is one line, not a trace."""
    try:
        client = IMAPClient(host, port=port, ssl=False, timeout=30)
        client.login(DEMO_USER, DEMO_PASSWORD)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise DemoUnavailable(f"the demo's IMAP server does not answer: {exc}") from exc
    try:
        yield client
    except (OSError, imaplib.IMAP4.error) as exc:
        raise DemoUnavailable(f"the demo's IMAP server failed: {exc}") from exc
    finally:
        try:
            client.logout()
        except Exception:  # noqa: BLE001 - the demo server may be gone already
            client.shutdown()


def seed(host: str, port: int, now: datetime) -> int:
    """Fill the demo mailbox; returns how many mails it holds."""
    with connect(host, port) as client:
        for folder in FOLDERS:
            if not client.folder_exists(folder):
                client.create_folder(folder)
        for folder, sender, subject, days_ago, seen in SEED:
            when = now - timedelta(days=days_ago)
            flags = (b"\\Seen",) if seen else ()
            client.append(folder, _message(sender, subject, when).as_bytes(), flags, when)
    return len(SEED)


def deliver_late(
    host: str, port: int, window_start: datetime, window_end: datetime
) -> LateDelivery:
    """Mail "received" during the window arrives now; one message loses its \\Seen flag."""
    span = (window_end - window_start) / (len(LATE) + 1)
    ids: list[str] = []
    with connect(host, port) as client:
        for number, (folder, sender, subject) in enumerate(LATE, start=1):
            when = window_start + span * number
            message = _message(sender, subject, when)
            ids.append(str(message["Message-ID"]))
            client.append(folder, message.as_bytes(), (), when)
        folder, subject = UNSEEN_AFTER
        client.select_folder(folder)
        uids = client.search(["SUBJECT", subject])
        if uids:
            client.remove_flags(uids, [b"\\Seen"])
    return LateDelivery(tuple(ids), tuple(dict.fromkeys(f for f, _, _ in LATE)))


def _message(sender: str, subject: str, when: datetime) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "Demo User <demo@example.org>"
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["Message-ID"] = make_msgid(domain="demo.mailguard.invalid")
    message.set_content(f"{subject}\n\n(mailguard demo mail)\n")
    return message
