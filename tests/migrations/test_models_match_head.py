"""The models and the head revision describe the same schema: autogenerate finds nothing to do."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from archdesk.models import Base


def _not_search_index(name, type_, parent_names) -> bool:
    # The search module builds its own search_* tables outside the ORM.
    return not (type_ == "table" and name and name.startswith(("search_", "sqlite_")))


def test_autogenerate_finds_no_difference_between_models_and_head(archive):
    with archive.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": _not_search_index, "render_as_batch": True}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == [], "models and migrations drifted; write a revision for:\n" + "\n".join(
        map(str, differences)
    )
