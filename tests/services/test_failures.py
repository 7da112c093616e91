"""Failures by kind (services/failures.py) and hostile search text: one message each, never a crash."""

from __future__ import annotations

import errno
import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.failures import StorageError, classify
from archdesk.services.records_query import search_records


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full")), "disk_full"),
        (OperationalError("BEGIN", {}, sqlite3.OperationalError("database is locked")), "locked"),
        (OperationalError("UPDATE", {}, sqlite3.OperationalError("attempt to write a readonly database")), "read_only"),
        (sqlite3.DatabaseError("database disk image is malformed"), "corrupt"),
        (OSError(errno.ENOSPC, "No space left on device", "out.pdf"), "disk_full"),
        (PermissionError(errno.EACCES, "Permission denied", "in.xlsx"), "no_permission"),
        (OSError(errno.EROFS, "Read-only file system", "out.pdf"), "read_only"),
        (UnicodeDecodeError("utf-16-le", b"\x00\xd8", 0, 2, "illegal UTF-16 surrogate"), "not_text"),
    ],
)
def test_each_failure_of_storage_or_reading_has_its_kind(error, kind):
    known = classify(error, "office.db")
    assert isinstance(known, StorageError) and known.kind == kind
    assert "\n" not in known.render("zh_CN") and "\n" not in known.render("en")


def test_a_bug_is_not_dressed_up_as_a_storage_failure():
    assert classify(ZeroDivisionError("division by zero")) is None
    assert classify(sqlite3.IntegrityError("UNIQUE constraint failed: record.reference_code")) is None


def test_without_a_place_the_message_says_the_archive_in_the_users_language():
    error = OperationalError("BEGIN", {}, sqlite3.OperationalError("database is locked"))
    assert classify(error).render("zh_CN").startswith("档案库：")
    assert classify(error).render("en").startswith("the archive: ")


@pytest.fixture
def minutes(archive):
    for title in ("办公会议纪要", "年度工作总结", 'say "AND" OR NEAR(x)'):
        create_record(archive, RecordInput(title=title, category="WS", year=2023, retention="D30"))
    return archive


def test_a_nul_in_a_search_separates_words_and_lets_no_fts_syntax_through(minutes):
    assert search_records(minutes, "会议\x00纪要").total == 1
    assert search_records(minutes, '会议\x00" OR "总结').total == 0
    assert search_records(minutes, 'NEAR(x)\x00"AND"').total == 1


def test_a_lone_surrogate_in_a_search_matches_nothing_without_an_error(minutes):
    assert search_records(minutes, "会议\ud800").total == 0
    assert search_records(minutes, "\udcff 纪要").total == 0
