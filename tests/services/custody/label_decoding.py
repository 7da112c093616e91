"""Render a PDF's pages to images with pypdfium2 and read every barcode on them with zxing-cpp."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import zxingcpp


def decoded_codes(pdf: Path, *, dpi: int = 300) -> list[list[str]]:
    """The texts of the barcodes found on each page, in reading order (top to bottom, left to right)."""
    document = pypdfium2.PdfDocument(str(pdf))
    pages = []
    try:
        for page in document:
            image = page.render(scale=dpi / 72).to_pil().convert("L")
            found = zxingcpp.read_barcodes(image)
            found.sort(key=lambda b: (round(b.position.top_left.y / 40), b.position.top_left.x))
            pages.append([b.text for b in found])
    finally:
        document.close()
    return pages


def save_page_png(pdf: Path, out: Path, *, page: int = 0, dpi: int = 110) -> Path:
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        document[page].render(scale=dpi / 72).to_pil().save(out)
    finally:
        document.close()
    return out
