from __future__ import annotations

import pytest
from reports_sample import build_sample

from archdesk.services.archive import open_archive


@pytest.fixture
def sample(tmp_path):
    """(db, codes): a fresh archive with the sample records of reports_sample.py."""
    db = open_archive(tmp_path / "a.db")
    codes = build_sample(db)
    yield db, codes
    db.dispose()
