"""custody: storerooms with climate limits, retirable shelves, box barcodes and dates, an append-only ledger,
stocktakes and the climate log

The movement ledger (出入库登记) is the proof of where a record or box has been: triggers refuse
every UPDATE and DELETE of its rows on SQLite and PostgreSQL alike. Existing boxes get their code as
barcode (with `.` for `·`); a storeroom row is made for every storeroom code the shelves already use.

Revision ID: 0005_custody
Revises: 0004_date_precision
Create Date: 2026-12-02 02:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_custody"
down_revision: str | None = "0004_date_precision"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEDGER_REFUSAL = "the movement ledger is append-only"


def _create_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION movement_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{LEDGER_REFUSAL}'; END $$"
        )
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER movement_no_{event.lower()} BEFORE {event} ON movement "
                "FOR EACH ROW EXECUTE FUNCTION movement_append_only()"
            )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER movement_no_{event.lower()} BEFORE {event} ON movement "
            f"BEGIN SELECT RAISE(ABORT, '{LEDGER_REFUSAL}'); END"
        )


def _drop_triggers() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS movement_no_{event}" + (" ON movement" if postgres else ""))
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS movement_append_only()")


def upgrade() -> None:
    op.create_table(
        "stocktake",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_prefix", sa.String(length=60), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("operator", sa.String(length=100), nullable=False),
        sa.CheckConstraint("status IN ('open', 'paused', 'finished')", name=op.f("ck_stocktake_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake")),
    )
    op.create_table(
        "storeroom",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("temp_min", sa.Float(), nullable=False),
        sa.Column("temp_max", sa.Float(), nullable=False),
        sa.Column("rh_min", sa.Float(), nullable=False),
        sa.Column("rh_max", sa.Float(), nullable=False),
        sa.Column("temp_swing", sa.Float(), nullable=False),
        sa.Column("rh_swing", sa.Float(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_storeroom")),
        sa.UniqueConstraint("code", name=op.f("uq_storeroom_code")),
    )
    op.create_table(
        "climate_reading",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("storeroom_id", sa.Integer(), nullable=False),
        sa.Column("measured_at", sa.DateTime(), nullable=False),
        sa.Column("temperature", sa.Float(), nullable=False),
        sa.Column("humidity", sa.Float(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("action_taken", sa.Text(), nullable=False),
        sa.CheckConstraint("humidity BETWEEN 0 AND 100", name=op.f("ck_climate_reading_humidity_range")),
        sa.ForeignKeyConstraint(
            ["storeroom_id"], ["storeroom.id"], name=op.f("fk_climate_reading_storeroom_id_storeroom")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_climate_reading")),
        sa.UniqueConstraint("storeroom_id", "measured_at", name=op.f("uq_climate_reading_storeroom_id_measured_at")),
    )
    op.create_table(
        "inspection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("storeroom_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_by", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('fire', 'security', 'pests')", name=op.f("ck_inspection_kind")),
        sa.ForeignKeyConstraint(["storeroom_id"], ["storeroom.id"], name=op.f("fk_inspection_storeroom_id_storeroom")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inspection")),
    )
    op.create_table(
        "stocktake_expected",
        sa.Column("stocktake_id", sa.Integer(), nullable=False),
        sa.Column("box_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["box_id"], ["box.id"], name=op.f("fk_stocktake_expected_box_id_box")),
        sa.ForeignKeyConstraint(
            ["location_id"], ["location.id"], name=op.f("fk_stocktake_expected_location_id_location")
        ),
        sa.ForeignKeyConstraint(
            ["stocktake_id"], ["stocktake.id"], name=op.f("fk_stocktake_expected_stocktake_id_stocktake")
        ),
        sa.PrimaryKeyConstraint("stocktake_id", "box_id", name=op.f("pk_stocktake_expected")),
    )
    op.create_table(
        "stocktake_scan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stocktake_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=80), nullable=False),
        sa.Column("box_id", sa.Integer(), nullable=True),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("scanned_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["box_id"], ["box.id"], name=op.f("fk_stocktake_scan_box_id_box")),
        sa.ForeignKeyConstraint(["location_id"], ["location.id"], name=op.f("fk_stocktake_scan_location_id_location")),
        sa.ForeignKeyConstraint(
            ["stocktake_id"], ["stocktake.id"], name=op.f("fk_stocktake_scan_stocktake_id_stocktake")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stocktake_scan")),
    )
    with op.batch_alter_table("stocktake_scan", schema=None) as batch_op:
        batch_op.create_index("ix_stocktake_scan_stocktake", ["stocktake_id", "id"], unique=False)

    with op.batch_alter_table("box", schema=None) as batch_op:
        batch_op.add_column(sa.Column("barcode", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("arranged_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("checked_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("boxed_at", sa.DateTime(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_box_barcode"), ["barcode"])
    # Code128 encodes ASCII only: the middle dot of a code becomes a full stop on the label.
    op.execute("UPDATE box SET barcode = replace(code, '·', '.') WHERE barcode IS NULL")

    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("retired_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.alter_column("name", server_default=None)
    op.execute(
        "INSERT INTO storeroom (code, name, temp_min, temp_max, rh_min, rh_max, temp_swing, rh_swing, notes) "
        "SELECT DISTINCT storeroom, '', 14, 24, 45, 60, 2, 5, '' FROM location"
    )
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.drop_column("retired_at")
        batch_op.drop_column("name")

    with op.batch_alter_table("box", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_box_barcode"), type_="unique")
        batch_op.drop_column("boxed_at")
        batch_op.drop_column("checked_on")
        batch_op.drop_column("arranged_on")
        batch_op.drop_column("barcode")

    with op.batch_alter_table("stocktake_scan", schema=None) as batch_op:
        batch_op.drop_index("ix_stocktake_scan_stocktake")

    op.drop_table("stocktake_scan")
    op.drop_table("stocktake_expected")
    op.drop_table("inspection")
    op.drop_table("climate_reading")
    op.drop_table("storeroom")
    op.drop_table("stocktake")
