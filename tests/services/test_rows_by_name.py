"""Services read query rows by name (issue 9): a view's fields and its SELECT's column labels are the
same set, so reordering either one cannot shift a value into the wrong field."""

from __future__ import annotations

from dataclasses import fields

import pytest

from archdesk.services.use import borrowers, queries
from archdesk.services.use.borrowers import BorrowerInput, BorrowerView, add_borrower, find_borrowers
from archdesk.services.use.queries import LoanSummary


def _names(view: type) -> set[str]:
    return {f.name for f in fields(view)}


@pytest.mark.parametrize(
    ("statement", "view"),
    [(queries._loan_select(), LoanSummary), (borrowers._select(), BorrowerView)],
    ids=["loan", "borrower"],
)
def test_a_views_select_is_labelled_with_exactly_its_fields(statement, view):
    assert set(statement.selected_columns.keys()) == _names(view)


def test_a_borrower_reads_the_same_with_the_select_s_columns_in_reverse_order(archive):
    add_borrower(archive, BorrowerInput(name="王芳", organisation="市志办", contact="0571-1234", identity_number="X9"))
    [listed] = find_borrowers(archive)
    reversed_select = borrowers._select().with_only_columns(*reversed(borrowers._select().selected_columns))
    with archive.reading() as session:
        [row] = session.execute(reversed_select).all()
    assert BorrowerView(**row._mapping) == listed
    assert (listed.name, listed.department, listed.contact, listed.identity_number) == (
        "王芳",
        "市志办",
        "0571-1234",
        "X9",
    )


def test_a_block_of_record_views_reads_by_name_whatever_the_column_order(archive):
    """The records table's blocks are built by position from the column names: the same views as one
    mapping per row, a date known to the month and a record without department included."""
    from datetime import date

    from archdesk.services.catalogue import RecordInput, create_record
    from archdesk.services.dates import PartialDate, iso_date
    from archdesk.services.records_query import RecordFilter, SortOrder, records_page
    from archdesk.services.view_queries import record_view_select
    from archdesk.services.views import record_view_from_row, record_views_from_rows

    create_record(archive, RecordInput(title="知道到月", category="WS", year=1997, retention="Y", department="BGS",
                                       date=PartialDate(1997, 7)))  # fmt: skip
    create_record(
        archive, RecordInput(title="没有机构", category="WS", year=2020, retention="Y", date=date(2020, 5, 1))
    )
    statement = record_view_select()
    backwards = statement.with_only_columns(*reversed(statement.selected_columns))
    with archive.reading() as session:
        rows = session.execute(backwards.order_by("id")).all()
        keys = list(session.execute(backwards.limit(0)).keys())
    views = record_views_from_rows(keys, rows)
    assert views == [record_view_from_row(row) for row in rows]
    by_code = sorted(views, key=lambda v: v.reference_code)
    assert records_page(archive, RecordFilter(), SortOrder("reference_code"), limit=10) == by_code  # the table's path
    month, plain = sorted(views, key=lambda v: v.id)
    assert iso_date(month.date) == "1997-07" and plain.department_code == "" and plain.date == date(2020, 5, 1)
