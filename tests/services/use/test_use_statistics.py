"""Use statistics: 利用人次 (requests) and 卷/件次 (records) per month, department, series, purpose, use."""

from __future__ import annotations

from datetime import date

from archdesk.services.reports import render_pdf
from archdesk.services.reports.use_statistics import use_statistics, use_statistics_document
from archdesk.services.use.lending import lend, submit_request


def test_visits_and_records_are_counted_per_month_department_purpose_and_use(archive, shelf, tmp_path):
    r = shelf.records
    lend(archive, shelf.borrowers["li"], [r["plain"], r["plain2"]], purpose="history", today=date(2025, 12, 30))
    lend(archive, shelf.borrowers["wang"], [r["plain3"]], mode="reading_room", today=date(2026, 1, 2))
    submit_request(archive, shelf.borrowers["wang"], [r["secret"]], today=date(2026, 1, 3))  # waiting: not a use

    stats = use_statistics(archive)

    assert (stats.persons, stats.items) == (2, 3)
    assert [(t.key, t.persons, t.items) for t in stats.by_month] == [("2025-12", 1, 2), ("2026-01", 1, 1)]
    assert {(t.name, t.items) for t in stats.by_department} == {("办公室", 2), ("市志办", 1)}
    assert {(t.name, t.items) for t in stats.by_purpose} == {("编史修志", 2), ("工作查考", 1)}
    assert {(t.name, t.persons) for t in stats.by_mode} == {("借出", 1), ("查阅", 1)}
    assert [(t.key, t.items) for t in stats.by_category] == [("WS", 3)]
    assert {t.key for t in stats.most_used} == {shelf.codes[n] for n in ("plain", "plain2", "plain3")}
    january = use_statistics(archive, since=date(2026, 1, 1), language="en")
    assert (january.persons, january.items) == (1, 1) and january.by_mode[0].name == "Reading room"
    assert render_pdf(use_statistics_document(january), tmp_path / "use.pdf") >= 1
