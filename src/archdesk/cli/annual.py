"""`archdesk export annual-report --year YYYY --format pdf|xlsx --out FILE`: the archive room's annual
statistics report (档案室基本情况统计年报), and `archdesk annual-facts` for the figures the archive does
not hold (staff, storeroom areas)."""

from __future__ import annotations

import argparse

from archdesk.cli import add_db_argument, archive_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    facts = subparsers.add_parser(
        "annual-facts", help="show or set the annual report's entered figures: archive staff, storeroom areas"
    )
    add_db_argument(facts)
    facts.add_argument("--staff-full-time", type=int, metavar="N", help="full-time archive staff (专职档案人员)")
    facts.add_argument("--staff-part-time", type=int, metavar="N", help="part-time archive staff (兼职档案人员)")
    facts.add_argument(
        "--area", action="append", default=[], metavar="ROOM=M2", help="a storeroom's floor area, e.g. K01=85.5"
    )
    facts.set_defaults(func=_facts)


def annual_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True, metavar="YYYY", help="the year reported on")


def export_annual_report(args: argparse.Namespace) -> int:
    from archdesk.cli.export import _document_language, _file_format, _write
    from archdesk.services.reports.annual import annual_report, annual_report_document

    fmt = _file_format(args)
    with archive_from_args(args, create=False) as db:
        document = annual_report_document(annual_report(db, args.year), _document_language(args))
        print(f"{args.out}: {_write(document, args, fmt)}")
    return 0


def _facts(args: argparse.Namespace) -> int:
    from archdesk.messages import msg
    from archdesk.services.errors import ValidationError
    from archdesk.services.reports.annual import annual_facts, set_annual_facts

    areas: dict[str, float | None] = {}
    for given in args.area:
        room, _, value = given.partition("=")
        try:
            areas[room.strip().upper()] = float(value) if value.strip() else None
        except ValueError:
            raise ValidationError("area", msg("annual.bad_area", value=given)) from None
    with archive_from_args(args, create=False) as db:
        full_time, part_time, _rooms = annual_facts(db)
        if args.staff_full_time is not None or args.staff_part_time is not None or areas:
            set_annual_facts(
                db,
                staff_full_time=args.staff_full_time if args.staff_full_time is not None else full_time,
                staff_part_time=args.staff_part_time if args.staff_part_time is not None else part_time,
                storeroom_areas=areas,
            )
        full_time, part_time, rooms = annual_facts(db)
    print(f"staff_full_time: {'' if full_time is None else full_time}")
    print(f"staff_part_time: {'' if part_time is None else part_time}")
    for room, area in rooms.items():
        print(f"area {room}: {'' if area is None else area}")
    return 0
