"""The character and character-pair tokens of the search tables for words of one or two characters
(``search_gram`` for the catalogue fields, ``search_content_gram`` for attached files' text).

Every character of the case-folded text becomes one ASCII token, its code point in 8 hex digits
(``00004f1a`` for 会), and every pair of neighbouring characters one of 16 (``00004f1a00008bae`` for
会议), so any character is searchable, punctuation such as 〔 included, and a word of one or two
characters is one token look-up. No SQL here: ``services/search.py`` and
``services/digitisation/content.py`` register these functions on their connection.
"""

from __future__ import annotations

from typing import Any

#: The SQL function of ``search_content_gram``'s tokens, on every SQLite connection ArchDesk opens.
CONTENT_GRAMS_FUNCTION = "archdesk_content_grams"


def gram_token(word: str) -> str:
    """The token of a one- or two-character word (case-folded)."""
    return word.lower().encode("utf-32-be").hex()


def grams(*texts: str | None) -> str:
    """Every character and character pair of each text, as tokens.

    A character is 8 hex digits and a pair 16, so a single and a pair can never be confused. A
    repeated character or pair is repeated (FTS5 keeps one entry per row with ``detail=none``):
    removing the repeats in Python cost more than FTS5 spends on them (5,000 pages of attached
    text: 0.6 s as they are, 1.0 s as sets).
    """
    # Each folded text as UTF-32 (4 bytes a character), written out in hex by ``bytes.hex`` with a
    # separator: every 4 bytes (the characters), every 8 bytes from a text's first character (pairs
    # 1-2, 3-4 …) and every 8 bytes from its second (pairs 2-3, 4-5 …), each text cut to whole
    # pairs. The pieces of all the texts are joined first, so a row of five fields is three C calls
    # (a text's length is a multiple of 4 or 8 bytes, so no token straddles two texts). The same
    # tokens, as many times each, as one token per character and pair built in Python (the order
    # differs, which FTS5 ignores with ``detail=none``; the count must not, or deleting the row
    # later with these tokens corrupts the index). 100,000 rows of five fields: 0.76 → 0.62 s.
    points = [value.lower().encode("utf-32-be") for value in texts if value]
    if not points:
        return ""
    from_first = b"".join([p[: len(p) & ~7] for p in points])
    from_second = b"".join([p[4 : 4 + ((len(p) - 4) & ~7)] for p in points])
    return " ".join((b"".join(points).hex(" ", -4), from_first.hex(" ", -8), from_second.hex(" ", -8)))


def register_content_grams(dbapi_connection: Any) -> None:
    """Make ``archdesk_content_grams(text)`` callable in SQL on this sqlite3 connection."""
    dbapi_connection.create_function(CONTENT_GRAMS_FUNCTION, 1, grams, deterministic=True)
