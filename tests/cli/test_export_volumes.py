"""`archdesk export register --volumes …` and the volume forms `volume-cover|volume-spine|volume-note`."""

from __future__ import annotations

import sys
from pathlib import Path

import openpyxl
import pypdfium2 as pdfium
import pytest

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


def _pages(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_register_is_bound_per_year_and_period_by_default_and_continuous_on_request(archive_file, tmp_path):
    db, codes = archive_file
    bound, continuous = tmp_path / "bound.xlsx", tmp_path / "one.xlsx"
    assert main(["export", "register", "--db", str(db), "--out", str(bound)]) == 0
    assert main(["export", "register", "--db", str(db), "--out", str(continuous), "--volumes", "continuous"]) == 0
    assert len(openpyxl.load_workbook(bound).sheetnames) == 4
    sheet = openpyxl.load_workbook(continuous).active
    assert [r[0] for r in sheet.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)] == list(range(1, 9))
    pdf = tmp_path / "bound.pdf"
    assert main(["export", "register", "--db", str(db), "--out", str(pdf), "--volumes", "per-year-period"]) == 0
    assert sum(page.startswith("归档文件目录\r\n全宗号") for page in _pages(pdf)) == 4


def test_register_refuses_an_unknown_volumes_choice(archive_file, tmp_path, capsys):
    db, _ = archive_file
    with pytest.raises(SystemExit):
        main(["export", "register", "--db", str(db), "--out", str(tmp_path / "r.pdf"), "--volumes", "yearly"])
    assert "per-year-period" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("document", "words"),
    [("volume-cover", "科技档案"), ("volume-spine", "案卷号"), ("volume-note", "卷内备考表")],
)
def test_volume_forms_export_to_pdf_and_say_why_when_empty(archive_file, tmp_path, capsys, document, words):
    db, codes = archive_file
    out = tmp_path / f"{document}.pdf"
    assert main(["export", document, "--db", str(db), "--out", str(out), "--category", "KJ"]) == 0
    assert f"{out}: 1 volumes, 1 pages" in capsys.readouterr().out
    assert words in _pages(out)[0]
    assert main(["export", document, "--db", str(db), "--out", str(out), "--category", "WS", "--lang", "en"]) == 0
    assert "Administrative records are arranged by item" in _pages(out)[0]
    assert main(["export", document, "--db", str(db), "--out", str(tmp_path / "x.xlsx")]) == 1


def test_the_cover_prints_its_reference_code_as_large_as_its_other_fields_inside_its_box(archive_file, tmp_path):
    db, _codes = archive_file
    out = tmp_path / "covers.pdf"
    assert main(["export", "volume-cover", "--db", str(db), "--out", str(out), "--category", "KJ"]) == 0
    pdf = pdfium.PdfDocument(str(out))
    try:
        page = pdf[0]
        width_pt = page.get_size()[0]
        text = page.get_textpage()
        whole = text.get_text_range()
        code = next(word for word in whole.split() if word.count("-") >= 3)  # the 档号, e.g. Z001-KJ·JJ·…
        start = whole.index(code)
        code_boxes = [text.get_charbox(i) for i in range(start, start + len(code))]
        year = whole.index("20", start + len(code))  # the first digits of the fields below (起止日期)
        digit_height = text.get_charbox(year)[3] - text.get_charbox(year)[1]
    finally:
        pdf.close()
    mm = 72 / 25.4
    frame_right = width_pt - 20 * mm  # the code's box ends at the right margin
    assert max(box[2] for box in code_boxes) <= frame_right - 3.5 * mm  # not against the frame
    code_digit = next(box for box, ch in zip(code_boxes, code, strict=True) if ch.isdigit())
    assert code_digit[3] - code_digit[1] >= 0.95 * digit_height  # not shrunk to fit a narrow box
