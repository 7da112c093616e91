"""Barcode labels: box and shelf labels on A4 sheets (3×8, 2×7) and spine labels, Code128 and QR, decoded back."""

from __future__ import annotations

import pytest
from label_decoding import decoded_codes

from archdesk.services.custody.boxes import move_boxes, put_in_box
from archdesk.services.custody.finding import find_code
from archdesk.services.custody.locations import add_shelving, location_tree
from archdesk.services.reports.boxes import box_labels
from archdesk.services.reports.labels_sheet import box_label_items, render_labels, shelf_label_items


@pytest.fixture
def boxed(shelved):
    archive, records = shelved
    for key in ("2020-D30", "2021-D30", "2020-Y"):
        put_in_box(archive, records[key], new=True, spine_mm=20 if key == "2020-Y" else 40)
    move_boxes(
        archive,
        [find_code(archive, b.scan_code).id for b in box_labels(archive)],
        location_tree(archive)[0].id,
        force=True,
    )
    return archive


@pytest.mark.parametrize(
    ("sheet", "symbology"), [("a4-3x8", "code128"), ("a4-2x7", "qr"), ("spine", "code128"), ("spine", "qr")]
)
def test_box_labels_decode_back_to_the_codes_the_scanner_looks_up(boxed, tmp_path, sheet, symbology):
    boxes = box_labels(boxed)
    out = tmp_path / f"{sheet}-{symbology}.pdf"
    assert render_labels(box_label_items(boxes), out, sheet=sheet, symbology=symbology) == 1
    (codes,) = decoded_codes(out)
    assert sorted(codes) == sorted(b.scan_code for b in boxes)
    assert all("·" not in code for code in codes)
    assert {find_code(boxed, code).code for code in codes} == {b.code for b in boxes}


def test_a_full_sheet_of_shelf_labels_runs_onto_a_second_page_in_order(boxed, tmp_path):
    add_shelving(boxed, "K02", rows=1, sections=1, levels=2)
    shelves = location_tree(boxed)  # 24 on a 3×8 sheet
    out = tmp_path / "shelves.pdf"
    assert render_labels(shelf_label_items(shelves), out, sheet="a4-3x8") == 2
    first, second = decoded_codes(out)
    assert first == [s.code for s in shelves[:24]]
    assert second == [s.code for s in shelves[24:]]
    assert find_code(boxed, first[0]).kind == "location"
    assert shelf_label_items(shelves[:1])[0].lines == ("K01库房 01列 A面 1节 1层",)
