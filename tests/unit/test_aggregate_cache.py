"""The API's aggregate cache: fresh entries are reused, a changed ledger recomputes at once, and
an entry past its ttl on an unchanged ledger is answered while a thread recomputes it."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from newsledger.api.queries import AggregateCache


class Ledger:
    def __init__(self) -> None:
        self.version = 1

    def ledger_version(self) -> tuple[Any, ...]:
        return (self.version,)


def _wait_for_refreshes(cache: AggregateCache) -> None:
    deadline = time.monotonic() + 10
    while cache._refreshing or any(t.name == "aggregate-refresh" for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the refresh did not finish"
        time.sleep(0.01)


def test_fresh_stale_and_changed_entries() -> None:
    ledger = Ledger()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    fresh = AggregateCache(ledger, ttl=3600)  # type: ignore[arg-type]
    assert fresh.get("k", compute) == 1 and fresh.get("k", compute) == 1 and len(calls) == 1
    ledger.version = 2  # an ingest ran: recomputed before answering
    assert fresh.get("k", compute) == 2

    stale = AggregateCache(ledger, ttl=0)  # type: ignore[arg-type]
    calls.clear()
    assert stale.get("s", compute) == 1
    assert stale.get("s", compute) == 1  # past ttl: the old value now, a new one computed aside
    _wait_for_refreshes(stale)
    assert len(calls) == 2 and stale._data["s"][2] == 2


def test_a_failed_refresh_keeps_the_stale_entry_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    ledger = Ledger()
    cache = AggregateCache(ledger, ttl=0)  # type: ignore[arg-type]
    assert cache.get("k", lambda: "old") == "old"

    def broken() -> str:
        raise RuntimeError("database went away")

    with caplog.at_level("WARNING", logger="newsledger.api.queries"):
        assert cache.get("k", broken) == "old"
        _wait_for_refreshes(cache)
    assert cache._data["k"][2] == "old"
    assert "refreshing the cached aggregate 'k' failed" in caplog.text
