"""`archdesk init --db PATH --fonds-code CODE --fonds-name NAME`: create an empty archive with its
code tables (retention periods, security levels, categories, departments, media) and its fonds,
for scripts and tests. An existing archive is never touched."""

from __future__ import annotations

import argparse
import json
import sys

from archdesk.cli import add_db_argument, message_language
from archdesk.messages import msg, render


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "init",
        help="create an empty archive with its code tables",
        description="Create a new, empty archive file with the shipped code tables and one fonds (全宗).",
    )
    add_db_argument(parser)
    parser.add_argument("--fonds-code", required=True, metavar="CODE", help="fonds number (全宗号), e.g. Z109")
    parser.add_argument("--fonds-name", required=True, metavar="NAME", help="fonds name (全宗名称)")
    parser.add_argument("--json", action="store_true", help="print one JSON object describing the new archive")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from archdesk.services.archive import open_archive
    from archdesk.services.database import sqlite_file, to_url

    language = message_language(args)
    if not args.db:
        print(f"archdesk: {render(msg('init.db_required'), language)}", file=sys.stderr)
        return 2
    code = args.fonds_code.strip()
    if not code or not args.fonds_name.strip():
        print(f"archdesk: {render(msg('init.fonds_required'), language)}", file=sys.stderr)
        return 2
    path = sqlite_file(to_url(args.db))
    if path is not None and path.exists() and path.stat().st_size > 0:
        print(f"archdesk: {render(msg('init.exists', path=str(path)), language)}", file=sys.stderr)
        return 1
    db = open_archive(args.db, fonds_code=code, fonds_name=args.fonds_name.strip())
    try:
        from sqlalchemy import func, select

        from archdesk.models import Category, Fonds, Record

        with db.reading() as session:
            fonds = session.execute(select(Fonds.code, Fonds.name)).all()
            if [f[0] for f in fonds] != [code] or session.scalar(select(func.count()).select_from(Record)):
                print(f"archdesk: {render(msg('init.exists', path=str(args.db)), language)}", file=sys.stderr)
                return 1
            categories = session.scalar(select(func.count()).select_from(Category))
    finally:
        db.dispose()
    if args.json:
        print(json.dumps({"db": str(args.db), "fonds_code": code, "fonds_name": fonds[0][1],
                          "categories": categories}, ensure_ascii=False))  # fmt: skip
    else:
        print(render(msg("init.created", db=str(args.db), code=code, name=fonds[0][1]), language))
    return 0
