"""A new archive starts with the code tables shipped in resources/seed/code_tables.json."""

from __future__ import annotations

from sqlalchemy import select

from archdesk.models import Carrier, Category, Department, Fonds, RetentionPeriod, SecurityLevel
from archdesk.services.archive import open_archive
from archdesk.services.seed import load_seed


def _flatten(rows, parent=None):
    for row in rows:
        yield row, parent
        yield from _flatten(row.get("children", []), row["code"])


def test_the_category_tree_matches_the_seed_file(archive):
    seed = load_seed()
    with archive.reading() as session:
        categories = {c.code: c for c in session.scalars(select(Category))}
        code_of = {c.id: c.code for c in categories.values()}
        retention_code = {r.id: r.code for r in session.scalars(select(RetentionPeriod))}
        expected = list(_flatten(seed["categories"]))
        assert set(categories) == {row["code"] for row, _ in expected}
        for row, parent in expected:
            category = categories[row["code"]]
            assert (category.name, category.name_en, category.arrangement) == (
                row["name"],
                row["name_en"],
                row["arrangement"],
            )
            assert code_of.get(category.parent_id) == parent
            assert retention_code[category.default_retention_id] == row["default_retention"]
        assert code_of[categories["KJ·KY"].parent_id] == "KJ"
        assert code_of[categories["KU·01"].parent_id] == "KU"
        assert code_of[categories["SW·JB"].parent_id] == "SW"
        assert categories["WS"].parent_id is None


def test_retention_periods_are_permanent_thirty_and_ten_years(archive):
    with archive.reading() as session:
        periods = session.scalars(select(RetentionPeriod).order_by(RetentionPeriod.sort_order)).all()
        assert [(p.code, p.label, p.years) for p in periods] == [
            ("Y", "永久", None),
            ("D30", "定期30年", 30),
            ("D10", "定期10年", 10),
        ]


def test_security_levels_are_ordered_from_public_to_top_secret(archive):
    seed = load_seed()
    with archive.reading() as session:
        levels = session.scalars(select(SecurityLevel).order_by(SecurityLevel.rank)).all()
        assert [(lv.code, lv.name, lv.rank, lv.max_years, lv.statutory) for lv in levels] == [
            (r["code"], r["name"], r["rank"], r["max_years"], r["statutory"]) for r in seed["security_levels"]
        ]
        assert [lv.name for lv in levels] == ["公开", "内部", "工作秘密", "秘密", "机密", "绝密"]
        assert [lv.max_years for lv in levels if lv.statutory] == [10, 20, 30]


def test_carriers_departments_and_the_fonds_match_the_seed_file(archive):
    seed = load_seed()
    with archive.reading() as session:
        assert {(c.code, c.name) for c in session.scalars(select(Carrier))} == {
            (r["code"], r["name"]) for r in seed["carriers"]
        }
        assert {(d.code, d.name) for d in session.scalars(select(Department))} == {
            (r["code"], r["name"]) for r in seed["departments"]
        }
        assert [(f.code, f.name) for f in session.scalars(select(Fonds))] == [("Z001", "本单位")]


def test_reopening_an_archive_does_not_seed_it_twice(tmp_path):
    path = tmp_path / "archive.db"
    open_archive(path).dispose()
    db = open_archive(path)
    with db.reading() as session:
        assert len(session.scalars(select(RetentionPeriod)).all()) == 3
        assert len(session.scalars(select(Category).where(Category.code == "WS")).all()) == 1
    db.dispose()


def test_a_new_archive_can_be_given_its_own_fonds(tmp_path):
    db = open_archive(tmp_path / "archive.db", fonds_code="J109", fonds_name="某市档案局")
    with db.reading() as session:
        assert [(f.code, f.name) for f in session.scalars(select(Fonds))] == [("J109", "某市档案局")]
    db.dispose()
