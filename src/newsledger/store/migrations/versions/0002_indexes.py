"""indexes for sorted lists and country filters

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_events_cameo_code_event_id"), ["cameo_code", "event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_events_confidence_event_id"), ["confidence", "event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_events_goldstein_event_id"), ["goldstein", "event_id"], unique=False
        )
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_statements_speaker_country_date"), ["speaker_country", "date"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("statements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statements_speaker_country_date"))
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_goldstein_event_id"))
        batch_op.drop_index(batch_op.f("ix_events_confidence_event_id"))
        batch_op.drop_index(batch_op.f("ix_events_cameo_code_event_id"))
