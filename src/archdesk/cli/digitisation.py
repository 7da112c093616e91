"""`archdesk attach REF FILE...` and `archdesk attach --folder DIR [--json]`: files attached to records.

With ``--folder`` every file whose name carries a reference code (``Z001-WS·2023-Y-BGS-0001.pdf``,
``…_01.pdf``, the ``·`` written ``.`` or ``_``) is attached to its record, all in one transaction;
the others are reported as unmatched (JSON ``{matched: [{file, reference_code, attachment_id}],
unmatched: [file, …]}``). Exit 0 when every file was attached, 1 when some matched no record.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

EXIT_UNMATCHED = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    from archdesk.cli import add_db_argument

    parser = subparsers.add_parser(
        "attach",
        help="attach scans or electronic files to records (one record, or a folder named by reference code)",
        description="Attach files to a record: archdesk attach REF FILE... ; or every file of a folder whose "
        "name carries a reference code: archdesk attach --folder DIR",
    )
    parser.add_argument("reference_code", nargs="?", metavar="REF", help="the record's reference code (档号)")
    parser.add_argument("files", nargs="*", metavar="FILE", help="files to attach")
    parser.add_argument("--folder", metavar="DIR", help="attach every file of DIR by the reference code in its name")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    add_db_argument(parser)
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    from archdesk.cli import archive_from_args

    if args.folder and (args.reference_code or args.files):
        args.parser.error("give either REF FILE... or --folder DIR, not both")
    if not args.folder and (not args.reference_code or not args.files):
        args.parser.error("give REF and at least one FILE, or --folder DIR")
    with archive_from_args(args, create=False) as db:
        if args.folder:
            return _attach_folder(db, Path(args.folder), args.json)
        from archdesk.services.digitisation.attachments import attach_to_reference

        views = attach_to_reference(db, args.reference_code, [Path(f) for f in args.files])
    if args.json:
        print(json.dumps({"reference_code": args.reference_code, "attachments": [_as_json(v) for v in views]},
                         ensure_ascii=False))  # fmt: skip
    else:
        for view in views:
            print(f"{args.reference_code}\t{view.file_name}\t{view.media_type}\t{view.page_count or ''}\t{view.sha256}")
    return 0


def _attach_folder(db, folder: Path, as_json: bool) -> int:  # noqa: ANN001
    from archdesk.messages import msg
    from archdesk.services.digitisation.attachments import attach_folder
    from archdesk.services.errors import NotAllowed

    if not folder.is_dir():
        raise NotAllowed(msg("digitisation.no_such_folder", folder=str(folder)))
    report = attach_folder(db, folder)
    if as_json:
        matched = [{"file": m.file, "reference_code": m.reference_code, "attachment_id": m.attachment_id}
                   for m in report.matched]  # fmt: skip
        print(json.dumps({"matched": matched, "unmatched": list(report.unmatched)}, ensure_ascii=False))
    else:
        for match in report.matched:
            print(f"attached\t{match.file}\t{match.reference_code}")
        for name in report.unmatched:
            print(f"unmatched\t{name}")
        print(f"{len(report.matched)} attached, {len(report.unmatched)} unmatched")
    return EXIT_UNMATCHED if report.unmatched else 0


def _as_json(view) -> dict:  # noqa: ANN001
    return {"id": view.id, "file_name": view.file_name, "media_type": view.media_type, "size_bytes": view.size_bytes,
            "sha256": view.sha256, "page_count": view.page_count}  # fmt: skip


def package_options(parser: argparse.ArgumentParser) -> None:
    """`archdesk export package REF... --out FILE.zip`."""
    parser.add_argument("reference_codes", nargs="+", metavar="REF", help="reference codes of the records")


def export_package(args: argparse.Namespace) -> int:
    from archdesk.cli import archive_from_args
    from archdesk.services.digitisation.package import export_package as build

    with archive_from_args(args, create=False) as db:
        result = build(db, args.reference_codes, Path(args.out))
    print(f"{result.path}: {result.records} records, {result.files} files, {result.bytes} bytes (BagIt, SHA-256)")
    return 0
