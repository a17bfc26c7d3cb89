"""Values a ledger keeps about itself (``ledger_settings``): made once, then read by everyone."""

from __future__ import annotations

import secrets

from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import IntegrityError

from . import schema


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
