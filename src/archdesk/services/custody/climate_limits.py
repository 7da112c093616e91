"""A storeroom's climate limits as the archivist reads and changes them (the dock's dialog, the CLI).

The limits themselves live on the storeroom (``locations.set_climate_limits``; paper defaults
14–24 ℃, 45–60 % RH, daily swing ±2 ℃ / ±5 % RH per GB/T 18894 and the office's notes). Here the
typed text is read ("14-24", "16.5"), every value is checked against what a storeroom can be, and
an unknown storeroom is refused rather than made, since a typo would otherwise add a room.
"""

from __future__ import annotations

import re

from sqlalchemy import select

from archdesk.messages import msg
from archdesk.models import Storeroom
from archdesk.services.custody.locations import StoreroomInfo, set_climate_limits, storeroom_info
from archdesk.services.database import Database
from archdesk.services.errors import NotFound, ValidationError
from archdesk.services.uow import UnitOfWork, unit_of_work

TEMPERATURE, HUMIDITY = "custody.temperature", "custody.humidity"
TEMP_SWING, RH_SWING = "custody.temp_swing_limit", "custody.rh_swing_limit"
#: What a storeroom's limit can sensibly be (a typo such as 240 for 24 is refused, not stored).
BOUNDS = {TEMPERATURE: (-30.0, 50.0), HUMIDITY: (0.0, 100.0), TEMP_SWING: (0.1, 20.0), RH_SWING: (0.1, 50.0)}
_NUMBER = r"-?\d+(?:[.,]\d+)?"
_RANGE = re.compile(rf"^\s*({_NUMBER})\s*(?:-|–|—|~|～|至|to)\s*({_NUMBER})\s*$")


def number(text: str | float, field: str) -> float:
    """A typed limit as a number (a decimal comma accepted), within what the field can be."""
    if isinstance(text, int | float):
        value = float(text)
    else:
        cleaned = text.strip().replace("，", ",").rstrip("℃%").strip()
        if not re.fullmatch(_NUMBER, cleaned):
            raise ValidationError(field, msg("custody.limit_not_number", value=text.strip()))
        value = float(cleaned.replace(",", "."))
    low, high = BOUNDS[field]
    if not low <= value <= high:
        raise ValidationError(field, msg("custody.limit_out_of_bounds", value=f"{value:g}", low=f"{low:g}",
                                         high=f"{high:g}"))  # fmt: skip
    return value


def limit_range(text: str, field: str) -> tuple[float, float]:
    """``"14-24"`` (also 14–24, 14~24, 14至24; "-5-10" for below zero) as (14.0, 24.0)."""
    found = _RANGE.match(text)
    if found is None:
        raise ValidationError(field, msg("custody.limit_not_range", value=text.strip()))
    return check_order(number(found[1], field), number(found[2], field), field)


def check_order(low: float, high: float, field: str) -> tuple[float, float]:
    if low >= high:
        raise ValidationError(field, msg("custody.limits_order"))
    return low, high


def storeroom_limits(db: Database, code: str) -> StoreroomInfo:
    with db.reading() as session:
        return storeroom_info(_room(session, code))


def change_climate_limits(
    db: Database,
    code: str,
    *,
    temperature: tuple[float | str, float | str] | None = None,
    humidity: tuple[float | str, float | str] | None = None,
    temp_swing: float | str | None = None,
    rh_swing: float | str | None = None,
    uow: UnitOfWork | None = None,
) -> StoreroomInfo:
    """Change the limits given (the others stay), audited; NotFound for a storeroom that does not exist.
    A limit may be the text typed (``"16.5"``): it is read by :func:`number` and refused on one line."""
    checked = {}
    for field, pair in ((TEMPERATURE, temperature), (HUMIDITY, humidity)):
        if pair is not None:
            checked[field] = check_order(number(pair[0], field), number(pair[1], field), field)
    swings = {field: number(value, field) for field, value in ((TEMP_SWING, temp_swing), (RH_SWING, rh_swing))
              if value is not None}  # fmt: skip
    with unit_of_work(db, uow) as work:
        room = _room(work.session, code)
        if checked or swings:
            set_climate_limits(
                db, room.code, temperature=checked.get(TEMPERATURE), humidity=checked.get(HUMIDITY),
                temp_swing=swings.get(TEMP_SWING), rh_swing=swings.get(RH_SWING), uow=work,
            )  # fmt: skip
            work.session.flush()
        return storeroom_info(room)


def _room(session, code: str) -> Storeroom:  # noqa: ANN001
    room = session.scalar(select(Storeroom).where(Storeroom.code == code.strip().upper()))
    if room is None:
        raise NotFound("custody.storeroom", code.strip())
    return room


def limits_json(info: StoreroomInfo) -> dict:
    """The limits as ``archdesk climate limits --json`` prints them."""
    return {
        "storeroom": info.code,
        "name": info.name,
        "temperature": {"min": info.temp_min, "max": info.temp_max},
        "humidity": {"min": info.rh_min, "max": info.rh_max},
        "daily_swing": {"temperature": info.temp_swing, "humidity": info.rh_swing},
    }


def limits_message(info: StoreroomInfo):  # noqa: ANN201 - a Message
    """One line: ``K01: 14–24 ℃, 45–60 % RH, daily swing ±2 ℃ / ±5 % RH``."""
    values = {k: f"{float(getattr(info, k)):g}" for k in ("temp_min", "temp_max", "rh_min", "rh_max", "temp_swing",
                                                        "rh_swing")}  # fmt: skip
    return msg("custody.limits_shown", code=info.code, **values)
