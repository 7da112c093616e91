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
    from archdesk.cli import archive_from_args
    from archdesk.services.integrity import check_archive

    with archive_from_args(args, upgrade=False) as db:
        report = check_archive(db, limit=max(args.limit, 0), progress=_show_progress if sys.stderr.isatty() else None)
    if sys.stderr.isatty():
        print("\r\033[K", end="", file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return EXIT_CLEAN if report.clean else EXIT_PROBLEMS


def _show_progress(done: int, total: int) -> bool:
    print(f"\rchecking records: {done}/{total}", end="", file=sys.stderr, flush=True)
    return True


def format_report(report: IntegrityReport) -> str:
    lines = [f"Checking {report.database} ({report.record_count} records)"]
    for result in report.results:
        label = {"ok": "ok", "problems": "PROBLEM", "skipped": "skipped"}[result.status]
        note = f" ({result.note})" if result.note else ""
        count = f": {result.problem_count} problem(s)" if result.problem_count else ""
        lines.append(f"  {label:<8} {result.name}{count}{note}")
        for finding in result.findings:
            lines.append(f"           {finding.subject}: {finding.message}")
        hidden = result.problem_count - len(result.findings)
        if hidden > 0:
            lines.append(f"           … and {hidden} more")
    lines.append("No problems found." if report.clean else f"{report.problem_count} problem(s) found.")
    return "\n".join(lines)
