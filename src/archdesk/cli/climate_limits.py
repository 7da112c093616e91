"""``archdesk climate limits``: show or change a storeroom's climate limits (a sub-command of ``climate``).

archdesk climate limits --storeroom K01 [--temperature MIN-MAX] [--humidity MIN-MAX]
                        [--temperature-swing N] [--humidity-swing N] [--json]

Without a change it shows the limits; with one it changes those given (audited) and shows the result.
A value below zero is written with ``=``: ``--temperature=-5-10``.
"""

from __future__ import annotations

import argparse
import json
import sys

from archdesk.cli import add_db_argument, archive_from_args, message_language


def add_limits_command(climate: argparse._SubParsersAction) -> None:
    parser = climate.add_parser("limits", help="show or change a storeroom's climate limits")
    add_db_argument(parser)
    parser.set_defaults(func=_limits)
    parser.add_argument("--storeroom", required=True, metavar="CODE", help="storeroom (库房), e.g. K01")
    parser.add_argument("--temperature", metavar="MIN-MAX", help="temperature limits in ℃, e.g. 14-24")
    parser.add_argument("--humidity", metavar="MIN-MAX", help="relative humidity limits in %%, e.g. 45-60")
    parser.add_argument("--temperature-swing", metavar="N", help="largest daily temperature swing, ±℃ (e.g. 2)")
    parser.add_argument("--humidity-swing", metavar="N", help="largest daily humidity swing, ±%% RH (e.g. 5)")
    parser.add_argument("--json", action="store_true", help="print JSON")


def _limits(args: argparse.Namespace) -> int:
    from archdesk.services.custody.climate_limits import (
        HUMIDITY,
        RH_SWING,
        TEMP_SWING,
        TEMPERATURE,
        change_climate_limits,
        limit_range,
        limits_json,
        limits_message,
        number,
        storeroom_limits,
    )

    # Every value is read (and refused on one line) before the archive is opened.
    changes = {}
    if args.temperature is not None:
        changes["temperature"] = limit_range(args.temperature, TEMPERATURE)
    if args.humidity is not None:
        changes["humidity"] = limit_range(args.humidity, HUMIDITY)
    if args.temperature_swing is not None:
        changes["temp_swing"] = number(args.temperature_swing, TEMP_SWING)
    if args.humidity_swing is not None:
        changes["rh_swing"] = number(args.humidity_swing, RH_SWING)
    with archive_from_args(args) as db:
        if changes:
            info = change_climate_limits(db, args.storeroom, **changes)
        else:
            info = storeroom_limits(db, args.storeroom)
    if args.json:
        json.dump(limits_json(info), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(limits_message(info).render(message_language(args)))
    return 0
