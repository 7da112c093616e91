"""The character and character-pair tokens of the search tables for words of one or two characters
(``search_gram`` for the catalogue fields, ``search_content_gram`` for attached files' text).

Every character of the case-folded text becomes one ASCII token and every pair of neighbouring
characters another: a character of the Basic Multilingual Plane (every common CJK character) is its
UTF-16 code unit in 4 hex digits (``4f1a`` for 会, ``4f1a8bae`` for 会议), a character beyond it
(CJK Extension B on, 𠮷) ``g`` and its code point in 6 (``g020bb7``). A token reads back to one
character sequence only (a ``g`` starts 7 letters, any other letter 4), so any character is
searchable, punctuation such as 〔 included, and a word of one or two characters is one token
look-up. Until migration 0018 the tokens were UTF-32, twice as long: FTS5 spends its time per byte
of token text, and 100,000 imported records' tokens went in 0.68 → 0.48 s (bench/README.md,
issue 11). No SQL here: ``services/search.py`` and ``services/digitisation/content.py`` register
these functions on their connection.
"""

from __future__ import annotations

from typing import Any

#: The SQL function of ``search_content_gram``'s tokens, on every SQLite connection ArchDesk opens.
CONTENT_GRAMS_FUNCTION = "archdesk_content_grams"


def gram_token(word: str) -> str:
    """The token of a one- or two-character word (case-folded)."""
    return _token(word.lower())


def _token(folded: str) -> str:
    points = folded.encode("utf-16-be")
    if len(points) == 2 * len(folded):
        return points.hex()
    return "".join(c.encode("utf-16-be").hex() if c <= "\uffff" else f"g{ord(c):06x}" for c in folded)


def grams(*texts: str | None) -> str:
    """Every character and character pair of each text, as tokens.

    A repeated character or pair is repeated (FTS5 keeps one entry per row with ``detail=none``):
    removing the repeats in Python cost more than FTS5 spends on them (5,000 pages of attached
    text: 0.6 s as they are, 1.0 s as sets).
    """
    # Each folded text as UTF-16 (2 bytes a character while none is beyond the BMP), written out in
    # hex by ``bytes.hex`` with a separator: every 2 bytes (the characters), every 4 bytes from a
    # text's first character (pairs 1-2, 3-4 …) and every 4 bytes from its second (pairs 2-3,
    # 4-5 …), each text cut to whole pairs. The pieces of all the texts are joined first, so a row
    # of five fields is three C calls (a text's length is a multiple of 2 or 4 bytes, so no token
    # straddles two texts). The same tokens, as many times each, as ``gram_token`` of each
    # character and pair (the order differs, which FTS5 ignores with ``detail=none``; the count
    # must not, or deleting the row later with these tokens corrupts the index). A text with a
    # character beyond the BMP (a surrogate pair in UTF-16) is tokenised character by character.
    points: list[bytes] = []
    rare: list[str] = []
    for value in texts:
        if value:
            folded = value.lower()
            encoded = folded.encode("utf-16-be")
            if len(encoded) == 2 * len(folded):
                points.append(encoded)
            else:
                rare.append(folded)
    tokens = []
    if points:
        from_first = b"".join([p[: len(p) & ~3] for p in points])
        from_second = b"".join([p[2 : 2 + ((len(p) - 2) & ~3)] for p in points])
        tokens = [b"".join(points).hex(" ", -2), from_first.hex(" ", -4), from_second.hex(" ", -4)]
    for folded in rare:
        tokens.extend(_token(c) for c in folded)
        tokens.extend(_token(folded[i : i + 2]) for i in range(len(folded) - 1))
    return " ".join(tokens)


def register_content_grams(dbapi_connection: Any) -> None:
    """Make ``archdesk_content_grams(text)`` callable in SQL on this sqlite3 connection."""
    dbapi_connection.create_function(CONTENT_GRAMS_FUNCTION, 1, grams, deterministic=True)
