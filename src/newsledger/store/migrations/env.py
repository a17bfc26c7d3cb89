"""Alembic environment: run with the connection :func:`newsledger.store.sql.migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from newsledger.store.schema import metadata

config = context.config


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Full-text tables are made by hand per dialect (see 0001), and PostgreSQL's newest-first
    indexes (0014): autogenerate must not drop them."""
    if type_ == "index" and name is not None and name.endswith("_newest"):
        return False
    return not (type_ == "table" and name is not None and "_fts" in name)


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection, target_metadata=metadata, render_as_batch=True, include_name=include_name
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with engine.connect() as conn:
        context.configure(
            connection=conn, target_metadata=metadata, render_as_batch=True, include_name=include_name
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
