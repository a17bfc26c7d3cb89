"""events: a full-text index over event sentences

A word search in events (``/events?q=story``) matched every word against every sentence with
LIKE/ILIKE: on 1,000,000 events a word found in articles but in no event sentence took 2.5-2.9 s
(p95).  Event sentences now have the index articles and statements have, read with the same
search syntax (store/fts.py): an FTS5 table on SQLite, filled here from the events there are and
kept in step by triggers on insert, update of the sentence and delete (the store writes events
with plain inserts that skip rows already there); a generated tsvector column with a GIN index
on PostgreSQL, which the server keeps in step itself.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN "
    "INSERT INTO events_fts (event_id, sentence) VALUES (new.event_id, new.sentence); END",
    # event_id is not indexed in the FTS table, so a delete scans it: the store never deletes
    # events; this keeps the index right for whoever does.
    "CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN "
    "DELETE FROM events_fts WHERE event_id = old.event_id; END",
    "CREATE TRIGGER events_fts_update AFTER UPDATE OF event_id, sentence ON events BEGIN "
    "DELETE FROM events_fts WHERE event_id = old.event_id; "
    "INSERT INTO events_fts (event_id, sentence) VALUES (new.event_id, new.sentence); END",
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE events_fts USING fts5("
            "event_id UNINDEXED, sentence, tokenize='porter unicode61')"
        )
        op.execute("INSERT INTO events_fts (event_id, sentence) SELECT event_id, sentence FROM events")
        for trigger in _SQLITE_TRIGGERS:
            op.execute(trigger)
    elif dialect == "postgresql":
        op.execute(
            "ALTER TABLE events ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(sentence, ''))) STORED"
        )
        op.execute("CREATE INDEX ix_events_tsv ON events USING gin (tsv)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS events_fts_{name}")
        op.execute("DROP TABLE IF EXISTS events_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_events_tsv")
        op.execute("ALTER TABLE events DROP COLUMN IF EXISTS tsv")
