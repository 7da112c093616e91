"""The embedded font, and the box forms (盒脊, 备考表)."""

from __future__ import annotations

from pdf_helpers import pdf_pages_text
from pypdf import PdfReader

from archdesk.bundled import resource
from archdesk.services.reports import resolve_font
from archdesk.services.reports.boxes import box_labels, render_box_notes, render_box_spines
from archdesk.services.reports.fonts import bundled_font


def test_bundled_font_has_chinese_and_the_reference_code_middle_dot():
    face = bundled_font().ttfont.face
    for ch in "归档文件目录·":
        assert ord(ch) in face.charToGlyph


def test_font_from_settings_comes_first_and_a_missing_one_falls_back(tmp_path):
    chosen = resolve_font(resource("fonts/wqy-microhei.ttc"))
    assert chosen.source == "settings"
    fallback = resolve_font(tmp_path / "gone.ttf")
    assert fallback.source in ("system", "bundled")


def test_a_font_without_chinese_is_skipped(tmp_path):
    latin = next(iter(sorted(__import__("pathlib").Path("/usr/share/fonts").rglob("DejaVuSans.ttf"))), None)
    if latin is None:
        return
    assert resolve_font(latin).source != "settings"


def test_box_spines_fit_side_by_side_and_show_the_required_fields(sample, tmp_path):
    db, _ = sample
    boxes = box_labels(db)
    assert [b.code for b in boxes][:2] == ["Z001-WS·2023-Y-BGS-001", "Z001-WS·2023-D30-BGS-001"]
    out = tmp_path / "spines.pdf"
    assert render_box_spines(boxes * 3, out) == 2  # nine 30 mm spines: six fit on a page
    text = pdf_pages_text(out)[0]
    for caption in ("全宗号", "年度", "保管期限", "起止件号", "盒号", "Z001", "2023", "0001", "0003"):
        assert caption in text


def test_box_note_prints_the_contents_note_and_who_arranged_and_checked(sample, tmp_path):
    db, _ = sample
    out = tmp_path / "notes.pdf"
    assert render_box_notes(box_labels(db), out) == 3
    first = pdf_pages_text(out)[0]
    for text in ("备考表", "盒内文件情况说明", "第0003件原件缺失", "整理人", "张三", "检查人", "李四", "检查日期"):
        assert text in first
    assert len(PdfReader(str(out)).pages) == 3
