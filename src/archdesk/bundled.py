"""Where the files shipped with ArchDesk live: migrations, resources and the user guide.

In a wheel they are inside the package (hatchling force-include); in a source checkout
(editable install) they are at the top of the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _find(name: str) -> Path:
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ArchDesk is installed without its {name}/ folder")


def migrations_dir() -> Path:
    return _find("migrations")


def resource(relative: str) -> Path:
    """Path of a file under resources/, e.g. ``resource("fonts/wqy-microhei.ttc")``."""
    return _find("resources") / relative


def user_guide() -> Path:
    """The user guide (docs/user-guide.md), opened from Help › User guide."""
    return _find("docs") / "user-guide.md"
