"""API latency on a big ledger: p50/p95 of the list, filter and search endpoints.

Fills a SQLite ledger with synthetic records (default 1,000,000 events, bulk-inserted through the
schema tables), serves it with uvicorn on a local port and times requests with httpx.  Prints the
figures; asserts nothing.  Goal: p95 under 100 ms.

    .venv/bin/python benchmarks/api_latency.py                 # build /tmp/newsledger-bench.db, measure
    .venv/bin/python benchmarks/api_latency.py --reuse         # measure an existing database again
    .venv/bin/python benchmarks/api_latency.py --events 200000 --requests 20
"""

from __future__ import annotations

import argparse
import itertools
import random
import socket
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from sqlalchemy import insert, text

from newsledger.api.app import create_app
from newsledger.store import SQLStore, schema

COUNTRIES = ["IRN", "AFG", "USA", "RUS", "CHN", "SYR", "IRQ", "ISR", "TUR", "PAK", "IND", "UKR", "FRA", "DEU",
             "GBR", "SAU", "EGY", "YEM", "LBN", "QAT"]  # fmt: skip
SECTORS = ["GOV", "MIL", "REB", "OPP", "MED", "CVL", "IGO", "NGO", "BUS", None]
CODES = [("010", 1, 0.0, "COMMUNICATE"), ("020", 1, 3.0, "APPEAL"), ("036", 1, 4.0, "CONSULT"),
         ("042", 1, 1.9, "CONSULT"), ("043", 1, 2.8, "CONSULT"), ("046", 1, 7.0, "CONSULT"),
         ("057", 1, 8.0, "COOPERATE"), ("061", 2, 6.4, "COOPERATE"), ("070", 2, 7.0, "AID"),
         ("081", 2, 5.0, "CONCEDE"), ("111", 3, -2.0, "ACCUSE"), ("112", 3, -2.0, "ACCUSE"),
         ("120", 3, -4.0, "REJECT"), ("130", 3, -4.4, "THREATEN"), ("141", 3, -6.5, "PROTEST"),
         ("163", 4, -8.0, "SANCTION"), ("172", 4, -5.0, "COERCE"), ("173", 4, -5.0, "COERCE"),
         ("183", 4, -10.0, "ASSAULT"), ("190", 4, -10.0, "ASSAULT"), ("193", 4, -10.0, "ASSAULT")]  # fmt: skip
WORDS = ["minister", "talks", "sanctions", "border", "ceasefire", "embassy", "delegation", "parliament", "election", "protest", "missile", "nuclear", "agreement", "summit", "troops", "aid", "refugees", "oil", "pipeline", "court", "tribunal"]  # fmt: skip
PLACES = [("Tehran", "IRN", 35.69, 51.42), ("Kabul", "AFG", 34.53, 69.17), ("Washington", "USA", 38.9, -77.04),
          ("Moscow", "RUS", 55.75, 37.62), ("Beijing", "CHN", 39.9, 116.4), ("Damascus", "SYR", 33.51, 36.29),
          ("Baghdad", "IRQ", 33.34, 44.4), ("Doha", "QAT", 25.29, 51.53), ("Ankara", "TUR", 39.93, 32.86)]  # fmt: skip


#: Filler vocabulary: 5,000 made-up words with Zipf-like frequencies, so that a topic word
#: (from WORDS, about one sentence in 50) matches a realistic share of the ledger.
FILLER = [f"w{i}" for i in range(5000)]
FILLER_CUM = list(itertools.accumulate(1 / (i + 1) for i in range(5000)))


def _sentence(rng: random.Random) -> str:
    words = rng.choices(FILLER, cum_weights=FILLER_CUM, k=12)
    if rng.random() < 0.3:
        words[rng.randrange(12)] = rng.choice(WORDS)
    return " ".join(words).capitalize() + "."


def build(url: str, n_events: int, *, seed: int = 7) -> None:
    rng = random.Random(seed)
    store = SQLStore(url)
    n_articles = max(100, n_events // 50)
    n_actors = 2000
    now = datetime.now(UTC)
    start = date(2015, 1, 1)
    actors = [
        {"actor_id": f"a{i:05d}", "name": f"Actor {i}", "kind": rng.choice(["person", "organization", "country", "group"]),
         "country": rng.choice(COUNTRIES), "sector": rng.choice(SECTORS), "cameo_code": None, "aliases": [],
         "roles": [], "affiliation": None, "mentions": rng.randint(1, 5000)}
        for i in range(n_actors)
    ]  # fmt: skip
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        conn.execute(insert(schema.actors), actors)
        articles = []
        for i in range(n_articles):
            body = " ".join(_sentence(rng) for _ in range(8))
            articles.append(
                {"article_id": f"art{i:07d}", "url": f"https://example.org/{i}", "title": f"Story {i} {rng.choice(WORDS)}",
                 "published": (start + timedelta(days=rng.randrange(3650))).isoformat(), "site": "example.org",
                 "outlet": rng.choice(["Wire A", "Paper B", "State TV", "NCRI"]),
                 "outlet_type": rng.choice(["wire", "newspaper", "state_media", "advocacy"]), "language": "en",
                 "author": None, "categories": [], "text": body, "n_sentences": 8, "source_key": f"bench:{i}",
                 "origin": "bench", "origin_line": i, "raw_sha256": "0" * 64, "duplicate_of": None,
                 "similarity": None, "minhash": None, "run_id": "bench", "ingested_at": now}
            )  # fmt: skip
        for i in range(0, n_articles, 5000):
            chunk = articles[i : i + 5000]
            conn.execute(insert(schema.articles), chunk)
            conn.execute(
                text(
                    "INSERT INTO articles_fts (article_id, title, text) VALUES (:article_id, :title, :text)"
                ),
                [{"article_id": a["article_id"], "title": a["title"], "text": a["text"]} for a in chunk],
            )
    print(f"  {n_actors} actors, {n_articles} articles in {time.perf_counter() - t0:.1f}s", flush=True)
    reporters = [
        [],
        [],
        [],
        [{"actor_id": "ncri", "name": "NCRI"}],
        [{"actor_id": "a00001", "name": "Actor 1"}],
    ]
    t0 = time.perf_counter()
    chunk_size = 50_000
    for lo in range(0, n_events, chunk_size):
        rows = []
        for i in range(lo, min(n_events, lo + chunk_size)):
            src, tgt = actors[rng.randrange(n_actors)], actors[rng.randrange(n_actors)]
            code, quad, gold, plover = rng.choice(CODES)
            place = rng.choice(PLACES) if rng.random() < 0.3 else None
            rows.append(
                {"event_id": f"ev{i:08d}", "article_id": f"art{rng.randrange(n_articles):07d}", "sentence_index": 0,
                 "sentence": _sentence(rng), "span_start": 0, "span_end": 10, "stage": "bench", "reported_by": rng.choice(reporters),
                 "trigger": "met", "date": (start + timedelta(days=rng.randrange(3650))).isoformat(), "date_precision": "day",
                 "source_actor_id": src["actor_id"], "source_name": src["name"], "source_country": src["country"],
                 "source_sector": src["sector"], "source_cameo_code": None,
                 "target_actor_id": tgt["actor_id"], "target_name": tgt["name"], "target_country": tgt["country"],
                 "target_sector": tgt["sector"], "target_cameo_code": None,
                 "cameo_code": code, "cameo_root": code[:2], "quad_class": quad, "goldstein": gold,
                 "plover_type": plover, "plover_mode": None,
                 "location_name": place[0] if place else None, "location_country": place[1] if place else None,
                 "location_lat": place[2] if place else None, "location_lon": place[3] if place else None,
                 "location_geonames_id": None, "negated": False, "hypothetical": False, "confidence": 0.8}
            )  # fmt: skip
        with store.engine.begin() as conn:
            conn.execute(insert(schema.events), rows)
        print(f"  {min(n_events, lo + chunk_size):>9,} events  {time.perf_counter() - t0:6.1f}s", flush=True)
    n_statements = max(1000, n_events // 10)
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        for lo in range(0, n_statements, chunk_size):
            rows = []
            for i in range(lo, min(n_statements, lo + chunk_size)):
                sp = actors[rng.randrange(n_actors)]
                content = _sentence(rng)
                rows.append(
                    {"statement_id": f"st{i:08d}", "article_id": f"art{rng.randrange(n_articles):07d}", "sentence_index": 0,
                     "sentence": content, "span_start": 0, "span_end": 10, "stage": "bench", "reported_by": [],
                     "speaker_actor_id": sp["actor_id"], "speaker_name": sp["name"], "speaker_country": sp["country"],
                     "speaker_sector": sp["sector"], "speaker_cameo_code": None, "speaker_text": sp["name"],
                     "speaker_start": 0, "speaker_end": 5, "cue": "said", "cue_start": 6, "cue_end": 10,
                     "kind": rng.choice(["direct", "partial", "indirect"]), "content": content, "content_start": 0,
                     "content_end": len(content), "medium": None,
                     "date": (start + timedelta(days=rng.randrange(3650))).isoformat(), "date_precision": "day", "about": []}
                )  # fmt: skip
            conn.execute(insert(schema.statements), rows)
            conn.execute(
                text(
                    "INSERT INTO statements_fts (statement_id, speaker, content) VALUES (:statement_id, :speaker, :content)"
                ),
                [
                    {"statement_id": r["statement_id"], "speaker": r["speaker_name"], "content": r["content"]}
                    for r in rows
                ],
            )
    print(f"  {n_statements:,} statements in {time.perf_counter() - t0:.1f}s", flush=True)
    with store.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
    store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def _serve(url: str) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(url), host="127.0.0.1", port=port, log_level="warning", ws="none", lifespan="on"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def _cases(rng: random.Random, client: httpx.Client) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    def actor() -> str:
        return f"a{rng.randrange(2000):05d}"

    deep = client.get("/api/events", params={"limit": 500}).json()["next_cursor"]

    def year() -> int:
        return rng.randrange(2015, 2025)

    return {
        "list": [
            ("/api/events", {"limit": 50}),
            ("/api/events", {"limit": 50, "cursor": deep}),
            ("/api/events", {"limit": 50, "order": "asc", "sort": "goldstein"}),
            ("/api/articles", {"limit": 50}),
            ("/api/statements", {"limit": 50}),
            ("/api/actors", {"limit": 50}),
        ],
        "filter": [
            ("/api/events", {"actor": actor()}),
            ("/api/events", {"source": actor(), "date_from": f"{year()}"}),
            ("/api/events", {"target": actor()}),
            ("/api/events", {"country": rng.choice(COUNTRIES)}),
            ("/api/events", {"cameo": "04"}),
            ("/api/events", {"root": rng.choice(["19", "14", "05"])}),
            ("/api/events", {"quad_class": str(rng.randrange(1, 5))}),
            ("/api/events", {"plover_type": "ASSAULT"}),
            ("/api/events", {"date_from": f"{year()}-03", "date_to": f"{year()}-05"}),
            ("/api/events", {"reported_by": "ncri"}),
            ("/api/events", {"actor": actor(), "quad_class": "4"}),
            ("/api/events", {"country": "IRN", "root": "19", "date_from": "2020"}),
            ("/api/statements", {"actor": actor()}),
            ("/api/articles", {"outlet_type": "wire"}),
        ],
        "search": [
            ("/api/search", {"q": rng.choice(WORDS)}),
            ("/api/search", {"q": f"{rng.choice(WORDS)} {rng.choice(WORDS)}"}),
            ("/api/statements", {"q": rng.choice(WORDS)}),
            ("/api/articles", {"q": rng.choice(WORDS)}),
            ("/api/events", {"q": rng.choice(WORDS)}),
        ],
    }


def measure(url: str, requests: int, *, seed: int = 11) -> dict[str, list[float]]:
    rng = random.Random(seed)
    timings: dict[str, list[float]] = {}
    per_endpoint: dict[str, list[float]] = {}
    with _serve(url) as base, httpx.Client(base_url=base, timeout=60) as client:
        client.get("/api/events", params={"limit": 1})  # warm the connection pool and caches
        for _ in range(requests):
            for group, cases in _cases(rng, client).items():
                for path, params in cases:
                    t0 = time.perf_counter()
                    r = client.get(path, params=params)
                    ms = (time.perf_counter() - t0) * 1000
                    if r.status_code != 200:
                        print(f"  ! {r.status_code} {path} {params}: {r.text[:200]}", file=sys.stderr)
                    timings.setdefault(group, []).append(ms)
                    key = f"{path}?{'&'.join(sorted(k for k in params if k != 'cursor'))}" + (
                        " (deep cursor)" if "cursor" in params else ""
                    )
                    per_endpoint.setdefault(key, []).append(ms)
    print(f"\n{'endpoint':58} {'p50 ms':>8} {'p95 ms':>8}")
    for key, values in sorted(per_endpoint.items()):
        print(f"{key:58} {_pct(values, 50):8.1f} {_pct(values, 95):8.1f}")
    return timings


def _pct(values: list[float], p: int) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="/tmp/newsledger-bench.db", help="SQLite file to build or reuse")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=25, help="rounds over every endpoint case")
    parser.add_argument("--reuse", action="store_true", help="measure the existing database")
    args = parser.parse_args()
    path = Path(args.db)
    url = f"sqlite:///{path}"
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        print(f"building {path} with {args.events:,} events")
        t0 = time.perf_counter()
        build(url, args.events)
        print(f"built in {time.perf_counter() - t0:.0f}s ({path.stat().st_size / 1e6:.0f} MB)")
    store = SQLStore(url)
    n = store.count("events")
    store.close()
    print(f"measuring {n:,} events, {args.requests} rounds")
    timings = measure(url, args.requests)
    print(f"\n{'group':10} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8}   (goal: p95 < 100 ms)")
    for group, values in timings.items():
        print(f"{group:10} {len(values):8} {_pct(values, 50):8.1f} {_pct(values, 95):8.1f}")


if __name__ == "__main__":
    main()
