"""The same schema, writes, filters and full-text search on a real PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsledger.store import Batch, Filters, SQLStore

from ..records import result  # noqa: TID252

pytestmark = pytest.mark.pg


@pytest.fixture()
def pg_url() -> Iterator[str]:
    base = os.environ.get("NEWSLEDGER_TEST_PG_URL")
    if not base:
        pytest.skip("NEWSLEDGER_TEST_PG_URL is not set (scripts/test starts a server and sets it)")
    import sqlalchemy as sa

    name = f"nl_test_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    yield base.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def test_store_round_trip_filters_and_search(pg_url: str) -> None:
    store = SQLStore(pg_url)
    batch = Batch("run", results=[result(i) for i in range(5)])
    store.write_batch(batch)
    store.write_batch(batch)  # idempotent on PostgreSQL too
    assert store.stats()["events"] == 5
    assert store.count("events", Filters(actor="iran", cameo="04")) == 5
    assert store.get("actors", "zarif")["mentions"] == 5  # type: ignore[index]
    found = store.search("terrorist entity")
    assert {s["statement_id"] for s in found["statements"]} == {f"s{i}" for i in range(5)}
    assert found["articles"]
    pages, cursor = store.page("events", limit=2)
    assert len(pages) == 2 and cursor
    store.close()


def test_ingest_seed_article_into_postgres(pg_url: str, seed_article_path: Path) -> None:
    from newsledger.executors import get_executor
    from newsledger.runner import ingest

    store = SQLStore(pg_url)
    summary = ingest([str(seed_article_path)], store=store, executor=get_executor("local"))
    assert summary.articles == 1 and summary.n_errors == 0 and summary.events > 0
    again = ingest([str(seed_article_path)], store=store, executor=get_executor("local"))
    assert again.articles == 0 and again.skipped == 1
    assert store.count("statements") == summary.statements
    store.close()
