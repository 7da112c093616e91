"""use: loan requests (借阅申请), renewals (续借), use restrictions; borrower identity number; loan request,
returned pages and the overdue index

Revision ID: 0006_use
Revises: 0005_custody
Create Date: 2026-12-02 02:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_use"
down_revision: str | None = "0005_custody"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MODES = "mode IN ('reading_room', 'take_out', 'copy', 'excerpt', 'photograph')"


def upgrade() -> None:
    op.create_table(
        "loan_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("borrower_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=50), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("approver", sa.String(length=100), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("refusal_reason", sa.Text(), nullable=False),
        sa.Column("use_effect", sa.Text(), nullable=False),
        sa.Column("handled_by", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('waiting', 'approved', 'refused', 'lent', 'closed')", name=op.f("ck_loan_request_status")
        ),
        sa.CheckConstraint(MODES, name=op.f("ck_loan_request_mode")),
        sa.ForeignKeyConstraint(["borrower_id"], ["borrower.id"], name=op.f("fk_loan_request_borrower_id_borrower")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_request")),
    )
    with op.batch_alter_table("loan_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_request_borrower_id"), ["borrower_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_loan_request_status"), ["status"], unique=False)
    op.create_table(
        "use_restriction",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("restricted_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["record.id"], name=op.f("fk_use_restriction_record_id_record")),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_use_restriction")),
    )
    with op.batch_alter_table("borrower", schema=None) as batch_op:
        batch_op.add_column(sa.Column("identity_number", sa.String(length=50), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_borrower_name"), ["name"], unique=False)
    with op.batch_alter_table("borrower", schema=None) as batch_op:
        batch_op.alter_column("identity_number", server_default=None)
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("returned_pages", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_loan_request_id_loan_request"), "loan_request", ["request_id"], ["id"]
        )
        batch_op.create_index(batch_op.f("ix_loan_request_id"), ["request_id"], unique=False)
        batch_op.create_index("ix_loan_status_due", ["status", "due_on"], unique=False)
    op.create_table(
        "loan_renewal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("renewed_on", sa.Date(), nullable=False),
        sa.Column("previous_due_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("operator", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["loan_id"], ["loan.id"], name=op.f("fk_loan_renewal_loan_id_loan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_renewal")),
    )
    with op.batch_alter_table("loan_renewal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_renewal_loan_id"), ["loan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("loan_renewal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_renewal_loan_id"))
    op.drop_table("loan_renewal")
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.drop_index("ix_loan_status_due")
        batch_op.drop_index(batch_op.f("ix_loan_request_id"))
        batch_op.drop_constraint(batch_op.f("fk_loan_request_id_loan_request"), type_="foreignkey")
        batch_op.drop_column("returned_pages")
        batch_op.drop_column("request_id")
    with op.batch_alter_table("borrower", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_borrower_name"))
        batch_op.drop_column("identity_number")
    op.drop_table("use_restriction")
    with op.batch_alter_table("loan_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_loan_request_status"))
        batch_op.drop_index(batch_op.f("ix_loan_request_borrower_id"))
    op.drop_table("loan_request")
