"""The folder tree: full names split by their delimiter, missing levels filled in, INBOX first."""

from __future__ import annotations

import pytest

from mailguard.core.folder_tree import FolderNode, folder_tree
from mailguard.imap.server_view import FolderEntry


def shape(nodes: tuple[FolderNode, ...]) -> list[object]:
    """``label(count)`` per node, a list of its children after it when it has some."""
    out: list[object] = []
    for node in nodes:
        out.append(f"{node.label}({'-' if node.messages is None else node.messages})")
        if node.children:
            out.append(shape(node.children))
    return out


@pytest.mark.parametrize(
    ("listed", "expected"),
    [
        ([], []),
        (
            [("Sent", "/", 2), ("INBOX", "/", 5), ("archive", "/", 0)],
            ["INBOX(5)", "archive(0)", "Sent(2)"],
        ),
        (
            [("Archive", "/", 1), ("Archive/2026", "/", 3), ("Archive/2025", "/", 4)],
            ["Archive(1)", ["2025(4)", "2026(3)"]],
        ),
        # a level the server does not list as a folder (\Noselect): shown, without a count
        ([("Projects/Alpha/Notes", "/", 7)], ["Projects(-)", ["Alpha(-)", ["Notes(7)"]]]),
        # Dovecot's Maildir++ and many servers use "."
        ([("INBOX", ".", 1), ("INBOX.Bills", ".", 2)], ["INBOX(1)", ["Bills(2)"]]),
        # a server without hierarchy: names are flat, slashes included
        ([("a/b", None, 1)], ["a/b(1)"]),
    ],
)
def test_folders_become_a_tree_by_their_delimiter(
    listed: list[tuple[str, str | None, int]], expected: list[object]
) -> None:
    assert shape(folder_tree(FolderEntry(*row) for row in listed)) == expected


def test_every_node_keeps_the_full_name_the_server_knows_it_by() -> None:
    (archive,) = folder_tree([FolderEntry("Archive/2026", "/", 3)])
    assert (archive.path, archive.is_folder) == ("Archive", False)
    assert (archive.children[0].path, archive.children[0].is_folder) == ("Archive/2026", True)
