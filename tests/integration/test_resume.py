"""A run killed with SIGKILL midway and started again ends with every article exactly once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

SENTENCES = [
    "Iranian Foreign Minister Mohammad Javad Zarif met Taliban officials in Tehran on Monday.",
    "The Afghan government criticized the meeting, a spokesman said.",
    '"We will never accept this," the spokesman told reporters in Kabul.',
    "Russia and China called for talks on the nuclear program.",
]


def _corpus(path: Path, n: int) -> None:
    with path.open("w") as fh:
        for i in range(n):
            text = (
                f"Report number {i}. "
                + " ".join(SENTENCES[(i + k) % 4] for k in range(4))
                + f" Filed as item {i} of {n}."
            )
            fh.write(
                json.dumps({"id": f"r{i}", "title": f"Report {i}", "text": text, "date": "2021-01-29"}) + "\n"
            )


def _ingest(db: Path, corpus: Path) -> subprocess.Popen[bytes]:
    log = db.with_suffix(".log").open("ab")  # closed by the child's exit; kept for debugging
    cmd = [
        sys.executable,
        "-m",
        "newsledger.cli",
        "ingest",
        "--quiet",
        "--workers",
        "1",
        "--batch-size",
        "8",
        "--db",
        f"sqlite:///{db}",
        str(corpus),
    ]
    try:
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)
    finally:
        log.close()


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        try:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        except sqlite3.OperationalError:  # schema not created yet
            return 0


@pytest.mark.slow
def test_sigkill_then_rerun_stores_every_article_once(tmp_path: Path) -> None:
    n = 120
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, n)
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"

    proc = _ingest(killed_db, corpus)
    deadline = time.monotonic() + 120
    while _count(killed_db, "articles") < 16 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed; raise n"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _count(killed_db, "articles")
    assert 0 < partial < n

    assert _ingest(killed_db, corpus).wait() == 0
    assert _ingest(clean_db, corpus).wait() == 0
    for table in ("articles", "events", "statements", "mentions", "raw_documents"):
        assert _count(killed_db, table) == _count(clean_db, table), table
    assert _count(killed_db, "articles") == n
    analysed = "SELECT count(DISTINCT article_id) FROM mentions"
    with sqlite3.connect(killed_db) as killed, sqlite3.connect(clean_db) as clean:
        assert killed.execute(analysed).fetchone()[0] == clean.execute(analysed).fetchone()[0] > 0
        dup = "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"
        assert killed.execute(dup).fetchone()[0] == clean.execute(dup).fetchone()[0]
