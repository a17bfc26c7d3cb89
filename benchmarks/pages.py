"""Server time of every page of the web explorer, and of the data its scripts and htmx load
(timeline, facets, network, map, search), on a given ledger.  Prints figures; asserts nothing.
Goal (#15): every page under 300 ms at p95, on the full Wikinews ledger and on 1,000,000
synthetic events (``benchmarks/api_latency.py`` builds that one).  Besides wall time, each case
shows the process's CPU time per request (server and client share the process), which a machine
shared with other work does not inflate; the load average is printed at the end.  The server
warms the first views' aggregates in a thread at start (``queries.first_views``); the benchmark
waits for it (and prints how long it took) before the cold round.

Each round asks every case with a filter drawn afresh (a country, a year, a word), so that the
aggregate cache (keyed by the filters and the ledger's write count) answers only what a reader would really repeat;
the first request of every case after the server starts is reported apart, as "cold".

    .venv/bin/python benchmarks/pages.py --db /path/to/wikinews.db --rounds 10
    .venv/bin/python benchmarks/pages.py --db /tmp/newsledger-bench.db   # api_latency's ledger
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from api_latency import _pct, _serve  # benchmarks/ is the script's folder: sys.path[0]
from sqlalchemy import func, select

from newsledger.store import SQLStore, schema

Case = tuple[str, str, Callable[[random.Random], dict[str, Any]]]
STOP = set(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "his",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "that",
        "the",
        "to",
        "was",
        "were",
        "with",
    ]
)


def _sample(url: str) -> dict[str, list[str]]:
    """Values the cases draw from: countries, years, words of titles, an article and an actor."""
    store = SQLStore(url)
    e, a = schema.events.c, schema.articles.c
    with store.engine.connect() as conn:
        countries = [
            c
            for c, _ in conn.execute(
                select(e.source_country, func.count().label("n"))
                .where(e.source_country.is_not(None))
                .group_by(e.source_country)
                .order_by(func.count().desc())
                .limit(20)
            )
        ]
        years = sorted(
            {(d or "")[:4] for d in conn.scalars(select(e.date).limit(5000)) if d and d[:4].isdigit()}
        )
        titles = list(conn.scalars(select(a.title).where(a.title.is_not(None)).limit(300)))
        article = conn.scalar(select(a.article_id).order_by(a.published.desc()).limit(1))
        sentences = list(conn.scalars(select(e.sentence).where(e.sentence.is_not(None)).limit(2000)))
    actors, _ = store.page("actors", limit=20)
    store.close()
    words = sorted({w.lower() for t in titles for w in t.split() if w.isalpha() and len(w) > 4})[:200]
    # The words found in the most event sentences (a word in 74 % of the synthetic ledger's):
    # what a search for "minister" or "said" asks of a big ledger.
    # English stop words are left out: PostgreSQL's index drops them, so they would measure nothing.
    in_sentences = Counter(
        w for s in sentences for w in {x.lower() for x in s.split() if x.isalnum()} if w not in STOP
    )
    return {
        "countries": countries or ["IRN"],
        "years": years[-10:] or ["2021"],
        "words": words or ["minister"],
        "common": [w for w, _ in in_sentences.most_common(3)] or ["minister"],
        "article": [article or ""],
        "actors": [r["actor_id"] for r in actors] or ["iran"],
    }


def _cases(sample: dict[str, list[str]]) -> list[Case]:
    def country(r: random.Random) -> dict[str, Any]:
        return {"country": r.choice(sample["countries"])}

    def year(r: random.Random) -> dict[str, Any]:
        y = r.choice(sample["years"])
        return {"date_from": y, "date_to": y}

    def word(r: random.Random) -> dict[str, Any]:
        return {"q": r.choice(sample["words"])}

    def common_word(r: random.Random) -> dict[str, Any]:
        return {"q": r.choice(sample["common"])}

    def two_words(r: random.Random) -> dict[str, Any]:
        return {"q": f"{r.choice(sample['words'])} {r.choice(sample['words'])}"}

    def none(_: random.Random) -> dict[str, Any]:
        return {}

    def group(name: str, interval: str) -> Callable[[random.Random], dict[str, Any]]:
        return lambda r: {"group": name, "interval": interval} | country(r)

    from urllib.parse import quote

    article = "/articles/" + quote(sample["article"][0], safe="")
    actor = "/actors/" + quote(sample["actors"][0], safe="")
    return [
        ("page", "/", none),
        ("page", "/events", none),
        ("page", "/events", country),
        ("page", "/events", word),
        ("page", "/events", common_word),
        ("page", "/statements", none),
        ("page", "/articles", year),
        ("page", "/actors", none),
        ("page", "/contradictions", none),
        ("page", "/timeline", country),
        ("page", "/network", none),
        ("page", "/map", none),
        ("page", "/search", two_words),
        ("page", article, none),
        ("page", actor, none),
        ("data", "/facets/events", none),
        ("data", "/facets/events", country),
        ("data", "/facets/statements", year),
        ("data", "/facets/articles", word),
        ("data", "/facets/events", common_word),
        ("data", "/api/timeline", none),
        ("data", "/api/timeline", group("actor", "week")),
        ("data", "/api/timeline", group("dyad", "day")),
        ("data", "/api/timeline", group("root", "month")),
        ("data", "/api/network", none),
        ("data", "/api/map", country),
        ("data", "/api/search", two_words),
    ]


def measure(url: str, rounds: int, *, seed: int = 5) -> None:
    rng = random.Random(seed)
    cases = _cases(_sample(url))
    cold: dict[str, float] = {}
    warm: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    with _serve(url) as base, httpx.Client(base_url=base, timeout=120) as client:
        t0 = time.perf_counter()
        while any(t.name == "cache-warm" for t in threading.enumerate()):
            time.sleep(0.05)  # measured apart: the warming's CPU would count against the requests
        print(f"the server warmed the first views in {time.perf_counter() - t0:.1f} s (queries.first_views)")
        for i in range(rounds + 1):
            for kind, path, params_of in cases:
                params = params_of(rng)
                shown = {k: params[k] if k in ("group", "interval") else "" for k in sorted(params)}
                key = f"{kind:4} {path}?" + "&".join(f"{k}={v}" if v else k for k, v in shown.items())
                key += " (common word)" if params_of.__name__ == "common_word" else ""
                t0, c0 = time.perf_counter(), time.process_time()
                r = client.get(path, params=params, headers={"Accept": "text/html"})
                ms = (time.perf_counter() - t0) * 1000
                cpu_ms = (time.process_time() - c0) * 1000  # server and client: one process
                if r.status_code != 200:
                    print(f"  ! {r.status_code} {path} {params}: {r.text[:160]}", file=sys.stderr)
                if i == 0:
                    cold[key] = ms
                else:
                    warm.setdefault(key, []).append(ms)
                    cpu.setdefault(key, []).append(cpu_ms)
    print(f"\n{'case':52} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'cpu p50':>8} {'cpu p95':>8}")
    for key, values in warm.items():
        print(
            f"{key:52} {cold[key]:8.1f} {_pct(values, 50):8.1f} {_pct(values, 95):8.1f}"
            f" {_pct(cpu[key], 50):8.1f} {_pct(cpu[key], 95):8.1f}"
        )
    print("(goal: p95 < 300 ms; cpu = CPU time of the process, server and client, per request: what the")
    print(" wall time would be on an idle core; wall times on a shared machine include waiting for one)")
    pages = [v for k, vs in warm.items() if k.startswith("page") for v in vs]
    data = [v for k, vs in warm.items() if k.startswith("data") for v in vs]
    print(f"\nall pages: p50 {_pct(pages, 50):.1f} ms, p95 {_pct(pages, 95):.1f} ms, max {max(pages):.1f} ms")
    print(f"all data:  p50 {_pct(data, 50):.1f} ms, p95 {_pct(data, 95):.1f} ms, max {max(data):.1f} ms")
    data_cpu = [v for k, vs in cpu.items() if k.startswith("data") for v in vs]
    print(
        f"data cpu:  p50 {_pct(data_cpu, 50):.1f} ms, p95 {_pct(data_cpu, 95):.1f} ms, max {max(data_cpu):.1f} ms"
    )
    print(
        f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} ({os.cpu_count()} cores)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="SQLite ledger file (migrated to the current schema)")
    where.add_argument("--url", help="a ledger's database URL (PostgreSQL: postgresql+psycopg://…)")
    parser.add_argument("--rounds", type=int, default=10, help="rounds over every case after the cold one")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(args.db)}"
    store = SQLStore(url)  # migrates an older ledger to the current schema
    n_events, n_articles = store.count("events"), store.count("articles")
    store.close()
    print(f"{args.db or url}: {n_events:,} events, {n_articles:,} articles; {args.rounds} rounds")
    measure(url, args.rounds)


if __name__ == "__main__":
    main()
