"""Many processes on one ledger at once: opening (migrating) a new or old ledger, writing
overlapping batches, and the web API answering reads while another process writes.

These are real processes (``spawn``), not threads: SQLite's locks are per process and file.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsledger.store import Batch, SQLStore

from ..records import result  # noqa: TID252

SPAWN = mp.get_context("spawn")


def _open(url: str, queue: Any) -> None:
    try:
        SQLStore(url).close()
        queue.put("ok")
    except Exception as exc:  # noqa: BLE001 - the parent reports whatever went wrong
        queue.put(repr(exc))


def _write(url: str, ids: list[int], queue: Any) -> None:
    try:
        store = SQLStore(url)
        for i in range(0, len(ids), 4):
            store.write_batch(Batch(f"run-{ids[0]}", results=[result(k) for k in ids[i : i + 4]]))
        store.close()
        queue.put("ok")
    except Exception as exc:  # noqa: BLE001
        queue.put(repr(exc))


def _run_all(target: Any, argsets: list[tuple[Any, ...]]) -> list[str]:
    queue = SPAWN.Queue()
    procs = [SPAWN.Process(target=target, args=(*args, queue)) for args in argsets]
    for p in procs:
        p.start()
    outcomes = [queue.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    return outcomes


def _snapshot(store: SQLStore) -> dict[str, list[dict[str, Any]]]:
    return {kind: list(store.iter_records(kind)) for kind in ("articles", "actors", "events", "statements")}


def _without_run(snapshot: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """Records minus what differs by run (its id and ingest time)."""
    volatile = {"run_id", "ingested_at"}
    return {
        kind: [{k: v for k, v in r.items() if k not in volatile} for r in records]
        for kind, records in snapshot.items()
    }


def _opening_many_at_once(url: str) -> None:
    assert _run_all(_open, [(url,)] * 6) == ["ok"] * 6
    assert _run_all(_open, [(url,)] * 3) == ["ok"] * 3  # and again, on the now existing ledger


def _overlapping_writers(url: str, clean_url: str) -> None:
    first, second = list(range(0, 40)), list(range(20, 60))
    assert _run_all(_write, [(url, first), (url, second), (url, second[::-1])]) == ["ok"] * 3
    store, clean = SQLStore(url), SQLStore(clean_url)
    clean.write_batch(Batch("clean", results=[result(k) for k in range(60)]))
    assert store.count("articles") == 60
    assert _without_run(_snapshot(store)) == _without_run(_snapshot(clean))
    store.close()
    clean.close()


def test_many_processes_open_a_new_sqlite_ledger_at_once(tmp_path: Path) -> None:
    _opening_many_at_once(f"sqlite:///{tmp_path / 'new.db'}")


def test_many_processes_migrate_an_old_sqlite_ledger_at_once(tmp_path: Path) -> None:
    from alembic import command

    from newsledger.store.engine import _alembic_config, make_engine

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")  # a ledger made by the first release
    engine.dispose()
    _opening_many_at_once(url)
    store = SQLStore(url, migrate=False)
    from newsledger.store.engine import _at_head

    with store.engine.connect() as conn:
        assert _at_head(conn, _alembic_config())
    store.close()


def test_overlapping_writers_store_every_article_once(tmp_path: Path) -> None:
    _overlapping_writers(f"sqlite:///{tmp_path / 'shared.db'}", f"sqlite:///{tmp_path / 'clean.db'}")


def _keep_writing(url: str, rounds: int, queue: Any) -> None:
    _write(url, list(range(rounds)), queue)


def test_api_reads_never_fail_while_another_process_writes(tmp_path: Path) -> None:
    import httpx

    from newsledger.api.app import create_app

    from ..browser.live import serve  # noqa: TID252

    url = f"sqlite:///{tmp_path / 'served.db'}"
    SQLStore(url).close()
    queue = SPAWN.Queue()
    writer = SPAWN.Process(target=_keep_writing, args=(url, 400, queue))
    paths = ["/api/events", "/api/articles", "/api/stats", "/api/statements?limit=5", "/api/actors"]
    statuses: list[int] = []
    with serve(create_app(url)) as base, httpx.Client(base_url=base, timeout=60) as client:
        writer.start()
        while writer.is_alive() or not statuses:
            statuses += [client.get(p).status_code for p in paths]
        writer.join()
    assert queue.get(timeout=10) == "ok"
    assert set(statuses) == {200}, statuses
    assert len(statuses) > len(paths)  # reads really overlapped the writes
    assert SQLStore(url).count("articles") == 400


@pytest.mark.slow
def test_two_cli_ingests_of_overlapping_inputs_store_every_article_once(tmp_path: Path) -> None:
    import sqlite3

    corpus = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    lines = [
        json.dumps(
            {
                "id": f"c{i}",
                "title": f"Report {i}",
                "text": f"Iran and Russia met in Tehran on Monday, item {i}.",
                "date": "2021-01-29",
            }
        )
        for i in range(60)
    ]
    corpus[0].write_text("\n".join(lines[:40]) + "\n")
    corpus[1].write_text("\n".join(lines[20:]) + "\n")
    db = tmp_path / "both.db"
    # one worker each: the test is about two ingests overlapping, not about their pools
    cmd = [
        sys.executable,
        "-m",
        "newsledger.cli",
        "ingest",
        "--quiet",
        "--workers",
        "1",
        "--batch-size",
        "4",
        "--db",
        str(db),
    ]
    procs = [subprocess.Popen([*cmd, str(c)], stderr=subprocess.PIPE) for c in corpus]
    errors = [p.communicate(timeout=500)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT article_id FROM articles")]
    assert len(ids) == len(set(ids)) == 60


# ---------------------------------------------------------------------- PostgreSQL


@pytest.fixture()
def pg_urls() -> Iterator[tuple[str, str]]:
    base = os.environ.get("NEWSLEDGER_TEST_PG_URL")
    if not base:
        pytest.skip("NEWSLEDGER_TEST_PG_URL is not set (scripts/test starts a server and sets it)")
    import sqlalchemy as sa

    names = [f"nl_conc_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in names:
            conn.execute(sa.text(f"CREATE DATABASE {name}"))
    root = base.rsplit("/", 1)[0]
    yield f"{root}/{names[0]}", f"{root}/{names[1]}"
    with admin.connect() as conn:
        for name in names:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.mark.pg
def test_postgres_many_processes_open_and_write_at_once(pg_urls: tuple[str, str]) -> None:
    url, clean_url = pg_urls
    _opening_many_at_once(url)
    _overlapping_writers(url, clean_url)
