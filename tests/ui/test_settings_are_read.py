"""A preference the user can set is read by the program: Settings › Organisation was saved and then
read by nothing (the forms print the fonds name as the unit), so it is gone; this keeps it so."""

from __future__ import annotations

import re
from pathlib import Path

import archdesk
from archdesk.ui.settings import Settings, _Option

SRC = Path(archdesk.__file__).parent
#: Options saved now and read by an issue still being built, with the issue that reads them.
READ_BY_WORK_IN_PROGRESS = {"default_loan_days": "issue 13 (loans): a new loan's due date"}
#: Options whose use is in the dialog itself.
USED_BY_THE_DIALOG = {"recent_databases": "the Database tab lists them to open again"}


def _readers(name: str) -> list[Path]:
    """Source files, other than the settings and their dialog, that read ``settings.<name>``."""
    read = re.compile(rf"\.{name}\b(?!\s*=[^=])")
    skip = {SRC / "ui" / "settings.py", SRC / "ui" / "settings_dialog.py"}
    return [path for path in SRC.rglob("*.py") if path not in skip and read.search(path.read_text("utf-8"))]


def test_every_preference_is_read_somewhere_besides_the_dialog_that_sets_it():
    options = [name for name, value in vars(Settings).items() if isinstance(value, _Option)]
    assert "organisation_name" not in options
    excused = READ_BY_WORK_IN_PROGRESS.keys() | USED_BY_THE_DIALOG.keys()
    unread = [name for name in options if not _readers(name) and name not in excused]
    assert unread == []
