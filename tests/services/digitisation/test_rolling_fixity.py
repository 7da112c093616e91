"""The rolling fixity check at each start: a share of the stored files, those verified longest ago,
so that every file is checked within the period; files overdue are all caught up at once."""

from __future__ import annotations

from datetime import timedelta

from digitisation_files import add_record, make_image
from sqlalchemy import update

from archdesk.models import Attachment
from archdesk.models.base import utcnow
from archdesk.services.digitisation import storage
from archdesk.services.digitisation.attachments import attach_files, list_attachments
from archdesk.services.digitisation.fixity import MISSING, record_verified, rolling_check
from archdesk.services.uow import UnitOfWork


def _files(db, tmp_path, count):
    record_id, code = add_record(db)
    paths = [make_image(tmp_path / f"s{n}.png", "PNG", shade=n + 10) for n in range(count)]
    return record_id, code, attach_files(db, record_id, paths)


def test_every_file_is_checked_within_the_period(archive, tmp_path):
    record_id, _, views = _files(archive, tmp_path, 10)
    checked: list[str] = []
    for _start in range(5):  # a period of 5 days, one start a day: 2 files each
        report, sound = rolling_check(archive, 5)
        assert report.files == 2 and report.clean and len(sound) == 2
        assert not set(sound) & set(checked)  # the ones verified longest ago (never) come first
        record_verified(archive, sound, report.verified_at)
        checked += sound
    assert sorted(checked) == sorted(storage.stored_name(v.sha256) for v in views)
    assert all(a.last_verified_at is not None for a in list_attachments(archive, record_id))


def test_files_not_verified_within_the_period_are_caught_up_and_a_missing_one_reported(archive, tmp_path):
    record_id, code, views = _files(archive, tmp_path, 6)
    with UnitOfWork(archive) as uow:  # three files last verified 100 days ago (the office was closed)
        uow.session.execute(update(Attachment).where(Attachment.id.in_([v.id for v in views[:3]]))
                            .values(last_verified_at=utcnow() - timedelta(days=100)))  # fmt: skip
        uow.session.execute(update(Attachment).where(Attachment.id.in_([v.id for v in views[3:]]))
                            .values(last_verified_at=utcnow()))  # fmt: skip
        uow.commit()
    storage.resolve(storage.files_folder(archive), storage.stored_name(views[0].sha256)).unlink()

    report, sound = rolling_check(archive, 90)
    assert report.files == 3  # the overdue three, not a 1/90 share
    assert [(p.kind, p.file_name, p.reference_codes) for p in report.problems] == [(MISSING, "s0.png", (code,))]
    assert sorted(sound) == sorted(storage.stored_name(v.sha256) for v in views[1:3])


def test_an_archive_without_files_checks_nothing(archive):
    report, sound = rolling_check(archive, 90)
    assert report.files == 0 and sound == []
