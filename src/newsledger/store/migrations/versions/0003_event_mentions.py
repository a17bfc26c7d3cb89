"""events: one record per happening (mentions count and every mention's span)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # records stored before this revision each stood for one mention
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mentions", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("mention_spans", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("mention_spans")
        batch_op.drop_column("mentions")
