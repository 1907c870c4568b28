"""Comparing the mailbox now with the baseline: what came late, what went missing, what moved.

Messages are matched by identity (Message-ID, else size + date + subject), never
by UID alone: UIDs change when a server is moved (new UIDVALIDITY) or a message
is moved, and both happen around maintenance. A message seen several times
(the same Message-ID in two folders) is matched copy by copy: first within the
same folder, then across folders (a move); copies left over are counted.

Folder renames are recognised before messages are matched, so the messages of
a renamed folder compare with their old selves and show up nowhere else:

- a folder that vanished and one that appeared are a rename when more than half
  of the larger one's messages are the same (by identity);
- two empty folders are a rename only when UIDVALIDITY and UIDNEXT agree
  (servers keep both across RENAME; there are no messages to compare);
- the best-matching pairs win, each folder is paired at most once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from mailguard.core.guard_policy import GuardPolicy
from mailguard.core.mailstate import AccountSnapshot, FolderState, MessageRecord
from mailguard.core.message_map import messages_with_identities, records_among, touched_since
from mailguard.core.model import MaintenanceWindow
from mailguard.core.refresh_report import (
    BackfilledMail,
    BackfillReason,
    CopyChange,
    FlagChange,
    FolderChanges,
    FolderRename,
    MailEntry,
    MovedMail,
    RefreshReport,
    effective_date,
)

#: Session state, not message state: a fresh session sees it, the next does not (RFC 3501).
RECENT = "\\Recent"

_SYSTEM_FLAGS = {
    f.lower(): f for f in ("\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft")
}

#: Folder names clients use for sent mail, for servers without SPECIAL-USE (RFC 6154).
_SENT_NAMES = frozenset(
    {"sent", "sent items", "sent messages", "sent mail", "gesendet", "gesendete objekte"}
)


def message_date(record: MessageRecord, now: datetime) -> datetime:
    """When ``record`` should have arrived: see :func:`effective_date`."""
    return effective_date(record.internaldate, record.date, now)


def comparable_flags(flags: Iterable[str]) -> frozenset[str]:
    """Flags with ``\\Recent`` dropped and system flags in one spelling (they are case-blind)."""
    return frozenset(_SYSTEM_FLAGS.get(f.lower(), f) for f in flags if f.lower() != "\\recent")


def diff_snapshots(
    baseline: AccountSnapshot,
    current: AccountSnapshot,
    *,
    window: MaintenanceWindow | None,
    now: datetime,
    full: bool = False,
    safety_margin: timedelta | None = None,
) -> RefreshReport:
    """What changed from ``baseline`` to ``current``; ``window`` is the maintenance it is about.

    A report made before ``window`` ended plus ``safety_margin`` (the guard's
    default without one) is preliminary.
    """
    renames = match_renamed_folders(baseline.folders, current.folders)
    folder_map = {
        name: name if name in current.folders else renames.get(name) for name in baseline.folders
    }
    builder = _ReportBuilder(
        baseline=baseline,
        current=current,
        window=window,
        now=now,
        sent_folders=sent_folders(current.folders.values()),
    )
    unchanged, base_by_identity, current_by_identity, sparse = _split_unchanged(
        baseline, current, folder_map
    )
    if base_by_identity or current_by_identity:
        # Copies that stayed put still decide whether a message is missing or a copy
        # went, so the messages with other changes are matched with all their copies.
        involved = base_by_identity.keys() | current_by_identity.keys()
        still_unchanged = []
        for stay in unchanged:
            folder_before, before, folder_after, after = stay
            identity = before.identity()
            if identity in involved:
                base_by_identity[identity].append(_Seen(folder_before, before))
                current_by_identity[identity].append(_Seen(folder_after, after))
            else:
                still_unchanged.append(stay)
        unchanged = still_unchanged
        for name, (now_name, touched) in sparse.items():
            # Copies nobody touched are not in ``unchanged``: ask the folder for them.
            copies = messages_with_identities(baseline.folders[name].messages, involved)
            for uid, record in copies.items():
                if uid not in touched:
                    base_by_identity[record.identity()].append(_Seen(name, record))
                    current_by_identity[record.identity()].append(_Seen(now_name, record))
    for folder_before, before, folder_after, after in unchanged:
        if before is not after and before.flags != after.flags:
            builder.compare_flags(_Seen(folder_before, before), _Seen(folder_after, after))
    for identity in base_by_identity.keys() | current_by_identity.keys():
        builder.match(
            base_by_identity.get(identity, []),
            current_by_identity.get(identity, []),
            folder_map,
        )
    builder.add_sent_during_window()

    common = baseline.folders.keys() & current.folders.keys()
    folders = FolderChanges(
        added=tuple(
            sorted(current.folders.keys() - baseline.folders.keys() - set(renames.values()))
        ),
        removed=tuple(sorted(baseline.folders.keys() - current.folders.keys() - renames.keys())),
        renamed=tuple(FolderRename(old, new) for old, new in sorted(renames.items())),
        uidvalidity_changed=tuple(
            sorted(
                n
                for n in common
                if baseline.folders[n].uidvalidity != current.folders[n].uidvalidity
            )
        ),
    )
    margin = GuardPolicy().safety_margin if safety_margin is None else safety_margin
    settled = window.end + margin if window is not None else None
    preliminary_until = settled if settled is not None and now < settled else None
    return builder.build(folders, full=full, preliminary_until=preliminary_until)


def match_renamed_folders(
    before: Mapping[str, FolderState], after: Mapping[str, FolderState]
) -> dict[str, str]:
    """Old name → new name for each vanished folder that reappeared under another name."""
    gone = [name for name in before if name not in after]
    came = [name for name in after if name not in before]
    if not gone or not came:
        return {}
    came_counts = {name: _identity_counts(after[name]) for name in came}
    candidates: list[tuple[float, str, str]] = []
    for old in gone:
        old_counts = _identity_counts(before[old])
        for new in came:
            score = _rename_score(before[old], old_counts, after[new], came_counts[new])
            if score is not None:
                candidates.append((-score, old, new))
    renames: dict[str, str] = {}
    taken: set[str] = set()
    for _score, old, new in sorted(candidates):
        if old not in renames and new not in taken:
            renames[old] = new
            taken.add(new)
    return renames


def sent_folders(folders: Iterable[FolderState]) -> frozenset[str]:
    """Folders marked ``\\Sent``; by the usual names only when the server marks none."""
    folders = list(folders)
    marked = {f.name for f in folders if any(u.lower() == "\\sent" for u in f.special_use)}
    if marked:
        return frozenset(marked)
    return frozenset(f.name for f in folders if _leaf(f).casefold() in _SENT_NAMES)


def _leaf(folder: FolderState) -> str:
    if folder.delimiter:
        return folder.name.rsplit(folder.delimiter, 1)[-1]
    return folder.name


def _identity_counts(folder: FolderState) -> Counter[str]:
    return Counter(record.identity() for record in folder.messages.values())


def _rename_score(
    old: FolderState, old_counts: Counter[str], new: FolderState, new_counts: Counter[str]
) -> float | None:
    larger = max(old.message_count, new.message_count)
    same_bookkeeping = old.uidvalidity == new.uidvalidity and old.uidnext == new.uidnext
    if larger == 0:
        return 1.0 if same_bookkeeping else None
    overlap = sum((old_counts & new_counts).values())
    if overlap * 2 <= larger:
        return None
    # Agreeing UIDVALIDITY breaks ties between equally similar candidates.
    return overlap / larger + (0.001 if old.uidvalidity == new.uidvalidity else 0.0)


@dataclass(frozen=True, slots=True)
class _Seen:
    """One copy of a message: the folder it is in and its record there."""

    folder: str
    record: MessageRecord

    def key(self) -> tuple[str, int]:
        return (self.folder, self.record.uid)


#: A message under the same UID in the same folder (or its renamed self) as before:
#: (folder before, record before, folder now, record now). A plain tuple, as a
#: big diff makes 100,000 of them.
_Stay = tuple[str, MessageRecord, str, MessageRecord]


def _split_unchanged(
    baseline: AccountSnapshot, current: AccountSnapshot, folder_map: dict[str, str | None]
) -> tuple[list[_Stay], dict[str, list[_Seen]], dict[str, list[_Seen]], dict[str, _Sparse]]:
    """Messages still under their UID in their folder, and the rest grouped by identity.

    The fast path for the usual case (a few changes among 100,000 messages): a
    UID in an unchanged UIDVALIDITY names the same message, so only its flags
    can differ, and nothing needs matching by identity. Where the folder now is
    its baseline plus known changes (an incremental refresh from that very
    baseline), only the changed UIDs are looked at; those folders are returned
    as ``sparse`` (baseline name → current name and the UIDs looked at), and
    their untouched messages are neither in ``unchanged`` nor in the groups.
    Elsewhere the IMAP reader keeps the very record objects of messages it did
    not re-read, so ``is`` mostly settles it without computing an identity.
    """
    unchanged: list[_Stay] = []
    base_rest: dict[str, list[_Seen]] = defaultdict(list)
    current_rest: dict[str, list[_Seen]] = defaultdict(list)
    stayed: dict[str, set[int]] = defaultdict(set)
    sparse: dict[str, _Sparse] = {}
    for name, folder in baseline.folders.items():
        target = folder_map.get(name)
        now = current.folders.get(target) if target else None
        if now is None or now.uidvalidity != folder.uidvalidity:
            for record in folder.messages.values():
                base_rest[record.identity()].append(_Seen(name, record))
            continue
        kept = stayed[now.name]
        touched = touched_since(folder.messages, now.messages)
        pairs: Iterable[tuple[int, MessageRecord]]
        if touched is not None:
            sparse[name] = (now.name, touched)
            pairs = records_among(folder.messages, touched).items()
        else:
            pairs = folder.messages.items()
        for uid, record in pairs:
            partner = now.messages.get(uid)
            if partner is not None and (
                partner is record or partner.identity() == record.identity()
            ):
                unchanged.append((name, record, now.name, partner))
                kept.add(uid)
            else:
                base_rest[record.identity()].append(_Seen(name, record))
    sparse_now = dict(sparse.values())
    for name, folder in current.folders.items():
        kept = stayed.get(name, set())
        touched = sparse_now.get(name)
        arrived: Iterable[tuple[int, MessageRecord]]
        if touched is not None:
            arrived = records_among(folder.messages, touched - kept).items()
        else:
            arrived = ((uid, r) for uid, r in folder.messages.items() if uid not in kept)
        for _uid, record in arrived:
            current_rest[record.identity()].append(_Seen(name, record))
    return unchanged, base_rest, current_rest, sparse


#: A folder compared by its changes only: its name now, and the UIDs that may differ.
_Sparse = tuple[str, set[int]]


@dataclass(slots=True)
class _ReportBuilder:
    baseline: AccountSnapshot
    current: AccountSnapshot
    window: MaintenanceWindow | None
    now: datetime
    sent_folders: frozenset[str]
    backfilled: list[BackfilledMail] = field(default_factory=list)
    new: list[MailEntry] = field(default_factory=list)
    missing: list[MailEntry] = field(default_factory=list)
    moved: list[MovedMail] = field(default_factory=list)
    flags_changed: list[FlagChange] = field(default_factory=list)
    sent_during_window: list[MailEntry] = field(default_factory=list)
    copies_added: list[CopyChange] = field(default_factory=list)
    copies_removed: list[CopyChange] = field(default_factory=list)

    def match(
        self, before: list[_Seen], after: list[_Seen], folder_map: dict[str, str | None]
    ) -> None:
        """Pair the copies of one message: same folder first, then across folders (moves)."""
        waiting: dict[str, list[_Seen]] = defaultdict(list)
        for seen in sorted(after, key=_Seen.key):
            waiting[seen.folder].append(seen)
        left_before = self._pair_in_place(sorted(before, key=_Seen.key), folder_map, waiting)
        left_after = sorted((s for group in waiting.values() for s in group), key=_Seen.key)

        for old, now_at in zip(left_before, left_after, strict=False):
            self.moved.append(MovedMail(self._entry(now_at), *old.key()))
            self.compare_flags(old, now_at)
        pairs = min(len(left_before), len(left_after))

        for old in left_before[pairs:]:
            if after:
                elsewhere = tuple(sorted({s.folder for s in after}))
                self.copies_removed.append(CopyChange(self._entry(old), elsewhere))
            else:
                self.missing.append(self._entry(old))
        for arrived in left_after[pairs:]:
            if before:
                others = tuple(sorted({s.folder for s in after if s is not arrived}))
                self.copies_added.append(CopyChange(self._entry(arrived), others))
            elif not self._sent_during_window(arrived):
                self._classify_arrival(arrived)

    def _pair_in_place(
        self,
        before: list[_Seen],
        folder_map: dict[str, str | None],
        waiting: dict[str, list[_Seen]],
    ) -> list[_Seen]:
        """Pair copies that stayed in their folder (taking ``waiting``); return the rest.

        Where UIDVALIDITY is unchanged the copy with the same UID is the partner;
        otherwise (or for extra copies) a copy in the same folder, one with the
        same flags first, so renumbered duplicates do not look like flag changes.
        """
        unpaired: list[_Seen] = []
        for old in before:
            target = folder_map.get(old.folder)
            candidates = waiting.get(target) if target else None
            partner = None
            if candidates and self._same_uids(old.folder, target):
                partner = next((c for c in candidates if c.record.uid == old.record.uid), None)
            if partner is None:
                unpaired.append(old)
            else:
                self._take(waiting, partner)
                self.compare_flags(old, partner)
        left: list[_Seen] = []
        for old in unpaired:
            target = folder_map.get(old.folder)
            candidates = waiting.get(target) if target else None
            if candidates:
                flags = comparable_flags(old.record.flags)
                partner = next(
                    (c for c in candidates if comparable_flags(c.record.flags) == flags),
                    candidates[0],
                )
                self._take(waiting, partner)
                self.compare_flags(old, partner)
            else:
                left.append(old)
        return left

    @staticmethod
    def _take(waiting: dict[str, list[_Seen]], seen: _Seen) -> None:
        waiting[seen.folder].remove(seen)

    def _same_uids(self, old_folder: str, new_folder: str | None) -> bool:
        if new_folder is None:
            return False
        old_validity = self.baseline.folders[old_folder].uidvalidity
        return old_validity == self.current.folders[new_folder].uidvalidity

    def compare_flags(self, old: _Seen, new: _Seen) -> None:
        before = comparable_flags(old.record.flags)
        after = comparable_flags(new.record.flags)
        if before != after:
            self.flags_changed.append(FlagChange(self._entry(new), before, after))

    def _entry(self, seen: _Seen) -> MailEntry:
        return MailEntry.of(seen.folder, seen.record, self.now)

    def _classify_arrival(self, arrived: _Seen) -> None:
        entry = self._entry(arrived)
        dated = message_date(arrived.record, self.now)
        if self._in_window(dated):
            self.backfilled.append(BackfilledMail(entry, BackfillReason.DURING_WINDOW))
        elif dated < _whole_second(self.baseline.taken_at):
            self.backfilled.append(BackfilledMail(entry, BackfillReason.BEFORE_BASELINE))
        else:
            self.new.append(entry)

    def _in_window(self, moment: datetime) -> bool:
        return self.window is not None and self.window.start <= moment <= self.window.end

    def _sent_during_window(self, seen: _Seen) -> bool:
        return seen.folder in self.sent_folders and self._in_window(
            message_date(seen.record, self.now)
        )

    def add_sent_during_window(self) -> None:
        """Everything in the Sent folder dated inside the window, whether or not it is new."""
        if self.window is None:
            return
        for name in self.sent_folders:
            for record in self.current.folders[name].messages.values():
                if self._in_window(message_date(record, self.now)):
                    self.sent_during_window.append(MailEntry.of(name, record, self.now))

    def build(
        self, folders: FolderChanges, *, full: bool, preliminary_until: datetime | None
    ) -> RefreshReport:
        return RefreshReport(
            account=self.current.account,
            created_at=self.now,
            baseline_taken_at=self.baseline.taken_at,
            window=self.window,
            full=full,
            backfilled=tuple(sorted(self.backfilled, key=lambda e: e.mail.sort_key())),
            new=_sorted(self.new),
            missing=_sorted(self.missing),
            moved=tuple(sorted(self.moved, key=lambda e: e.mail.sort_key())),
            flags_changed=tuple(sorted(self.flags_changed, key=lambda e: e.mail.sort_key())),
            folders=folders,
            sent_during_window=_sorted(self.sent_during_window),
            copies_added=tuple(sorted(self.copies_added, key=lambda e: e.mail.sort_key())),
            copies_removed=tuple(sorted(self.copies_removed, key=lambda e: e.mail.sort_key())),
            preliminary_until=preliminary_until,
        )


def _whole_second(moment: datetime) -> datetime:
    """IMAP and RFC 5322 dates have whole seconds: mail dated in the baseline's own second
    may have come just after it, so only earlier seconds count as before the baseline."""
    return moment.replace(microsecond=0)


def _sorted(entries: Iterable[MailEntry]) -> tuple[MailEntry, ...]:
    return tuple(sorted(entries, key=MailEntry.sort_key))
