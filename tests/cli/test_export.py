"""`archdesk export ...` writes the registers a clerk asks for, and says plainly what went wrong."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "reports"))
from reports_sample import build_sample

from archdesk.cli import main
from archdesk.services.archive import open_archive


@pytest.fixture
def archive_file(tmp_path):
    db = open_archive(tmp_path / "a.db")
    codes = build_sample(db)
    db.dispose()
    return tmp_path / "a.db", codes


def _text(path: Path) -> str:
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


def test_export_register_pdf_with_filters(archive_file, tmp_path, capsys):
    db, codes = archive_file
    out = tmp_path / "register.pdf"
    argv = ["export", "register", "--db", str(db), "--format", "pdf", "--out", str(out), "--year", "2023"]
    assert main([*argv, "--retention", "Y", "--department", "BGS", "--category", "WS"]) == 0
    text = _text(out)
    assert "归档文件目录" in text and codes["first"] in text and codes["older"] not in text
    assert str(out) in capsys.readouterr().out


def test_export_register_xlsx_in_english(archive_file, tmp_path):
    db, codes = archive_file
    out = tmp_path / "register.xlsx"
    assert main(["export", "register", "--db", str(db), "--out", str(out), "--lang", "en", "--box", "1"]) == 0
    book = openpyxl.load_workbook(out)  # a sheet per volume of the register (--volumes per-year-period)
    assert all(ws["B3"].value == "Reference code" for ws in book.worksheets)
    assert codes["first"] in [c.value for ws in book.worksheets for c in ws["B"]]
    assert not [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_export_inventory_stats_and_box_forms(archive_file, tmp_path):
    db, _ = archive_file
    for document, name in [("inventory", "inv.pdf"), ("inventory", "inv.xlsx"), ("stats", "s.pdf"),
                           ("stats", "s.xlsx"), ("spines", "sp.pdf"), ("box-notes", "bn.pdf"),
                           ("volumes", "v.pdf"), ("volume-contents", "vc.xlsx")]:  # fmt: skip
        out = tmp_path / name
        assert main(["export", document, "--db", str(db), "--out", str(out)]) == 0, document
        assert out.stat().st_size > 0
    assert "库存档案清册" in _text(tmp_path / "inv.pdf")
    assert "馆藏档案统计" in _text(tmp_path / "s.pdf")
    assert len(PdfReader(str(tmp_path / "bn.pdf")).pages) == 3


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--category", "XX", "--out", "r.pdf"], "Series 'XX' not found"),
        (["--out", "r.txt"], "use --format pdf or --format xlsx"),
    ],
)
def test_errors_are_one_line_on_stderr_and_exit_non_zero(archive_file, tmp_path, capsys, extra, message):
    db, _ = archive_file
    extra = [str(tmp_path / a) if a.startswith("r.") else a for a in extra]
    assert main(["export", "register", "--db", str(db), *extra]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not list(tmp_path.glob("r.*"))


def test_box_forms_refuse_excel(archive_file, tmp_path, capsys):
    db, _ = archive_file
    assert main(["export", "spines", "--db", str(db), "--out", str(tmp_path / "s.xlsx")]) == 1
    assert "PDF only" in capsys.readouterr().err


def test_unwritable_output_is_reported_without_traceback(archive_file, tmp_path, capsys):
    db, _ = archive_file
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    assert main(["export", "register", "--db", str(db), "--out", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "Traceback" not in err
