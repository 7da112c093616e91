"""One writer per archive file: the second is told who has it; a dead holder's lock is free; an
archive opened read-only refuses every change."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap

import pytest

from archdesk.services import writer_lock
from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.errors import NotAllowed


def test_the_second_writer_is_told_who_has_the_archive(tmp_path):
    archive = tmp_path / "office.db"
    first = writer_lock.acquire(archive, "张三")
    assert isinstance(first, writer_lock.WriterLock)

    second = writer_lock.acquire(archive, "李四")

    assert second == writer_lock.Holder("张三", socket.gethostname(), os.getpid(), second.since)
    first.release()
    again = writer_lock.acquire(archive, "李四")
    assert isinstance(again, writer_lock.WriterLock)
    again.release()


def test_a_lock_left_by_a_killed_archdesk_is_recognised_as_stale(tmp_path):
    archive = tmp_path / "office.db"
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from archdesk.services import writer_lock
        lock = writer_lock.acquire(Path({str(archive)!r}), "王五")
        print("holding", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "holding"
        held = writer_lock.acquire(archive, "李四")
        assert isinstance(held, writer_lock.Holder) and held.operator == "王五" and held.pid == child.pid
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait()

    assert writer_lock.read_holder(archive).operator == "王五"  # the file still names the dead holder
    taken = writer_lock.acquire(archive, "李四")
    assert isinstance(taken, writer_lock.WriterLock)
    assert writer_lock.read_holder(archive).operator == "李四"
    taken.release()


@pytest.mark.sqlite_only
def test_an_archive_opened_read_only_refuses_a_change_and_names_the_holder(archive):
    archive.read_only_for = writer_lock.Holder("张三", "档案室-1", 4242, "2026-12-02T09:00:00")

    with pytest.raises(NotAllowed) as refused:
        create_record(archive, RecordInput(title="会议纪要", category="WS", year=2023, retention="D30"))

    assert (
        refused.value.render("zh_CN") == "档案库以只读方式打开（张三 在 档案室-1 上正以可写方式使用），未保存任何内容"
    )
