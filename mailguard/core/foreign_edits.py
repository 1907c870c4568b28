"""Folder edits made by someone else (another mail program, the webmail) during a window.

Providers warn that editing folders during maintenance can lose mail, yet a
phone's mail app may rename or file mail while mailguard holds back. Two cheap
censuses (one STATUS per folder) taken a minute apart are compared here, and
what changed is said plainly, with "probably" wherever counts alone cannot
prove it: a census has no message identities.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple, TypeAlias

from mailguard.core.mailstate import AccountSnapshot

WHY_IT_MATTERS = "the provider warns that editing folders during maintenance can lose mail"


class FolderStatus(NamedTuple):
    """One folder's IMAP STATUS: enough to notice edits, cheap enough to poll (RFC 3501 6.3.10).

    ``highestmodseq`` (CONDSTORE, RFC 7162 3.1.2.1) grows with every change to a
    message's flags, so it shows flag changes that leave the counts as they were.
    """

    uidvalidity: int
    messages: int
    uidnext: int
    highestmodseq: int | None = None


#: Folder name → its status, for every selectable folder at one moment.
FolderCensus: TypeAlias = Mapping[str, FolderStatus]


class EditKind(StrEnum):
    CREATED = "created"
    DELETED = "deleted"
    RENAMED = "renamed"  # one folder vanished, one appeared with the same message count
    MOVED = "moved"  # one folder lost exactly as many messages as another gained
    LEFT = "left"  # messages left a folder for nowhere we can see
    APPEARED = "appeared"  # messages arrived where new mail does not explain them
    RESET = "reset"  # UIDVALIDITY changed: the server rebuilt the folder
    FLAGS = "flags"  # same messages, but HIGHESTMODSEQ moved: flags were changed


@dataclass(frozen=True, slots=True)
class ForeignEdit:
    """One change the census shows; ``other`` is the new name or the receiving folder."""

    kind: EditKind
    folder: str
    other: str | None = None
    count: int = 0

    def describe(self) -> str:
        """One line for the user: what changed, and why it matters."""
        return f"{self._what()}; {WHY_IT_MATTERS}"

    def _what(self) -> str:
        folder, other, count = self.folder, self.other, self.count
        messages = f"{count} message" + ("" if count == 1 else "s")
        if self.kind is EditKind.CREATED:
            return f"another program created the folder {folder!r}"
        if self.kind is EditKind.DELETED:
            return f"the folder {folder!r} was deleted by another program"
        if self.kind is EditKind.RENAMED:
            return f"the folder {folder!r} was probably renamed to {other!r} by another program"
        if self.kind is EditKind.MOVED:
            return f"{messages} probably moved from {folder!r} to {other!r}"
        if self.kind is EditKind.LEFT:
            return f"{messages} left {folder!r} (deleted, or moved by another program)"
        if self.kind is EditKind.APPEARED:
            return f"{messages} appeared in {folder!r} (moved there by another program?)"
        if self.kind is EditKind.FLAGS:
            return (
                f"another program changed flags of messages in {folder!r} "
                "(read, flagged or marked for deletion)"
            )
        return f"the server rebuilt the folder {folder!r}: its message numbers (UIDs) changed"


def census_from_snapshot(snapshot: AccountSnapshot) -> dict[str, FolderStatus]:
    """The census a snapshot implies, so the first poll compares against the last snapshot."""
    return {
        name: FolderStatus(
            folder.uidvalidity, folder.message_count, folder.uidnext, folder.highestmodseq
        )
        for name, folder in snapshot.folders.items()
    }


def detect_foreign_edits(
    before: FolderCensus,
    after: FolderCensus,
    *,
    new_mail_folders: Collection[str] = ("INBOX",),
) -> list[ForeignEdit]:
    """What changed between two censuses, folders first, then messages.

    Growth in ``new_mail_folders`` (where the provider delivers) is ordinary
    new mail and is not reported unless another folder shrank by exactly as
    much. Counts cannot tell a move from a delete plus a delivery; the wording
    says "probably" where that matters.
    """
    delivered = {_canonical(name) for name in new_mail_folders}
    vanished = sorted(set(before) - set(after))
    appeared = sorted(set(after) - set(before))
    renames = _pair_renames(vanished, appeared, before, after)
    edits = [ForeignEdit(EditKind.RENAMED, old, new) for old, new in renames]
    renamed_old = {old for old, _ in renames}
    renamed_new = {new for _, new in renames}
    edits += [ForeignEdit(EditKind.DELETED, name) for name in vanished if name not in renamed_old]
    edits += [ForeignEdit(EditKind.CREATED, name) for name in appeared if name not in renamed_new]

    shrunk: dict[str, int] = {}
    grown: dict[str, int] = {}
    for name in sorted(set(before) & set(after)):
        old, new = before[name], after[name]
        if old.uidvalidity != new.uidvalidity:
            edits.append(ForeignEdit(EditKind.RESET, name))
        elif new.messages < old.messages:
            shrunk[name] = old.messages - new.messages
        elif new.messages > old.messages:
            grown[name] = new.messages - old.messages
        elif new.uidnext == old.uidnext and _flags_changed(old, new):
            edits.append(ForeignEdit(EditKind.FLAGS, name))

    for source, target, count in _pair_moves(shrunk, grown):
        edits.append(ForeignEdit(EditKind.MOVED, source, target, count))
        del shrunk[source], grown[target]
    edits += [ForeignEdit(EditKind.LEFT, name, count=n) for name, n in shrunk.items()]
    edits += [
        ForeignEdit(EditKind.APPEARED, name, count=n)
        for name, n in grown.items()
        if _canonical(name) not in delivered
    ]
    return edits


def _pair_renames(
    vanished: list[str], appeared: list[str], before: FolderCensus, after: FolderCensus
) -> list[tuple[str, str]]:
    """Pair each vanished folder with the one appeared folder that looks like it renamed.

    Alike means: the very same status under a new name (servers such as Dovecot
    keep UIDVALIDITY and UIDNEXT on RENAME), or at least as many messages, when
    there are any; two empty folders prove nothing. Among several candidates only
    an identical one counts. Anything still ambiguous stays a delete plus a
    create: honest, if less tidy.
    """
    pairs: list[tuple[str, str]] = []
    free = list(appeared)
    for old in vanished:
        was = before[old]
        same = [new for new in free if after[new] == was]
        alike = same or [new for new in free if after[new].messages == was.messages > 0]
        if len(alike) == 1:
            pairs.append((old, alike[0]))
            free.remove(alike[0])
    return pairs


def _pair_moves(shrunk: Mapping[str, int], grown: Mapping[str, int]) -> list[tuple[str, str, int]]:
    """Pair a folder that lost n messages with one that gained n, when no other lost or gained n."""
    moves: list[tuple[str, str, int]] = []
    for source, count in shrunk.items():
        sources = [name for name, n in shrunk.items() if n == count]
        targets = [name for name, n in grown.items() if n == count]
        if len(sources) == 1 and len(targets) == 1:
            moves.append((source, targets[0], count))
    return moves


def _flags_changed(old: FolderStatus, new: FolderStatus) -> bool:
    """Only a server with CONDSTORE says; where either census lacks it, nothing is claimed."""
    if old.highestmodseq is None or new.highestmodseq is None:
        return False
    return new.highestmodseq > old.highestmodseq


def _canonical(name: str) -> str:
    """INBOX is case-insensitive (RFC 3501 5.1); every other name is compared as is."""
    return "INBOX" if name.upper() == "INBOX" else name
