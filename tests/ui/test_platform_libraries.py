"""A newcomer on a minimal Linux: `archdesk` says which system libraries Qt's xcb plugin lacks and how
to install them, in one line, instead of Qt's abort about a plugin it "could not load"."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from archdesk.ui import platform_libraries
from archdesk.ui.platform_libraries import XCB_LIBRARIES, install_commands, missing_libraries, uses_xcb

QT = Path(PySide6.__file__).parent / "Qt"
RUN_WITHOUT = """
import sys
from archdesk.ui import platform_libraries
platform_libraries.loadable = lambda soname: soname not in sys.argv[1].split(",")
from archdesk.cli import main
sys.exit(main(sys.argv[2:]))
"""


def _x11_session() -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    environ["XDG_SESSION_TYPE"] = "x11"
    return environ


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_missing_xcb_library_is_named_with_the_apt_and_dnf_lines_before_qt_starts(language, tmp_path):
    missing = "libxcb-icccm.so.4,libxcb-cursor.so.0"
    result = subprocess.run(
        [sys.executable, "-c", RUN_WITHOUT, missing, "--lang", language, "--db", str(tmp_path / "a.db")],
        capture_output=True,
        text=True,
        env=_x11_session(),
        timeout=60,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert "libxcb-icccm.so.4" in line and "libxcb-cursor.so.0" in line
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in line
    assert "sudo dnf install xcb-util-cursor xcb-util-wm" in line
    assert ("请安装" in line) == (language == "zh_CN")
    assert "could not load the Qt platform plugin" not in result.stderr
    assert not (tmp_path / "a.db").exists()  # stopped before anything was opened


def test_with_every_library_present_nothing_is_missing():
    assert missing_libraries(lambda soname: True) == []
    assert missing_libraries(lambda soname: soname != "libxcb-keysyms.so.1") == ["libxcb-keysyms.so.1"]


def test_the_packages_of_several_missing_libraries_are_named_once():
    apt, dnf = install_commands(["libxcb-randr.so.0", "libxcb-shm.so.0", "libxcb-keysyms.so.1"])
    assert apt == "sudo apt-get install libxcb-randr0 libxcb-shm0 libxcb-keysyms1"
    assert dnf == "sudo dnf install libxcb xcb-util-keysyms"


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"XDG_SESSION_TYPE": "wayland"}, "linux", False),
        ({}, "win32", False),
    ],
)
def test_the_check_runs_only_where_qt_would_use_xcb(environ, platform, expected):
    assert uses_xcb(environ, platform) is expected


@pytest.mark.skipif(shutil.which("readelf") is None or not (QT / "plugins").is_dir(), reason="needs readelf")
def test_the_list_holds_every_system_library_the_installed_xcb_plugin_links_to():
    files = [
        QT / "plugins" / "platforms" / "libqxcb.so",
        QT / "lib" / "libQt6XcbQpa.so.6",
        QT / "lib" / "libQt6Gui.so.6",
    ]
    needed = set()
    for path in files:
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
        needed |= {line.split("[")[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line}
    runtime = ("libQt6", "libicu", "libc.so", "libm.so", "libstdc++", "libgcc_s", "libpthread", "libdl", "ld-linux")
    system = {name for name in needed if not name.startswith(runtime)}
    assert system - XCB_LIBRARIES.keys() == set()


def test_the_real_loader_finds_the_c_library_and_not_a_made_up_one():
    assert platform_libraries.loadable("libc.so.6")
    assert not platform_libraries.loadable("libarchdesk-no-such-library.so.9")


def test_the_readme_names_every_package_in_one_apt_line_and_one_dnf_line():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    apt, dnf = install_commands(list(XCB_LIBRARIES))
    assert apt in readme.splitlines() and dnf in readme.splitlines()
