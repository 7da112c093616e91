"""`archdesk ocr [--limit N] [--json]`: read the text of scans that have none (offline OCR).

Reads every waiting scan (images, PDFs without a text layer), or the first ``N`` files, a page at
a time; each page is kept as it is read, so an interrupted run goes on where it stopped. JSON:
``{files: [{attachment_id, reference_code, file_name, pages, characters}], pages, characters,
remaining}``. Without the OCR extra it prints one line naming ``pip install 'archdesk[ocr]'`` and
exits 1.
"""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    from archdesk.cli import add_db_argument

    parser = subparsers.add_parser(
        "ocr",
        help="read the text of scans without a text layer (offline OCR; pip install 'archdesk[ocr]')",
        description="Read the text of attached scans that have none (images, image-only PDFs) by OCR on this "
        "machine, a page at a time, and index it for search.",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="read at most N files this run")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    add_db_argument(parser)
    parser.set_defaults(func=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    from archdesk.cli import archive_from_args
    from archdesk.services.digitisation import ocr

    if args.limit is not None and args.limit < 1:
        args.parser.error("--limit must be at least 1")
    ocr.require()
    with archive_from_args(args, create=False) as db:
        report = ocr.run_ocr(db, limit=args.limit)
    if args.json:
        files = [{"attachment_id": f.attachment_id, "reference_code": f.reference_code, "file_name": f.file_name,
                  "pages": f.pages, "characters": f.characters} for f in report.files]  # fmt: skip
        print(json.dumps({"files": files, "pages": report.pages, "characters": report.characters,
                          "remaining": report.remaining}, ensure_ascii=False))  # fmt: skip
    else:
        for f in report.files:
            print(f"{f.reference_code}\t{f.file_name}\t{f.pages} pages\t{f.characters} characters")
        print(f"{len(report.files)} files, {report.pages} pages read; {report.remaining} files waiting")
    return 0
