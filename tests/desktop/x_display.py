"""What the X server shows: the system tray's owner, embedded icons, a program's windows.

Asked of the X server itself (python-xlib), not of the program: an icon is
"in the tray" when the server has a window of the program's process
(``_NET_WM_PID``) inside a window of the client that owns the tray selection
``_NET_SYSTEM_TRAY_S0`` (the XEmbed system tray protocol).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import TracebackType

from Xlib import X, Xatom, display, error
from Xlib.xobject.drawable import Window

TRAY_SELECTION = "_NET_SYSTEM_TRAY_S0"


@dataclass(frozen=True, slots=True)
class ShownWindow:
    """A window of a program as the server has it."""

    id: int
    pid: int
    title: str
    mapped: bool
    embedded: bool  # inside the tray owner's window (an icon in the tray)
    popup: bool  # override-redirect: a menu or tooltip, placed by the program itself
    width: int
    height: int


class XDisplay:
    """One connection to the X server ``name`` (``:N``)."""

    def __init__(self, name: str) -> None:
        self._display = display.Display(name)
        self._root = self._display.screen().root
        self._pid_atom = self._display.intern_atom("_NET_WM_PID")
        self._name_atom = self._display.intern_atom("_NET_WM_NAME")
        self._tray_atom = self._display.intern_atom(TRAY_SELECTION)
        self._id_mask = self._display.display.info.resource_id_mask

    def close(self) -> None:
        self._display.close()

    def __enter__(self) -> XDisplay:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def tray_owner(self) -> int:
        """The window owning the system tray selection, 0 while there is no tray."""
        owner = self._display.get_selection_owner(self._tray_atom)
        return 0 if owner in (X.NONE, 0) else int(owner.id)

    def set_root_cardinal(self, name: str, value: int) -> None:
        """Set a CARDINAL property on the root window (EWMH hints a panel waits for)."""
        atom = self._display.intern_atom(name)
        self._root.change_property(atom, Xatom.CARDINAL, 32, [value])
        self._display.sync()

    def windows_of(self, pid: int) -> list[ShownWindow]:
        """Every window of process ``pid`` (by ``_NET_WM_PID``), tray icons marked."""
        owner = self.tray_owner()
        found = []
        for window, ancestors in self._walk(self._root, ()):
            shown = self._describe(window, ancestors, owner)
            if shown is not None and shown.pid == pid:
                found.append(shown)
        return found

    def tray_icons_of(self, pid: int) -> list[ShownWindow]:
        """The process's windows embedded and mapped in the system tray."""
        return [w for w in self.windows_of(pid) if w.embedded and w.mapped]

    def shown_titles(self, pid: int) -> list[str]:
        """Titles of the process's windows on screen: neither tray icons nor popup menus."""
        return [w.title for w in self.windows_of(pid) if w.mapped and not (w.embedded or w.popup)]

    def _walk(
        self, window: Window, ancestors: tuple[int, ...]
    ) -> Iterator[tuple[Window, tuple[int, ...]]]:
        try:
            children = window.query_tree().children
        except error.BadWindow:  # gone meanwhile
            return
        for child in children:
            yield child, ancestors
            yield from self._walk(child, (*ancestors, child.id))

    def _describe(
        self, window: Window, ancestors: tuple[int, ...], tray_owner: int
    ) -> ShownWindow | None:
        try:
            pid = window.get_full_property(self._pid_atom, X.AnyPropertyType)
            if pid is None:
                return None
            title = window.get_full_property(self._name_atom, X.AnyPropertyType)
            attributes = window.get_attributes()
            geometry = window.get_geometry()
        except error.BadWindow:
            return None
        owner_client = tray_owner & ~self._id_mask
        embedded = bool(tray_owner) and any(a & ~self._id_mask == owner_client for a in ancestors)
        text = title.value.decode("utf-8", "replace") if title is not None else ""
        return ShownWindow(
            int(window.id), int(pid.value[0]), text, attributes.map_state == X.IsViewable,
            embedded, bool(attributes.override_redirect), geometry.width, geometry.height,
        )  # fmt: skip
