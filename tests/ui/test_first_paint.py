"""Launch to first page: the GUI's own modules load no database or report library, and the first page
of a reopened archive comes with its code names, before the code tables are in."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from archdesk.services.archive import open_archive
from archdesk.services.codes import code_tables
from archdesk.services.demo import add_demo_data
from archdesk.ui.main_window import MainWindow
from archdesk.ui.settings import Settings

HEAVY = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "xlsxwriter", "python_calamine")

GUI_START = """
import json, sys
from archdesk.cli import build_parser
args = build_parser().parse_args(["--db", sys.argv[1], "--lang", "zh_CN"])
import archdesk.ui.app, archdesk.ui.i18n, archdesk.ui.main_window, archdesk.ui.settings
from archdesk.services.archive import open_archive
db = open_archive(args.db)
print(json.dumps(sorted(name for name in sys.modules if name.split(".")[0] in sys.argv[2].split(","))))
"""


EVERY_UI_MODULE = """
import json, sys
from pathlib import Path
import archdesk.ui
root = Path(archdesk.ui.__path__[0])
names = sorted(
    "archdesk.ui." + ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
    for path in root.rglob("*.py")
)
heavy = sys.argv[1].split(",")
loaded = {}
for name in names:
    __import__(name)
    now = sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in heavy})
    if now:
        loaded[name] = now
        break
print(json.dumps({"modules": len(names), "loaded": loaded}))
"""


def test_no_ui_module_loads_a_database_or_report_library_when_imported():
    """Every module under archdesk/ui, imported one after another in a fresh process: the first that
    pulls in SQLAlchemy, ReportLab or a sheet library is named."""
    output = subprocess.run(
        [sys.executable, "-c", EVERY_UI_MODULE, ",".join(HEAVY)], capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(output)
    assert result["modules"] > 30
    assert result["loaded"] == {}


def test_the_gui_start_up_path_loads_no_database_or_report_library(archive):
    """Those cost 0.3 s and more; they load on the worker thread once the first page is shown."""
    add_demo_data(archive, 50)
    archive.dispose()
    output = subprocess.run(
        [sys.executable, "-c", GUI_START, str(archive.file), ",".join(HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(output) == []


@pytest.mark.parametrize("english", [True, False], ids=["English", "Chinese"])
def test_a_reopened_archive_shows_code_names_on_its_first_page(qtbot, archive, tmp_path, english):
    add_demo_data(archive, 300)
    tables = code_tables(archive)
    archive.dispose()
    db = open_archive(archive.file)  # at head and seeded: opened without SQLAlchemy's engine
    assert not db.engine_started
    window = MainWindow(db, Settings(tmp_path / "settings.ini"), english=english, restore=False)
    qtbot.addWidget(window)
    column = window.records.column_of("retention_code")
    shown: list[str] = []
    window.records.first_page_loaded.connect(lambda: shown.append(window.records.data(window.records.index(0, column))))
    with qtbot.waitSignal(window.first_page_shown, timeout=10_000):
        window.show()
    first = window.records.record_at(0)
    item = next(item for item in tables.retention_periods if item.code == first.retention_code)
    assert shown == [(item.name_en or item.name) if english else item.name]
    assert shown[0] != first.retention_code
    qtbot.waitUntil(lambda: window.tables is not None and not window.ops.busy, timeout=10_000)
    assert window.records.data(window.records.index(0, column)) == shown[0]  # the same once the tables are in
    window.ops.shutdown()
    db.dispose()
