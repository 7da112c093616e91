"""Reading a kept 档号 with the category's pattern: the reader that reads each code-without-its-item
once answers what the whole regular expression answers, code by code."""

import pytest

from archdesk.services.collection.codes import code_reader, parse_code

DAT22 = "{fonds}-{category}·{year}-{retention}[-{department}]-{item}"
DAT13 = "{fonds}-{category}·{year}·{retention}[·{department_name}]-{item}"
PATTERNS = [
    DAT22,
    DAT13,
    "{fonds}-{category}-{year}-{retention}-{item}",
    "{fonds}/{category}/{year}/No.{item}",  # a literal before the item that ends in "."
    "{fonds}-{category}·{year}-{item}[-{department}]",  # the item not last: read whole
    "{fonds}{category}{year}{item}",  # no separator before the item: read whole
]
CODES = [
    "Z109-WS·2011-Y-BGS-0001",
    "Z109-WS·2011-Y-BGS-0002",
    "Z109-WS·2011-Y-0003",
    "Z109-WS·2011-D30-0004",
    "Z109-KU·01·2011-Y-BGS-0005",
    "Z109-WS·2011·Y·办公室-0006",
    "Z109-WS·2011·Y-0007",
    "Z109-WS-2011-Y-12",
    "Z109/WS/2011/No.42",
    "Z109-WS·2011-0008-BGS",
    "Z109WS20110009",
    "Z109-WS·2011-Y-BGS-1234567",  # seven digits: no item
    "Z109-WS·2011-Y-BGS-",
    "Z109-WS·2011-Y-BGS-00a1",
    "Z109-WS·2011-Y-BGS-０００１",  # full-width digits are digits to the expression too
    "Z109-WS·2011-Y-BGS-0001\n",
    "Z109-WS·11-Y-BGS-0001",  # a two-digit year fits no pattern
    "0001",
    "-0001",
    "",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_reader_answers_what_the_pattern_s_expression_answers(pattern):
    read = code_reader(pattern)
    for code in CODES * 2:  # the second time from what it remembered
        assert read(code) == parse_code(pattern, code), code


def test_codes_of_one_group_are_read_into_their_own_components():
    read = code_reader(DAT22)
    first, second = read("Z109-WS·2011-Y-BGS-0001"), read("Z109-WS·2011-Y-BGS-0417")
    assert first == {"fonds": "Z109", "category": "WS", "year": "2011", "retention": "Y", "department": "BGS",
                     "item": "0001"}  # fmt: skip
    assert second["item"] == "0417" and first["item"] == "0001"
    first["item"] = "changed"
    assert read("Z109-WS·2011-Y-BGS-0001")["item"] == "0001"  # each answer is the caller's own
