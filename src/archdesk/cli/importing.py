"""`archdesk import FILE`: take in a department's transfer spreadsheet as one transfer batch.

Exit status: 0 every row valid, 3 some rows invalid (the valid ones are imported unless
--dry-run), 2 the file cannot be read as a transfer list at all, 1 any other refusal (e.g. the
same file imported before without --force).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from archdesk.cli import add_db_argument, archive_from_args
from archdesk.services.errors import ValidationError

EXIT_OK = 0
EXIT_UNREADABLE = 2
EXIT_SOME_INVALID = 3


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

    if args.rejects_out and not args.dry_run:
        _check_writable_folder(Path(args.rejects_out))  # before the batch is committed, not after
    with archive_from_args(args) as db:
        try:
            preview = preview_import(db, args.file, department=args.department, category=args.category)
        except ImportFileError as exc:
            return _unreadable(args, str(exc))
        except (OSError, UnicodeError) as exc:  # no read permission, text that is not what it says
            from archdesk.cli import message_language
            from archdesk.services.failures import classify

            return _unreadable(args, classify(exc, args.file).render(message_language(args)))
        except ValidationError as exc:
            if exc.field != "mapping":
                raise
            return _unreadable(args, f"{Path(args.file).name}: {exc.message}")
        result = dry_run_result(preview) if args.dry_run else accept_import(db, preview, force=args.force)
        if args.rejects_out:
            from archdesk.services.collection.rejects import write_rejection_slip

            slip = write_rejection_slip(preview, result, args.rejects_out)
            if not args.json:
                for path in (slip.returned_rows, slip.acceptance_note):
                    if path is not None:
                        print(f"wrote {path}")
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False))
    else:
        _print_summary(result)
    return EXIT_SOME_INVALID if result.invalid else EXIT_OK


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


def _unreadable(args: argparse.Namespace, message: str) -> int:
    print(f"archdesk: {message}", file=sys.stderr)
    if args.json:
        print(json.dumps({"file": args.file, "error": message}, ensure_ascii=False))
    return EXIT_UNREADABLE


def _print_summary(result) -> None:  # noqa: ANN001
    action = "would import" if result.dry_run else "imported"
    count = result.valid if result.dry_run else result.imported
    batch = f" as transfer batch {result.batch_id}" if result.batch_id else ""
    print(f"{result.file}: {result.rows} rows, {result.valid} valid, {result.invalid} invalid; {action} {count}{batch}")
    if result.review:
        print(f"{result.review} legacy retention values (长期/短期) were mapped and flagged for review")
    for issue in result.issues:
        print(f"  row {issue.row}, {issue.column}: {issue.message}")
