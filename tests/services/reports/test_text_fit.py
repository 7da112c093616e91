"""Line breaking and shrink-to-fit (services/reports/textfit.py), measured in the report font."""

from __future__ import annotations

import pytest

from archdesk.services.reports.fonts import resolve_font
from archdesk.services.reports.textfit import TextFitter, segments

CLOSING = "，。、；：？！）】》」』”’〕"
OPENING = "（【《「『“‘〔"


@pytest.fixture(scope="module")
def fit() -> TextFitter:
    return TextFitter(resolve_font(None).ttfont, 9)


@pytest.mark.parametrize(
    "text",
    [
        "办发〔2023〕12号",
        "关于转发《国务院办公厅关于加强档案工作的意见》（国办发〔2023〕112号）的通知。",
        "Z001-WS·2023-Y-BGS-0001",
        "Storeroom 1, Permanent (draft) 3.5 pages",
        "  leading and trailing  ",
        "混合 English 与中文，「引号」…… and 2020/2021",
        "\t\u3000\ufeff",
    ],
)
def test_segments_cover_the_text_exactly(text):
    assert "".join(segments(text)) == text


@pytest.mark.parametrize("value", ["办发〔2023〕12号", "国务院办公厅国办发〔2023〕112号", "京档字第12号"])
def test_a_document_number_keeps_its_hao_with_its_number_at_every_width(fit, value):
    number = value[value.rindex("〕") + 1 :] if "〕" in value else "12号"
    whole = ("〔2023〕" + number) if "〕" in value else number
    for width in range(20, 140, 3):
        size, lines = fit.fit(value, width, floor=6.5)
        texts = [line for line, _w in lines]
        assert "".join(texts) == value
        assert not any(line.startswith("号") for line in texts), (width, texts)
        if fit.at(6.5).width(whole) <= width:  # whole at some size down to the floor: never broken
            assert any(whole in line for line in texts), (width, size, texts)
            assert all(w <= width + 0.01 for _line, w in lines)


def test_closing_punctuation_never_starts_a_line_nor_opening_ends_one(fit):
    text = "关于转发《国务院办公厅关于加强档案工作的意见》（国办发〔2023〕112号）的通知，请认真贯彻执行。"
    for width in range(40, 200, 7):
        lines = [line for line, w in fit.wrap(text, width)]
        assert "".join(lines) == text
        assert all(w <= width + 0.01 for _line, w in fit.wrap(text, width))
        assert not any(line[0] in CLOSING for line in lines), (width, lines)
        assert not any(line[-1] in OPENING for line in lines), (width, lines)


def test_english_words_break_only_at_spaces(fit):
    text = "Minutes of the Storeroom inspection, Permanent retention, transferred to the Municipal Archives"
    words = set(text.split())
    for width in range(70, 300, 11):
        lines = fit.wrap(text, width)
        assert " ".join(line for line, _w in lines) == text
        for line, line_width in lines:
            assert line_width <= width + 0.01
            assert set(line.split()) <= words, (width, line)


def test_a_reference_code_breaks_after_its_separators(fit):
    code = "Z001-WS·2023-Y-BGS-0001"
    lines = [line for line, _w in fit.wrap(code, 60)]
    assert len(lines) > 1 and "".join(lines) == code
    assert all(line[-1] in "-·" for line in lines[:-1])


def test_a_short_term_shrinks_rather_than_breaks(fit):
    assert fit.width("工作秘密") == pytest.approx(36)
    size, lines = fit.fit("工作秘密", 30, floor=6.5)
    assert [line for line, _w in lines] == ["工作秘密"]
    assert 6.5 <= size < 9 and lines[0][1] <= 30
    # A wide enough column keeps the body size.
    assert fit.fit("工作秘密", 40, floor=6.5) == (9, [("工作秘密", 36.0)])
    # A longer Chinese text is not one term: it wraps between characters at the body size.
    size, lines = fit.fit("关于档案工作的通知", 30, floor=6.5)
    assert size == 9 and len(lines) == 3


@pytest.mark.parametrize("word", ["Storeroom", "Permanent", "Confidential"])
def test_an_english_word_shrinks_to_the_floor_before_it_is_broken(fit, word):
    natural = fit.width(word)
    size, lines = fit.fit(word, natural * 0.85, floor=6.5)
    assert [line for line, _w in lines] == [word] and size < 9
    # In a column too narrow even at the floor, the word is hyphenated, never cut bare.
    size, lines = fit.fit(word, natural * 0.5, floor=6.5)
    texts = [line for line, _w in lines]
    assert size == 9 and len(texts) > 1
    assert all(piece.endswith("-") for piece in texts[:-1])
    assert "".join(piece[:-1] for piece in texts[:-1]) + texts[-1] == word


def test_a_title_with_one_long_word_shrinks_the_cell_and_keeps_the_word(fit):
    text = "Report on the Interdepartmental reorganisation"
    size, lines = fit.fit(text, fit.width("Interdepartmental") * 0.9, floor=6.5)
    assert size < 9
    assert "Interdepartmental" in [line for line, _w in lines]
    assert all(w <= fit.width("Interdepartmental") * 0.9 + 0.01 for _line, w in lines)


def test_fit_line_shrinks_a_cell_that_does_not_wrap(fit):
    size, (line, width) = fit.fit_line("Confidential", 40, floor=6.5)
    assert line == "Confidential" and width <= 40 and size < 9
    assert fit.fit_line("Secret", 40, floor=6.5)[0] == 9
