"""Look-ups that turn what a user typed into the ids the ledger keys on (CLI filter checks)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from . import schema


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def actor_exists(engine: Any, actor_id: str) -> bool:
    with engine.connect() as conn:
        found = conn.execute(select(schema.actors.c.actor_id).where(schema.actors.c.actor_id == actor_id))
        return found.first() is not None


def actors_named(engine: Any, text: str, *, limit: int = 5) -> list[dict[str, Any]]:
    """Actors whose canonical name contains ``text`` (case-insensitive), most mentioned first;
    an exact name match comes before the others."""
    a = schema.actors
    exact = func.lower(a.c.name) == text.lower()
    query = (
        select(a.c.actor_id, a.c.name, a.c.kind, a.c.country, a.c.mentions)
        .where(a.c.name.ilike(f"%{_escape_like(text)}%", escape="\\"))
        .order_by(exact.desc(), a.c.mentions.desc(), a.c.actor_id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]
