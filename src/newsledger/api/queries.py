"""Read queries the web UI needs beyond :class:`~newsledger.store.sql.SQLStore`'s listings.

Everything here is SQLAlchemy Core over :mod:`newsledger.store.schema`, filtered with the same
:func:`~newsledger.store.query.where_clauses` as the store, and returns export-shaped records
(:func:`~newsledger.store.rows.to_export`) or small aggregate dicts.  All of it is read-only.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import pycountry
from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    case,
    func,
    select,
)

from ..errors import StoreError
from ..store import schema
from ..store.query import (
    ID_COLUMNS,
    TABLES,
    Filters,
    where_clauses,
)
from ..store.rows import to_export
from ..store.sql import SQLStore

T = TypeVar("T")

#: Largest page any list endpoint returns.
MAX_LIMIT = 500


class AggregateCache:
    """Remembers dashboard aggregates (stats, timeline, network, map) between requests.

    An entry is reused while the ledger's ingest runs are unchanged and for at most ``ttl``
    seconds, so a page over millions of events is computed once, not on every visit, and a
    finished ingest shows at once.
    """

    def __init__(self, store: SQLStore, *, ttl: float = 60.0, maxsize: int = 128) -> None:
        self.store = store
        self.ttl = ttl
        self.maxsize = maxsize
        self._data: OrderedDict[Hashable, tuple[Any, float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def version(self) -> Any:
        return self.store.ledger_version()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        version, now = self.version(), time.monotonic()
        with self._lock:
            hit = self._data.get(key)
            if hit and hit[0] == version and now - hit[1] < self.ttl:
                self._data.move_to_end(key)
                value: T = hit[2]
                return value
        value = compute()
        with self._lock:
            self._data[key] = (version, now, value)
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return value


# --------------------------------------------------------------------------- dashboard


def _events_where(filters: Filters) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = where_clauses("events", schema.events, filters)
    return clauses


def timeline(
    store: SQLStore,
    filters: Filters,
    *,
    interval: str = "week",
    group: str = "quad",
    top: int = 8,
) -> dict[str, Any]:
    """Events per period and group on a date axis (every period, empty ones as 0), the Goldstein
    mean per period, and the articles published per period for normalised series."""
    from ..store import timeline as tl

    article_filters = Filters(
        outlet=filters.outlet,
        outlet_type=filters.outlet_type,
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    built = tl.build(
        store.engine,
        _events_where(filters),
        group=group,
        interval=interval,
        top=top,
        article_where=where_clauses("articles", schema.articles, article_filters),
    )
    return {
        "interval": built.interval,
        "coarsened_from": built.coarsened_from,
        "group": built.group,
        "labels": built.periods,
        "series": built.series,
        "names": {k: _series_name(group, k, name) for k, name in built.names.items()},
        "totals": built.totals,
        "goldstein": built.goldstein,
        "articles": built.articles,
    }


def _series_name(group: str, key: str, name: str) -> str:
    """A series' label with its code's meaning: "04 Consult", "3 verbal conflict"."""
    from ..knowledge.cameo import QUAD_CLASSES, table

    if group == "quad" and key.isdigit():
        return f"{key} {QUAD_CLASSES.get(int(key), '')}".strip()
    if group == "root" and key in table():
        return f"{key} {table()[key].name}"
    return name


def timeline_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The timeline as rows (one per period and series): what its CSV download holds."""
    for i, period in enumerate(data["labels"]):
        articles = data["articles"][i]
        for key, counts in data["series"].items():
            n = counts[i]
            mean = data["goldstein"].get(key, [None] * len(data["labels"]))[i] if key != "other" else None
            yield {
                "period_start": period,
                "interval": data["interval"],
                "group": data["group"],
                "series": key,
                "name": data["names"].get(key, key),
                "events": n,
                "articles_published": articles,
                "events_per_1000_articles": round(1000 * n / articles, 3) if articles else None,
                "goldstein_mean": mean,
            }


def latest_contradictions(store: SQLStore, *, limit: int = 10) -> list[dict[str, Any]]:
    """Contradictions of the most recently published articles first, with the article title."""
    c, a = schema.contradictions, schema.articles
    query = (
        select(c, a.c.title.label("article_title"), a.c.published.label("article_published"))
        .select_from(c.outerjoin(a, a.c.article_id == c.c.article_id))
        .order_by(a.c.published.desc().nulls_last(), c.c.score.desc(), c.c.contradiction_id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        found = list(conn.execute(query).mappings())
    return [
        to_export("contradictions", dict(r))
        | {"article_title": r["article_title"], "article_published": r["article_published"]}
        for r in found
    ]


# --------------------------------------------------------------------------- network


def network(
    store: SQLStore, filters: Filters, *, limit: int = 300, min_count: int = 1, top_actors: int = 150
) -> dict[str, Any]:
    """Actors as nodes, source→target event counts as edges with their mean Goldstein score.

    Unless the filters name an actor, the graph is drawn among the ``top_actors`` most active
    actors (as source or target, under the same filters): a picture of the main players that
    stays fast on millions of events, since each step runs over an index.
    """
    e = schema.events.c
    clauses = [
        *_events_where(filters),
        e.source_actor_id.is_not(None),
        e.target_actor_id.is_not(None),
        e.source_actor_id != e.target_actor_id,
    ]
    with store.engine.connect() as conn:
        if not (filters.actor or filters.source or filters.target):
            activity: dict[str, int] = defaultdict(int)
            for col in (e.source_actor_id, e.target_actor_id):
                for aid, k in conn.execute(
                    select(col, func.count()).where(*_events_where(filters), col.is_not(None)).group_by(col)
                ):
                    activity[aid] += int(k)
            top = sorted(activity, key=lambda a: (-activity[a], a))[:top_actors]
            clauses += [e.source_actor_id.in_(top), e.target_actor_id.in_(top)]
        n = func.count().label("n")
        query = (
            select(
                e.source_actor_id,
                func.max(e.source_name).label("source_name"),
                e.target_actor_id,
                func.max(e.target_name).label("target_name"),
                n,
                func.avg(e.goldstein).label("goldstein"),
                func.sum(case((e.quad_class >= 3, 1), else_=0)).label("conflict"),
            )
            .where(*clauses)
            .group_by(e.source_actor_id, e.target_actor_id)
            .having(func.count() >= min_count)
            .order_by(n.desc(), e.source_actor_id, e.target_actor_id)
            .limit(limit)
        )
        edges: list[dict[str, Any]] = []
        nodes: dict[str, dict[str, Any]] = {}
        for row in conn.execute(query).mappings():
            edges.append(
                {
                    "source": row["source_actor_id"],
                    "target": row["target_actor_id"],
                    "count": int(row["n"]),
                    "goldstein": round(float(row["goldstein"] or 0.0), 2),
                    "conflict": int(row["conflict"] or 0),
                }
            )
            for key, name in (("source", "source_name"), ("target", "target_name")):
                aid = row[f"{key}_actor_id"]
                node = nodes.setdefault(aid, {"actor_id": aid, "name": row[name] or aid, "events": 0})
                node["events"] += int(row["n"])
        if nodes:
            a = schema.actors.c
            for aid, kind, country in conn.execute(
                select(a.actor_id, a.kind, a.country).where(a.actor_id.in_(list(nodes)))
            ):
                nodes[aid] |= {"kind": kind, "country": country}
    return {"nodes": list(nodes.values()), "edges": edges}


def neighbours(store: SQLStore, actor_id: str, *, limit: int = 25) -> list[dict[str, Any]]:
    """Actors this actor acts on or is acted on by, with counts each way and mean Goldstein."""
    e = schema.events.c
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for mine, other, other_name, direction in (
            (e.source_actor_id, e.target_actor_id, e.target_name, "as_source"),
            (e.target_actor_id, e.source_actor_id, e.source_name, "as_target"),
        ):
            query = (
                select(other, func.max(other_name), func.count(), func.sum(e.goldstein))
                .where(mine == actor_id, other.is_not(None), other != actor_id)
                .group_by(other)
            )
            for aid, name, n, gold in conn.execute(query):
                entry = out.setdefault(
                    aid,
                    {"actor_id": aid, "name": name or aid, "as_source": 0, "as_target": 0, "_gold": 0.0},
                )
                entry[direction] += int(n)
                entry["_gold"] += float(gold or 0.0)
    result = []
    for entry in out.values():
        total = entry["as_source"] + entry["as_target"]
        gold = entry.pop("_gold")
        result.append(entry | {"count": total, "goldstein": round(gold / total, 2) if total else 0.0})
    result.sort(key=lambda r: (-r["count"], r["name"]))
    return result[:limit]


# --------------------------------------------------------------------------- map


def _numeric(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return str(country.numeric) if country else None


def map_points(store: SQLStore, filters: Filters, *, limit: int = 2000) -> dict[str, Any]:
    """Event places with coordinates (counted) and events per country (ISO numeric ids, as world-atlas)."""
    e = schema.events.c
    n = func.count().label("n")
    points_q = (
        select(
            e.location_name,
            e.location_country,
            e.location_lat,
            e.location_lon,
            n,
            func.avg(e.goldstein).label("goldstein"),
        )
        .where(*_events_where(filters), e.location_lat.is_not(None), e.location_lon.is_not(None))
        .group_by(e.location_name, e.location_country, e.location_lat, e.location_lon)
        .order_by(n.desc())
        .limit(limit)
    )
    countries_q = (
        select(e.location_country, func.count())
        .where(*_events_where(filters), e.location_country.is_not(None))
        .group_by(e.location_country)
    )
    with store.engine.connect() as conn:
        points = [
            {
                "name": r["location_name"],
                "country": r["location_country"],
                "lat": float(r["location_lat"]),
                "lon": float(r["location_lon"]),
                "count": int(r["n"]),
                "goldstein": round(float(r["goldstein"] or 0.0), 2),
            }
            for r in conn.execute(points_q).mappings()
        ]
        countries = [
            {"country": c, "numeric": _numeric(c), "count": int(k)} for c, k in conn.execute(countries_q)
        ]
    return {"points": points, "countries": countries}


# --------------------------------------------------------------------------- actors and records


def actor_events(
    store: SQLStore, actor_id: str, role: str, *, limit: int = 25
) -> tuple[list[dict[str, Any]], str | None]:
    if role not in ("source", "target"):
        raise StoreError(f"unknown role {role!r}; use source or target")
    f = Filters(source=actor_id) if role == "source" else Filters(target=actor_id)
    page: tuple[list[dict[str, Any]], str | None] = store.page("events", f, limit=limit)
    return page


def records_by_ids(store: SQLStore, kind: str, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Several records of one kind by id, in one query."""
    if not ids:
        return {}
    table: Table = TABLES[kind]
    id_col = table.c[ID_COLUMNS[kind]]
    with store.engine.connect() as conn:
        found = conn.execute(select(table).where(id_col.in_(ids))).mappings()
        return {r[ID_COLUMNS[kind]]: to_export(kind, dict(r)) for r in found}


def articles_meta(store: SQLStore, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Title, date and outlet of several articles (no text), for table rows."""
    if not ids:
        return {}
    a = schema.articles.c
    query: Select[Any] = select(a.article_id, a.title, a.published, a.outlet, a.outlet_type).where(
        a.article_id.in_(set(ids))
    )
    with store.engine.connect() as conn:
        return {r["article_id"]: dict(r) for r in conn.execute(query).mappings()}


def outlets(store: SQLStore) -> list[str]:
    a = schema.articles.c
    query = select(a.outlet).where(a.outlet.is_not(None), a.duplicate_of.is_(None)).distinct().limit(500)
    with store.engine.connect() as conn:
        return sorted(o for o in conn.scalars(query) if o)


__all__ = [
    "AggregateCache",
    "MAX_LIMIT",
    "actor_events",
    "articles_meta",
    "latest_contradictions",
    "map_points",
    "neighbours",
    "network",
    "outlets",
    "records_by_ids",
    "timeline",
]
