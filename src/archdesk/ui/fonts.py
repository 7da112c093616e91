"""Chinese glyphs on screen even where the system has no Chinese font.

ArchDesk ships WenQuanYi Micro Hei (resources/fonts/, Apache 2.0 / GPLv3 with font exception,
see its LICENSE file). It is registered with ``QFontDatabase`` only when no installed family
can draw Chinese text, and then added as a fallback after the application's own font, so Latin
text keeps the system's look.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication

from archdesk.bundled import resource

BUNDLED_FONT = "fonts/wqy-microhei.ttc"
#: Text every Chinese screen needs: the archive's own words and the reference-code middle dot.
SAMPLE_TEXT = "档案管理档号题名·"

_registered_family: str | None = None


def renders(family: str, text: str = SAMPLE_TEXT) -> bool:
    """True if the font family has a glyph for every character of ``text``."""
    metrics = QFontMetrics(QFont(family))
    return all(metrics.inFontUcs4(ord(char)) for char in text)


def cjk_families() -> list[str]:
    """Installed families that can draw Simplified Chinese (bundled fonts included once registered)."""
    candidates = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return [family for family in candidates if renders(family)]


def register_bundled_font() -> str:
    """Register the bundled CJK font (once per process); returns its family name."""
    global _registered_family
    if _registered_family is None:
        font_id = QFontDatabase.addApplicationFont(str(resource(BUNDLED_FONT)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise RuntimeError(f"cannot load the bundled font {resource(BUNDLED_FONT)}")
        _registered_family = families[0]
    return _registered_family


def ensure_cjk_font(app: QGuiApplication) -> str:
    """Make sure Chinese text can be drawn; returns the family that draws it.

    If the application font already renders Chinese, nothing changes. If another installed
    family does, it is added as a fallback; if none does, the bundled font is registered first.
    Call once at start, after the QApplication exists (GUI thread).
    """
    font = app.font()
    if renders(font.family()):
        return font.family()
    installed = cjk_families()
    family = installed[0] if installed else register_bundled_font()
    # Families listed after the first are fallbacks per character; the substitution covers
    # widgets that were given a family of their own (QFont("Sans Serif") …).
    font.setFamilies([font.family(), family])
    app.setFont(font)
    QFont.insertSubstitution(font.family(), family)
    return family
