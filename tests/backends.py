"""The back ends the ``archive`` fixture runs on: SQLite always, PostgreSQL too when
``ARCHDESK_TEST_POSTGRES_URL`` names an empty database on a server the tests may create databases on
(``.ci/run`` starts one). Each PostgreSQL test gets its own database, cloned from a template that
was migrated and seeded once (``CREATE DATABASE … TEMPLATE``: ~0.1 s instead of a migration each).
"""

from __future__ import annotations

import itertools
import os

POSTGRES_URL = os.environ.get("ARCHDESK_TEST_POSTGRES_URL", "")
BACKENDS = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]
#: Test folders whose tests run on every back end; the others (UI, migrations) on SQLite only.
BOTH_BACKENDS = ("tests/services", "tests/cli", "tests\\services", "tests\\cli")
_TEMPLATE = "archdesk_template"
_numbers = itertools.count(1)


def _admin():
    from sqlalchemy import create_engine

    return create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")


def _url(database: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(POSTGRES_URL).set(database=database).render_as_string(hide_password=False)


def make_template() -> None:
    """The migrated, seeded template database (made again each run: the migrations may have changed)."""
    from sqlalchemy import text

    from archdesk.services.archive import open_archive

    engine = _admin()
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {_TEMPLATE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {_TEMPLATE}"))
    engine.dispose()
    open_archive(_url(_TEMPLATE), actor="pg-test").dispose()


def fresh_database(template: str = _TEMPLATE) -> str:
    """A new database cloned from the template (``template0``: an empty one); returns its URL."""
    from sqlalchemy import text

    name = f"archdesk_test_{os.getpid()}_{next(_numbers)}"
    engine = _admin()
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    engine.dispose()
    return _url(name)


def drop_database(url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    engine = _admin()
    with engine.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)"))
    engine.dispose()
