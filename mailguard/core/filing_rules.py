"""Filing rules: "mail from X in INBOX goes to Y", run through the same gate as any folder edit.

A rule only chooses messages; moving them is a journaled FolderOperation, so
a rule never touches the server while a maintenance window is near.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mailguard.core.errors import UsageError

_CONDITIONS = ("sender_contains", "recipient_contains", "subject_contains")


@dataclass(frozen=True, slots=True)
class FilingRule:
    """Messages in ``folder`` whose headers contain every given text go to ``target``.

    Matching is a case-insensitive substring test on the decoded header text
    (RFC 2047 words decoded), so ``"rechnung"`` matches ``"Ihre Rechnung"``.
    """

    name: str
    folder: str
    target: str
    sender_contains: str | None = None
    recipient_contains: str | None = None  # matched against To and Cc
    subject_contains: str | None = None

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise UsageError("a filing rule needs a name")
        if not self.folder or not self.target:
            raise UsageError(f"filing rule {self.name!r} needs a source and a target folder")
        if self.folder == self.target:
            raise UsageError(f"filing rule {self.name!r} would move mail into its own folder")
        for key, wanted in zip(_CONDITIONS, self._conditions(), strict=True):
            if wanted is not None and not wanted.strip():
                raise UsageError(f"filing rule {self.name!r}: {key!r} is empty")
        if not any(self._conditions()):
            raise UsageError(
                f"filing rule {self.name!r} needs at least one condition "
                "(sender, recipient or subject); without one it would move every message"
            )

    def matches(self, from_: str, to: str, subject: str) -> bool:
        """True when every condition the rule has is found in the matching header."""
        for wanted, value in zip(self._conditions(), (from_, to, subject), strict=True):
            if wanted is not None and wanted.casefold() not in value.casefold():
                return False
        return True

    def _conditions(self) -> tuple[str | None, str | None, str | None]:
        return (self.sender_contains, self.recipient_contains, self.subject_contains)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "folder": self.folder,
            "target": self.target,
            "sender_contains": self.sender_contains,
            "recipient_contains": self.recipient_contains,
            "subject_contains": self.subject_contains,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> FilingRule:
        """The inverse of :meth:`to_json`; malformed data is a one-line UsageError."""
        name = data.get("name")
        label = repr(name) if isinstance(name, str) else "without a name"
        texts: dict[str, str] = {}
        for key in ("name", "folder", "target"):
            value = data.get(key)
            if not isinstance(value, str):
                raise UsageError(f"filing rule {label}: {key!r} must be text")
            texts[key] = value
        conditions: dict[str, str | None] = {}
        for key in _CONDITIONS:
            value = data.get(key)
            if value is not None and not isinstance(value, str):
                raise UsageError(f"filing rule {label}: {key!r} must be text or absent")
            conditions[key] = value
        return cls(
            name=texts["name"],
            folder=texts["folder"],
            target=texts["target"],
            sender_contains=conditions["sender_contains"],
            recipient_contains=conditions["recipient_contains"],
            subject_contains=conditions["subject_contains"],
        )
