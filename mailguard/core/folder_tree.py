"""An account's folders as a tree: IMAP lists full names, the hierarchy lives in the delimiter.

A level of the hierarchy the server lists as no folder of its own (``\\Noselect``,
or left out) still appears, without a count, so its subfolders have a parent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol


class ListedFolder(Protocol):
    """One folder as the server lists it (``imap.server_view.FolderEntry``)."""

    @property
    def name(self) -> str: ...

    @property
    def delimiter(self) -> str | None: ...

    @property
    def messages(self) -> int: ...


@dataclass(frozen=True, slots=True)
class FolderNode:
    label: str  # the last level of the name: "2026" in "Archive/2026"
    path: str  # the full name the server knows it by
    messages: int | None  # None: a level of the hierarchy, not a folder to act on
    children: tuple[FolderNode, ...] = ()

    @property
    def is_folder(self) -> bool:
        return self.messages is not None


@dataclass(slots=True)
class _Level:
    path: str
    messages: int | None = None
    children: dict[str, _Level] = field(default_factory=dict)


def folder_tree(folders: Iterable[ListedFolder]) -> tuple[FolderNode, ...]:
    """The top-level nodes, INBOX first, then by name regardless of case (children too)."""
    root = _Level("")
    for folder in folders:
        parts = folder.name.split(folder.delimiter) if folder.delimiter else [folder.name]
        level = root
        for depth, part in enumerate(parts):
            path = folder.delimiter.join(parts[: depth + 1]) if folder.delimiter else folder.name
            level = level.children.setdefault(part, _Level(path))
        level.messages = folder.messages
    return _nodes(root)


def _nodes(level: _Level) -> tuple[FolderNode, ...]:
    ordered = sorted(level.children.items(), key=lambda item: _order(item[1].path))
    return tuple(
        FolderNode(label or child.path, child.path, child.messages, _nodes(child))
        for label, child in ordered
    )


def _order(path: str) -> tuple[bool, str]:
    return (path.upper() != "INBOX", path.casefold())
