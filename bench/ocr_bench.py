"""Benchmark: offline OCR of Chinese scans (issue 16, point 6): RapidOCR against Tesseract chi_sim.

Pages are rendered with the bundled font (WenQuanYi Micro Hei) from the demo vocabulary: an A5
page of 12 lines of a notice at about 150 dpi (a 28-pixel character, what a 10.5-point 五号 line
is at that resolution). Each page is read clean and degraded the way scans are: grey noise and
blur, a skew of 1.5°, and a low-resolution (100 dpi) JPEG. Accuracy is the character error rate
(edit distance over the characters of the truth, whitespace ignored); speed is seconds per page
on this machine (2 cores shared, so the load average is printed beside). Tesseract is Debian's
``tesseract-ocr`` with ``tesseract-ocr-chi-sim``, run as ``tesseract page.png - -l chi_sim``; a
machine without it gets a row saying so.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

PAGES = int(os.environ.get("ARCHDESK_BENCH_OCR_PAGES", "3"))
CONDITIONS = ("clean", "noise + blur", "skew 1.5°", "100 dpi JPEG")


def _lines(rng: random.Random) -> list[str]:
    from archdesk.services.demo_text import BUILDINGS, RULES, THINGS, TOPICS

    lines = []
    for _ in range(12):
        topic, rule, thing, building = (
            rng.choice(TOPICS),
            rng.choice(RULES),
            rng.choice(THINGS),
            rng.choice(BUILDINGS),
        )
        lines.append(rng.choice([
            f"关于加强{topic}工作的通知，请各部门认真执行。",
            f"根据{rule}，{building}的{thing}须每月检查一次。",
            f"现将{topic}有关事项通知如下，请遵照执行。",
            f"{building}{thing}更新改造项目已经完成验收。",
        ]))  # fmt: skip
    return lines


def _page(lines: list[str]):
    from PIL import Image, ImageDraw, ImageFont

    from archdesk.bundled import resource

    font = ImageFont.truetype(str(resource("fonts/wqy-microhei.ttc")), 28)
    image = Image.new("L", (874, 1240), 255)  # A5 at 150 dpi
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((60, 80 + n * 84), line, fill=0, font=font)
    return image


def _degrade(image, condition: str, rng: random.Random):
    from PIL import Image, ImageFilter

    if condition == "noise + blur":
        noisy = image.point(lambda v: v)  # copy
        pixels = noisy.load()
        width, height = noisy.size
        for _ in range(width * height // 12):
            x, y = rng.randrange(width), rng.randrange(height)
            pixels[x, y] = rng.choice((0, 90, 160, 255))
        return noisy.filter(ImageFilter.GaussianBlur(1.1))
    if condition == "skew 1.5°":
        return image.rotate(1.5, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    if condition == "100 dpi JPEG":
        import io

        small = image.resize((image.width * 2 // 3, image.height * 2 // 3), Image.Resampling.BILINEAR)
        buffer = io.BytesIO()
        small.save(buffer, format="JPEG", quality=40)
        return Image.open(io.BytesIO(buffer.getvalue())).convert("L")
    return image


def cer(truth: str, found: str) -> float:
    """Character error rate: Levenshtein distance / characters of the truth (whitespace dropped)."""
    a = "".join(truth.split())
    b = "".join(found.split())
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] / max(len(a), 1)


def _rapidocr(image) -> str:
    from archdesk.services.digitisation import ocr

    return ocr.read_image(image)


def _tesseract(image, work: Path) -> str:
    path = work / "page.png"
    image.save(path)
    done = subprocess.run(["tesseract", str(path), "-", "-l", "chi_sim"], capture_output=True, text=True, check=True)
    return done.stdout


def run() -> list[dict]:
    from archdesk.services.digitisation import ocr

    rng = random.Random(16)
    pages = [_lines(rng) for _ in range(PAGES)]
    has_tesseract = shutil.which("tesseract") is not None and "chi_sim" in subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True
    ).stdout if shutil.which("tesseract") else False  # fmt: skip
    engines = []
    if ocr.available():
        ocr.read_image(_page(["预热"]))  # load the models once, outside the timing
        engines.append(("RapidOCR (rapidocr-onnxruntime 1.4.4)", _rapidocr))
    rows = []
    with tempfile.TemporaryDirectory() as work:
        if has_tesseract:
            engines.append(("Tesseract chi_sim (Debian)", lambda image: _tesseract(image, Path(work))))
        for name, read in engines:
            for condition in CONDITIONS:
                errors, seconds = [], 0.0
                for n, lines in enumerate(pages):
                    image = _degrade(_page(lines), condition, random.Random(n))
                    started = time.perf_counter()
                    found = read(image)
                    seconds += time.perf_counter() - started
                    errors.append(cer("".join(lines), found))
                load = os.getloadavg()[0]
                rows.append({"operation": f"OCR {name}", "size": f"{len(pages)} pages, {condition}",
                             "seconds": round(seconds, 2),
                             "note": f"CER {sum(errors) / len(errors):.1%}, {seconds / len(pages):.2f} s/page "
                                     f"(load {load:.1f})"})  # fmt: skip
    if not has_tesseract:
        rows.append({"operation": "OCR Tesseract chi_sim", "size": "-", "seconds": 0,
                     "note": "not installed: apt-get install tesseract-ocr tesseract-ocr-chi-sim"})  # fmt: skip
    if not ocr.available():
        rows.append({"operation": "OCR RapidOCR", "size": "-", "seconds": 0,
                     "note": "not installed: pip install 'archdesk[ocr]'"})  # fmt: skip
    return rows
