"""Selected rows of the records table read back as records: by their places in the sort order,
across blocks that were never loaded, with or without the table's block anchors."""

from __future__ import annotations

import pytest

from archdesk.services.demo import add_demo_data
from archdesk.services.listing import RecordFilter, RowSelection, SortOrder
from archdesk.services.records_query import block_anchors, count_records, records_page, selected_ids, selected_records


@pytest.fixture
def filled(archive):
    add_demo_data(archive, 1300)
    return archive


@pytest.mark.parametrize("sort", [SortOrder(), SortOrder("date", descending=True), SortOrder("pages")], ids=str)
def test_selected_rows_are_the_records_in_those_places_of_the_sort_order(filled, sort):
    everything = records_page(filled, RecordFilter(), sort, limit=2000)
    ranges = ((0, 3), (250, 700), (1299, 1299))
    expected = [view.id for first, last in ranges for view in everything[first : last + 1]]
    anchors = tuple(block_anchors(filled, RecordFilter(), sort))
    for given in (anchors, ()):  # the table's anchors, or none yet (read then)
        selection = RowSelection(RecordFilter(), sort, ranges, given)
        assert selection.count == 4 + 451 + 1
        assert selected_ids(filled, selection) == expected
    assert [view.id for view in selected_records(filled, selection)] == expected
    assert selected_records(filled, selection)[5] == everything[251]


def test_a_selection_in_a_search_result(filled):
    flt = RecordFilter(text="通知")
    hits = records_page(filled, flt, SortOrder(), limit=2000)
    assert len(hits) == count_records(filled, flt) > 260
    selection = RowSelection(flt, SortOrder(), ((1, 1), (260, len(hits) - 1)))
    assert selected_ids(filled, selection) == [hits[1].id] + [view.id for view in hits[260:]]


def test_rows_past_the_end_are_left_out(filled):
    """Records deleted since the rows were selected: the selection ends where the table does."""
    everything = records_page(filled, RecordFilter(), SortOrder(), limit=2000)
    selection = RowSelection(RecordFilter(), SortOrder(), ((1290, 1400), (1500, 1600)))
    assert selected_ids(filled, selection) == [view.id for view in everything[1290:]]


def test_a_selection_larger_than_one_sql_statement_takes(filled, limit_bound_parameters):
    limit_bound_parameters(filled, 999)
    everything = records_page(filled, RecordFilter(), SortOrder(), limit=2000)
    selection = RowSelection(RecordFilter(), SortOrder(), ((0, 1299),))
    assert selected_records(filled, selection) == everything
