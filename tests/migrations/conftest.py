"""Fixtures for migration tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from migration_helpers import ScriptCopy


@pytest.fixture
def scripts(tmp_path: Path) -> ScriptCopy:
    """A copy of the shipped migrations in a temporary folder, to chain throw-away revisions onto."""
    return ScriptCopy(tmp_path / "migrations")
