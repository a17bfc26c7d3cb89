"""The ledger version the API's aggregate cache keys on: unchanged while nothing is written,
whatever the clock says, and changed by every write (a batch, a run starting or ending, new
contradictions), on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from newsledger.api.queries import AggregateCache
from newsledger.store import Batch, SQLStore

from ..records import result  # noqa: TID252


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[SQLStore]:
    if request.param == "sqlite":
        found = SQLStore(f"sqlite:///{tmp_path / 'ledger.db'}")
        yield found
        found.close()
        return
    base = os.environ.get("NEWSLEDGER_TEST_PG_URL")
    if not base:
        pytest.skip("NEWSLEDGER_TEST_PG_URL is not set (scripts/test starts a server and sets it)")
    name = f"nl_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    found = SQLStore(base.rsplit("/", 1)[0] + "/" + name)
    yield found
    found.close()
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def test_every_write_changes_the_version_and_reads_do_not(store: SQLStore) -> None:
    seen = [store.ledger_version()]
    run = store.start_run(["a.json"], ["events"])
    seen.append(store.ledger_version())
    store.write_batch(Batch(run, results=[result(0)]))
    seen.append(store.ledger_version())
    store.write_batch(Batch(run, results=[result(0)]))  # the same articles again: still a write
    seen.append(store.ledger_version())
    store.finish_run(run, status="done")
    seen.append(store.ledger_version())
    assert len(set(seen)) == len(seen)
    store.stats()
    store.page("events", limit=5)
    assert store.ledger_version() == seen[-1]


def test_the_cache_recomputes_after_an_ingest_only(store: SQLStore) -> None:
    now = [0.0]
    cache = AggregateCache(store, clock=lambda: now[0])
    computed: list[int] = []

    def events() -> int:
        computed.append(1)
        return int(store.stats()["events"])

    assert cache.get(("stats",), events) == 0
    now[0] += 61  # past the old 60 s refresh, nothing written
    assert cache.get(("stats",), events) == 0 and len(computed) == 1 and not cache._refreshing
    store.write_batch(Batch("run", results=[result(i) for i in range(3)]))
    assert cache.get(("stats",), events) == 3 and len(computed) == 2
