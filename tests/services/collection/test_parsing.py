"""Cell values as departments write them: dates five ways, 12页, legacy retention, 秘密★10年."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from archdesk.services.collection.parsing import (
    CellError,
    parse_date,
    parse_pages,
    parse_retention,
    parse_security,
    parse_year,
)

KNOWN_RETENTION = {
    "y": "Y",
    "永久": "Y",
    "permanent": "Y",
    "d30": "D30",
    "定期30年": "D30",
    "30years": "D30",
    "d10": "D10",
    "定期10年": "D10",
    "10years": "D10",
}
KNOWN_SECURITY = {
    "gk": "GK",
    "公开": "GK",
    "nb": "NB",
    "内部": "NB",
    "mm": "MM",
    "秘密": "MM",
    "jm": "JM",
    "机密": "JM",
    "juem": "JUEM",
    "绝密": "JUEM",
}


@pytest.mark.parametrize(
    "written",
    [
        date(2023, 3, 15),
        datetime(2023, 3, 15, 9, 30),
        20230315,
        20230315.0,
        "20230315",
        "2023-03-15",
        "2023.3.15",
        "2023/3/15",
        "2023年3月15日",
        "2023-03-15 00:00:00",
        45000,
    ],
)
def test_every_date_notation_reads_as_the_same_day(written):
    assert parse_date(written) == date(2023, 3, 15)


@pytest.mark.parametrize("written", ["20230231", "2023-02-29", "2023年13月1日", "2023.4.31"])
def test_impossible_dates_are_rejected_saying_so(written):
    with pytest.raises(CellError, match="no such date"):
        parse_date(written)


@pytest.mark.parametrize("written", ["下周", "20231", "15/03/2023", True])
def test_text_that_is_not_a_date_is_rejected(written):
    with pytest.raises(CellError, match="not a date"):
        parse_date(written)


def test_blank_date_is_none():
    assert parse_date(None) is None and parse_date("") is None


@pytest.mark.parametrize(
    ("written", "pages"),
    [(12, 12), (12.0, 12), ("12", 12), ("12页", 12), ("12 页", 12), ("12 pages", 12), ("", None), (None, None), (0, 0)],
)
def test_page_counts_tolerate_the_page_word(written, pages):
    assert parse_pages(written) == pages


@pytest.mark.parametrize(
    ("written", "message"),
    [(-3, "negative"), ("-1页", "negative"), ("三页", "not a page count"), (2.5, "whole number")],
)
def test_bad_page_counts_are_rejected(written, message):
    with pytest.raises(CellError, match=message):
        parse_pages(written)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("永久", "Y"),
        ("Y", "Y"),
        ("Permanent", "Y"),
        ("30年", "D30"),
        ("定期30年", "D30"),
        ("D30", "D30"),
        ("30 years", "D30"),
        ("10年", "D10"),
        ("定期10年", "D10"),
        ("D10", "D10"),
        (30, "D30"),
    ],
)
def test_current_retention_spellings_map_to_the_code_table(written, code):
    assert parse_retention(written, KNOWN_RETENTION).code == code
    assert parse_retention(written, KNOWN_RETENTION).original == ""


@pytest.mark.parametrize(("written", "code"), [("长期", "D30"), ("短期", "D10"), ("D", "D10"), ("C", "D30")])
def test_legacy_retention_is_mapped_and_the_original_kept_for_review(written, code):
    value = parse_retention(written, KNOWN_RETENTION)
    assert (value.code, value.original) == (code, written)


def test_unknown_retention_is_rejected():
    with pytest.raises(CellError, match="unknown retention period"):
        parse_retention("五年", KNOWN_RETENTION)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("秘密", "MM"),
        ("秘密★10年", "MM"),
        ("机密*20年", "JM"),
        ("内部", "NB"),
        ("Confidential", "JM"),
        ("", None),
        ("无", None),
    ],
)
def test_security_levels_map_and_blank_is_allowed(written, code):
    assert parse_security(written, KNOWN_SECURITY) == code


def test_unknown_security_level_is_rejected():
    with pytest.raises(CellError, match="unknown security level"):
        parse_security("特级", KNOWN_SECURITY)


def test_years_accept_the_year_word():
    assert [parse_year(v) for v in (2023, 2023.0, "2023", "2023年", "2023年度", None)] == [2023] * 5 + [None]
    with pytest.raises(CellError):
        parse_year("23")
