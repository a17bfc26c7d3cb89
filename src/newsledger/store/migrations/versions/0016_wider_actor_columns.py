"""actors: wider ids, sectors and actor codes (PostgreSQL refused what the actors stage writes)

The full Wikinews ledger holds actor ids up to 100 characters (49 over the schema's 64: ids made
from long names), sectors of 9 ("NGOHLHMSF", a chain of CAMEO sector codes; the schema had 8),
actor codes of 27 (16) and affiliations of 87 (64).  SQLite does not check a VARCHAR's length, so
they were stored; PostgreSQL refuses them ("value too long for type character varying(64)"), so
an ingest of this corpus into PostgreSQL failed.  Widened on PostgreSQL (a longer VARCHAR is a
change of the catalogue only: no table is rewritten); on SQLite nothing changes, the declared
widths there mean nothing (the schema test leaves SQLite's VARCHAR widths out).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

ACTOR_ID, SECTOR, ACTOR_CODE, AFFILIATION = 255, 32, 64, 255
#: (table, column, new width, old width)
WIDER = [
    ("actors", "actor_id", ACTOR_ID, 64),
    ("actors", "sector", SECTOR, 8),
    ("actors", "cameo_code", ACTOR_CODE, 16),
    ("actors", "affiliation", AFFILIATION, 64),
    ("mentions", "actor_id", ACTOR_ID, 64),
    ("contradictions", "actor_id", ACTOR_ID, 64),
    ("framing_terms", "target_actor_id", ACTOR_ID, 64),
    *(
        (table, f"{prefix}_{column}", new, old)
        for table, prefixes in (("events", ("source", "target")), ("statements", ("speaker",)))
        for prefix in prefixes
        for column, new, old in (
            ("actor_id", ACTOR_ID, 64),
            ("sector", SECTOR, 8),
            ("cameo_code", ACTOR_CODE, 16),
        )
    ),
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, new, _ in WIDER:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE VARCHAR({new})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, _, old in WIDER:  # fails, as it should, on a value longer than the old width
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE VARCHAR({old})")
