"""Messy transfer spreadsheets, built in the tests: title rows, merged cells, blanks, totals."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl

HEADINGS = ["序号", "档号", "文号", "责任者", "题名", "日期", "页数", "密级", "保管期限", "备注"]


def messy_rows() -> list[list[object]]:
    """Six rows, one per date notation, all valid."""
    return [
        [1, None, "办发〔2023〕1号", "办公室", "关于2023年工作要点的通知", date(2023, 1, 9), 12, None, "永久", None],
        [2, None, "办发〔2023〕2号", "办公室", "关于春节值班的通知", "20230120", "3页", "内部", "定期10年", None],
        [3, None, None, "办公室", "党组会议纪要", "2023-03-15", 4, None, "30年", None],
        [4, None, None, "办公室", "办公会议纪要", "2023.3.16", "2", "秘密★10年", "定期30年", "原件"],
        [5, None, None, "办公室", "年度工作总结", "2023/12/20", 20, None, "Permanent", None],
        [6, None, None, "办公室", "安全检查通报", "2023年6月1日", 5, "", "10年", None],
    ]


def write_messy_xlsx(path: Path, rows: Sequence[Sequence[object]] | None = None, *, total: bool = True) -> Path:
    """Sheet layout: row 1 a merged title, row 2 an info line, row 3 the header, data from row 4,
    a blank row after the second data row, and a 合计 row at the end."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "办公室2023年度归档文件目录"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADINGS))
    sheet["A2"] = "移交单位：办公室    移交日期：2024年3月1日"
    sheet.append(HEADINGS)
    for index, row in enumerate(messy_rows() if rows is None else rows):
        sheet.append(list(row))
        if index == 1:
            sheet.append([])
    if total:
        sheet.append(["合计", None, None, None, None, None, 46])
    workbook.save(path)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(list(row))
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[object]], encoding: str) -> Path:
    text = "\r\n".join(",".join("" if v is None else str(v) for v in row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def _ods_cell(value: object) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, int | float):
        return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    if isinstance(value, date):
        iso = value.isoformat()
        return f'<table:table-cell office:value-type="date" office:date-value="{iso}"><text:p>{iso}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def write_ods(path: Path, rows: Sequence[Sequence[object]], *, extra_xml: str = "") -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice would save, without styles)."""
    body = "".join("<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>" for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="移交清单">{body}{extra_xml}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


LEGACY_XLS = Path(__file__).resolve().parents[2] / "data" / "transfer_legacy.xls"
