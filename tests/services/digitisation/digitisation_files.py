"""Files made in the tests: a PDF with a text layer (ReportLab), images (Pillow), an Office zip."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.database import Database


def make_pdf(path: Path, *pages: str) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    for line in pages or ("scan",):
        pdf.setFont("Helvetica", 14)
        pdf.drawString(72, 720, line)
        pdf.showPage()
    pdf.save()
    return path


def make_image(path: Path, kind: str, *, frames: int = 1, shade: int = 200) -> Path:
    from PIL import Image

    images = [Image.new("RGB", (40, 30), (shade, 100 + n, 50)) for n in range(frames)]
    images[0].save(path, format=kind, save_all=frames > 1, append_images=images[1:])
    return path


def make_docx(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    path.write_bytes(buffer.getvalue())
    return path


def add_record(
    db: Database, title: str = "关于召开2023年度档案工作会议的通知", *, accept: bool = True, **overrides
) -> tuple[int, str]:
    values = dict(title=title, category="WS", year=2023, retention="Y", department="BGS", date=date(2023, 3, 14))
    values.update(overrides)
    view = create_record(db, RecordInput(**values), accept=accept)
    return view.id, view.reference_code


def make_text_image(path: Path, lines: list[str], *, kind: str = "PNG", size: int = 40) -> Path:
    """A scanned page without a text layer: Chinese lines rendered with the bundled font."""
    from PIL import Image, ImageDraw, ImageFont

    from archdesk.bundled import resource

    font = ImageFont.truetype(str(resource("fonts/wqy-microhei.ttc")), size)
    image = Image.new("RGB", (size * 22, size * (2 * len(lines) + 2)), "white")
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((size, size + n * size * 2), line, fill="black", font=font)
    image.save(path, format=kind)
    return path


def make_scanned_pdf(path: Path, images: list[Path]) -> Path:
    """A PDF of page images only (what a scanner writes without OCR)."""
    from PIL import Image

    pages = [Image.open(p).convert("RGB") for p in images]
    pages[0].save(path, format="PDF", save_all=True, append_images=pages[1:], resolution=200)
    return path
