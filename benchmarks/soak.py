"""Soak: ingest N articles while the API answers 5 requests/s for the whole run, killing the
ingest with SIGKILL at three random moments and starting it again each time; then compare the
ledger with a clean (never killed) run of the same corpus.

    NEWSLEDGER_DATA=../shared/data .venv/bin/python benchmarks/soak.py --articles 5000

Prints (and with ``--out`` writes) one report: requests served by status, errors, kills, and
per kind of record the counts of both ledgers and whether the records are identical (ids and
every field but the run id and ingest time).  Goals: zero 5xx answers, zero lost or duplicated
articles, identical records.  It asserts nothing; it prints figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus_path, write_corpus  # noqa: E402

KINDS = ("articles", "actors", "events", "statements", "contradictions")
#: What the readers ask for, round-robin: listings, filters, a full-text search, stats, pages.
PATHS = (
    "/api/events?limit=20",
    "/api/articles?limit=20",
    "/api/statements?limit=20&q=said",
    "/api/actors?limit=20",
    "/api/events?limit=20&quad_class=1",
    "/api/search?q=minister",
    "/api/stats",
    "/api/timeline",
    "/",
    "/events",
)
VOLATILE = {"run_id", "ingested_at"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def newsledger(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsledger.cli", *args]


def ingest_cmd(db: Path, corpus: Path, workers: int) -> list[str]:
    return newsledger("ingest", "--quiet", "--workers", str(workers), "--db", f"sqlite:///{db}", str(corpus))


class Readers:
    """Requests at a fixed rate from a background thread; counts answers by status."""

    def __init__(self, base: str, rate: float) -> None:
        import httpx

        self.client = httpx.Client(base_url=base, timeout=60)
        self.interval = 1.0 / rate
        self.statuses: Counter[str] = Counter()
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        n = 0
        next_at = time.monotonic()
        while not self._stop.is_set():
            path = PATHS[n % len(PATHS)]
            n += 1
            try:
                status = str(self.client.get(path).status_code)
            except Exception as exc:  # noqa: BLE001 - any failure to answer is a finding
                status = type(exc).__name__
            self.statuses[status] += 1
            if not status.startswith("2") and len(self.failures) < 20:
                self.failures.append(f"{status} {path}")
            next_at += self.interval
            time.sleep(max(0.0, next_at - time.monotonic()))

    def __enter__(self) -> Readers:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.client.close()


def wait_until_up(base: str, timeout: float = 120) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the server at {base} did not answer within {timeout:.0f} s")


def stored_articles(db: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def ingest_with_kills(
    db: Path, corpus: Path, workers: int, kills: int, seed: int, log: Path
) -> dict[str, Any]:
    """Run the ingest to the end, killing it ``kills`` times at random moments of the first pass:
    when the ledger holds a random number of articles (drawn up front, increasing), plus a random
    fraction of a second, so kills land mid-batch, mid-commit and mid-startup alike."""
    rng = random.Random(seed)
    total = sum(1 for _ in corpus.open(encoding="utf-8"))
    thresholds = sorted(rng.sample(range(1, total), kills))
    started = time.monotonic()
    killed: list[dict[str, float]] = []
    starts = 0
    with log.open("ab") as err:
        while True:
            # Its own process group: a kill takes its worker processes too, as a crash would.
            proc = subprocess.Popen(
                ingest_cmd(db, corpus, workers), stdout=subprocess.DEVNULL, stderr=err, start_new_session=True
            )
            starts += 1
            if len(killed) < kills:
                target = thresholds[len(killed)]
                while proc.poll() is None and stored_articles(db) < target:
                    time.sleep(0.2)
                if proc.poll() is None:
                    time.sleep(rng.uniform(0, 1.5))
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    killed.append(
                        {"at_s": round(time.monotonic() - started, 1), "stored": stored_articles(db)}
                    )
                    continue
            code = proc.wait()
            if code != 0:
                raise SystemExit(f"ingest exited {code}; see {log}")
            break
    return {"kills": killed, "starts": starts, "seconds": round(time.monotonic() - started, 1)}


def snapshot(db: Path) -> dict[str, list[dict[str, Any]]]:
    from newsledger.store import SQLStore

    store = SQLStore(f"sqlite:///{db}", migrate=False)
    try:
        return {
            kind: [{k: v for k, v in r.items() if k not in VOLATILE} for r in store.iter_records(kind)]
            for kind in KINDS
        }
    finally:
        store.close()


def duplicated_sources(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        query = "SELECT count(*) - count(DISTINCT source_key) FROM articles"
        return int(conn.execute(query).fetchone()[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--rate", type=float, default=5.0, help="API requests per second")
    ap.add_argument("--kills", type=int, default=3)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--data", default=None)
    ap.add_argument("--out", default=None, help="also write the report here")
    args = ap.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="newsledger-soak-"))
    corpus, _, _ = write_corpus(corpus_path(args.data), args.articles, folder)
    soaked, clean = folder / "soaked.db", folder / "clean.db"
    from newsledger.store import SQLStore

    SQLStore(f"sqlite:///{soaked}").close()  # the ledger exists before the server opens it

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        newsledger("serve", "--db", f"sqlite:///{soaked}", "--port", str(port)),
        stdout=subprocess.DEVNULL,
        stderr=(folder / "serve.log").open("wb"),
    )
    try:
        wait_until_up(base)
        with Readers(base, args.rate) as readers:
            run = ingest_with_kills(
                soaked, corpus, args.workers, args.kills, args.seed, folder / "ingest.log"
            )
    finally:
        server.terminate()
        server.wait()

    started = time.monotonic()
    subprocess.run(ingest_cmd(clean, corpus, args.workers), check=True, stdout=subprocess.DEVNULL)
    clean_seconds = round(time.monotonic() - started, 1)
    got, want = snapshot(soaked), snapshot(clean)
    report = {
        "articles_in_corpus": args.articles,
        "rate_per_s": args.rate,
        "soaked_run": run,
        "clean_run_seconds": clean_seconds,
        "requests": sum(readers.statuses.values()),
        "requests_by_status": dict(readers.statuses),
        "server_errors_5xx": sum(n for s, n in readers.statuses.items() if s.startswith("5")),
        "failed_requests": readers.failures,
        "counts": {k: {"soaked": len(got[k]), "clean": len(want[k])} for k in KINDS},
        "identical": {k: got[k] == want[k] for k in KINDS},
        "duplicated_source_keys": duplicated_sources(soaked),
        "folder": str(folder),
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    main()
