"""`archdesk demo [--db PATH_OR_URL] [--records N] [--force]`: fill an archive with demo data.

Deterministic (the same seed gives the same records) and refused on an archive that already
has records unless ``--force``.
"""

from __future__ import annotations

import argparse
import sys

DEFAULT_RECORDS = 2000


def register(subparsers: argparse._SubParsersAction) -> None:
    from archdesk.cli import add_db_argument

    parser = subparsers.add_parser(
        "demo",
        help="add realistic Chinese demo records, boxes and shelf locations",
        description="Add deterministic demo data (records across categories, years and departments, boxed on "
        "shelves) to an empty archive.",
    )
    add_db_argument(parser)
    parser.add_argument(
        "--records", type=_positive, default=DEFAULT_RECORDS, metavar="N", help=f"how many (default {DEFAULT_RECORDS})"
    )
    parser.add_argument("--seed", type=int, default=2024, help="random seed (default 2024)")
    parser.add_argument("--force", action="store_true", help="add demo data even if the archive has records")
    parser.set_defaults(func=run)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def run(args: argparse.Namespace) -> int:
    from archdesk.cli import archive_from_args, message_language
    from archdesk.messages import msg, render
    from archdesk.services.demo import add_demo_data
    from archdesk.services.errors import NotAllowed

    with archive_from_args(args) as db:
        try:
            summary = add_demo_data(db, args.records, seed=args.seed, force=args.force, progress=_progress())
        except NotAllowed as exc:
            raise NotAllowed(msg("demo.force_hint", problem=exc.content)) from exc
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)
    added = msg(
        "demo.added",
        where=str(db.file or db.url),
        records=summary.records,
        boxes=summary.boxes,
        locations=summary.locations,
    )
    print(render(added, message_language(args)))
    return 0


def _progress():  # noqa: ANN202
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> bool:
        print(f"\r{done}/{total} records", end="", file=sys.stderr, flush=True)
        return True

    return show
