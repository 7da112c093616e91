"""audit chain: hash columns on audit_event, the audit_seal table, append-only triggers; PostgreSQL search index

On PostgreSQL this revision also makes search_token (each record's characters and character pairs
as a text[] with a GIN index, services/search_pg.py) and indexes the records already there.

Existing events are chained in id order and existing records sealed (attached to one "seal" event
this revision writes), so an upgraded archive checks clean and every later edit made outside
ArchDesk shows. The hash and seal functions are frozen copies of services/audit_chain.py at this
revision, so the revision keeps working when that module changes.
A later batch re-creation of audit_event or audit_seal drops their triggers: such a revision must
make them again (``archdesk check`` reports them missing).

Revision ID: 0008_audit_chain
Revises: 0003_tree_counts
Create Date: 2026-12-02 02:30:00
"""

import hashlib
import json
import zlib
from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0008_audit_chain"
down_revision: str | None = "0003_tree_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATE_FIELDS = (
    "reference_code title status fonds_id category_id year retention_id department_id item_number "
    "document_number responsible_party date pages security_level_id carrier_id notes"
).split()
TABLES = ("audit_event", "audit_seal")


def _canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def _event_hash(prev, occurred_at, actor, action, entity, entity_id, summary, before, after_hash, seal_digest):
    fields = [prev, occurred_at.isoformat(), actor, action, entity, entity_id, summary, before, after_hash]
    return hashlib.sha256(_canonical([*fields, seal_digest])).hexdigest()


def _text(value):
    if value is None:
        return "\x00"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _state(values):
    texts = [_text(value).encode() for value in values]
    whole = hashlib.blake2b(b"\x1f".join(texts), digest_size=8).hexdigest()
    return whole + "".join(f"{zlib.crc32(text) & 0xFFFF:04x}" for text in texts)


def _tables():
    meta = sa.MetaData()
    event = sa.Table(
        "audit_event",
        meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("occurred_at", sa.DateTime),
        sa.Column("actor", sa.String(100)),
        sa.Column("action", sa.String(40)),
        sa.Column("entity", sa.String(40)),
        sa.Column("entity_id", sa.Integer),
        sa.Column("summary", sa.Text),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.Column("prev_hash", sa.String(64)),
        sa.Column("after_hash", sa.String(64)),
        sa.Column("hash", sa.String(64)),
    )
    seal = sa.Table(
        "audit_seal",
        meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("event_id", sa.Integer),
        sa.Column("record_id", sa.Integer),
        sa.Column("reference_code", sa.String(80)),
        sa.Column("state", sa.String(96)),
    )
    record = sa.Table("record", meta, sa.Column("id", sa.Integer), *(sa.Column(name) for name in STATE_FIELDS))
    return event, seal, record


def upgrade() -> None:
    with op.batch_alter_table("audit_event") as batch:
        for name in ("prev_hash", "after_hash", "hash"):
            batch.add_column(sa.Column(name, sa.String(64), nullable=False, server_default=""))
    op.create_table(
        "audit_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("reference_code", sa.String(length=80), nullable=False),
        sa.Column("state", sa.String(length=96), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["audit_event.id"], name=op.f("fk_audit_seal_event_id_audit_event")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_seal")),
    )
    op.create_index("ix_audit_seal_event", "audit_seal", ["event_id", "record_id"])
    op.create_index("ix_audit_seal_record", "audit_seal", ["record_id", "id"])
    _chain_existing(op.get_bind())
    _create_triggers(op.get_bind())
    if op.get_bind().dialect.name == "postgresql":
        _create_search_tokens(op.get_bind())


SEARCH_FIELDS = ("title", "document_number", "responsible_party", "notes", "reference_code")


def _tokens(*texts):
    found = set()
    for value in texts:
        if value:
            folded = value.lower()
            found.update(folded)
            found.update(folded[i : i + 2] for i in range(len(folded) - 1))
    return sorted(found)


def _create_search_tokens(bind) -> None:
    op.execute("CREATE TABLE search_token (record_id integer PRIMARY KEY, tokens text[] NOT NULL)")
    record = sa.Table("record", sa.MetaData(), sa.Column("id", sa.Integer), *(sa.Column(n) for n in SEARCH_FIELDS))
    rows = [
        {"record_id": row[0], "tokens": _tokens(*row[1:])}
        for row in bind.execute(sa.select(record.c.id, *(record.c[n] for n in SEARCH_FIELDS)))
    ]
    if rows:
        from sqlalchemy.dialects.postgresql import ARRAY, TEXT

        tokens = sa.Table(
            "search_token", sa.MetaData(), sa.Column("record_id", sa.Integer), sa.Column("tokens", ARRAY(TEXT))
        )
        bind.execute(tokens.insert(), rows)
    op.execute("CREATE INDEX search_token_gin ON search_token USING gin (tokens)")


def _chain_existing(bind) -> None:
    event, seal, record = _tables()
    rows = bind.execute(
        sa.select(
            event.c.id,
            event.c.occurred_at,
            event.c.actor,
            event.c.action,
            event.c.entity,
            event.c.entity_id,
            event.c.summary,
            event.c.before,
            event.c.after,
        ).order_by(event.c.id)
    ).all()
    prev = ""
    for row in rows:
        after_hash = hashlib.sha256(_canonical(row.after)).hexdigest()
        prev_hash, prev = prev, _event_hash(
            prev, row.occurred_at, row.actor, row.action, row.entity, row.entity_id, row.summary or "",
            row.before, after_hash, "",
        )  # fmt: skip
        bind.execute(
            event.update().where(event.c.id == row.id).values(prev_hash=prev_hash, after_hash=after_hash, hash=prev)
        )
    seals = []
    digest = hashlib.sha256()
    for values in bind.execute(sa.select(record.c.id, *(record.c[n] for n in STATE_FIELDS)).order_by(record.c.id)):
        state = _state(values[1:])
        digest.update(f"{values[0]}:{state}\n".encode())
        seals.append({"record_id": values[0], "reference_code": values[1], "state": state})
    if not seals:
        return
    occurred_at = datetime.now(UTC).replace(tzinfo=None)
    summary = f"{len(seals)} records sealed by migration 0008_audit_chain"
    after_hash = hashlib.sha256(_canonical(None)).hexdigest()
    values = {"occurred_at": occurred_at, "actor": "archdesk", "action": "seal", "entity": "record"}
    own = _event_hash(
        prev, occurred_at, "archdesk", "seal", "record", None, summary, None, after_hash, digest.hexdigest()
    )
    event_id = bind.execute(
        event.insert().values(**values, summary=summary, prev_hash=prev, after_hash=after_hash, hash=own)
    ).inserted_primary_key[0]
    for start in range(0, len(seals), 50_000):
        bind.execute(seal.insert(), [dict(s, event_id=event_id) for s in seals[start : start + 50_000]])


def _create_triggers(bind) -> None:
    if bind.dialect.name == "sqlite":
        for table in TABLES:
            for kind in ("update", "delete"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{kind} BEFORE {kind.upper()} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
    elif bind.dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION archdesk_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
        )
        # The PostgreSQL twin of SQLite's TEMP triggers: a changed record is noted only in a session
        # that made the temporary table (ArchDesk's units of work do; psql does not).
        op.execute(
            "CREATE OR REPLACE FUNCTION archdesk_note_touched() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF to_regclass('pg_temp.archdesk_touched') IS NOT NULL THEN "
            "INSERT INTO pg_temp.archdesk_touched VALUES (OLD.id); END IF; RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER record_touched AFTER UPDATE OR DELETE ON record "
            "FOR EACH ROW EXECUTE FUNCTION archdesk_note_touched()"
        )
        for table in TABLES:
            for kind in ("update", "delete"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{kind} BEFORE {kind.upper()} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION archdesk_append_only()"
                )


def downgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        for kind in ("update", "delete"):
            op.execute(
                f"DROP TRIGGER IF EXISTS {table}_no_{kind}"
                + (f" ON {table}" if bind.dialect.name == "postgresql" else "")
            )
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS archdesk_append_only()")
        op.execute("DROP TRIGGER IF EXISTS record_touched ON record")
        op.execute("DROP FUNCTION IF EXISTS archdesk_note_touched()")
        op.execute("DROP TABLE IF EXISTS search_token")
    op.drop_index("ix_audit_seal_record", table_name="audit_seal")
    op.drop_index("ix_audit_seal_event", table_name="audit_seal")
    op.drop_table("audit_seal")
    with op.batch_alter_table("audit_event") as batch:
        for name in ("hash", "after_hash", "prev_hash"):
            batch.drop_column(name)
