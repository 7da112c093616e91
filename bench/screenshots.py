"""`make screenshots`: build a demo archive, save the README's screenshots of the main window and
the sample pages of the printed forms.

    python -m bench.screenshots [--records N]

The window is drawn offscreen by ArchDesk's own screenshot mode (``archdesk --screenshot``), in
Chinese and in English, into docs/screenshots/main-zh.png and main-en.png. The forms are printed
with ``archdesk export`` and their first page turned into docs/samples/*.png with pdftoppm
(poppler-utils), which is skipped with a note when pdftoppm is not installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
SAMPLES = ROOT / "docs" / "samples"
LANGUAGES = {"zh_CN": "main-zh.png", "en": "main-en.png"}
#: Sample page name → the `archdesk export` arguments that print it.
FORMS = {
    "register-zh": ["register", "--category", "WS", "--year", "2023"],
    "register-en": ["register", "--category", "WS", "--year", "2023", "--lang", "en"],
    "inventory-zh": ["inventory"],
    "box-spines": ["spines", "--category", "WS", "--year", "2023"],
    "box-notes": ["box-notes", "--category", "WS", "--year", "2023"],
    "statistics-zh": ["stats"],
    # The register bound per year and period: page 1 is the first volume's cover (see PAGES).
    "register-cover-zh": ["register", "--category", "WS", "--year", "2023"],
    "volume-contents-zh": ["volume-contents", "--category", "KU·01", "--year", "2023"],
    "volume-contents-empty-zh": ["volume-contents", "--category", "WS"],
    "volume-cover-zh": ["volume-cover", "--category", "KJ", "--year", "2023"],
    "volume-cover-en": ["volume-cover", "--category", "KJ", "--year", "2023", "--lang", "en"],
    "volume-cover-accounting-zh": ["volume-cover", "--category", "KU", "--year", "2023"],
    "volume-spines": ["volume-spine", "--category", "KJ"],
    "volume-note-zh": ["volume-note", "--category", "KJ", "--year", "2023"],
    "volume-note-en": ["volume-note", "--category", "KJ", "--year", "2023", "--lang", "en"],
    "annual-report-zh": ["annual-report", "--year", str(date.today().year)],
    "annual-report-en": ["annual-report", "--year", str(date.today().year), "--lang", "en"],
}
#: The page a sample shows when it is not the first (the register's first page is a cover).
PAGES = {"register-zh": 2, "register-en": 2}


def build_demo(path: Path, records: int) -> None:
    from archdesk.services.archive import open_archive
    from archdesk.services.demo import add_demo_data

    db = open_archive(path, actor="demo")
    try:
        add_demo_data(db, records)
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.screenshots")
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--size", default="1400x900")
    args = parser.parse_args(argv)
    SHOTS.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory(prefix="ArchDesk-") as scratch:
        archive = Path(scratch) / "demo.db"
        build_demo(archive, args.records)
        for language, name in LANGUAGES.items():
            target = SHOTS / name
            command = [sys.executable, "-m", "archdesk", "--db", str(archive), "--screenshot", str(target)]
            subprocess.run([*command, "--lang", language, "--size", args.size], env=env, check=True)
            print(target.relative_to(ROOT))
        print_samples(archive, Path(scratch))
    return 0


def print_samples(archive: Path, scratch: Path) -> None:
    """First pages of the printed forms, for the docs (and for a person to look at)."""
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): docs/samples/ not refreshed")
        return
    SAMPLES.mkdir(parents=True, exist_ok=True)
    for name, arguments in FORMS.items():
        pdf = scratch / f"{name}.pdf"
        export = [sys.executable, "-m", "archdesk", "export", *arguments, "--db", str(archive), "--out", str(pdf)]
        subprocess.run(export, check=True, stdout=subprocess.DEVNULL)
        stem = scratch / name
        page = str(PAGES.get(name, 1))
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", page, "-l", page, "-singlefile", str(pdf), str(stem)], check=True
        )
        target = SAMPLES / f"{name}.png"
        shutil.move(f"{stem}.png", target)
        print(target.relative_to(ROOT))


if __name__ == "__main__":
    sys.exit(main())
