"""The printed forms read back line by line: no word, short term or 文号 is broken (issue 15, point 6).

The fixtures carry the values that broke before: 工作秘密 in the 密级 column, long 文号s whose 号
fell on a line of its own, and the English inventory's "Storeroom" and "Permanent".
"""

from __future__ import annotations

from datetime import date

import pytest
from pdf_lines import pdf_lines

from archdesk.services.appraisal import create_batch, create_destruction_list, decide
from archdesk.services.catalogue import accept_records, create_record
from archdesk.services.reports import catalogue_register, inventory_register, render_pdf, volume_catalogue
from archdesk.services.reports.destruction import destruction_list_document
from archdesk.services.views import RecordInput

DOCUMENT_NUMBERS = ("国务院办公厅国办发〔2023〕112号", "办发〔2023〕12号", "京档发〔2023〕1024号")
ZH_TITLES = (
    "关于转发《国务院办公厅关于加强新时代档案工作的意见》（国办发〔2023〕112号）的通知，请认真贯彻执行",
    "关于印发《机关档案管理规定》实施细则、档案分类方案和归档范围与保管期限表的通知（办发〔2023〕12号）",
)
EN_TITLES = (
    "Minutes of the Storeroom inspection committee on Permanent retention and the reorganisation of records",
    "Interdepartmental correspondence concerning the transferred Confidential files of the Municipal Archives",
)
CLOSING = "，。、；：？！）】》」』”’〕"


@pytest.fixture
def long_values(sample):
    """The sample archive plus accepted records with long titles, 工作秘密 and long 文号s."""
    db, codes = sample
    ids = []
    for n, (title, number) in enumerate(zip(ZH_TITLES + EN_TITLES, DOCUMENT_NUMBERS * 2, strict=False)):
        record = create_record(
            db,
            RecordInput(title=title, category="WS", year=2024, retention="Y", department="BGS", pages=n + 2,
                        document_number=number, security_level="GZMM", responsible_party="本单位办公室",
                        date=date(2023, 6, n + 1)),
        )  # fmt: skip
        ids.append(record.id)
    accept_records(db, ids)
    old = [
        create_record(
            db, RecordInput(title=title, category="WS", year=2000, retention="D10", department="BGS", pages=4)
        ).id
        for title in ZH_TITLES + EN_TITLES
    ]
    accept_records(db, old)
    return db, codes, old


def _lines(path) -> list[str]:
    return [line for page in pdf_lines(path) for line in page]


def _assert_nothing_broken(lines: list[str], *, english: bool) -> None:
    assert ("Work secret" if english else "工作秘密") in lines  # the 密级 cell on one line
    for line in lines:
        assert not line.startswith("号"), line
        assert line[0] not in CLOSING, line
        assert line not in ("工作", "工作秘", "作秘密", "密", "Storeroo", "Permanen", "m", "t")
    for number in DOCUMENT_NUMBERS:  # 〔year〕number号 always on one line
        tail = number[number.index("〔") :]
        assert any(tail in line for line in lines), (tail, [line for line in lines if "〕" in line])
    # A cell's lines are drawn one after the other: joined they give the value back, with a space
    # where an English line broke (a broken word would read "Storeroo m" or "Storeroo- m").
    spaced, packed = " ".join(lines), "".join(lines)
    for title in EN_TITLES:
        assert title in spaced
    for title in ZH_TITLES:
        assert title in packed


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_register_prints_long_values_unbroken(long_values, tmp_path, language):
    db, _codes, _old = long_values
    out = tmp_path / f"register-{language}.pdf"
    render_pdf(catalogue_register(db, language=language), out)
    lines = _lines(out)
    _assert_nothing_broken(lines, english=language == "en")
    # The long Chinese titles wrap (they are far wider than the column), between characters.
    assert any(line.startswith("关于转发《国务院办公厅") for line in lines)


def test_the_english_inventory_keeps_storeroom_and_permanent_whole(long_values, tmp_path):
    db, _codes, _old = long_values
    out = tmp_path / "inventory-en.pdf"
    render_pdf(inventory_register(db, language="en"), out)
    lines = _lines(out)
    assert "Storeroom" in lines and "Permanent" in lines
    assert "Retention period" in lines or {"Retention", "period"} <= set(lines)
    assert not any(line in ("Storeroo", "Permanen", "m", "t") for line in lines)


def test_the_chinese_inventory_and_volume_catalogue_keep_their_code_values_whole(long_values, tmp_path):
    db, _codes, _old = long_values
    render_pdf(inventory_register(db), tmp_path / "inventory.pdf")
    lines = _lines(tmp_path / "inventory.pdf")
    assert "永久" in lines and "定期30年" in lines and "库房" in lines
    render_pdf(volume_catalogue(db), tmp_path / "volumes.pdf")
    lines = _lines(tmp_path / "volumes.pdf")
    assert "永久" in lines and "内部" in lines  # the sample volume's 保管期限 and 密级, each on one line


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_destruction_list_prints_long_titles_and_retention_unbroken(long_values, tmp_path, language):
    db, _codes, old = long_values
    with db.reading() as session:
        from archdesk.models import Record

        references = [session.get(Record, i).reference_code for i in old]
    batch = create_batch(db, "2024年度鉴定", "张三,李四", appraised_on=date(2024, 3, 1))
    decide(db, batch, references, "destroy", "已到期，无继续保存价值")
    list_id = create_destruction_list(db, batch)
    out = tmp_path / f"destruction-{language}.pdf"
    render_pdf(destruction_list_document(db, list_id, language), out)
    lines = _lines(out)
    assert ("10 years" if language == "en" else "定期10年") in lines
    for line in lines:
        assert line[0] not in CLOSING, line
    spaced, packed = " ".join(lines), "".join(lines)
    assert all(title in spaced for title in EN_TITLES)
    assert all(title in packed for title in ZH_TITLES)
