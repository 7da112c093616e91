"""The demo's volumes (案卷): the volume-arranged categories only, the same each time, whole groups."""

from __future__ import annotations

from sqlalchemy import func, select

from archdesk.models import Category, Record, Volume
from archdesk.services.archive import open_archive
from archdesk.services.demo import add_demo_data
from archdesk.services.reports import RecordFilter, render_pdf, volume_catalogue


def _volumes(db):
    with db.reading() as s:
        return s.execute(
            select(Volume.reference_code, Volume.title, Category.code, Category.arrangement, Volume.year)
            .join(Category, Category.id == Volume.category_id)
            .order_by(Volume.reference_code)
        ).all()


def test_demo_binds_science_and_accounting_items_into_volumes_the_same_each_time(tmp_path):
    one, two = open_archive(tmp_path / "one.db"), open_archive(tmp_path / "two.db")
    add_demo_data(one, 1500, build_index=False)
    add_demo_data(two, 1500, build_index=False)
    volumes = _volumes(one)
    assert volumes and volumes == _volumes(two)
    assert {code.split("·")[0] for _, _, code, _, _ in volumes} == {"KJ", "KU"}
    assert all(arrangement == "volume" for *_, arrangement, _ in volumes)
    with one.reading() as s:
        # every item of a volume shares its classification, and no pending item is bound
        mixed = s.scalar(
            select(func.count()).select_from(Record).join(Volume, Volume.id == Record.volume_id).where(
                (Record.category_id != Volume.category_id) | (Record.year != Volume.year)
                | (Record.retention_id != Volume.retention_id) | (Record.status == "pending")
            )
        )  # fmt: skip
        unbound = s.scalar(
            select(func.count()).select_from(Record).join(Category, Category.id == Record.category_id)
            .where(Category.arrangement == "volume", Record.volume_id.is_(None), Record.status != "pending")
        )  # fmt: skip
    assert mixed == 0 and unbound == 0
    out = tmp_path / "volumes.pdf"
    render_pdf(volume_catalogue(one, RecordFilter(category="KU")), out)
    assert out.stat().st_size > 0
    one.dispose()
    two.dispose()
