"""The records table's model: lazy 256-row blocks by keyset, sorting and filtering in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from archdesk.services.demo import add_demo_data
from archdesk.services.records_query import BLOCK_SIZE, RecordFilter, SortOrder, count_records, records_page
from archdesk.ui.catalogue.records_model import CACHE_BLOCKS, COLUMNS, RecordsModel
from archdesk.ui.ops import Ops


@pytest.fixture
def model(qtbot, archive):
    add_demo_data(archive, 1300)
    ops = Ops(archive)
    records = RecordsModel(ops)
    with qtbot.waitSignal(records.first_page_loaded):
        records.set_query(RecordFilter(), SortOrder())
    yield records
    ops.shutdown()


def _load(qtbot, model: RecordsModel, row: int) -> None:
    """Ask for a row as the view would, and wait until its block is in."""
    if model.is_loaded(row):
        return
    with qtbot.waitSignal(model.block_loaded, check_params_cb=lambda n: n == row // BLOCK_SIZE):
        model.data(model.index(row, 0))


def test_the_model_passes_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model)


def test_only_the_first_block_is_read_at_first(model, archive):
    assert model.total == count_records(archive, RecordFilter()) == 1300
    assert model.is_loaded(0) and not model.is_loaded(BLOCK_SIZE)
    assert (
        model.data(model.index(0, 0)) == records_page(archive, RecordFilter(), SortOrder(), limit=1)[0].reference_code
    )


def test_any_row_shows_the_record_in_that_place_of_the_sort_order(qtbot, model, archive):
    everything = records_page(archive, RecordFilter(), SortOrder(), limit=2000)
    for row in (1299, 700, 300, 1000, 256, 511):  # the last block, then blocks by their anchors
        _load(qtbot, model, row)
        assert model.record_at(row).id == everything[row].id, row


def test_the_cache_keeps_a_few_blocks_not_every_row(qtbot, model):
    for block in range(1300 // BLOCK_SIZE + 1):
        _load(qtbot, model, block * BLOCK_SIZE)
    assert len(model._blocks) <= CACHE_BLOCKS


def test_a_header_click_sorts_in_the_database(qtbot, model, archive):
    title = model.column_of("title")
    with qtbot.waitSignal(model.first_page_loaded):
        model.sort(title, Qt.SortOrder.DescendingOrder)
    expected = records_page(archive, RecordFilter(), SortOrder("title", descending=True), limit=1)[0]
    assert model.record_at(0).id == expected.id
    assert model.sort_order == SortOrder("title", descending=True)


def test_a_column_without_an_index_does_not_sort(model):
    model.sort(model.column_of("location_code"), Qt.SortOrder.AscendingOrder)
    assert model.sort_order == SortOrder()


def test_a_filter_counts_and_shows_only_its_records(qtbot, model, archive):
    flt = RecordFilter(category="KU", status="in_custody")
    with qtbot.waitSignal(model.first_page_loaded):
        model.set_query(flt)
    assert model.total == count_records(archive, flt) > 0
    assert all(model.record_at(row).category_code.startswith("KU") for row in range(min(model.total, BLOCK_SIZE)))
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Reference code"
    assert len(COLUMNS) == model.columnCount()


def test_rows_past_the_first_quarter_of_a_block_read_the_next_block_ahead(qtbot, model, archive):
    assert not model.is_loaded(BLOCK_SIZE)
    with qtbot.waitSignal(model.block_loaded, check_params_cb=lambda n: n == 1):
        model.data(model.index(BLOCK_SIZE // 4 + 1, 0))  # a row of block 0, loaded: Page Down will need block 1
    everything = records_page(archive, RecordFilter(), SortOrder(), limit=2 * BLOCK_SIZE)
    assert model.record_at(BLOCK_SIZE).id == everything[BLOCK_SIZE].id


def test_rows_before_the_last_quarter_of_a_block_read_the_block_before_it(qtbot, model, archive):
    last = (model.total - 1) // BLOCK_SIZE  # 1,300 records: block 5, read backwards from the end
    with qtbot.waitSignal(model.block_loaded, check_params_cb=lambda n: n == last):
        model.data(model.index(model.total - 1, 0))  # Ctrl+End
    assert not model.is_loaded((last - 1) * BLOCK_SIZE)
    with qtbot.waitSignal(model.block_loaded, check_params_cb=lambda n: n == last - 1):
        model.data(
            model.index(last * BLOCK_SIZE + 2, 0)
        )  # near the top of the last block: Page Up needs the one before
    everything = records_page(archive, RecordFilter(), SortOrder(), limit=model.total)
    assert [model.record_at(row).id for row in range((last - 1) * BLOCK_SIZE, last * BLOCK_SIZE)] == [
        view.id for view in everything[(last - 1) * BLOCK_SIZE : last * BLOCK_SIZE]
    ]
