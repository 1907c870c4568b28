"""Maintenance windows from notices the provider mailed into the guarded mailbox."""

from __future__ import annotations

from datetime import datetime, tzinfo

from mailguard.core.account import AccountConfig
from mailguard.core.model import MaintenanceWindow
from mailguard.core.schedule_source import ScheduleSource
from mailguard.service.imap_access import ImapAccess
from mailguard.sources.base import ParseContext


class MailboxSchedule:
    """Reads ``mailbox:FOLDER`` sources: each notice through the announcement reader."""

    def __init__(self, imap: ImapAccess) -> None:
        self._imap = imap

    def windows(
        self,
        account: AccountConfig,
        source: ScheduleSource,
        zone: tzinfo,
        *,
        now: datetime,
        span: tuple[datetime, datetime],
    ) -> tuple[list[MaintenanceWindow], list[str]]:
        """The windows the notices name, and the reader's warnings."""
        # Deferred: importing the prose grammar, the notice reader and the HTML reader
        # cost 45-70 ms (python -X importtime) of each snapshot/resync, needed only
        # by an account with a mailbox: source.
        from mailguard.imap.announcement_mail import read_notices  # noqa: PLC0415
        from mailguard.sources.announcement import read_announcement  # noqa: PLC0415
        from mailguard.sources.htmltext import html_to_text, looks_like_html  # noqa: PLC0415

        with self._imap.connect(account) as client:
            notices = read_notices(client, source.mailbox_folder, source.from_address or "")
        found: list[MaintenanceWindow] = []
        warnings: list[str] = []
        for notice in notices:
            ctx = ParseContext(
                source=source.location,
                zone=zone,
                now=now,
                horizon_start=span[0],
                horizon_end=span[1],
                anchor=notice.sent_at,
                zone_guessed=source.zone is None,
            )
            text = html_to_text(notice.text) if looks_like_html(notice.text) else notice.text
            result = read_announcement(
                text,
                ctx,
                title=notice.subject,
                native_id=notice.message_id,
                kind="mailbox",
                published=notice.sent_at,
                updated_at=notice.sent_at,
            )
            found.extend(result.windows)
            warnings.extend(f"{source.location}: {w}" for w in result.warnings)
        return found, warnings
