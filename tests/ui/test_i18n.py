"""Language: chosen from the locale or the setting, switched while running; Chinese glyphs always drawable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialogButtonBox

from archdesk.ui import fonts, i18n
from archdesk.ui.i18n import ensure_cjk_font, install_translators, resolve_language


@pytest.fixture
def english(qapp):
    """Every test leaves the application in English, whatever it switched to."""
    yield qapp
    install_translators(qapp, "en")


@pytest.fixture
def app_font(qapp):
    font = qapp.font()
    yield qapp
    qapp.setFont(font)


def test_the_system_locale_chooses_the_language_unless_the_setting_says_otherwise():
    assert resolve_language("", QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "zh_CN"
    assert resolve_language("", QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == "zh_CN"
    assert resolve_language("", QLocale(QLocale.Language.German, QLocale.Country.Germany)) == "en"
    assert resolve_language("en", QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "en"
    assert resolve_language("zh_CN", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) == "zh_CN"


def test_switching_to_chinese_and_back_translates_our_strings_and_qts_own(english):
    translate = QCoreApplication.translate

    assert install_translators(english, "zh_CN") == "zh_CN"
    assert translate("SettingsDialog", "Settings") == "设置"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"  # from Qt's qtbase_zh_CN.qm
    assert QLocale().language() == QLocale.Language.Chinese

    assert install_translators(english, "en") == "en"
    assert translate("SettingsDialog", "Settings") == "Settings"
    assert i18n.current_language() == "en"


def test_without_its_catalogue_the_program_stays_in_english(english, monkeypatch, tmp_path):
    monkeypatch.setattr(i18n, "resource", lambda relative: tmp_path / relative)

    assert install_translators(english, "zh_CN") == "en"
    assert QCoreApplication.translate("SettingsDialog", "Settings") == "Settings"


def test_the_bundled_font_is_registered_when_no_installed_font_draws_chinese(app_font, monkeypatch):
    monkeypatch.setattr(fonts, "cjk_families", lambda: [])
    monkeypatch.setattr(fonts, "renders", lambda family, text=fonts.SAMPLE_TEXT: "WenQuanYi" in family)

    family = ensure_cjk_font(app_font)

    assert family == "WenQuanYi Micro Hei"
    assert family in QFontDatabase.families()
    assert app_font.font().families()[-1] == family  # a fallback after the system's own font


def test_an_installed_chinese_font_is_preferred_to_the_bundled_one(app_font, monkeypatch):
    monkeypatch.setattr(fonts, "cjk_families", lambda: ["Noto Sans CJK SC"])
    monkeypatch.setattr(fonts, "renders", lambda family, text=fonts.SAMPLE_TEXT: False)
    monkeypatch.setattr(fonts, "register_bundled_font", lambda: pytest.fail("the bundled font was not needed"))

    assert ensure_cjk_font(app_font) == "Noto Sans CJK SC"
    assert "Noto Sans CJK SC" in app_font.font().families()


def test_after_ensuring_the_font_chinese_text_has_glyphs(app_font):
    family = ensure_cjk_font(app_font)

    assert fonts.renders(family, "档案管理档号题名·")
