"""One schedule source an account follows, with how to read it.

A plain location (a URL or a file) is enough for most; a source may also
force its format, name the zone its times are in, keep only some components,
or, for ``mailbox:FOLDER``, say which sender's notices to read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mailguard.core.errors import UsageError

MAILBOX_PREFIX = "mailbox:"


@dataclass(frozen=True, slots=True)
class ScheduleSource:
    location: str
    kind: str = "auto"
    zone: str | None = None  # IANA name or offset; None: the desktop's zone
    components: tuple[str, ...] = ()
    from_address: str | None = None  # mailbox sources: only mail from this sender

    def __post_init__(self) -> None:
        if not self.location.strip():
            raise UsageError("a schedule source needs a location")
        if self.is_mailbox:
            if not self.mailbox_folder:
                raise UsageError(f"{self.location!r} names no folder (use mailbox:INBOX)")
            if not self.from_address:
                raise UsageError(
                    f"{self.location!r} needs --from-address: only the provider's own "
                    "notices are read, not every mail in the folder"
                )
        elif self.from_address:
            raise UsageError("--from-address only applies to mailbox: sources")

    @property
    def is_mailbox(self) -> bool:
        return self.location.startswith(MAILBOX_PREFIX)

    @property
    def mailbox_folder(self) -> str:
        return self.location[len(MAILBOX_PREFIX) :] if self.is_mailbox else ""

    @property
    def is_plain(self) -> bool:
        """Nothing but a location: stored as a bare string, as older versions did."""
        return (self.kind, self.zone, self.components, self.from_address) == (
            "auto",
            None,
            (),
            None,
        )

    def to_json(self) -> str | dict[str, object]:
        if self.is_plain:
            return self.location
        return {
            "location": self.location,
            "kind": self.kind,
            "tz": self.zone,
            "components": list(self.components),
            "from_address": self.from_address,
        }

    @classmethod
    def from_json(cls, data: object) -> ScheduleSource:
        """A bare string (older files) or the object :meth:`to_json` writes."""
        if isinstance(data, str):
            return cls(data)
        if not isinstance(data, Mapping) or not isinstance(data.get("location"), str):
            raise UsageError("a schedule source must be a location or an object with one")
        components = data.get("components") or []
        zone, sender = data.get("tz"), data.get("from_address")
        return cls(
            location=str(data["location"]),
            kind=str(data.get("kind") or "auto"),
            zone=str(zone) if zone else None,
            components=tuple(str(c) for c in components) if isinstance(components, list) else (),
            from_address=str(sender) if sender else None,
        )
