"""Values a ledger keeps about itself (``ledger_settings``): made once, then read by everyone."""

from __future__ import annotations

import secrets

from sqlalchemy import Connection, Engine, Integer, String, cast, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from . import schema

#: The ``ledger_settings`` row counting the write transactions the ledger has seen.
GENERATION = "generation"


def bump_generation(conn: Connection) -> None:
    """Count one more write in the transaction of ``conn``: what aggregate caches key on, so that
    they recompute after a write and never while the ledger is unchanged.  One upsert, so two
    writers that make the row at once do not fail each other's batch."""
    table = schema.ledger_settings
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    new = dialect_insert(table).values(name=GENERATION, value="1")
    bumped = cast(cast(table.c.value, Integer) + 1, String)
    conn.execute(new.on_conflict_do_update(index_elements=[table.c.name], set_={"value": bumped}))


def read_generation(conn: Connection) -> int:
    """How many writes the ledger has seen (0 before the first one that counted them)."""
    table = schema.ledger_settings
    found = conn.scalar(select(table.c.value).where(table.c.name == GENERATION))
    return int(found or 0)


class LedgerSettings:
    """Settings of the ledger at ``self.engine``."""

    engine: Engine

    def ledger_secret(self, name: str) -> str:
        """The ledger's random secret called ``name``, made on first use.  Two processes that
        ask at once agree: the second insert loses and reads the first one's value."""
        table = schema.ledger_settings
        key = f"secret:{name}"
        for _ in range(2):
            with self.engine.connect() as conn:
                found = conn.scalar(select(table.c.value).where(table.c.name == key))
            if found:
                return str(found)
            value = secrets.token_urlsafe(32)
            try:
                with self.engine.begin() as conn:
                    conn.execute(insert(table).values(name=key, value=value))
                return value
            except IntegrityError:  # made meanwhile by another process: read that one
                continue
        raise RuntimeError(f"could not read or make the ledger secret {name!r}")  # pragma: no cover
