"""statements: negated and hypothetical flags (speech the text says did not or may happen)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # statements stored before this revision were all read as plain, asserted speech
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.add_column(sa.Column("negated", sa.Boolean(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("hypothetical", sa.Boolean(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.drop_column("hypothetical")
        batch_op.drop_column("negated")
