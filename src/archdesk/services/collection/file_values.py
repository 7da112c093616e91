"""Values for a whole file: what the archivist gives once (``--set FIELD=VALUE``), what the sheet says
in its title and info rows ("保管期限：永久", "移交部门：办公室", "年度：2019") and what its name says
("2019年永久", "办公室"). Each value carries where it came from, so the result can say so.

Only the archivist's own values are refused when wrong; a title row or a sheet name whose words
the code tables do not know is simply not used ("移交单位：某某公司" names the organisation).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from archdesk.messages import Message, msg
from archdesk.services.collection.parsing import CellError, lookup_key, parse_retention, parse_year
from archdesk.services.collection.tables import CodeTables

#: Labels of info rows → field (the label is compared without spaces).
_LABELS = {
    "保管期限": "retention", "期限": "retention", "retention": "retention", "retentionperiod": "retention",
    "移交部门": "department", "移交单位": "department", "部门": "department", "机构": "department",
    "机构问题": "department", "立档单位部门": "department", "department": "department",
    "年度": "year", "归档年度": "year", "year": "year",
    "门类": "category", "档案门类": "category", "category": "category", "series": "category",
}  # fmt: skip
_INFO = re.compile(r"([^\s:：,，;；]{1,12}?)\s*[:：]\s*([^\s:：,，;；]+)")
_SHEET_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)\s*年?度?")
_SHEET_RETENTION = re.compile(r"(永久|定期30年|定期10年|30年|10年|长期|短期|D30|D10)", re.IGNORECASE)

FileValues = dict[str, tuple[Any, Message]]


def info_values(lines: Sequence[str], tables: CodeTables) -> FileValues:
    """The values the sheet's title and info rows state, when the code tables know them."""
    found: FileValues = {}
    source = msg("import.from_title_rows")
    for line in lines:
        for label, value in _INFO.findall(line):
            name = _LABELS.get(lookup_key(re.sub(r"[()（）]", "", label)))
            if name and name not in found and _known(name, value, tables):
                found[name] = (value, source)
    return found


def sheet_name_values(sheet: str, tables: CodeTables) -> FileValues:
    """What a sheet's name says: its year ("2019年永久"), retention, or department ("办公室")."""
    if not sheet or re.fullmatch(r"(sheet|工作表)\s*\d*", sheet, re.IGNORECASE):
        return {}
    found: FileValues = {}
    source = msg("import.from_sheet_name", sheet=sheet)
    year = _SHEET_YEAR.search(sheet)
    if year:
        found["year"] = (int(year.group(1)), source)
    retention = _SHEET_RETENTION.search(sheet)
    if retention and _known("retention", retention.group(1), tables):
        found["retention"] = (retention.group(1), source)
    rest = _SHEET_RETENTION.sub("", _SHEET_YEAR.sub("", sheet)).strip(" -_·")
    for text in (sheet, rest):
        if text and tables.department(text) is not None:
            found["department"] = (text, source)
            break
    return found


def given_values(pairs: Mapping[str, str]) -> FileValues:
    """The archivist's ``--set`` values (checked, with the file's rows, by validation)."""
    source = msg("import.from_option")
    return {name: (value, source) for name, value in pairs.items()}


def merged(*sources: FileValues) -> FileValues:
    """The first source that names a field wins (the archivist's word before the sheet's)."""
    out: FileValues = {}
    for values in sources:
        for name, value in values.items():
            out.setdefault(name, value)
    return out


def _known(name: str, value: str, tables: CodeTables) -> bool:
    try:
        if name == "retention":
            return parse_retention(value, tables.retention) is not None
        if name == "year":
            return parse_year(value) is not None
    except CellError:
        return False
    if name == "department":
        return tables.department(value) is not None
    if name == "category":
        return tables.category(value) is not None
    return False
