"""The ``archdesk`` command. With no command it starts the GUI.

Each command lives in its own module with ``register(subparsers)``; the parser sets
``func(args) -> int``. Errors a user can cause print one line to stderr and exit non-zero.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from archdesk import __version__
from archdesk.messages import language_from_environment, msg, render
from archdesk.services.errors import ArchDeskError

if TYPE_CHECKING:
    from archdesk.services.database import Database

# Command modules, in the order `archdesk --help` lists them.
COMMAND_MODULES = [
    "archdesk.cli.demo",
    "archdesk.cli.search",
    "archdesk.cli.check",
    "archdesk.cli.export",
    "archdesk.cli.importing",
    "archdesk.cli.init",
    "archdesk.cli.custody",
    "archdesk.cli.loans",
    "archdesk.cli.appraisal",
    "archdesk.cli.backup",
    "archdesk.cli.digitisation",
    "archdesk.cli.annual",
    "archdesk.cli.ocr",
]

EXIT_USAGE = 2


def add_db_argument(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--db`` on the top parser and on every command (``archdesk --db X cmd`` or ``archdesk cmd --db X``)."""
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        default=None if top else argparse.SUPPRESS,
        help="archive file or SQLAlchemy URL (default: archive.db in the user data folder)",
    )


@contextmanager
def archive_from_args(args: argparse.Namespace, *, create: bool = True, upgrade: bool = True) -> Iterator[Database]:
    """The archive named by ``--db`` (the default file when absent), disposed of when the block ends.

    ``create`` and ``upgrade`` as for ``open_archive``.
    """
    from archdesk.services.archive import open_archive

    db = open_archive(args.db, create=create, upgrade=upgrade)
    try:
        yield db
    finally:
        db.dispose()


def message_language(args: argparse.Namespace) -> str:
    """The language a command prints its messages in: ``--lang``, else the locale's."""
    return getattr(args, "lang", None) or language_from_environment()


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = argparse.ArgumentParser(prog="archdesk", description="ArchDesk records management for an archive office")
    parser.add_argument("--version", action="version", version=f"ArchDesk {__version__}")
    add_db_argument(parser, top=True)
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"], help="language of the window and of messages (default: the locale)"
    )
    parser.add_argument("--screenshot", metavar="FILE.png", help="save the main window to a PNG and exit")
    parser.add_argument("--size", default="1400x900", help="window size for --screenshot (WIDTHxHEIGHT)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def _bad_argument(argv: Sequence[str]) -> int | None:
    """The position of the first argument that is not UTF-8 (Python keeps such bytes as lone surrogates)."""
    for position, value in enumerate(argv, start=1):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return position
    return None


def _archive_place(args: argparse.Namespace) -> str:
    from archdesk.services.database import default_database_path

    return str(getattr(args, "db", None) or default_database_path())


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    bad = _bad_argument(argv)
    if bad is not None:
        language = language_from_environment()
        print(f"archdesk: {render(msg('safety.bad_argument', position=bad), language)}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from archdesk.ui.app import run_gui  # Qt is imported only for the GUI

        return run_gui(args)
    language = message_language(args)
    from archdesk.cli.terminal import SafeStream

    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)  # no raw escapes from the data
    try:
        return _run(args, language)
    finally:
        sys.stdout, sys.stderr = streams


def _run(args: argparse.Namespace, language: str) -> int:
    try:
        return int(args.func(args) or 0)
    except ArchDeskError as exc:  # Cancelled included: "cancelled; nothing was changed"
        print(f"archdesk: {exc.render(language)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"archdesk: {render(msg('core.interrupted'), language)}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`archdesk search … | head`): stop quietly, as other tools do.
        # Point stdout at /dev/null so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # a full disk, a locked, read-only or damaged archive, an unreadable file
        from archdesk.services.failures import classify

        known = classify(exc, _archive_place(args))
        if known is None:
            raise  # a bug: the traceback is wanted
        print(f"archdesk: {known.render(language)}", file=sys.stderr)
        return 1
