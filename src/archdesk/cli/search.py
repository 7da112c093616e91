"""`archdesk search QUERY [--db PATH_OR_URL] [--json] [--limit N] [--category C] [--year Y] …`

Every word of QUERY must occur in a record's title, reference code, document number, creator or
notes. Prints the matching records sorted by reference code (a table, or JSON with
``--json``: ``{query, total, results: [...]}``). Any text is a valid query.
"""

from __future__ import annotations

import argparse
import json
import unicodedata

from archdesk.services.dates import date8, iso_date
from archdesk.statuses import RecordStatus

#: The table's columns, each headed by its glossary term in the command's language.
COLUMNS = ("reference_code", "date", "document_number", "title")


def register(subparsers: argparse._SubParsersAction) -> None:
    from archdesk.cli import add_db_argument

    parser = subparsers.add_parser(
        "search",
        help="find records by words in their title, reference code, document number, creator or notes",
        description="Search the catalogue. Every word must occur (as part of a field); results are sorted by "
        "reference code.",
    )
    parser.add_argument("query", metavar="QUERY", help="words to find, e.g. 会议 or '会议 2023'")
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON: {query, total, results}")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="show at most N records (default 50)")
    parser.add_argument("--category", default="", help="category code, e.g. WS or KJ (sub-categories included)")
    parser.add_argument("--year", type=int, help="year (年度)")
    parser.add_argument("--retention", default="", help="retention period code: Y, D30, D10")
    parser.add_argument("--status", default="", choices=[status.value for status in RecordStatus], help="record status")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from archdesk.cli import archive_from_args, message_language
    from archdesk.messages import msg, render, term
    from archdesk.services.records_query import RecordFilter, search_records

    with archive_from_args(args, create=False) as db:
        flt = RecordFilter(category=args.category, year=args.year, retention=args.retention, status=args.status)
        result = search_records(db, args.query, flt, limit=max(args.limit, 0))
    if args.json:
        results = [_as_json(view) for view in result.records]
        print(json.dumps({"query": result.query, "total": result.total, "results": results}, ensure_ascii=False))
        return 0
    language = message_language(args)
    rows = [[_text(getattr(view, name)) for name in COLUMNS] for view in result.records]
    if rows:
        print(_table([render(term(name), language) for name in COLUMNS], rows))
    if len(rows) < result.total:
        summary = msg("search.summary_partial", shown=len(rows), total=result.total, query=result.query)
    else:
        summary = msg("search.summary", total=result.total, query=result.query)
    print(render(summary, language))
    return 0


def _as_json(view) -> dict:  # noqa: ANN001
    return {
        "id": view.id,
        "reference_code": view.reference_code,
        "title": view.display_title,
        "document_number": view.document_number,
        "responsible_party": view.responsible_party,
        "date": iso_date(view.date),  # ISO 8601, reduced precision for 1997-07 and 1997
        "year": view.year,
        "category": view.category_code,
        "retention": view.retention_code,
        "department": view.department_code,
        "security_level": view.security_level_name,
        "pages": view.pages,
        "status": view.status,
        "box": view.box_code,
        "location": view.location_code,
        "notes": view.notes,
    }


def _text(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return date8(value)  # the catalogue's 8 digits, 00 for what is unknown
    return str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *[line(r) for r in rows]])
