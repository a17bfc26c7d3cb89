"""articles: analysed flag (False for another language) and what cleaning removed from the input

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # articles stored before this revision were all analysed and stored as given (cleaning NULL)
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("analysed", sa.Boolean(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("cleaning", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("cleaning")
        batch_op.drop_column("analysed")
