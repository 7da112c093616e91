"""Measuring, breaking and fitting text in a font, fast enough for 100,000-row registers.

Widths come straight from the TrueType face (1/1000 em per character). Lines break only
between *segments* (UAX #14 in spirit, reduced to what our forms print):

- Chinese may break between any two ideographs, but closing punctuation never starts a line
  and opening punctuation never ends one (避头尾); a 文号's "〔2023〕12号" and any "12号" stay
  whole, so 号 never stands alone;
- Latin words and codes break at spaces, and after "-", "/" or "·" (reference codes, ranges);
- a cell that is one short term (工作秘密, 永久, 定期30年) does not break at all.

``fit`` adds shrink-to-fit: when a segment is wider than the column, the cell steps its size
down (to a floor) rather than breaking the word; only below the floor is a word broken, a
Latin word with a hyphen ("Storeroo-" / "m" is never printed while a smaller size would do).
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

_CJK = "\u2e80-\u2fff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Never at the end of a line: they belong to what follows.
_OPEN = "（【《「『“‘〔〈〖([{"
#: Never at the start of a line (避头): they belong to what precedes.
_CLOSE = "，。、；：？！）】》」』”’〕〉〗…～,.;:?!)\\]}%·"
_NOT_FIRST = set(_CLOSE.replace("\\", "")) | {"号"}
#: A Latin word or a code may break after these (Z001-WS·2023-Y-0001, 2020/2021).
_AFTER = r"\-/·"
_SEGMENT = re.compile(
    rf"""
    (?:
        [{_OPEN}]*〔\d+〕\d*号?                       # a 文号's year and number: 〔2023〕12号
      | [{_OPEN}]*
        (?:
            \d+号                                     # 12号: 号 keeps its number
          | [{_CJK}]                                  # one ideograph
          | (?:[^\s{_CJK}{_OPEN}{_CLOSE}{_AFTER}]|[.,:](?=[A-Za-z0-9]))+[{_AFTER}]*  # a word, 3.5
          | [{_AFTER}]+
        )
    )
    [{_CLOSE}]*                                       # closing marks stay with what precedes
    \s*                                               # spaces hang at the end of a line
    | .                                               # anything else: a segment of its own
    """,
    re.VERBOSE | re.DOTALL,
)
#: A whole cell that is one term (密级, 保管期限 values, a short name): kept on one line.
_TERM = re.compile(rf"[{_CJK}A-Za-z0-9]{{1,6}}")
_CJK_CHAR = re.compile(rf"[{_CJK}]")

Line = tuple[str, float]


def segments(text: str) -> list[str]:
    """The unbreakable pieces of one paragraph, in order; a line may end after any of them."""
    if _TERM.fullmatch(text) and len(_CJK_CHAR.findall(text)) <= 4:
        return [text]
    return _SEGMENT.findall(text)


class TextFitter:
    """Widths, line breaking and shrink-to-fit for one font, based at one size."""

    def __init__(self, font: Any, size: float) -> None:
        self.size = size
        self._font = font
        self._widths = font.face.charWidths
        self._default = font.face.defaultWidth
        self._scale = size / 1000.0
        self._sized: dict[float, TextFitter] = {}

    def at(self, size: float) -> TextFitter:
        """The same font at another size (kept, as a register asks for few sizes many times)."""
        if size == self.size:
            return self
        fitter = self._sized.get(size)
        if fitter is None:
            fitter = self._sized[size] = TextFitter(self._font, size)
        return fitter

    def units(self, text: str) -> float:
        """Width in 1/1000 em."""
        get, default = self._widths.get, self._default
        return sum([get(o, default) for o in map(ord, text)])

    def width(self, text: str) -> float:
        return self.units(text) * self._scale

    # -- breaking ------------------------------------------------------------------------------
    def wrap(self, text: str, width: float) -> list[Line]:
        """Lines of ``text`` no wider than ``width`` points, each with its width, at this size.

        A segment is broken only when it alone is wider than ``width`` (see ``fit``)."""
        return self._wrap(text, width / self._scale, strict=False)  # type: ignore[return-value]

    def _wrap(self, text: str, limit: float, *, strict: bool) -> list[Line] | None:
        """``wrap`` in units; with ``strict``, None as soon as a segment would have to be broken."""
        lines: list[Line] = []
        for paragraph in text.split("\n"):
            total = self.units(paragraph)
            if total <= limit:
                lines.append((paragraph, total * self._scale))
                continue
            broken = self._break(paragraph, limit, strict)
            if broken is None:
                return None
            lines.extend(broken)
        return lines

    def _break(self, text: str, limit: float, strict: bool) -> list[Line] | None:
        # Widths by prefix sums: one pass over the characters, whatever the number of segments.
        get, default, scale = self._widths.get, self._default, self._scale
        prefix = [0, *accumulate([get(o, default) for o in map(ord, text)])]
        lines: list[Line] = []
        start = end = pos = 0  # the current line is text[start:end]; the next segment starts at pos
        for segment in segments(text):
            after = pos + len(segment)
            body_end = pos + len(segment.rstrip())
            if prefix[body_end] - prefix[start] <= limit:
                end, pos = body_end, after
                continue
            if end > start:
                lines.append((text[start:end], (prefix[end] - prefix[start]) * scale))
            start = pos
            if prefix[body_end] - prefix[pos] > limit:
                if strict:
                    return None
                pieces = self._split(text[pos:body_end], limit)
                lines.extend((piece, self.units(piece) * scale) for piece in pieces[:-1])
                start = body_end - len(pieces[-1])
            end, pos = body_end, after
        if end > start or not lines:
            lines.append((text[start:end], (prefix[end] - prefix[start]) * scale))
        return lines

    def _split(self, word: str, limit: float) -> list[str]:
        """A segment wider than a line, cut by character; a Latin word gets a hyphen."""
        get, default = self._widths.get, self._default
        hyphen = get(ord("-"), default)
        pieces: list[str] = []
        start, used = 0, 0.0
        for i, ch in enumerate(word):
            w = get(ord(ch), default)
            if used + w > limit and i > start:
                cut = i
                if word[i - 1].isalpha() and ch.isalpha() and word[i - 1].isascii():
                    # Room for the hyphen: carry the last letter over when it would not fit.
                    if used + hyphen > limit and cut - 1 > start:
                        cut -= 1
                    pieces.append(word[start:cut] + "-")
                else:
                    # Even here 避头尾 holds: no closing mark or 号 first, no opening mark last.
                    while cut - 1 > start and (word[cut] in _NOT_FIRST or word[cut - 1] in _OPEN):
                        cut -= 1
                    pieces.append(word[start:cut])
                start = cut
                used = self.units(word[start : i + 1])
                continue
            used += w
        pieces.append(word[start:])
        return pieces

    # -- fitting --------------------------------------------------------------------------------
    def fit(self, text: str, width: float, floor: float) -> tuple[float, list[Line]]:
        """(size, lines): wrapped at this size when every segment fits the column; otherwise at
        the largest size (in 0.25 pt steps, not below ``floor``) where every segment fits; and
        only when even ``floor`` is too large, at this size with words broken."""
        limit = width / self._scale
        lines = self._wrap(text, limit, strict=True)
        if lines is not None:
            return self.size, lines
        widest = max((self.units(s.rstrip()) for p in text.split("\n") for s in segments(p)), default=0.0)
        size = int(self.size * limit / widest * 4) / 4
        if size >= floor:
            return size, self.at(size).wrap(text, width)
        return self.size, self.wrap(text, width)

    def fit_line(self, text: str, width: float, floor: float) -> tuple[float, Line]:
        """(size, line) for a cell that never wraps: shrunk to ``width``, not below ``floor``."""
        total = self.units(text)
        if total * self._scale <= width or not total:
            return self.size, (text, total * self._scale)
        size = max(floor, int(1000 * width / total * 4) / 4)
        return size, (text, total * size / 1000)
