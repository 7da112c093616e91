"""A statistics chart prints each bar's value whole, past the end of its bar, never over it
(文书 1602 read "602" when the label was centred on the bar's end)."""

from __future__ import annotations

import pytest

from archdesk.services.reports.fonts import resolve_font
from archdesk.services.reports.statistics import Tally, _chart


def _bars_and_labels(kind: str) -> list[tuple[tuple[float, float, float, float], tuple[float, ...]]]:
    tallies = (Tally("WS", "文书", 1602, 0), Tally("KJ", "科技", 300, 0), Tally("KU", "会计", 7, 0))
    if kind == "by_year":
        tallies = tuple(Tally(str(2020 + i), "", t.items, 0) for i, t in enumerate(tallies))
    drawing = _chart(kind, tallies, resolve_font(None).name, 500)
    bars, labels = [], []

    def walk(node) -> None:
        for child in getattr(node, "contents", ()):
            if type(child).__name__ == "Rect":
                bars.append(child)
            elif hasattr(child, "boxAnchor"):
                labels.append(child)
            walk(child)

    walk(drawing.contents[0].draw())
    assert len(bars) == len(labels) == 3
    return [
        ((b.x, b.y, b.x + b.width, b.y + b.height), label.getBounds()) for b, label in zip(bars, labels, strict=True)
    ]


@pytest.mark.parametrize("kind", ["by_category", "by_year"])
def test_each_value_is_printed_past_the_end_of_its_bar(kind):
    for (_x0, _y0, x1, y1), (lx0, ly0, lx1, _ly1) in _bars_and_labels(kind):
        if kind == "by_category":  # horizontal bars: the label starts right of the bar
            assert lx0 >= x1
        else:  # vertical bars: the label sits above the bar
            assert ly0 >= y1
        assert lx1 <= 500  # and inside the drawing
