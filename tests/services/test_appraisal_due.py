"""Which records the Appraisal dock lists: retention runs from 1 January after the record's year."""

from __future__ import annotations

from datetime import date

from archdesk.services.appraisal import due_for_appraisal, eligible_from
from archdesk.services.catalogue import RecordInput, accept_records, create_record


def _record(db, year: int, retention: str, *, accept: bool = True) -> int:
    view = create_record(db, RecordInput(title=f"{year} {retention}", category="WS", year=year, retention=retention))
    if accept:
        accept_records(db, [view.id])
    return view.id


def test_a_2015_ten_year_record_is_reviewable_from_2026():
    assert eligible_from(2015, 10) == date(2026, 1, 1)
    assert eligible_from(2015, None) is None


def test_due_records_are_those_whose_period_has_run_out_and_permanent_ones_never_are(archive):
    due_2015 = _record(archive, 2015, "D10")
    _record(archive, 2016, "D10")  # reviewable from 2027
    _record(archive, 1980, "Y")  # permanent
    old_30 = _record(archive, 1990, "D30")  # reviewable from 2021

    due = due_for_appraisal(archive, today=date(2026, 1, 1))

    assert [d.id for d in due] == [old_30, due_2015]
    assert due[1].eligible_on == date(2026, 1, 1)
    assert due_for_appraisal(archive, today=date(2025, 12, 31))[0].id == old_30
    assert [d.id for d in due_for_appraisal(archive, today=date(2025, 12, 31))] == [old_30]


def test_pending_records_are_not_appraised_before_they_are_accepted(archive):
    _record(archive, 2000, "D10", accept=False)
    assert due_for_appraisal(archive, today=date(2026, 6, 1)) == []
