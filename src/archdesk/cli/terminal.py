"""What the command line prints never carries raw control characters from the data.

A title or a spreadsheet cell may hold an escape sequence (ESC [ … , which a terminal obeys), a
bidi override (U+202E turns the rest of the line around) or invisible zero-width characters.
``main`` wraps stdout and stderr in :class:`SafeStream` for the length of a command; such
characters come out as visible ``\\x1b`` / ``\\u202e`` escapes. Tab, newline and carriage return
pass, and so does the one sequence ArchDesk itself writes (clear to end of line, after progress).
"""

from __future__ import annotations

from typing import Any, TextIO

_OWN_SEQUENCE = "\x1b[K"
_HIDDEN = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
_HIDDEN += [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A), 0xFEFF]
_VISIBLE = {code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}") for code in _HIDDEN}


def visible(text: str) -> str:
    """``text`` with every control, bidi and zero-width character written out as an escape."""
    if _OWN_SEQUENCE in text:
        return _OWN_SEQUENCE.join(part.translate(_VISIBLE) for part in text.split(_OWN_SEQUENCE))
    return text.translate(_VISIBLE)


class SafeStream:
    """A text stream that writes through :func:`visible`; everything else goes to the wrapped one."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(visible(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
