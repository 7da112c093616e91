"""The Chinese translation stays complete: every string in the source is in the .ts, translated, and compiled.

When this fails after you added strings: run ``make i18n``, translate the new entries in
resources/i18n/archdesk_zh_CN.ts, and run ``make i18n`` again to compile the .qm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archdesk.bundled import resource

ROOT = Path(__file__).resolve().parents[2]
TS = resource("i18n/archdesk_zh_CN.ts")
QM = resource("i18n/archdesk_zh_CN.qm")
TOOLS = Path(sys.executable).parent


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → the <translation> element, for every message still in use."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            found[(name, message.findtext("source"))] = translation
    return found


def tool(name: str) -> str:
    path = TOOLS / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_every_message_has_a_finished_chinese_translation():
    unfinished = []
    for (context, source), translation in messages(TS).items():
        if not context:
            continue  # a call lupdate misread (see the context test); there is nothing right to translate
        texts = [form.text for form in translation.iter("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all(text and text.strip() for text in texts):
            unfinished.append(f"{context}: {source!r}")
    assert not unfinished, "untranslated in archdesk_zh_CN.ts:\n" + "\n".join(unfinished)


def test_the_translation_file_has_every_string_in_the_source(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(path) for path in (ROOT / "src" / "archdesk").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True)

    missing = sorted(set(messages(fresh)) - set(messages(TS)))

    assert not missing, "strings missing from archdesk_zh_CN.ts (run make i18n):\n" + "\n".join(
        f"{context}: {source!r}" for context, source in missing
    )


def test_every_string_has_a_context_that_exists_at_run_time():
    """lupdate names the context after what it reads, which is not always what Qt looks up at run time.

    ``tr = QCoreApplication.translate; tr("Ctx", "text")`` is read as source "Ctx" with no context, and
    ``parent.tr("text")`` as context "parent", while Qt looks for the class of ``parent``: both stay English.
    """
    wrong = sorted({context or "" for (context, _source) in messages(TS) if not context or context[0].islower()})
    assert not wrong, (
        "strings lupdate cannot tie to a class (contexts "
        + ", ".join(repr(context) for context in wrong)
        + '): call self.tr(...) or QCoreApplication.translate("Class", ...) by name'
    )


def test_the_compiled_catalogue_matches_the_translation_file(tmp_path):
    compiled = tmp_path / "archdesk_zh_CN.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True)

    assert QM.read_bytes() == compiled.read_bytes(), "archdesk_zh_CN.qm is out of date: run make i18n"
