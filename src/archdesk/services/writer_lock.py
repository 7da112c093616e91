"""One writer per archive file: the ArchDesk that opened it first holds ``<archive>.lock``.

The lock is an advisory ``flock`` on that file, held as long as the process runs: the system
releases it when the process ends, crashed or killed, so a lock left by a dead ArchDesk is
recognised by simply being free (the file itself stays, with the last holder's name in it). The
holder writes who it is (operator, computer, process, since when) into the file; a second ArchDesk
that cannot take the lock reads that and is offered the archive read-only.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class Holder:
    """Who has the archive open for writing."""

    operator: str
    host: str
    pid: int
    since: str  # ISO date and time

    @property
    def here(self) -> bool:
        return self.host == socket.gethostname()


class WriterLock:
    """Held from :func:`acquire` until :meth:`release` (or the process ends)."""

    def __init__(self, path: Path, handle: int) -> None:
        self.path = path
        self._handle: int | None = handle

    def release(self) -> None:
        if self._handle is not None:
            os.close(self._handle)  # closing the descriptor drops the flock
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


def lock_file(archive: Path) -> Path:
    return archive.with_name(archive.name + LOCK_SUFFIX)


def acquire(archive: Path, operator: str) -> WriterLock | Holder:
    """Take the archive for writing, or say who has it (a dead holder's lock is taken over)."""
    import fcntl

    path = lock_file(archive)
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(handle)
        return read_holder(archive) or Holder("?", "?", 0, "")
    except OSError:
        os.close(handle)
        raise
    me = {
        "operator": operator,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "since": datetime.now().isoformat(timespec="seconds"),
    }
    os.ftruncate(handle, 0)
    os.write(handle, (json.dumps(me, ensure_ascii=False) + "\n").encode())
    return WriterLock(path, handle)


def read_holder(archive: Path) -> Holder | None:
    """Who last held the lock (whether or not they still do); None when nobody ever did."""
    try:
        data = json.loads(lock_file(archive).read_text(encoding="utf-8") or "null")
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return Holder(
        str(data.get("operator", "?")), str(data.get("host", "?")), int(data.get("pid", 0)), str(data.get("since", ""))
    )
