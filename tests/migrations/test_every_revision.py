"""Every revision can be reached one step at a time from an empty file, and stepped back."""

from __future__ import annotations

from migration_helpers import foreign_keys_enforced, schema_of, version_rows

from archdesk.models import Base
from archdesk.services import migrate
from archdesk.services.database import make_engine, to_url


def test_a_database_is_built_at_every_revision_in_turn_and_taken_back_down(tmp_path):
    script = migrate.script_directory()
    revisions = list(reversed(list(script.walk_revisions("base", "heads"))))
    assert revisions, "there is no migration at all"
    engine = make_engine(to_url(tmp_path / "steps.db"))
    schema_at: dict[str | None, dict] = {None: schema_of(engine, search_tables=True)}
    assert schema_at[None] == {}

    for revision in revisions:
        migrate.upgrade(engine, revision.revision)
        assert version_rows(engine) == [revision.revision]
        schema_at[revision.revision] = schema_of(engine, search_tables=True)
        # 0016_pg_search: nothing to do on SQLite; 0018_short_gram_tokens rewrites rows only (its own test)
        if not getattr(revision.module, "POSTGRESQL_ONLY", False) and not getattr(revision.module, "ROWS_ONLY", False):
            assert schema_at[revision.revision] != schema_at[revision.down_revision], (
                f"{revision.revision} changed nothing in the schema"
            )
        assert foreign_keys_enforced(engine)

    # The head revision has exactly the tables of the models (plus Alembic's own and the search index).
    at_head = {name for name in schema_at[revisions[-1].revision] if not name.startswith("search_")}
    assert at_head == set(Base.metadata.tables) | {"alembic_version"}

    for revision in reversed(revisions):
        migrate.downgrade(engine, revision.down_revision or "base")
        assert version_rows(engine) == ([revision.down_revision] if revision.down_revision else [])
        expected = schema_at[revision.down_revision]
        actual = schema_of(engine, search_tables=True)
        if revision.down_revision is None:
            actual.pop("alembic_version", None)  # Alembic leaves its (empty) table behind
        assert actual == expected, f"downgrade of {revision.revision} did not restore the schema before it"
    engine.dispose()


def test_upgrading_an_up_to_date_database_does_nothing(archive):
    assert migrate.current_revision(archive.engine) == migrate.head_revision()
    assert migrate.upgrade(archive.engine, sqlite_path=archive.file) is None
    assert list(archive.file.parent.glob("*.pre-upgrade.db")) == []
