"""Retention arithmetic (domain rules §4): counted from 1 January after the record's year."""

from __future__ import annotations

from datetime import date

from appraisal_archive import add_records, references

from archdesk.models import RetentionPeriod
from archdesk.services.appraisal import (
    count_due,
    create_batch,
    decide,
    due_for_appraisal,
    eligible_from,
    extended_due,
    retention_ends,
    years_kept,
)
from archdesk.services.catalogue import RecordInput, accept_records, create_record
from archdesk.services.uow import UnitOfWork


def test_each_period_runs_from_the_first_of_january_after_the_year():
    assert retention_ends(2015, 10) == date(2025, 12, 31)
    assert eligible_from(2015, 10) == date(2026, 1, 1)
    assert eligible_from(2015, 30) == date(2046, 1, 1)
    assert retention_ends(1995, 30) == date(2025, 12, 31)


def test_leap_years_change_nothing_the_period_is_counted_in_calendar_years():
    # a record of a leap year, and a period ending in one: still 1 January, never 29 February
    assert eligible_from(2016, 10) == date(2027, 1, 1)
    assert retention_ends(2010, 10) == date(2020, 12, 31)
    assert extended_due(date(2024, 2, 29), 10) == date(2035, 1, 1)
    assert years_kept(2016, date(2027, 1, 1)) == 10
    assert years_kept(2016, date(2026, 12, 31)) == 9


def test_permanent_records_never_fall_due(archive):
    assert eligible_from(1950, None) is None and retention_ends(1950, None) is None
    add_records(archive, 2, year=1950, retention="Y")
    assert due_for_appraisal(archive, today=date(2999, 1, 1)) == []


def test_a_period_with_a_trigger_event_is_left_to_the_archivist(archive):
    with UnitOfWork(archive) as uow:
        uow.session.add(RetentionPeriod(code="G5", label="固定资产报废清理后5年", years=5, trigger_event="报废清理"))
        uow.commit()
    record = create_record(archive, RecordInput(title="固定资产卡片", category="WS", year=2000, retention="G5"))
    accept_records(archive, [record.id])
    assert due_for_appraisal(archive, today=date(2026, 1, 1)) == []


def test_due_list_by_year_and_category_with_its_count(archive):
    old = add_records(archive, 2, year=2010)
    newer = add_records(archive, 1, year=2012)
    add_records(archive, 1, year=2020)  # due from 2031
    assert [d.id for d in due_for_appraisal(archive, today=date(2026, 3, 1))] == old + newer
    assert [d.id for d in due_for_appraisal(archive, today=date(2026, 3, 1), year=2012)] == newer
    assert due_for_appraisal(archive, today=date(2026, 3, 1), category="KU") == []
    assert [d.category_code for d in due_for_appraisal(archive, category="WS")] == ["WS"] * 3
    assert count_due(archive, today=date(2026, 3, 1)) == 3
    assert count_due(archive, today=date(2026, 3, 1), year=2010) == 2


def test_an_extension_keeps_the_period_and_the_record_falls_due_again_from_the_appraisal_year(archive):
    (record_id,) = add_records(archive, 1, year=2010)
    batch = create_batch(archive, "2026年鉴定", "张三, 李四", appraised_on=date(2026, 3, 1))
    decide(archive, batch, references(archive, [record_id]), "extend", "仍有查考价值", retention="D10")
    assert due_for_appraisal(archive, today=date(2026, 3, 2)) == []  # decided, and extended
    assert due_for_appraisal(archive, today=date(2036, 12, 31)) == []
    (again,) = due_for_appraisal(archive, today=date(2037, 1, 1))
    assert (again.id, again.eligible_on, again.extended, again.retention_code) == (
        record_id, date(2037, 1, 1), True, "D10"
    )  # fmt: skip
    assert count_due(archive, today=date(2037, 1, 1)) == 1


def test_the_count_agrees_with_the_list_for_every_filter_once_records_were_appraised(archive):
    from appraisal_archive import accounting_category

    ku = accounting_category(archive)
    letters = add_records(archive, 4, year=2010)
    vouchers = add_records(archive, 3, year=2011, category=ku)
    add_records(archive, 2, year=2013)
    batch = create_batch(archive, "鉴定", "张三,李四", appraised_on=date(2015, 6, 1))
    decide(archive, batch, references(archive, letters[:1]), "keep", "永久保存")
    decide(archive, batch, references(archive, letters[1:2] + vouchers[:1]), "extend", "延期", retention="D10")
    for today in (date(2026, 3, 1), date(2030, 1, 1)):
        for year in (None, 2010, 2011, 2013):
            for category in (None, "WS", "KU"):
                listed = due_for_appraisal(archive, today=today, year=year, category=category)
                assert count_due(archive, today=today, year=year, category=category) == len(listed), (
                    today,
                    year,
                    category,
                )
    assert count_due(archive, today=date(2026, 3, 1)) == 9 - 3 + 2  # extended in 2015 by 10 years: due again in 2026
