"""Which spreadsheet column holds which record field (column mapping, 列对应).

Chinese and English headings and their usual variants are recognised; the archivist can correct the
guess, and the corrected mapping is remembered per department (``Department.import_mapping``, JSON)
for that department's next transfer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from archdesk.models import Department

#: Field name → (English label, Chinese label). Field names are Record attributes where one exists.
FIELDS: dict[str, tuple[str, str]] = {
    "sequence": ("No.", "序号"),
    "reference_code": ("Reference code", "档号"),
    "document_number": ("Document number", "文号"),
    "responsible_party": ("Creator", "责任者"),
    "title": ("Title", "题名"),
    "date": ("Date", "日期"),
    "pages": ("Pages", "页数"),
    "security_level": ("Access", "密级"),
    "retention": ("Retention", "保管期限"),
    "notes": ("Remarks", "备注"),
    "year": ("Year", "年度"),
    "department": ("Department", "机构(问题)"),
    "category": ("Category", "门类"),
    "carrier": ("Medium", "载体"),
    "item_number": ("Item number", "件号"),
}
#: The names the CLI's ``--column`` and ``--set`` take, where they differ from the field's.
FIELD_NAMES = {"security": "security_level", "medium": "carrier"}

_ALIASES: dict[str, tuple[str, ...]] = {
    "sequence": ("序号", "顺序号", "编号", "no", "no.", "number", "seq", "#"),
    "reference_code": (
        "档号",
        "归档号",
        "档案局档号",
        "档案馆档号",
        "馆编档号",
        "室编档号",
        "原档号",
        "档案号",
        "referencecode",
        "archivalcode",
        "refcode",
        "reference",
        "identifier",
        "componentuniqueidentifier",
    ),
    "document_number": ("文号", "文件编号", "发文字号", "发文号", "文件号", "documentnumber", "docno", "fileno"),
    "responsible_party": ("责任者", "发文单位", "发文机关", "责任单位", "形成单位", "creator", "author", "issuedby"),
    "title": (
        "题名",
        "文件题名",
        "标题",
        "文件名称",
        "名称",
        "案卷题名",
        "材料名称",
        "文件材料名称",
        "材料题名",
        "内容",
        "title",
        "documenttitle",
        "subject",
    ),
    "date": (
        "日期",
        "成文日期",
        "形成日期",
        "发文日期",
        "文件日期",
        "时间",
        "成文时间",
        "材料形成时间",
        "形成时间",
        "文件形成时间",
        "材料日期",
        "date",
        "documentdate",
        "dateexpression",
        "begindate",
        "datecreated",
    ),
    "pages": ("页数", "页码", "页号", "页", "pages", "pagecount", "pp"),
    "security_level": (
        "密级",
        "保密级别",
        "保密等级",
        "access",
        "security",
        "classification",
        "securitylevel",
        "restrictions",
        "accessrestrictions",
        "conditionsgoverningaccess",
    ),
    "retention": ("保管期限", "期限", "保存期限", "retention", "retentionperiod", "period"),
    "notes": ("备注", "附注", "说明", "remarks", "notes", "comments", "note"),
    "year": ("年度", "年份", "归档年度", "year"),
    "department": (
        "机构",
        "部门",
        "机构问题",
        "问题",
        "机构部门",
        "承办部门",
        "department",
        "organisation",
        "organization",
    ),
    "category": ("门类", "档案门类", "类别", "门类代码", "category", "series"),
    "carrier": ("载体", "载体类型", "载体形式", "medium", "carrier"),
    "item_number": ("件号", "室编件号", "馆编件号", "itemnumber", "itemno"),
}
#: Headings taken only when no column has the field's own heading (份数 counts copies; a list
#: with no 页数 column gives its extent there).
_SECOND_CHOICE: dict[str, str] = {"份数": "pages", "件数": "pages", "数量": "pages", "extent": "pages"}
_LOOKUP = {alias: field for field, aliases in _ALIASES.items() for alias in aliases}
_NOISE = re.compile(r"[\s()（）\[\]【】:：*＊_/、.\-]+")


def normalise_heading(text: str) -> str:
    """Compare headings without spaces, brackets, punctuation or case: '机构（问题）' → '机构问题'."""
    compact = _NOISE.sub("", text.strip().lower())
    return compact or text.strip().lower()


def field_for_heading(text: str) -> str | None:
    key = normalise_heading(text)
    return _LOOKUP.get(key) or _SECOND_CHOICE.get(key)


def heading_score(value: str) -> int:
    """1 when a cell reads like a known column heading (used to find the header row)."""
    key = normalise_heading(value)
    return 1 if len(value) <= 30 and (key in _LOOKUP or key in _SECOND_CHOICE) else 0


@dataclass(frozen=True)
class ColumnMapping:
    """One field name (or None: ignored) per spreadsheet column, in column order."""

    headers: tuple[str, ...]
    fields: tuple[str | None, ...]

    def column_of(self, field: str) -> int | None:
        try:
            return self.fields.index(field)
        except ValueError:
            return None

    def heading_of(self, field: str) -> str:
        index = self.column_of(field)
        return self.headers[index] if index is not None else FIELDS[field][1]

    def as_dict(self) -> dict[str, str]:
        """Heading → field ('' for an ignored column): the form the UI edits and the CLI prints."""
        return {h: f or "" for h, f in zip(self.headers, self.fields, strict=True) if h}


def guess_mapping(headers: Sequence[str], corrections: Mapping[str, str] | None = None) -> ColumnMapping:
    """Map headings to fields. ``corrections`` (heading → field, '' to ignore) wins over the guess,
    and is matched on the normalised heading so that a remembered mapping survives small changes."""
    wanted = {normalise_heading(h): f for h, f in (corrections or {}).items()}
    fields: list[str | None] = []
    taken: set[str] = set()
    for heading in headers:
        key = normalise_heading(heading) if heading else ""
        field = wanted[key] if key in wanted else _LOOKUP.get(key) if key else None
        field = field or None
        if field is not None and (field in taken or field not in FIELDS):
            field = None  # a second column with the same meaning (e.g. under a merged heading) is ignored
        if field:
            taken.add(field)
        fields.append(field)
    for index, heading in enumerate(headers):
        second = _SECOND_CHOICE.get(normalise_heading(heading)) if heading else None
        if fields[index] is None and second and second not in taken and normalise_heading(heading) not in wanted:
            fields[index] = second
            taken.add(second)
    return ColumnMapping(tuple(headers), tuple(fields))


def remembered_mapping(session: Session, department_id: int | None) -> dict[str, str]:
    """The heading → field corrections remembered from the department's last import (may be empty)."""
    if department_id is None:
        return {}
    text = session.scalar(select(Department.import_mapping).where(Department.id == department_id))
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    headings = data.get("headings", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in headings.items() if v == "" or v in FIELDS}


def remembered_values(session: Session, department_id: int | None) -> dict[str, dict[str, str]]:
    """The value map (field → spelling → code) remembered from the department's last import."""
    if department_id is None:
        return {}
    text = session.scalar(select(Department.import_mapping).where(Department.id == department_id))
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    values = data.get("values", {}) if isinstance(data, dict) else {}
    return {
        str(f): {str(k): str(v) for k, v in m.items()} for f, m in values.items() if f in FIELDS and isinstance(m, dict)
    }


def remember_mapping(
    session: Session, department_id: int, mapping: ColumnMapping, values: Mapping[str, Mapping[str, str]] | None = None
) -> dict[str, Any]:
    """Store the mapping and the value map on the department (inside the caller's unit of work,
    which audits it); returns what was stored."""
    payload: dict[str, Any] = {"version": 2, "headings": mapping.as_dict()}
    if values:
        payload["values"] = {field: dict(spellings) for field, spellings in values.items()}
    session.execute(
        update(Department)
        .where(Department.id == department_id)
        .values(import_mapping=json.dumps(payload, ensure_ascii=False))
    )
    return payload
