"""An export leaves nothing behind: no temporary file in the system's folder, no .part beside the
output (a killed export's are removed by the next one), and the file gets the user's umask."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from archdesk.services.demo import add_demo_data
from archdesk.services.errors import Cancelled
from archdesk.services.records_query import RecordFilter
from archdesk.services.reports import catalogue_register, render_xlsx


@pytest.fixture
def register(archive):
    add_demo_data(archive, records=400)
    return catalogue_register(archive, RecordFilter(), language="zh_CN")


@pytest.fixture
def system_temp(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_xlsxwriters_temporary_files_go_beside_the_output_and_are_removed(register, tmp_path, system_temp):
    out = tmp_path / "out" / "目录.xlsx"
    seen_during: list[list[str]] = []

    def progress(done: int, total: int) -> bool:
        if done and not seen_during:
            seen_during.append(sorted(p.name for p in out.parent.iterdir()))
            assert list(system_temp.iterdir()) == []
        return True

    render_xlsx(register, out, progress=progress)

    assert len(seen_during[0]) == 2  # the .part file and the writer's scratch folder beside it
    assert sorted(p.name for p in out.parent.iterdir()) == ["目录.xlsx"]
    assert list(system_temp.iterdir()) == []


def test_a_cancelled_export_leaves_nothing_anywhere(register, tmp_path, system_temp):
    out = tmp_path / "out" / "目录.xlsx"

    with pytest.raises(Cancelled):
        render_xlsx(register, out, progress=lambda done, total: done < 100)

    assert list(out.parent.iterdir()) == []
    assert list(system_temp.iterdir()) == []


def test_the_file_gets_the_users_umask(register, tmp_path):
    out = tmp_path / "目录.xlsx"
    old = os.umask(0o022)
    try:
        render_xlsx(register, out)
    finally:
        os.umask(old)

    assert out.stat().st_mode & 0o777 == 0o644


@pytest.mark.sqlite_only  # the child opens the archive file
def test_the_parts_of_a_killed_export_are_removed_by_the_next_one(archive, register, tmp_path):
    out = tmp_path / "目录.xlsx"
    script = textwrap.dedent(
        f"""
        import time
        from archdesk.services.archive import open_archive
        from archdesk.services.records_query import RecordFilter
        from archdesk.services.reports import catalogue_register, render_xlsx
        db = open_archive({str(archive.file)!r})
        document = catalogue_register(db, RecordFilter(), language="zh_CN")
        def progress(done, total):
            if done:
                print("writing", flush=True)
                time.sleep(60)
            return True
        render_xlsx(document, {str(out)!r}, progress=progress)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        child.kill()
    finally:
        child.wait()
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".目录.xlsx."))
    assert len(left) == 2  # what SIGKILL leaves: the .part and the scratch folder

    time.sleep(0.01)
    render_xlsx(register, out)

    assert sorted(p.name for p in tmp_path.iterdir() if "目录" in p.name) == ["目录.xlsx"]
