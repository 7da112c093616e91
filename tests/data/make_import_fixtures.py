"""Writes the legacy .xls transfer list used by tests/services/collection (run once; the output is committed).

Needs xlwt, which is not a project dependency: ``pip install --target /tmp/xlwt xlwt==1.3.0`` and then
``PYTHONPATH=/tmp/xlwt .venv/bin/python tests/data/make_import_fixtures.py``. The other formats are built
inside the tests themselves (openpyxl for .xlsx, a hand-written zip for .ods, plain text for .csv).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import xlwt

HERE = Path(__file__).resolve().parent


def legacy_xls(path: Path) -> None:
    """办公室 2019 transfer list: a merged title row, the header on row 3, five data rows
    (one with an impossible date), a blank row and a 合计 row."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("归档文件目录")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    sheet.write_merge(0, 0, 0, 6, "办公室2019年度归档文件目录")
    sheet.write(1, 0, "移交单位：办公室")
    for col, heading in enumerate(["序号", "文号", "责任者", "题名", "日期", "页数", "保管期限"]):
        sheet.write(2, col, heading)
    rows = [
        (1, "办发〔2019〕1号", "办公室", "关于2019年工作要点的通知", date(2019, 1, 8), 5, "永久"),
        (2, "办发〔2019〕2号", "办公室", "关于春节值班安排的通知", "20190125", "3页", "定期10年"),
        (3, "", "办公室", "会议纪要", "2019.2.30", 2, "30年"),
        (4, "", "办公室", "年度总结", "2019年12月20日", 12, "长期"),
        (5, "", "办公室", "[办公用品采购记录]", "2019/6/1", 1, "短期"),
    ]
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write(r, c, value, date_style)
            else:
                sheet.write(r, c, value)
    sheet.write(9, 0, "合计")
    sheet.write(9, 5, 23)
    book.save(str(path))


if __name__ == "__main__":
    legacy_xls(HERE / "transfer_legacy.xls")
    print("wrote", HERE / "transfer_legacy.xls")
