"""Before Qt starts on X11: are the system libraries its xcb plugin loads there?

Without them PySide6 aborts the process ("Could not load the Qt platform
plugin xcb"); a fresh Debian lacks several. Asked of the dynamic loader,
which is fast (no Qt, no child process), so the app can say in one line what
to install instead of dying.
"""

from __future__ import annotations

import ctypes
import os
import sys

#: The libraries Qt 6's xcb platform plugin loads, and the Debian package of each.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
}


def missing_xcb_packages() -> list[str]:
    """Debian packages to install before the xcb plugin can load; [] when all is there."""
    if sys.platform != "linux" or not os.environ.get("DISPLAY"):
        return []
    if os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return []
    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing
