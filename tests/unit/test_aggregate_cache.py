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


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_unchanged_ledger_is_never_recomputed_and_a_write_recomputes_at_once() -> None:
    ledger, clock = Ledger(), Clock()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    cache = AggregateCache(ledger, clock=clock)  # type: ignore[arg-type]
    assert cache.get("k", compute) == 1
    clock.now += 61  # a minute later, no write: the same answer, nothing computed, no thread
    assert cache.get("k", compute) == 1 and not cache._refreshing
    clock.now += 86_400
    assert cache.get("k", compute) == 1 and calls == [1]
    ledger.version = 2
    assert cache.get("k", compute) == 2 and calls == [1, 1]


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


def test_a_second_reader_waits_for_the_aggregate_being_computed() -> None:
    """Two requests for one aggregate (or the start-up warming and the first reader) compute it
    once: the second waits for the first's answer."""
    cache = AggregateCache(Ledger(), ttl=3600)  # type: ignore[arg-type]
    started, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def slow() -> str:
        calls.append("slow")
        started.set()
        assert release.wait(10)
        return "answer"

    answers: list[str] = []
    first = threading.Thread(target=lambda: answers.append(cache.get("k", slow)))
    first.start()
    assert started.wait(10)
    second = threading.Thread(target=lambda: answers.append(cache.get("k", lambda: "computed again")))
    second.start()
    time.sleep(0.05)
    release.set()
    first.join(10)
    second.join(10)
    assert answers == ["answer", "answer"] and calls == ["slow"]


def test_warming_fills_the_entries_in_order_and_stops_when_told() -> None:
    cache = AggregateCache(Ledger(), ttl=3600)  # type: ignore[arg-type]
    stop = threading.Event()

    def last() -> str:
        stop.set()  # the server is shutting down: nothing after this one is computed
        return "b"

    cache.warm([("a", lambda: "a"), ("b", last), ("c", lambda: "c")], stop)
    assert list(cache._data) == ["a", "b"]
    cache.warm([("x", lambda: 1 // 0)], threading.Event())  # a failure ends warming quietly
    assert "x" not in cache._data
