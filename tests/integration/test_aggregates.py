"""The explorer's aggregates (timeline, facets, map, network) read the events through rewritten
queries: a country filter split into its source and target branches over their own indexes
(``query.branches``), a timeline read in three passes.  Here each answer is held to the same
figures counted directly in Python from every event row, on a small seeded ledger, on SQLite and
on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import insert, select

from newsledger.store import Filters, SQLStore, schema
from newsledger.store.timeline import MAX_PERIODS, all_periods, period_of

COUNTRIES = ["IRN", "USA", "RUS", "SYR", None]
ACTORS = [f"a{i}" for i in range(14)] + [None]
PLACES = [("Tehran", "IRN", 35.69, 51.42), ("Moscow", "RUS", 55.75, 37.62), ("Damascus", "SYR", 33.51, 36.29)]
OUTLET_TYPES = ["wire", "newspaper", "state_media"]


def _date(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:
        return f"20{rng.randrange(18, 22)}-{rng.randrange(1, 13):02d}"  # month precision
    if roll < 0.07:
        return "2021-02-30"  # a day no calendar has: no week, but a month
    day = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
    return day.isoformat()


def _fill(store: SQLStore, seed: int = 3, n_events: int = 900) -> None:
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    articles = [
        {"article_id": f"art{i}", "title": f"Story {i}", "published": _date(rng), "outlet": f"Outlet {i % 4}",
         "outlet_type": OUTLET_TYPES[i % 3], "language": "en", "categories": [], "text": "Text.", "n_sentences": 1,
         "source_key": f"k{i}", "origin": "test", "raw_sha256": "0" * 64, "ingested_at": now}
        for i in range(40)
    ]  # fmt: skip
    actors = [
        {"actor_id": a, "name": f"Actor {a}", "kind": "person", "country": "IRN", "aliases": [], "roles": [],
         "mentions": 1}
        for a in ACTORS if a
    ]  # fmt: skip
    events = []
    for i in range(n_events):
        code = rng.choice(["010", "042", "057", "111", "141", "190"])
        place = rng.choice(PLACES) if rng.random() < 0.4 else None
        src = rng.choice(COUNTRIES)
        tgt = src if rng.random() < 0.15 else rng.choice(COUNTRIES)  # both sides the same country
        events.append(
            {"event_id": f"ev{i:05d}", "article_id": f"art{rng.randrange(40)}", "sentence_index": 0, "sentence": "S.",
             "span_start": 0, "span_end": 1, "stage": "test", "reported_by": [], "trigger": "t",
             # two events recall 1896: they stretch the axis (weeks coarsen to months) and ``core`` cuts them
             "date": "1896-05-02" if i in (5, 6) else _date(rng),
             "date_precision": "day", "source_actor_id": rng.choice(ACTORS), "source_name": "s", "source_country": src,
             "target_actor_id": rng.choice(ACTORS), "target_name": "t", "target_country": tgt, "cameo_code": code,
             "cameo_root": code[:2], "quad_class": int(code[0]) % 4 + 1, "goldstein": rng.choice([-10.0, -2.0, 1.9, 3.4, 7.0]),
             "plover_type": rng.choice(["CONSULT", "ASSAULT", None]),
             "location_name": place[0] if place else None, "location_country": place[1] if place else None,
             "location_lat": place[2] if place else None, "location_lon": place[3] if place else None,
             "negated": False, "hypothetical": False, "confidence": 0.8}
        )  # fmt: skip
    with store.engine.begin() as conn:
        conn.execute(insert(schema.articles), articles)
        conn.execute(insert(schema.actors), actors)
        conn.execute(insert(schema.events), events)


@pytest.fixture()
def store(ledger_url: str) -> Iterator[SQLStore]:
    found = SQLStore(ledger_url)
    _fill(found)
    yield found
    found.close()


# ----------------------------------------------------------------- direct answers from the rows


def _rows(store: SQLStore) -> list[dict[str, Any]]:
    e, a = schema.events, schema.articles
    query = select(e, a.c.outlet, a.c.outlet_type).select_from(e.join(a, a.c.article_id == e.c.article_id))
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def _selected(row: dict[str, Any], f: Filters) -> bool:
    if f.country and f.country not in (row["source_country"], row["target_country"]):
        return False
    if f.actor and f.actor not in (row["source_actor_id"], row["target_actor_id"]):
        return False
    if f.root and row["cameo_root"] != f.root:
        return False
    if f.outlet_type and row["outlet_type"] != f.outlet_type:
        return False
    return not (f.date_from and (row["date"] or "") < f.date_from)


def _key(row: dict[str, Any], group: str) -> str | None:
    if group == "dyad":
        s, t = row["source_country"], row["target_country"]
        return f"{s}-{t}" if s and t else None
    column = {"quad": "quad_class", "country": "source_country", "actor": "source_actor_id", "root": "cameo_root",
              "plover": "plover_type", "outlet_type": "outlet_type"}[group]  # fmt: skip
    return str(row[column]) if row[column] else None


def _direct_timeline(rows: list[dict[str, Any]], group: str, interval: str, top: int) -> dict[str, Any]:
    """The timeline without ``core``, counted row by row: per period and series, the top series by
    events and the rest as "other"."""
    usable = [
        r for r in rows if _key(r, group) and len(r["date"] or "") >= (7 if interval == "month" else 10)
    ]
    dates = sorted({r["date"][: 7 if interval == "month" else 10] for r in usable})
    chosen = interval
    for coarser in ("day", "week", "month")[("day", "week", "month").index(interval) :]:
        ends = [p for p in (period_of(d, coarser) for d in dates[:1] + dates[-1:]) if p]
        chosen = coarser
        if len(ends) < 2 or _span(ends, coarser) <= MAX_PERIODS:
            break
    cells: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    for r in usable:
        period = period_of(r["date"], chosen)
        if period:
            cells[(period, _key(r, group) or "")] += 1
            totals[_key(r, group) or ""] += 1
    kept = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    present = sorted({p for p, _ in cells})
    axis = set(all_periods(present[0], present[-1], chosen)) if present else set()
    series: dict[str, dict[str, int]] = defaultdict(Counter)
    for (period, key), n in cells.items():
        if period in axis:  # "2021-02-30" has a day period, but no calendar day on the axis
            series[key if key in kept else "other"][period] += n
    return {"interval": chosen, "series": {k: dict(v) for k, v in series.items()}, "totals": dict(totals)}


def _span(ends: list[str], interval: str) -> int:
    if interval == "month":
        (y0, m0), (y1, m1) = ((int(p[:4]), int(p[5:7])) for p in ends)
        return (y1 - y0) * 12 + m1 - m0 + 1
    days = (dt.date.fromisoformat(ends[1]) - dt.date.fromisoformat(ends[0])).days
    return days // (7 if interval == "week" else 1) + 1


FILTERS = [
    Filters(),
    Filters(country="IRN"),
    Filters(country="SYR", root="19"),
    Filters(actor="a3"),
    Filters(country="USA", outlet_type="wire"),
    Filters(country="RUS", date_from="2020-01-01"),
]


@pytest.mark.parametrize(
    "f", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.active().items()) or "all"
)
def test_timeline_equals_the_events_counted_directly(store: SQLStore, f: Filters) -> None:
    rows = [r for r in _rows(store) if _selected(r, f)]
    for group in ("quad", "country", "dyad", "actor", "root", "outlet_type"):
        for interval in ("day", "week", "month"):
            built = store.timeline(f, group=group, interval=interval, top=3)
            direct = _direct_timeline(rows, group, interval, 3)
            assert built.interval == direct["interval"], (group, interval)
            got = {
                k: {p: n for p, n in zip(built.periods, v, strict=True) if n} for k, v in built.series.items()
            }
            assert got == direct["series"], (group, interval)
            assert {k: n for k, n in built.totals.items() if k != "other"} == {
                k: direct["totals"][k] for k in built.series if k != "other"
            }


@pytest.mark.parametrize("f", FILTERS[:3], ids=["all", "country", "country+root"])
def test_timeline_core_trims_the_same_events(store: SQLStore, f: Filters) -> None:
    """``core`` cuts the axis by the events per date: the kept series count exactly the events
    between the dates it reports."""
    rows = [r for r in _rows(store) if _selected(r, f) and _key(r, "actor") and len(r["date"] or "") >= 7]
    built = store.timeline(f, group="actor", interval="month", top=4, core=True)
    if f == Filters():
        assert built.trimmed and built.trimmed["before"] >= 2, "the 1896 events are left off"
    cut = built.trimmed or {"from": "", "to": "\uffff", "before": 0, "after": 0}
    inside = [r for r in rows if cut["from"] <= r["date"][:7] <= cut["to"]]
    assert sum(sum(v) for v in built.series.values()) == len(inside)
    assert cut["before"] + cut["after"] + len(inside) == len(rows)


@pytest.mark.parametrize(
    "f", FILTERS, ids=lambda f: ",".join(f"{k}={v}" for k, v in f.active().items()) or "all"
)
def test_facets_map_and_network_equal_direct_counts(store: SQLStore, f: Filters) -> None:
    rows = [r for r in _rows(store) if _selected(r, f)]
    facets = {
        facet.name: {v.value: v.count for v in facet.values} for facet in store.facets("events", f, size=50)
    }
    countries: Counter[str] = Counter()
    for r in rows:
        countries.update({c for c in (r["source_country"], r["target_country"]) if c})
    assert facets["country"] == dict(countries)
    assert facets["root"] == dict(Counter(r["cameo_root"] for r in rows))
    assert facets["outlet_type"] == dict(Counter(r["outlet_type"] for r in rows))

    found = store.map_points(f)
    places = Counter(
        (r["location_name"], r["location_country"]) for r in rows if r["location_lat"] is not None
    )
    assert {(p["name"], p["country"]): p["count"] for p in found["points"]} == dict(places)
    located = Counter(r["location_country"] for r in rows if r["location_country"])
    assert {c["country"]: c["count"] for c in found["countries"]} == dict(located)

    network = store.network(f, top_actors=50)
    pairs = Counter(
        (r["source_actor_id"], r["target_actor_id"])
        for r in rows
        if r["source_actor_id"] and r["target_actor_id"] and r["source_actor_id"] != r["target_actor_id"]
    )
    assert {(e["source"], e["target"]): e["count"] for e in network["edges"]} == dict(pairs)
