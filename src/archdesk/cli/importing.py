"""`archdesk import FILE`: take in a department's transfer spreadsheet as one transfer batch.

Exit status: 0 every row valid, 3 some rows invalid (the valid ones are imported unless
--dry-run), 2 the file cannot be read as a transfer list at all (nor with the options given),
1 any other refusal (e.g. the same file imported before without --force).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from archdesk.cli import add_db_argument, archive_from_args, message_language
from archdesk.messages import msg, render
from archdesk.services.errors import ArchDeskError, ValidationError

EXIT_OK = 0
EXIT_UNREADABLE = 2
EXIT_SOME_INVALID = 3
#: The fields ``--column`` and ``--set`` name (the issue's contract) → the import's own field names.
CLI_FIELDS = {
    "title": "title", "reference_code": "reference_code", "document_number": "document_number",
    "responsible_party": "responsible_party", "date": "date", "year": "year", "pages": "pages",
    "retention": "retention", "security": "security_level", "category": "category",
    "department": "department", "notes": "notes", "item_number": "item_number", "medium": "carrier",
}  # fmt: skip


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import a department's transfer spreadsheet (.xlsx, .xls, .ods, .csv)",
        description="Import a transfer spreadsheet: valid rows become records of a new transfer batch; "
        "invalid rows are listed with their sheet row, column and the reason.",
    )
    parser.add_argument("file", metavar="FILE", help="the spreadsheet (.xlsx, .xlsm, .xls, .ods or .csv)")
    parser.add_argument("--department", metavar="CODE_OR_NAME", help="the transferring department (机构), e.g. BGS")
    parser.add_argument("--category", metavar="CODE", help="category (门类) for rows without one (default WS)")
    parser.add_argument("--sheet", metavar="NAME|all", help="the sheet to read, or all (default: the first)")
    parser.add_argument(
        "--set", dest="set_values", action="append", default=[], metavar="FIELD=VALUE",
        help="a value for every row of a field that has no column, e.g. --set retention=永久",
    )  # fmt: skip
    parser.add_argument(
        "--column", action="append", default=[], metavar="HEADER=FIELD",
        help=f"read the column HEADER as FIELD ({', '.join(CLI_FIELDS)}); FIELD empty to ignore it",
    )  # fmt: skip
    parser.add_argument(
        "--value", action="append", default=[], metavar="FIELD:TEXT=CODE",
        help="read TEXT in FIELD as CODE, e.g. --value security:Restricted=秘密",
    )  # fmt: skip
    parser.add_argument(
        "--keep-reference-codes", action="store_true",
        help="keep each row's 档号 (a catalogue moved from another system); new numbers continue after them",
    )  # fmt: skip
    parser.add_argument("--dry-run", action="store_true", help="check the file only; import nothing")
    parser.add_argument("--force", action="store_true", help="import even if the same file was imported before")
    parser.add_argument("--json", action="store_true", help="print one JSON object with the counts and errors")
    parser.add_argument(
        "--rejects-out", metavar="DIR", help="write the returned rows (.xlsx) and the 移交验收单 (.pdf)"
    )
    add_db_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from archdesk.services.collection import ImportFileError, accept_import, preview_import
    from archdesk.services.collection.transfer import dry_run_result

    language = message_language(args)
    try:
        choices = _choices(args)
    except ValidationError as exc:
        return _unreadable(args, exc, language)
    if args.rejects_out and not args.dry_run:
        _check_writable_folder(Path(args.rejects_out))  # before the batch is committed, not after
    with archive_from_args(args) as db:
        try:
            preview = preview_import(db, args.file, department=args.department, category=args.category, **choices)
        except (ImportFileError, ValidationError) as exc:
            if isinstance(exc, ValidationError) and exc.field in ("department", "category") and exc.row is None \
                    and exc.source is None:  # fmt: skip
                raise  # a wrong --department/--category: exit 1 as before
            return _unreadable(args, exc, language)
        except (OSError, UnicodeError) as exc:  # no read permission, text that is not what it says
            from archdesk.services.failures import classify

            error = classify(exc, args.file)
            if error is None:
                raise
            return _unreadable(args, error, language)
        result = dry_run_result(preview) if args.dry_run else accept_import(db, preview, force=args.force)
        if args.rejects_out:
            from archdesk.services.collection.rejects import write_rejection_slip

            slip = write_rejection_slip(
                preview, result, args.rejects_out, language=getattr(args, "lang", None) or "zh_CN"
            )
            if not args.json:
                for path in (slip.returned_rows, slip.acceptance_note):
                    if path is not None:
                        print(f"wrote {path}")
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        _print_summary(result, language)
    return EXIT_SOME_INVALID if result.invalid else EXIT_OK


def _choices(args: argparse.Namespace) -> dict:
    """preview_import's keyword arguments from the flags; a malformed flag is a ValidationError."""
    mapping = {}
    for text in args.column:
        header, field = _pair(text, "=", "--column", "HEADER=FIELD")
        mapping[header] = _field(field, "--column") if field else ""
    values = {}
    for text in args.set_values:
        field, value = _pair(text, "=", "--set", "FIELD=VALUE")
        values[_field(field, "--set")] = value
    value_map: dict[str, dict[str, str]] = {}
    for text in args.value:
        field, rest = _pair(text, ":", "--value", "FIELD:TEXT=CODE")
        spelling, code = _pair(rest, "=", "--value", "FIELD:TEXT=CODE", from_right=True)
        value_map.setdefault(_field(field, "--value"), {})[spelling] = code
    return {
        "sheet": args.sheet,
        "mapping": mapping,
        "values": values,
        "value_map": value_map,
        "keep_reference_codes": args.keep_reference_codes,
    }


def _pair(text: str, separator: str, option: str, form: str, *, from_right: bool = False) -> tuple[str, str]:
    left, found, right = text.rpartition(separator) if from_right else text.partition(separator)
    if not found or not left.strip():
        raise ValidationError(option, msg("import.bad_option", option=f"{option} {text}", form=form))
    return left.strip(), right.strip()


def _field(name: str, option: str) -> str:
    field = CLI_FIELDS.get(name.strip().lower())
    if field is None:
        raise ValidationError(option, msg("import.unknown_field", name=name, fields=", ".join(CLI_FIELDS)))
    return field


def _check_writable_folder(folder: Path) -> None:
    import tempfile

    from archdesk.messages import msg
    from archdesk.services.errors import ArchDeskError

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise ArchDeskError(msg("safety.unwritable_folder", where=folder, detail=exc.strerror or exc)) from exc


def _unreadable(args: argparse.Namespace, error: ArchDeskError, language: str) -> int:
    print(f"archdesk: {error.render(language)}", file=sys.stderr)
    if args.json:
        print(json.dumps({"file": args.file, "error": error.render("en")}, ensure_ascii=False))
    return EXIT_UNREADABLE


def _print_summary(result, language: str) -> None:  # noqa: ANN001
    action = "would import" if result.dry_run else "imported"
    count = result.valid if result.dry_run else result.imported
    batch = f" as transfer batch {result.batch_id}" if result.batch_id else ""
    print(f"{result.file}: {result.rows} rows, {result.valid} valid, {result.invalid} invalid; {action} {count}{batch}")
    for note in result.notes():
        print(f"  {render(note, language)}")
    if result.review:
        print(f"{result.review} legacy retention values (长期/短期) were mapped and flagged for review")
    for unknown in result.unknown_values:
        print(f"  unknown {unknown.column}: {unknown.value!r} in {len(unknown.rows)} rows (map it with --value)")
    for issue in result.issues:
        where = f"{issue.sheet}, " if issue.sheet and len(result.sheets_read) > 1 else ""
        print(f"  {where}row {issue.row}, {issue.column}: {issue.render(language)}")
