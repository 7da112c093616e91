"""Reading one cell's value as a date, a page count, a year, a retention period or a security level.

Each parser takes the raw cell (str, number, date …) and returns the value, or raises ``CellError``
with a plain message; validation adds the row and the column heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from archdesk.messages import Message, msg
from archdesk.services.dates import PartialDate, iso_date

_EXCEL_EPOCH = date(1899, 12, 30)
#: Full dates, then dates known to the month or the year (00 or nothing for what is unknown).
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),  # 20230315, 19970700, 19970000 (DA/T 22 catalogue form)
    re.compile(r"^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})$"),  # 2023-03-15, 2023.3.15, 1997-07-00
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$"),  # 2023年3月15日
    re.compile(r"^(\d{4})(\d{2})()$"),  # 199707
    re.compile(r"^(\d{4})\s*[-./]\s*(\d{1,2})()$"),  # 1997-07, 1997.7, 2019/4
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月()$"),  # 1997年7月
    re.compile(r"^(\d{4})()()\s*(年|年度)?$"),  # 2019, 2019年
)
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_PAGES = re.compile(r"^(-?\d+)(\.0+)?\s*(页|p|pp|pages?)?\.?$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})\s*年?(度)?$")
#: A number in a date column that reads as a year (2019) or year.month (2018.7) is never an Excel serial.
_YEARS = range(1000, 10_000)


class CellError(ValueError):
    """A cell's value cannot be used; ``problem`` says why (a message id with parameters)."""

    def __init__(self, problem: Message) -> None:
        self.problem = problem
        super().__init__(str(problem))


def _text(value: object) -> str:
    return str(value).strip()


def parse_date(value: object) -> date | None:
    """A date as archivists write it, with its precision; blank → None.

    Excel date cells, 20230315, 2023-03-15, 2023.3.15, 2023/3/15, 2023年3月15日 give a day; 19970700,
    1997-07-00, 199707, 1997.7, 1997年7月 a :class:`PartialDate` known to the month; 19970000, 2019,
    2019年 one known to the year. A numeric cell 2019 or 2018.7 is a year (year.month), never a serial.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError(msg("import.not_a_date", value=str(value)))
    if isinstance(value, int | float):
        if float(value).is_integer() and 10_000_000 <= value <= 99_999_999:
            return parse_date(str(int(value)))
        if float(value).is_integer() and 100_000 <= value <= 999_999:
            return parse_date(str(int(value)))  # 199707
        if int(value) in _YEARS:
            # 2018.7 and 2021.08 are year.month as typed (repr keeps what was typed: 2021.08 → "2021.08").
            return parse_date(repr(float(value)) if not float(value).is_integer() else str(int(value)))
        if 1 <= value < 2_958_466:  # an Excel serial day number in a cell not formatted as a date
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise CellError(msg("import.not_a_date", value=f"{value:g}"))
    text = _TIME_SUFFIX.sub("", _text(value).translate(_FULL_WIDTH_DIGITS))
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) if g else 0 for g in match.groups()[:3])
            return _dated(year, month, day)
    raise CellError(msg("import.not_a_date", value=_preview(value)))


def _dated(year: int, month: int, day: int) -> date:
    """The day, or a PartialDate when month or day is 0 (unknown); a day without a month is refused."""
    try:
        if day and month:
            return date(year, month, day)
        if day:
            raise ValueError
        return PartialDate(year, month or None)
    except ValueError:
        raise CellError(msg("import.no_such_date", date=f"{year:04d}-{month:02d}-{day:02d}")) from None


def parse_year(value: object) -> int | None:
    """A four-digit year (2023, 2023.0, '2023年', '2023年度'); blank → None."""
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, date):
        return value.year
    match = _YEAR.match(_text(value).translate(_FULL_WIDTH_DIGITS))
    if not match or not 1000 <= int(match.group(1)) <= 9999:
        raise CellError(msg("import.not_a_year", value=_preview(value)))
    return int(match.group(1))


def parse_pages(value: object) -> int | None:
    """A page count: 12, 12.0, '12页', '12 pages'; blank → None; never negative."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise CellError(msg("import.not_pages", value=str(value)))
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError(msg("import.pages_not_whole", value=f"{value:g}"))
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        match = _PAGES.match(_text(value).translate(_FULL_WIDTH_DIGITS))
        if not match:
            raise CellError(msg("import.not_pages", value=_preview(value)))
        number = int(match.group(1))
    if number < 0:
        raise CellError(msg("import.pages_negative", value=number))
    if number > 1_000_000:
        raise CellError(msg("import.pages_implausible", value=number))
    return number


@dataclass(frozen=True)
class RetentionValue:
    """A retention code from the code table; ``original`` is the legacy value kept for review."""

    code: str
    original: str = ""


#: Spellings seen in transfer lists → retention code. Legacy 长期/短期 need review (domain rules §3):
#: 长期 → D30 and 短期 → D10; a legacy bare "D" means 短期, not D10.
RETENTION_SYNONYMS: dict[str, str] = {
    "永久": "Y", "永": "Y", "y": "Y", "permanent": "Y", "p": "Y",
    "30年": "D30", "定期30年": "D30", "d30": "D30", "30": "D30", "30years": "D30", "30yrs": "D30", "30y": "D30",
    "定期三十年": "D30", "三十年": "D30",
    "10年": "D10", "定期10年": "D10", "d10": "D10", "10": "D10", "10years": "D10", "10yrs": "D10", "10y": "D10",
    "定期十年": "D10", "十年": "D10",
}  # fmt: skip
LEGACY_RETENTION: dict[str, str] = {"长期": "D30", "长": "D30", "c": "D30", "短期": "D10", "短": "D10", "d": "D10"}


def lookup_key(value: object) -> str:
    """The form code-table spellings are compared in: no spaces, dashes or case."""
    return re.sub(r"[\s_\-]+", "", _text(value).translate(_FULL_WIDTH_DIGITS)).lower()


def parse_retention(value: object, known: dict[str, str]) -> RetentionValue | None:
    """Map a retention spelling to a code. ``known`` maps lower-case codes and labels of the archive's
    retention table to codes (so user-added periods are accepted). Blank → None."""
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    key = lookup_key(value)
    if key in known:
        return RetentionValue(known[key])
    if key in RETENTION_SYNONYMS and RETENTION_SYNONYMS[key].lower() in known:
        return RetentionValue(RETENTION_SYNONYMS[key])
    if key in LEGACY_RETENTION and LEGACY_RETENTION[key].lower() in known:
        return RetentionValue(LEGACY_RETENTION[key], original=_text(value))
    raise CellError(msg("import.unknown_retention", value=_preview(value)))


#: Extra spellings of the seeded security levels; the archive's own names and codes are added at run time.
SECURITY_SYNONYMS: dict[str, str] = {
    "open": "GK", "public": "GK", "internal": "NB", "内部公开": "NB", "worksecret": "GZMM",
    "secret": "MM", "confidential": "JM", "topsecret": "JUEM",
}  # fmt: skip
#: Written where a document carries no classification: treated as blank.
UNMARKED = {"无", "非密", "-", "—", "/", "none", "n/a", "na"}


def parse_security(value: object, known: dict[str, str]) -> str | None:
    """Map a 密级 to a security-level code; '秘密★10年' (level★保密期限) reads as 秘密. Blank → None."""
    if value is None or value == "":
        return None
    text = re.split(r"[★☆*＊]", _text(value), maxsplit=1)[0]
    key = lookup_key(text)
    if key in UNMARKED:
        return None
    if key in known:
        return known[key]
    if key in SECURITY_SYNONYMS and SECURITY_SYNONYMS[key].lower() in known:
        return SECURITY_SYNONYMS[key]
    raise CellError(msg("import.unknown_security", value=_preview(value)))


def as_text(value: object) -> str:
    """A cell as text: whole numbers without '.0', dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return iso_date(value) or ""
    return str(value).strip()


def _preview(value: object, limit: int = 40) -> str:
    text = as_text(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．－／", "0123456789.-/")
