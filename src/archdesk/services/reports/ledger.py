"""出入库登记簿: the movement ledger as a printable register (PDF and Excel), Qt-free."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from archdesk.messages import CHINESE, ENGLISH, render, term
from archdesk.services.ledger import LedgerEntry
from archdesk.services.reports.document import Align, Column, Document, Kind, Orientation, single_section

_WORDS = {
    "title": ("档案出入库登记簿", "Movement ledger"),
    "seq": ("序号", "No."),
    "when": ("日期时间", "When"),
    "direction": ("方向", "Direction"),
    "reason": ("原因", "Reason"),
    "box": ("档案盒", "Box"),
    "reference_code": ("档号", "Reference code"),
    "title_col": ("题名", "Title"),
    "from": ("原位置", "From"),
    "to": ("新位置", "To"),
    "operator": ("经办人", "Operator"),
    "notes": ("备注", "Notes"),
    "total": ("共 {count} 条", "{count} entries"),
    "signed": ("登记人", "Recorded by"),
    "checked": ("审核人", "Checked by"),
}


def _w(key: str, language: str) -> str:
    zh, en = _WORDS[key]
    return en if language == "en" else zh


def reason_text(reason: str, language: str) -> str:
    """``term.movement.<reason>`` in ``language``; an unknown reason prints as it is."""
    text = render(term(f"movement.{reason}"), CHINESE if language != "en" else ENGLISH)
    return reason if text.startswith("term.") else text


def direction_text(direction: str, language: str) -> str:
    text = render(term(f"movement.direction.{direction}"), CHINESE if language != "en" else ENGLISH)
    return direction if text.startswith("term.") else text


def ledger_document(
    entries: Sequence[LedgerEntry], language: str = "zh_CN", *, organisation: str = "", printed_on: date | None = None
) -> Document:
    columns = (
        Column(_w("seq", language), 6, Align.CENTER, kind=Kind.NUMBER),
        Column(_w("when", language), 16, Align.CENTER),
        Column(_w("direction", language), 8, Align.CENTER),
        Column(_w("reason", language), 12, Align.CENTER, wrap=True),
        Column(_w("box", language), 22, wrap=True),
        Column(_w("reference_code", language), 22, wrap=True),
        Column(_w("title_col", language), 21, wrap=True),
        Column(_w("from", language), 17, wrap=True),
        Column(_w("to", language), 17, wrap=True),
        Column(_w("operator", language), 9, Align.CENTER),
        Column(_w("notes", language), 12, wrap=True),
    )
    rows = [
        (
            number, f"{e.occurred_at:%Y-%m-%d %H:%M}", direction_text(e.direction, language), reason_text(e.reason, language),
            e.box, e.reference_code, e.title, e.from_location, e.to_location, e.operator, e.notes,
        )
        for number, e in enumerate(entries, 1)
    ]  # fmt: skip
    return Document(
        title=_w("title", language),
        columns=columns,
        sections=single_section(rows),
        organisation=organisation,
        printed_on=printed_on or date.today(),
        footer_notes=(_w("total", language).format(count=len(rows)),),
        signatures=(_w("signed", language), _w("checked", language)),
        orientation=Orientation.LANDSCAPE,
        language=language,
        sheet_name=_w("title", language),
    )


_STOCKTAKE = {
    "title": ("盘点结果", "Stocktake result"),
    "bucket": ("类别", "Result"),
    "box": ("档案盒", "Box"),
    "expected_at": ("应在库位", "Expected on"),
    "found_at": ("实际库位", "Found on"),
    "reference_code": ("档号", "Reference code"),
    "locations": ("盘点范围", "Shelves"),
    "summary": ("应有 {expected} 盒，已清点 {found} 盒", "{expected} boxes expected, {found} found"),
    "counter": ("盘点人", "Counted by"),
    "checker": ("复核人", "Checked by"),
}


def stocktake_document(result, language: str = "zh_CN", *, organisation: str = "") -> Document:  # noqa: ANN001
    """A stocktake's four buckets (missing, unexpected, misplaced, on loan) as one register."""
    from archdesk.services.reports.document import Field

    def w(key: str) -> str:
        zh, en = _STOCKTAKE[key]
        return en if language == "en" else zh

    columns = (
        Column(_w("seq", language), 6, Align.CENTER, kind=Kind.NUMBER),
        Column(w("bucket"), 10, Align.CENTER),
        Column(w("box"), 30, wrap=True),
        Column(w("expected_at"), 18),
        Column(w("found_at"), 18),
        Column(w("reference_code"), 28, wrap=True),
    )
    rows = []
    for bucket in ("missing", "unexpected", "misplaced", "on_loan"):
        word = render(term(f"custody.{bucket}"), CHINESE if language != "en" else ENGLISH)
        for line in getattr(result, bucket):
            rows.append((len(rows) + 1, word, line.code, line.expected_at, line.found_at, line.reference_code))
    return Document(
        title=w("title"),
        columns=columns,
        sections=single_section(rows),
        organisation=organisation,
        fields=(Field(w("locations"), result.prefix),),
        footer_notes=(w("summary").format(expected=result.expected, found=result.found),),
        signatures=(w("counter"), w("checker")),
        language=language,
        sheet_name=w("title"),
    )
