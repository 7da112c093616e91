"""`archdesk backup [--out FILE]`, `archdesk restore BACKUP` and `archdesk migrate-to URL`: a consistent
copy of the archive file, putting a verified copy back (the current file is kept aside), and moving the
archive into an empty PostgreSQL database. See ``services/backup.py`` and ``services/migrate_to.py``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    from archdesk.cli import add_db_argument

    parser = subparsers.add_parser(
        "backup",
        help="back up the archive file (a consistent copy, taken while it is in use)",
        description="Copy the archive with SQLite's online backup API, with its audit-chain head and "
        "attachment manifest. Default: a new file in the 'backups' folder beside the archive.",
    )
    add_db_argument(parser)
    parser.add_argument("--out", metavar="FILE", help="where to write the backup")
    parser.set_defaults(func=run_backup)

    parser = subparsers.add_parser(
        "restore",
        help="restore the archive from a backup, after verifying it",
        description="Verify the backup (integrity, schema revision, audit chain), keep the current archive "
        "aside as <name>.<time>.before-restore.db and put the backup in its place.",
    )
    add_db_argument(parser)
    parser.add_argument("backup", metavar="BACKUP", help="the backup file")
    parser.set_defaults(func=run_restore)
    register_migrate_to(subparsers)


def _archive_file(args: argparse.Namespace) -> Path | None:
    from archdesk.services.database import default_database_path, sqlite_file, to_url

    return sqlite_file(to_url(getattr(args, "db", None) or default_database_path()))


def run_backup(args: argparse.Namespace) -> int:
    from archdesk.cli import message_language
    from archdesk.messages import msg, render
    from archdesk.services import backup

    archive = _archive_file(args)
    tty = sys.stderr.isatty()
    result = backup.backup(archive, Path(args.out) if args.out else None, progress=_show if tty else None)
    if tty:
        print("\r\033[K", end="", file=sys.stderr)
    size = f"{result.size / 1_000_000:.1f}"
    print(
        render(msg("safety.backup_written", path=result.path, size=size, events=result.events), message_language(args))
    )
    return 0


def _show(done: int, total: int) -> bool:
    print(f"\rbacking up: {done}/{total} pages", end="", file=sys.stderr, flush=True)
    return True


def run_restore(args: argparse.Namespace) -> int:
    from archdesk.cli import message_language
    from archdesk.messages import msg, render
    from archdesk.services import backup
    from archdesk.services.errors import DatabaseError

    archive = _archive_file(args)
    if archive is None:
        raise DatabaseError(msg("safety.backup_sqlite_only"))
    from archdesk.services import writer_lock
    from archdesk.services.database import Database

    taken = writer_lock.acquire(archive, Database(f"sqlite:///{archive}").actor)
    if isinstance(taken, writer_lock.Holder):  # never pull the file from under a running ArchDesk
        raise DatabaseError(
            msg("safety.held_by", where=archive, operator=taken.operator, host=taken.host, since=taken.since)
        )
    try:
        kept = backup.restore(archive, Path(args.backup))
    finally:
        taken.release()
    if kept is None:
        text = msg("safety.restored_new", archive=archive, backup=args.backup)
    else:
        text = msg("safety.restored", archive=archive, backup=args.backup, kept=kept)
    print(render(text, message_language(args)))
    return 0


def register_migrate_to(subparsers: argparse._SubParsersAction) -> None:
    from archdesk.cli import add_db_argument

    parser = subparsers.add_parser(
        "migrate-to",
        help="copy this SQLite archive into an empty PostgreSQL database and verify it",
        description="Create the schema in the empty database at URL, copy every table, build the search "
        "index, then verify the row counts and the audit chain. A failure leaves the database empty.",
    )
    add_db_argument(parser)
    parser.add_argument("url", metavar="URL", help="e.g. postgresql+psycopg://archdesk@server/archive")
    parser.set_defaults(func=run_migrate_to)


def run_migrate_to(args: argparse.Namespace) -> int:
    from archdesk.cli import archive_from_args, message_language
    from archdesk.messages import msg, render
    from archdesk.services.migrate_to import migrate_to

    with archive_from_args(args, create=False) as db:
        report = migrate_to(db, args.url)
    text = msg(
        "safety.migrated",
        archive=db.file,
        where=report.target,
        records=report.counts.get("record", 0),
        events=report.events,
        tables=len(report.counts),
    )
    print(render(text, message_language(args)))
    return 0
