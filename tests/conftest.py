"""Shared test set-up. Qt runs headless: the platform is chosen before anything imports Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from archdesk.services.archive import open_archive  # noqa: E402
from archdesk.services.database import Database  # noqa: E402


@pytest.fixture
def archive(tmp_path) -> Iterator[Database]:  # noqa: ANN001
    """A fresh, seeded archive file (at the head revision) in the test's temporary folder."""
    db = open_archive(tmp_path / "archive.db")
    yield db
    db.dispose()
