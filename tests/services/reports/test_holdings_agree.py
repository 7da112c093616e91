"""One definition of holdings: on the demo archive the inventory register, the statistics (PDF and
Excel) and the Catalogue dock's line give the same totals, each unit counted on its own (照片 in 张)."""

from __future__ import annotations

import re

import openpyxl
import pypdfium2 as pdfium

from archdesk.services.demo import add_demo_data
from archdesk.services.holdings import holdings
from archdesk.services.reports import inventory_register, render_pdf, render_xlsx
from archdesk.services.reports.statistics import holdings_statistics, render_statistics_pdf, statistics_document


def _text(path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in document)
    finally:
        document.close()


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def test_inventory_and_statistics_count_the_same_holdings(archive, tmp_path):
    add_demo_data(archive, 1200, build_index=False)
    inventory_pdf, statistics_pdf, statistics_xlsx = tmp_path / "inv.pdf", tmp_path / "st.pdf", tmp_path / "st.xlsx"
    render_pdf(inventory_register(archive), inventory_pdf)
    stats = holdings_statistics(archive)
    render_statistics_pdf(stats, statistics_pdf)
    render_xlsx(statistics_document(stats), statistics_xlsx)

    # The inventory's closing line: "馆藏合计：1,120 件，40 张（其中出借 12）".
    total = re.search(r"馆藏合计：([^（]+)（其中出借 ([\d,]+)）", _text(inventory_pdf))
    assert total, "the inventory prints the holdings total"
    in_inventory = {unit: _number(n) for n, unit in re.findall(r"([\d,]+) (\S)", total.group(1))}
    apart = re.search(r"不计入馆藏：暂存 ([\d,]+) 件，已销毁 ([\d,]+) 件，已移出 ([\d,]+) 件", _text(inventory_pdf))

    # The statistics workbook's series table, read back: code, name, unit, items, pages.
    sheet = openpyxl.load_workbook(statistics_xlsx).active
    rows = [row for row in sheet.iter_rows(values_only=True)]
    first = next(i for i, row in enumerate(rows) if str(row[0] or "").startswith("按门类"))
    in_statistics: dict[str, int] = {}
    for row in rows[first + 1 :]:
        if str(row[0] or "").startswith("按年度"):
            break
        if row[2]:
            in_statistics[row[2]] = in_statistics.get(row[2], 0) + row[3]

    assert in_inventory == in_statistics
    assert in_inventory["张"] > 0  # the demo's photographs, counted in 张, not among the 件
    assert sum(in_inventory.values()) == stats.items
    statistics_text = _text(statistics_pdf)
    assert f"件数：{stats.items}" in statistics_text and f"已销毁：{stats.destroyed}" in statistics_text
    held = holdings(archive)
    assert (held.items, held.on_loan) == (stats.items, _number(total.group(2)))
    assert apart and tuple(map(_number, apart.groups())) == (held.pending, held.destroyed, held.transferred)
    assert held.destroyed > 0 and held.transferred > 0 and held.pending > 0  # each is said apart


def test_the_holdings_counts_equal_a_count_of_every_record_by_status(archive, tmp_path):
    # On SQLite the counts are the tree's maintained total less the other statuses (services/holdings.py);
    # after imports, status changes and deletions they must still be what a full count says.
    from sqlalchemy import func, select

    from archdesk.models import Record
    from archdesk.services.catalogue import change_status, delete_pending_records
    from archdesk.services.holdings import status_counts

    add_demo_data(archive, 400)
    with archive.reading() as session:
        ids = session.scalars(select(Record.id).where(Record.status == "in_custody").order_by(Record.id)).all()
        pending = session.scalars(select(Record.id).where(Record.status == "pending").order_by(Record.id)).all()
    change_status(archive, ids[:3], "transferred", "移交档案馆")
    delete_pending_records(archive, pending[:2])
    with archive.reading() as session:
        full = dict(session.execute(select(Record.status, func.count()).group_by(Record.status)).all())
    counts = status_counts(archive)
    assert {status: n for status, n in counts.items() if n} == full
    assert holdings(archive).items == full.get("in_custody", 0) + full.get("on_loan", 0)
