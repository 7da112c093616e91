"""appraisal: batches with per-record decisions, holds, numbered destruction lists with their kind

Adds ``appraisal_batch`` (鉴定批次) and ``appraisal_hold`` (冻结); an appraisal row belongs to a batch
and its decision may wait (NULL) until the group decides; an extension records when the record falls
due again. A destruction list gets its number, batch, kind (general or accounting), applicant and
executor; its items remember the appraisal and the box the record left; ``destroyed_attachment``
keeps the name and hash of each file removed with a destroyed record. An index on record
(retention_id, year, status) counts the records due for appraisal.

Revision ID: 0007_appraisal
Revises: 0006_use
Create Date: 2026-12-02 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_appraisal"
down_revision: str | None = "0006_use"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DECISIONS = "decision IN ('keep', 'extend', 'destroy', 'transfer')"


def upgrade() -> None:
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.create_index("ix_record_retention_year", ["retention_id", "year", "status"], unique=False)
    op.create_table(
        "appraisal_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("appraised_on", sa.Date(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("members", sa.String(length=500), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_appraisal_batch_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_batch")),
    )
    with op.batch_alter_table("appraisal_batch", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appraisal_batch_status"), ["status"], unique=False)

    with op.batch_alter_table("appraisal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("batch_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("decided_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("next_due_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("transfer_to", sa.String(length=200), nullable=False, server_default=""))
        batch_op.alter_column("decision", existing_type=sa.String(length=10), nullable=True)
        batch_op.drop_constraint(batch_op.f("ck_appraisal_decision"), type_="check")
        batch_op.create_check_constraint("decision", f"decision IS NULL OR {DECISIONS}")
        batch_op.create_foreign_key(
            batch_op.f("fk_appraisal_batch_id_appraisal_batch"), "appraisal_batch", ["batch_id"], ["id"]
        )
        batch_op.create_unique_constraint(batch_op.f("uq_appraisal_batch_id_record_id"), ["batch_id", "record_id"])
        batch_op.create_index(batch_op.f("ix_appraisal_batch_id"), ["batch_id"], unique=False)

    op.create_table(
        "appraisal_hold",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("placed_at", sa.DateTime(), nullable=False),
        sa.Column("placed_by", sa.String(length=100), nullable=False),
        sa.Column("lifted_at", sa.DateTime(), nullable=True),
        sa.Column("lifted_by", sa.String(length=100), nullable=False),
        sa.Column("lift_reason", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('legal', 'audit', 'business', 'unsettled_claims')", name=op.f("ck_appraisal_hold_kind")
        ),
        sa.ForeignKeyConstraint(["record_id"], ["record.id"], name=op.f("fk_appraisal_hold_record_id_record")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal_hold")),
    )
    with op.batch_alter_table("appraisal_hold", schema=None) as batch_op:
        batch_op.create_index("ix_appraisal_hold_active", ["record_id", "lifted_at"], unique=False)

    with op.batch_alter_table("destruction_list", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number", sa.String(length=40), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("batch_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("kind", sa.String(length=12), nullable=False, server_default="general"))
        batch_op.add_column(sa.Column("applicant", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("executed_by", sa.String(length=100), nullable=False, server_default=""))
        batch_op.create_check_constraint("kind", "kind IN ('general', 'accounting')")
        batch_op.create_foreign_key(
            batch_op.f("fk_destruction_list_batch_id_appraisal_batch"), "appraisal_batch", ["batch_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_destruction_list_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_destruction_list_batch_id"), ["batch_id"], unique=False)

    with op.batch_alter_table("destruction_list_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("appraisal_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("former_box_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_destruction_list_item_appraisal_id_appraisal"), "appraisal", ["appraisal_id"], ["id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_destruction_list_item_former_box_id_box"), "box", ["former_box_id"], ["id"]
        )

    op.create_table(
        "destroyed_attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("destruction_list_item_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["destruction_list_item_id"],
            ["destruction_list_item.id"],
            name=op.f("fk_destroyed_attachment_destruction_list_item_id_destruction_list_item"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_destroyed_attachment")),
    )
    with op.batch_alter_table("destroyed_attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_destroyed_attachment_destruction_list_item_id"), ["destruction_list_item_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("destroyed_attachment")
    with op.batch_alter_table("destruction_list_item", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_destruction_list_item_former_box_id_box"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_destruction_list_item_appraisal_id_appraisal"), type_="foreignkey")
        batch_op.drop_column("former_box_id")
        batch_op.drop_column("appraisal_id")
    with op.batch_alter_table("destruction_list", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_destruction_list_batch_id"))
        batch_op.drop_index(batch_op.f("ix_destruction_list_number"))
        batch_op.drop_constraint(batch_op.f("fk_destruction_list_batch_id_appraisal_batch"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("ck_destruction_list_kind"), type_="check")
        for column in ("executed_by", "applicant", "kind", "batch_id", "number"):
            batch_op.drop_column(column)
    op.drop_table("appraisal_hold")
    with op.batch_alter_table("appraisal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appraisal_batch_id"))
        batch_op.drop_constraint(batch_op.f("uq_appraisal_batch_id_record_id"), type_="unique")
        batch_op.drop_constraint(batch_op.f("fk_appraisal_batch_id_appraisal_batch"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("ck_appraisal_decision"), type_="check")
        batch_op.create_check_constraint("decision", DECISIONS)
        batch_op.alter_column("decision", existing_type=sa.String(length=10), nullable=False)
        for column in ("transfer_to", "next_due_on", "decided_on", "batch_id"):
            batch_op.drop_column(column)
    op.drop_table("appraisal_batch")
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.drop_index("ix_record_retention_year")
