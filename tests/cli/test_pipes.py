"""Piping a long listing into a reader that stops early (`| head`) ends quietly, never with a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys

from archdesk.services.demo import add_demo_data


def test_search_piped_into_head_ends_without_a_traceback(archive, tmp_path):
    add_demo_data(archive, 600)
    archdesk = shutil.which("archdesk", path=str(sys.executable.rsplit("/", 1)[0]))
    assert archdesk is not None
    pipeline = f"'{archdesk}' search 的 --limit 600 --db '{archive.file or archive.url}' | head -n 1"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", pipeline], capture_output=True, text=True, timeout=120)
    assert len(done.stdout.splitlines()) == 1
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
