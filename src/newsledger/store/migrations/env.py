"""Alembic environment: run with the connection :func:`newsledger.store.sql.migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from newsledger.store.migrations import compare_type, include_name
from newsledger.store.schema import metadata

config = context.config


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=True,
            include_name=include_name,
            compare_type=compare_type,
        )
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with engine.connect() as conn:
        context.configure(
            connection=conn,
            target_metadata=metadata,
            render_as_batch=True,
            include_name=include_name,
            compare_type=compare_type,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
