"""Migration 0018 writes the character and pair tokens of both gram tables again, half as long: an
archive indexed with the old tokens finds the same records by one- and two-character words after
the upgrade, its rows are deleted later by today's tokens (edited records, replaced attached text),
and a step back restores the old tokens."""

from __future__ import annotations

import importlib.util
from collections import Counter

import pytest
from migration_helpers import record_with_text
from sqlalchemy import text, update

from archdesk.bundled import migrations_dir
from archdesk.models import Attachment
from archdesk.services import migrate
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import update_record
from archdesk.services.digitisation import content
from archdesk.services.integrity import check_archive
from archdesk.services.records_query import search_records
from archdesk.services.search_tokens import grams
from archdesk.services.uow import UnitOfWork

WORDS = ["会", "会议", "办", "〔", "𠮷", "𠮷野", "bu", "a", "出", "两台", "Re 两台", "0003", "Y-B"]


def _answers(db) -> dict[str, list[int]]:
    return {word: sorted(r.id for r in search_records(db, word, limit=100).records) for word in WORDS}


def _gram_rows(db) -> list[str]:
    with db.engine.connect() as connection:
        # A contentless table keeps no text, but its vocabulary says which tokens it holds.
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.gram_terms USING fts5vocab(main, search_gram, row)"
        )
        return sorted(connection.scalars(text("SELECT term FROM temp.gram_terms")))


def _search_index_ok(db) -> bool:
    with db.reading() as session:
        for table in ("search_gram", "search_content_gram"):
            session.execute(text(f"INSERT INTO {table}({table}) VALUES ('integrity-check')"))
    return next(r for r in check_archive(db).results if r.name == "search_index").status == "ok"


def test_an_archive_indexed_with_the_long_tokens_answers_the_same_after_the_upgrade_and_stays_in_step(tmp_path):
    path = tmp_path / "archive.db"
    db = open_archive(path)
    minutes = record_with_text(
        db, "会议纪要", "各部门负责人出席。Budget Review；会议会议", document_number="办发〔2023〕3号"
    )
    names = record_with_text(db, "𠮷野家来函", "计算机十台、打印机两台")
    plain = record_with_text(db, "年度工作总结", notes="a")
    now = _answers(db)
    assert (
        now["会"] == [minutes]
        and now["𠮷野"] == [names]
        and now["两台"] == [names]
        and now["a"] == [plain]
        and now["bu"] == [minutes]
    )
    assert all(len(term) in (4, 7, 8, 11, 14) for term in _gram_rows(db))  # today's tokens

    migrate.downgrade(db.engine, "0017_box_record_counts")  # the tokens of before: 8 hex digits a character
    assert all(len(term) in (8, 16) for term in _gram_rows(db))
    assert _search_index_ok(db)
    db.dispose()

    db = open_archive(path)  # 0018 runs again
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert all(len(term) in (4, 7, 8, 11, 14) for term in _gram_rows(db))
    assert _answers(db) == now
    assert _search_index_ok(db)

    # The rows the migration wrote are deleted by today's tokens: an edited record, replaced text.
    update_record(db, names, title="来函", notes="")
    with UnitOfWork(db) as uow:
        uow.session.execute(update(Attachment).where(Attachment.record_id == minutes).values(content_text="另文"))
        content.index_content(uow.session, [minutes])
        uow.commit()
    assert search_records(db, "𠮷").total == 0 and search_records(db, "出").total == 0
    assert [r.id for r in search_records(db, "另").records] == [minutes]
    assert [r.id for r in search_records(db, "两台").records] == [names]  # its attached text is unchanged
    assert _search_index_ok(db)
    db.dispose()


def _revision():
    path = migrations_dir() / "versions" / "0018_short_gram_tokens.py"
    spec = importlib.util.spec_from_file_location("revision_0018", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "fields",
    [
        ("关于召开会议的通知", "办发〔2023〕1号", "办公室", "", "Z001-WS·2023-Y-BGS-0001"),
        ("会", None, "ab", "abc", "ABCD"),
        ("𠮷野家", "会𠮷", "𠮷", "a\U0001f600b", "İß"),
        ("", None, "", "", ""),
    ],
)
def test_the_revision_s_frozen_tokens_are_today_s_and_its_old_ones_those_of_before(fields):
    revision = _revision()
    assert Counter(revision._short_grams(*fields).split()) == Counter(grams(*fields).split())
    long_tokens: Counter[str] = Counter()  # 8 hex digits a character, 16 a pair, as before 0018
    for value in fields:
        folded = (value or "").lower()
        long_tokens.update(c.encode("utf-32-be").hex() for c in folded)
        long_tokens.update(folded[i : i + 2].encode("utf-32-be").hex() for i in range(len(folded) - 1))
    assert Counter(revision._long_grams(*fields).split()) == long_tokens
