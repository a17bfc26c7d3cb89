"""The ledger version the API's aggregate cache keys on: unchanged while nothing is written,
whatever the clock says, and changed by every write (a batch, a run starting or ending, new
contradictions), on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsledger.api.queries import AggregateCache
from newsledger.store import Batch, SQLStore

from ..records import result  # noqa: TID252


@pytest.fixture()
def store(ledger_url: str) -> Iterator[SQLStore]:
    found = SQLStore(ledger_url)
    yield found
    found.close()


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
