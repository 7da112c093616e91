"""An installed ArchDesk finds its migrations, fonts and seed data without the source tree, and
depends on the split Qt wheels at the pinned version."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYSIDE = "6.11.3"  # 6.12.0 drops references to None on Python 3.11 (tests/ui/test_qt_none_refcount.py)
SHIPPED = (
    "archdesk/migrations/env.py",
    "archdesk/migrations/versions/0001_baseline.py",
    "archdesk/resources/fonts/wqy-microhei.ttc",
    "archdesk/resources/seed/code_tables.json",
    "archdesk/docs/user-guide.md",
)


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("archdesk-*.whl")
    return built


def test_the_wheel_ships_migrations_fonts_and_seed_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [path for path in SHIPPED if path not in names]
    assert missing == []
    shipped_revisions = {n for n in names if n.startswith("archdesk/migrations/versions/") and n.endswith(".py")}
    in_source = {f"archdesk/migrations/versions/{p.name}" for p in (ROOT / "migrations" / "versions").glob("*.py")}
    assert shipped_revisions == in_source


def test_the_wheel_requires_the_split_qt_wheels_at_the_pinned_version(wheel):
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        requires = [
            line.split(":", 1)[1].strip()
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist:") and "extra ==" not in line
        ]
    assert f"pyside6-essentials=={PYSIDE}" in requires
    assert "pyside6" not in {_name(r) for r in requires}


def test_pyproject_pins_pyside6_essentials_and_not_the_meta_package():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + [
        r for extra in project.get("optional-dependencies", {}).values() for r in extra
    ]
    assert f"pyside6-essentials=={PYSIDE}" in project["dependencies"]
    assert f"pyside6-addons=={PYSIDE}" in project["dependencies"]
    assert "pyside6" not in {_name(r) for r in requirements}, "the pyside6 meta-package pulls in QtWebEngine"
