"""The extent guard's quick test of a chunk of sheet XML (every cell and row tag carries its
reference) answers what counting each kind of tag answers, whatever other tags start alike."""

import pytest

from archdesk.services.collection.guards import _CELL_TAGS, _ROW_TAGS, _all_referenced

CHUNKS = [
    b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>',
    b'<cols><col min="1" max="3" width="9"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row>',
    b'<row r="1"><c r="A1"><v>1</v></c><c><v>2</v></c></row>',  # a cell without its reference
    b'<row r="1"><c r="A1"/><c/></row>',
    b'<row><c r="A1"><v>1</v></c></row>',  # a row without its reference
    b'<row/><row r="2"><c r="A2"><v>1</v></c></row>',
    b'<row r="9"><c r="A9"><v>1</v></c></row></sheetData><rowBreaks count="1"><brk id="5"/></rowBreaks>',
    b'<conditionalFormatting sqref="A1"><cfRule type="cellIs"><formula>1</formula></cfRule></conditionalFormatting>',
    b'<row r="1"><c s="1" r="A1"><v>1</v></c></row>',  # the reference after another attribute
    b"",
]


@pytest.mark.parametrize("chunk", CHUNKS)
def test_the_quick_test_of_a_chunk_answers_what_counting_every_kind_of_tag_answers(chunk):
    counted = chunk.count(b'<c r="') == sum(chunk.count(t) for t in _CELL_TAGS) and chunk.count(b'<row r="') == sum(
        chunk.count(t) for t in _ROW_TAGS
    )
    assert _all_referenced(chunk) == counted
