"""`make screenshots`: build a demo archive and save the README's screenshots of the main window.

    python -m bench.screenshots [--records N]

The window is drawn offscreen by ArchDesk's own screenshot mode (``archdesk --screenshot``), in
Chinese and in English, into docs/screenshots/main-zh.png and main-en.png.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"
LANGUAGES = {"zh_CN": "main-zh.png", "en": "main-en.png"}


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
    return 0


if __name__ == "__main__":
    sys.exit(main())
