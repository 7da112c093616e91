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
