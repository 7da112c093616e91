"""The demo's disposition history: destroyed records only from an executed list, records left due,
one list awaiting approval, one record on hold — and `archdesk check` finds nothing to report."""

from __future__ import annotations

from sqlalchemy import func, select

from archdesk.models import Record
from archdesk.services.appraisal import count_due, list_destruction_lists, list_holds
from archdesk.services.demo import add_demo_data
from archdesk.services.integrity import check_archive


def test_the_demo_destroys_only_through_an_executed_list(archive):
    add_demo_data(archive, 2000)
    lists = {summary.status: summary for summary in list_destruction_lists(archive)}
    assert set(lists) == {"executed", "draft"}
    with archive.reading() as session:
        destroyed = session.scalar(select(func.count()).where(Record.status == "destroyed"))
    assert destroyed == lists["executed"].records > 0
    assert lists["draft"].records > 0 and count_due(archive) > 0
    (held,) = list_holds(archive)
    assert held.kind == "unsettled_claims"
    destruction = next(result for result in check_archive(archive).results if result.name == "destruction")
    assert destruction.status == "ok"


def test_the_demo_appraisal_is_deterministic(tmp_path):
    from archdesk.services.archive import open_archive

    numbers = []
    for name in ("a.db", "b.db"):
        db = open_archive(tmp_path / name)
        add_demo_data(db, 500, build_index=False)
        numbers.append([(s.status, s.records) for s in list_destruction_lists(db)] + [count_due(db)])
        db.dispose()
    assert numbers[0] == numbers[1]
