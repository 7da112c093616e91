"""`archdesk check [--db PATH_OR_URL] [--json]`: the integrity check of an archive.

Opens the archive as it is (no upgrade, no seeding), runs ``services.integrity.check_archive``
and prints what it found. Exit 0 when clean, 1 when there are problems.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archdesk.services.integrity import IntegrityReport

EXIT_CLEAN = 0
EXIT_PROBLEMS = 1


def register(subparsers: argparse._SubParsersAction) -> None:
    from archdesk.cli import add_db_argument

    parser = subparsers.add_parser(
        "check",
        help="check the archive's integrity (file, schema, reference codes, item numbers, boxes, search index)",
        description="Check the archive without changing it. Exit status 0 when clean, 1 when problems were found.",
    )
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--limit", type=int, default=100, metavar="N", help="show at most N findings per check (default 100)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from archdesk.cli import archive_from_args, message_language
    from archdesk.services.integrity import check_archive

    with archive_from_args(args, upgrade=False) as db:
        report = check_archive(db, limit=max(args.limit, 0), progress=_show_progress if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, message_language(args)))
    return EXIT_CLEAN if report.clean else EXIT_PROBLEMS


def _show_progress(done: int, total: int) -> bool:
    print(f"\rchecking records: {done}/{total}", end="", file=sys.stderr, flush=True)
    return True


def format_report(report: IntegrityReport, language: str = "en") -> str:
    """The report as lines of text in ``language`` (the JSON form keeps English texts for scripts)."""
    from archdesk.messages import msg, render

    def say(message_id: str, **params: object) -> str:
        return render(msg(message_id, **params), language)

    lines = [say("integrity.checking", database=report.database, count=report.record_count)]
    for result in report.results:
        label = say(f"integrity.status.{result.status}")
        note = f" ({render(result.note_content, language)})" if result.note_content is not None else ""
        count = say("integrity.problem_count", count=result.problem_count) if result.problem_count else ""
        lines.append(f"  {label:<8} {result.name}{count}{note}")
        for finding in result.findings:
            found = msg("core.at_field", field=finding.subject_content, problem=finding.content)
            lines.append(f"           {render(found, language)}")
        hidden = result.problem_count - len(result.findings)
        if hidden > 0:
            lines.append(f"           {say('integrity.more', count=hidden)}")
    lines.append(say("integrity.clean") if report.clean else say("integrity.found", count=report.problem_count))
    return "\n".join(lines)
