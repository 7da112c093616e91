"""The printed lines of a PDF as a reader sees them: each run of text on one baseline, per cell.

pypdf joins a whole table row into one string; pdfium gives every character with its box, so a
cell's lines come apart where the baseline changes or the text jumps to another column.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium


def pdf_lines(path: Path) -> list[list[str]]:
    """Per page, the text runs in drawing order (one per line of a cell), stripped, none empty."""
    pages: list[list[str]] = []
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            text = page.get_textpage()
            try:
                pages.append(_runs(text))
            finally:
                text.close()
                page.close()
    finally:
        pdf.close()
    return pages


def _runs(text) -> list[str]:  # text: pdfium's PdfTextPage
    runs: list[str] = []
    current, previous = "", None
    for i in range(text.count_chars()):
        ch = text.get_text_range(i, 1)
        if ch in "\r\n":
            continue
        left, bottom, right, _top = text.get_charbox(i, loose=True)
        if previous is None or abs(bottom - previous[1]) > 1 or left - previous[2] > 3 or left < previous[0] - 0.5:
            runs.append(current)
            current = ""
        current += ch
        previous = (left, bottom, right)
    runs.append(current)
    return [run.strip() for run in runs if run.strip()]
