"""PostgreSQL: the country indexes of 0009 also newest first (date DESC NULLS LAST)

Facets filtered by a country read the newest 30,000 matching events of each side of the filter
(``facets._found``: ``ORDER BY date DESC NULLS LAST``).  Over 0009's indexes, read backwards,
PostgreSQL gets NULLs first, so it read both sides whole (100,000 events for one country on
1,000,000) and sorted them: 500 ms.  With these it merges the two sides in order and stops at
30,000.  PostgreSQL only (SQLite's NULLs sort lowest: 0009's indexes read backwards give this
order); named ``*_newest``, which the migration environment leaves to this file.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

#: What facets read of an event besides the countries and the date (0009's covered columns).
COVERED = [
    "source_actor_id", "target_actor_id", "cameo_root", "quad_class", "plover_type", "goldstein",
    "article_id", "location_country", "location_lat", "location_lon", "location_name",
]  # fmt: skip


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for side, other in (("source", "target"), ("target", "source")):
        op.execute(
            f"CREATE INDEX ix_events_{side}_party_newest ON events "
            f"({side}_country, date DESC NULLS LAST) INCLUDE ({other}_country, {', '.join(COVERED)})"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for side in ("source", "target"):
        op.execute(f"DROP INDEX IF EXISTS ix_events_{side}_party_newest")
