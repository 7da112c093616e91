"""Custody commands: ``locations``, ``boxes``, ``find``, ``stocktake`` and ``climate``.

archdesk locations add --storeroom K01 --rows N --sections N --levels N [--sides A,B] [--capacity N]
archdesk locations list [--json]
archdesk boxes put REF... --box CODE|--new      archdesk boxes move BOX... --to LOCATION
archdesk find CODE [--json]                     {"kind": "box"|"record"|"location", ...}
archdesk stocktake start --locations PREFIX [--json] | scan ID CODE... | pause ID | resume ID | finish ID [--json]
archdesk climate import FILE --storeroom K01    archdesk climate alerts [--json]
archdesk climate limits --storeroom K01 [--temperature MIN-MAX] [--humidity MIN-MAX] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from archdesk.cli import add_db_argument, archive_from_args, message_language
from archdesk.cli.climate_limits import add_limits_command


def _dump(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()


def _command(parent: argparse._SubParsersAction, name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
    parser = parent.add_parser(name, help=help_text)
    add_db_argument(parser)
    parser.set_defaults(func=func)
    return parser


def register(subparsers: argparse._SubParsersAction) -> None:
    locations = subparsers.add_parser("locations", help="storerooms and shelves (库房、密集架)").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    add = _command(locations, "add", "add a shelving unit from its dimensions", _locations_add)
    add.add_argument("--storeroom", required=True, metavar="CODE", help="storeroom (库房), e.g. K01")
    add.add_argument("--rows", type=int, required=True, metavar="N", help="rows (列)")
    add.add_argument("--sections", type=int, required=True, metavar="N", help="sections per row (节)")
    add.add_argument("--levels", type=int, required=True, metavar="N", help="levels per section (层)")
    add.add_argument("--sides", default="", metavar="A,B", help="faces (面) of each row, e.g. A,B (default: one)")
    add.add_argument("--capacity", type=int, metavar="N", help="boxes per level")
    listing = _command(locations, "list", "list the shelves with their boxes and capacity", _locations_list)
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--prefix", default="", metavar="PREFIX", help="only shelves whose address starts so")

    boxes = subparsers.add_parser("boxes", help="put records in boxes, move boxes").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    put = _command(boxes, "put", "put records (by reference code) in a box", _boxes_put)
    put.add_argument("refs", nargs="+", metavar="REF", help="reference codes (档号)")
    which = put.add_mutually_exclusive_group(required=True)
    which.add_argument("--box", metavar="CODE", help="an existing box (code or barcode)")
    which.add_argument("--new", action="store_true", help="a new box, numbered on in its group")
    put.add_argument("--spine", type=int, default=30, metavar="MM", help="spine width of a new box (default 30)")
    put.add_argument("--barcode", metavar="CODE", help="barcode of a new box (default: its box code)")
    move = _command(boxes, "move", "move boxes to a shelf (one ledger row each)", _boxes_move)
    move.add_argument("boxes", nargs="+", metavar="BOX", help="box codes or barcodes")
    move.add_argument("--to", required=True, metavar="LOCATION", help="shelf address")
    move.add_argument("--force", action="store_true", help="move even beyond the shelf's capacity")

    find = _command(subparsers, "find", "what a scanned code is: a box, a record or a shelf", _find)
    find.add_argument("code", metavar="CODE")
    find.add_argument("--json", action="store_true", help='print JSON: {"kind": "box"|"record"|"location", ...}')

    stocktake = subparsers.add_parser("stocktake", help="stocktake (盘点) by scanning").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    start = _command(stocktake, "start", "freeze the expected boxes of a range of shelves", _stocktake_start)
    start.add_argument("--locations", required=True, metavar="PREFIX", help="shelf address prefix, e.g. K01-03")
    start.add_argument("--json", action="store_true", help="print JSON")
    scan = _command(stocktake, "scan", "record scanned codes (a shelf code, then its boxes)", _stocktake_scan)
    scan.add_argument("id", type=int, metavar="ID")
    scan.add_argument("codes", nargs="+", metavar="CODE")
    for name, help_text in (("pause", "pause a stocktake"), ("resume", "resume a paused stocktake")):
        _command(stocktake, name, help_text, _stocktake_pause).add_argument("id", type=int, metavar="ID")
    finish = _command(stocktake, "finish", "close a stocktake and print its result", _stocktake_finish)
    finish.add_argument("id", type=int, metavar="ID")
    finish.add_argument("--json", action="store_true", help="print JSON: missing, unexpected, misplaced, on_loan")

    climate = subparsers.add_parser("climate", help="storeroom temperature and humidity (温湿度)").add_subparsers(
        dest="action", metavar="ACTION", required=True
    )
    importing = _command(climate, "import", "import a data logger's CSV (time, temperature, RH)", _climate_import)
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--storeroom", required=True, metavar="CODE")
    alerts = _command(climate, "alerts", "readings out of range, swings, days without a reading", _climate_alerts)
    alerts.add_argument("--storeroom", metavar="CODE")
    alerts.add_argument("--days", type=int, default=31, metavar="N", help="look back N days (default 31)")
    alerts.add_argument("--json", action="store_true", help="print JSON")
    add_limits_command(climate)  # climate limits: cli/climate_limits.py


def _locations_add(args: argparse.Namespace) -> int:
    from archdesk.services.custody.locations import add_shelving

    sides = [s for s in args.sides.split(",") if s.strip()]
    with archive_from_args(args) as db:
        added = add_shelving(
            db,
            args.storeroom,
            rows=args.rows,
            sections=args.sections,
            levels=args.levels,
            sides=sides,
            capacity=args.capacity,
        )
    print(f"{added.storeroom}: {len(added.codes)} shelves, {added.codes[0]} … {added.codes[-1]}")
    return 0


def _locations_list(args: argparse.Namespace) -> int:
    from archdesk.services.custody.locations import location_tree

    with archive_from_args(args) as db:
        shelves = location_tree(db, prefix=args.prefix)
    if args.json:
        _dump([
            {"id": s.id, "code": s.code, "storeroom": s.storeroom, "row": s.row, "side": s.side, "section": s.section,
             "level": s.level, "name": s.name, "capacity": s.capacity, "boxes": s.boxes, "records": s.records}
            for s in shelves
        ])  # fmt: skip
        return 0
    for s in shelves:
        capacity = "" if s.capacity is None else f"/{s.capacity}"
        print(f"{s.code}\t{s.boxes}{capacity} boxes\t{s.records} records\t{s.name}")
    return 0


def _boxes_put(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from archdesk.models import Record
    from archdesk.services.custody.boxes import put_in_box
    from archdesk.services.errors import NotFound

    with archive_from_args(args) as db:
        with db.reading() as session:
            ids = dict(
                session.execute(
                    select(Record.reference_code, Record.id).where(Record.reference_code.in_(args.refs))
                ).all()
            )
        unknown = next((ref for ref in args.refs if ref not in ids), None)
        if unknown is not None:
            raise NotFound("record", unknown)
        result = put_in_box(
            db,
            [ids[ref] for ref in args.refs],
            box_code=args.box,
            new=args.new,
            spine_mm=args.spine,
            barcode=args.barcode,
        )
    print(f"{result.box_code}: {result.records} records put in")
    for warning in result.warnings:
        print(f"archdesk: {warning.render(message_language(args))}", file=sys.stderr)
    return 0


def _boxes_move(args: argparse.Namespace) -> int:
    from archdesk.services.custody.boxes import box_ids_by_code, move_boxes

    with archive_from_args(args) as db:
        result = move_boxes(db, box_ids_by_code(db, args.boxes), args.to, force=args.force)
    print(f"{result.location_code}: {result.boxes} boxes moved in")
    for warning in result.warnings:
        print(f"archdesk: {warning.render(message_language(args))}", file=sys.stderr)
    return 0


def _find(args: argparse.Namespace) -> int:
    from archdesk.services.custody.finding import find_code

    with archive_from_args(args) as db:
        found = find_code(db, args.code)
    if args.json:
        _dump(found.as_json())
    else:
        where = found.location or found.box
        print(f"{found.kind}\t{found.code}\t{found.label}\t{where}".rstrip())
    return 0


def _stocktake_start(args: argparse.Namespace) -> int:
    from archdesk.services.custody.stocktake import start_stocktake

    with archive_from_args(args) as db:
        info = start_stocktake(db, args.locations)
    if args.json:
        _dump({"id": info.id, "locations": info.prefix, "status": info.status, "expected": info.expected})
    else:
        print(f"stocktake {info.id}: {info.expected} boxes expected on {info.prefix}")
    return 0


def _stocktake_scan(args: argparse.Namespace) -> int:
    from archdesk.services.custody.stocktake import record_scans

    with archive_from_args(args) as db:
        info = record_scans(db, args.id, args.codes)
    print(f"stocktake {info.id}: {info.scanned} of {info.expected} boxes scanned")
    return 0


def _stocktake_pause(args: argparse.Namespace) -> int:
    from archdesk.services.custody.stocktake import set_paused

    with archive_from_args(args) as db:
        info = set_paused(db, args.id, args.action == "pause")
    print(f"stocktake {info.id}: {info.status}")
    return 0


def _stocktake_finish(args: argparse.Namespace) -> int:
    from archdesk.services.custody.stocktake import finish_stocktake

    with archive_from_args(args) as db:
        result = finish_stocktake(db, args.id)
    if args.json:
        _dump(result.as_json())
        return 0
    print(f"stocktake {result.id} ({result.prefix}): {result.found} of {result.expected} boxes found")
    for bucket in ("missing", "unexpected", "misplaced", "on_loan"):
        for line in getattr(result, bucket):
            print(f"{bucket}\t{line.code}\t{line.expected_at}\t{line.found_at}\t{line.reference_code}".rstrip())
    return 0


def _climate_import(args: argparse.Namespace) -> int:
    from archdesk.services.custody.climate import import_readings

    with archive_from_args(args) as db:
        count = import_readings(db, args.file, args.storeroom)
    print(f"{args.storeroom}: {count} readings imported from {args.file}")
    return 0


def _climate_alerts(args: argparse.Namespace) -> int:
    from archdesk.services.custody.climate import climate_alerts

    language = message_language(args)
    with archive_from_args(args) as db:
        alerts = climate_alerts(db, storeroom=args.storeroom, days=args.days)
    if args.json:
        _dump([alert.as_json(language) for alert in alerts])
        return 0
    for alert in alerts:
        print("\t".join(str(v) for v in alert.as_json(language).values()))
    return 0
