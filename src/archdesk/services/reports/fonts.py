"""The Chinese font every document is printed in, embedded as a TrueType subset.

Resolution order: a path from settings, then a CJK TrueType font on the system, then the
font shipped with ArchDesk (WenQuanYi Micro Hei). ReportLab embeds only TrueType outlines:
Noto CJK / Source Han (CFF outlines in .otf/.ttc) cannot be loaded and are skipped, and the
built-in ``STSong-Light`` CID font is never used because it is not embedded (and shows the
reference-code separator ``·`` as a box in many viewers).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from archdesk.bundled import resource

BUNDLED_FONT = "fonts/wqy-microhei.ttc"
#: Characters a register cannot print without: CJK text and the middle dot of reference codes.
REQUIRED_CHARS = "档号题名·"
_COMMON_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)


@dataclass(frozen=True)
class ReportFont:
    """A registered font: ``name`` is what ReportLab's canvas and styles take."""

    name: str
    path: Path
    source: str  # "settings", "system" or "bundled"

    @property
    def ttfont(self) -> TTFont:
        return pdfmetrics.getFont(self.name)  # type: ignore[return-value]


@cache
def _system_font() -> ReportFont | None:
    for candidate in _system_candidates():
        font = _load(candidate, "system")
        if font is not None:
            return font
    return None


def resolve_font(settings_path: str | Path | None = None) -> ReportFont:
    """The first usable font: ``settings_path``, the system's CJK font, the bundled font.

    A settings path that cannot be used is skipped (the next source is tried), so a moved
    font file never stops printing.
    """
    if settings_path:
        font = _load(Path(settings_path), "settings")
        if font is not None:
            return font
    font = _system_font()
    if font is not None:
        return font
    font = _load(resource(BUNDLED_FONT), "bundled")
    if font is None:  # pragma: no cover - the wheel ships it
        raise FileNotFoundError(f"the bundled font {BUNDLED_FONT} cannot be loaded")
    return font


def bundled_font() -> ReportFont:
    font = _load(resource(BUNDLED_FONT), "bundled")
    assert font is not None
    return font


def _system_candidates() -> list[Path]:
    found: list[Path] = []
    fc_list = shutil.which("fc-list")
    if fc_list:
        # fc-list with a language pattern lists only fonts that cover Chinese.
        try:
            output = subprocess.run(
                [fc_list, ":lang=zh-cn", "--format", "%{file}\n"], capture_output=True, text=True, timeout=20
            ).stdout
        except (OSError, subprocess.SubprocessError):
            output = ""
        for line in sorted(output.splitlines())[:40]:
            path = Path(line.strip())
            if path.suffix.lower() in (".ttf", ".ttc") and path not in found:
                found.append(path)
    found.extend(Path(p) for p in _COMMON_PATHS if Path(p) not in found)
    return [p for p in found if p.is_file()]


def _load(path: Path, source: str) -> ReportFont | None:
    try:
        resolved = path.expanduser().resolve()
        if not resolved.is_file():
            return None
        name = _register(str(resolved))
    except Exception:  # noqa: BLE001 - any unreadable or CFF-outline font is skipped, the next one is tried
        return None
    if name is None:
        return None
    return ReportFont(name=name, path=resolved, source=source)


@cache
def _register(path: str) -> str | None:
    """Register the font once per process; None when it lacks the characters a register needs."""
    name = "ArchDesk-" + hashlib.sha1(path.encode()).hexdigest()[:10]
    font = TTFont(name, path, subfontIndex=0)
    if any(ord(ch) not in font.face.charToGlyph for ch in REQUIRED_CHARS):
        return None
    pdfmetrics.registerFont(font)
    return name
