"""`archdesk export annual-report --year YYYY --format pdf|xlsx --out FILE` and `archdesk annual-facts`."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services" / "reports"))
from reports_sample import build_sample

from archdesk.cli import main
from archdesk.models import Storeroom
from archdesk.services.archive import open_archive
from archdesk.services.reports.statistics import holdings_statistics
from archdesk.services.uow import UnitOfWork


@pytest.fixture
def archive_file(tmp_path):
    db = open_archive(tmp_path / "a.db")
    build_sample(db)
    with UnitOfWork(db) as uow:
        if uow.session.query(Storeroom).filter_by(code="K01").one_or_none() is None:
            uow.session.add(Storeroom(code="K01", name="一号库房"))
        uow.commit()
    held = holdings_statistics(db).items
    db.dispose()
    return tmp_path / "a.db", held


def test_the_annual_report_is_written_to_pdf_and_excel_with_the_entered_figures(archive_file, tmp_path, capsys):
    db, held = archive_file
    assert main(["annual-facts", "--db", str(db), "--staff-full-time", "2", "--area", "K01=85.5"]) == 0
    assert "staff_full_time: 2" in capsys.readouterr().out
    year = str(date.today().year)
    pdf, book = tmp_path / "年报.pdf", tmp_path / "年报.xlsx"
    base = ["export", "annual-report", "--db", str(db), "--year", year]
    assert main([*base, "--format", "pdf", "--out", str(pdf)]) == 0
    assert main([*base, "--format", "xlsx", "--out", str(book)]) == 0
    document = pdfium.PdfDocument(str(pdf))
    text = " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in document)
    document.close()
    assert f"档案室基本情况统计年报（{year} 年度）" in text and "专职档案人员 人 2 设置录入" in text
    rows = list(openpyxl.load_workbook(book).active.iter_rows(values_only=True))
    values = {row[1]: row[3] for row in rows if row[1]}
    assert values["档案库房面积"] == 85.5
    assert values["室藏档案（件）"] == held  # the sample has no photographs: all of it in 件


def test_a_bad_year_or_area_is_one_line_naming_it(archive_file, tmp_path, capsys):
    db, _ = archive_file
    assert main(["export", "annual-report", "--db", str(db), "--year", "99", "--out", str(tmp_path / "x.pdf")]) == 1
    assert main(["--lang", "en", "annual-facts", "--db", str(db), "--area", "K01=big"]) != 0
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 2 and "99" in errors[0] and "K01=big" in errors[1]
    assert not (tmp_path / "x.pdf").exists()
