"""Opening an archive that is already at the newest schema must not pay for importing Alembic."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from archdesk.bundled import migrations_dir
from archdesk.services import migrate
from archdesk.services.archive import open_archive


def test_the_head_read_from_the_version_files_is_alembics_head():
    assert migrate.shipped_head() == migrate.head_revision()


def test_a_new_revision_file_becomes_the_head(tmp_path: Path):
    location = tmp_path / "migrations"
    (location / "versions").mkdir(parents=True)
    for file in Path(migrations_dir(), "versions").glob("*.py"):
        (location / "versions" / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    previous = migrate.shipped_head()
    (location / "versions" / "9999_next.py").write_text(
        f'revision: str = "9999_next"\ndown_revision: str | None = {previous!r}\n', encoding="utf-8"
    )
    assert migrate.shipped_head(str(location)) == "9999_next"


def test_an_up_to_date_archive_opens_without_importing_alembic(tmp_path: Path):
    path = tmp_path / "archive.db"
    open_archive(path).dispose()
    child = textwrap.dedent(
        f"""
        import sys
        from archdesk.services.archive import open_archive
        open_archive({str(path)!r}).dispose()
        print(sorted(name for name in sys.modules if name.split(".")[0] in ("alembic", "mako")))
        """
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]"


def test_an_archive_behind_the_head_is_still_upgraded(tmp_path: Path):
    path = tmp_path / "archive.db"
    db = open_archive(path)
    migrate.downgrade(db.engine, "0001_baseline")
    db.dispose()
    reopened = open_archive(path)
    assert migrate.stamped_revision(reopened.engine) == migrate.shipped_head()
    reopened.dispose()
