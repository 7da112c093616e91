"""Reading generated files back as a user's viewer would."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def pdf_pages_text(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def squash(text: str) -> str:
    """Text without white space: the page total is a form, extracted on a line of its own."""
    return "".join(text.split())


def pdf_font_names(path: Path) -> set[str]:
    """BaseFont names of every font used, with whether a TrueType file is embedded."""
    names: set[str] = set()
    for page in PdfReader(str(path)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            names.add(f"{font['/BaseFont']}{' embedded' if embedded else ''}")
    return names
