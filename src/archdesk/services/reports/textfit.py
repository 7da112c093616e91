"""Measuring and wrapping text in a font, fast enough for 100,000-row registers.

Widths come straight from the TrueType face (1/1000 em per character); Chinese breaks
between any two characters, Latin words break at spaces, and closing punctuation never
starts a line (the usual 避头 rule).
"""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

_NO_LINE_START = set("，。、；：？！）】》」』”’,.;:?!)]}%·")


class TextFitter:
    """Widths and greedy line breaking for one font at one size."""

    def __init__(self, font: TTFont, size: float) -> None:
        self.size = size
        self._widths = font.face.charWidths
        self._default = font.face.defaultWidth
        self._scale = size / 1000.0

    def width(self, text: str) -> float:
        get, default = self._widths.get, self._default
        return sum([get(o, default) for o in map(ord, text)]) * self._scale

    def wrap(self, text: str, width: float) -> list[tuple[str, float]]:
        """Lines of ``text`` no wider than ``width`` points, each with its width."""
        lines: list[tuple[str, float]] = []
        for paragraph in text.split("\n"):
            total = self.width(paragraph)
            if total <= width:
                lines.append((paragraph, total))
            else:
                lines.extend(self._break(paragraph, width))
        return lines

    def _break(self, text: str, width: float) -> list[tuple[str, float]]:
        get, default, scale = self._widths.get, self._default, self._scale
        limit = width / scale
        lines: list[tuple[str, float]] = []
        start, used = 0, 0.0
        i = 0
        n = len(text)
        while i < n:
            w = get(ord(text[i]), default)
            if used + w > limit and i > start:
                cut = self._cut_point(text, start, i)
                line = text[start:cut].rstrip(" ")
                lines.append((line, self.width(line)))
                start = cut
                while start < n and text[start] == " ":
                    start += 1
                i, used = start, 0.0
                continue
            used += w
            i += 1
        if start < n:
            line = text[start:]
            lines.append((line, self.width(line)))
        return lines

    @staticmethod
    def _cut_point(text: str, start: int, i: int) -> int:
        """Where to end the line whose next character ``text[i]`` no longer fits."""
        if text[i] in _NO_LINE_START and i - 1 > start:
            return i - 1  # carry the last character over with the punctuation
        if _is_word_char(text[i]) and _is_word_char(text[i - 1]):
            # Prefer a space, then a hyphen or middle dot (reference codes, date ranges).
            breaks = [text.rfind(mark, start, i) for mark in (" ", "-", "·", "/")]
            best = max(breaks)
            if best > start:
                return best + 1
        return i


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
