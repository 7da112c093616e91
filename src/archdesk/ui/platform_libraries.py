"""Before the first window on Linux: are the system libraries Qt's xcb platform plugin needs there?

PySide6's wheels bring Qt but not the X11 libraries of the system. On a minimal Debian or Fedora some
are missing, and Qt aborts with "could not load the Qt platform plugin xcb" and a list of plugins that
names none of them. :func:`missing_libraries` tries to load each library the plugin links to (the
list is what ``libqxcb.so``, ``libQt6XcbQpa.so`` and ``libQt6Gui.so`` of PySide6 6.11 need, less Qt's
own and the C runtime; ``tests/ui/test_platform_libraries.py`` reads it from them); ``run_gui`` prints one line naming the missing ones and the packages that bring them.

Plain Python (ctypes), no Qt: it runs before the QApplication exists.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

#: soname → (Debian/Ubuntu package, Fedora package).
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libz.so.1": ("zlib1g", "zlib"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}


def uses_xcb(environ: os._Environ[str] | dict[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """True when Qt would pick its xcb plugin: on Linux, unless QT_QPA_PLATFORM names another one first
    or a Wayland session lets Qt take its wayland plugin."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    wayland = environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds ``soname`` (loading it, as the plugin would a moment later)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(load: Callable[[str], bool] | None = None) -> list[str]:
    """The sonames of ``XCB_LIBRARIES`` the loader (``loadable`` unless given) cannot find, in table order."""
    load = load or loadable
    return [soname for soname in XCB_LIBRARIES if not load(soname)]


def install_commands(missing: list[str]) -> tuple[str, str]:
    """The apt-get and the dnf command that install the packages bringing ``missing``."""
    debian = dict.fromkeys(XCB_LIBRARIES[soname][0] for soname in missing)
    fedora = dict.fromkeys(XCB_LIBRARIES[soname][1] for soname in missing)
    return f"sudo apt-get install {' '.join(debian)}", f"sudo dnf install {' '.join(fedora)}"
