"""Lending and appraisal meet: a record under appraisal stays in the room."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from archdesk.models import Loan
from archdesk.services.appraisal import add_to_batch, create_batch, lift_hold, place_hold
from archdesk.services.errors import NotAllowed
from archdesk.services.use.lending import lend


def _loans(archive) -> int:
    with archive.reading() as session:
        return session.scalar(select(func.count(Loan.id)))


def test_a_record_on_hold_is_not_lent_and_the_refusal_names_it(archive, shelf) -> None:
    place_hold(archive, shelf.codes["plain"], "audit of 2020 accounts")
    with pytest.raises(NotAllowed) as refused:
        lend(archive, shelf.borrowers["li"], [shelf.records["plain2"], shelf.records["plain"]])
    assert shelf.codes["plain"] in str(refused.value)
    assert _loans(archive) == 0  # the other record of the request was not lent either


def test_a_record_in_an_open_appraisal_batch_is_not_lent(archive, shelf) -> None:
    batch = create_batch(archive, "2026 appraisal", "张三,李四")
    add_to_batch(archive, batch, [shelf.records["plain3"]])
    with pytest.raises(NotAllowed) as refused:
        lend(archive, shelf.borrowers["li"], [shelf.records["plain3"]])
    assert shelf.codes["plain3"] in str(refused.value)


def test_once_the_hold_is_lifted_the_record_can_be_lent(archive, shelf) -> None:
    place_hold(archive, shelf.codes["plain"], "dispute")
    lift_hold(archive, shelf.codes["plain"], "dispute settled")
    result = lend(archive, shelf.borrowers["li"], [shelf.records["plain"]])
    assert len(result.loans) == 1
