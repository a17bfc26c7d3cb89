"""contradictions: one record per finding, with every supporting record on each side

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # rows stored before this revision hold one pair of records: readers take [a] and [b]
    with op.batch_alter_table("contradictions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("a_records", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("b_records", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("contradictions", schema=None) as batch_op:
        batch_op.drop_column("b_records")
        batch_op.drop_column("a_records")
