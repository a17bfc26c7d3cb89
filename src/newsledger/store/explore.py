"""The reads behind the web explorer's aggregates and tables: timelines, the actor network, the
map, an article's neighbours and metadata.  A mixin of :class:`~newsledger.store.sql.SQLStore`, so
that the API asks the store (:class:`~newsledger.store.base.Store`) and holds no SQL itself.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pycountry
from sqlalchemy import Engine, Select, String, Table, case, func, or_, select

from . import schema
from .facets import Facet
from .query import ID_COLUMNS, TABLES, Filters, matching
from .rows import to_export
from .search import Hit
from .timeline import Timeline


def _numeric(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    country = pycountry.countries.get(alpha_3=alpha3.upper())
    return str(country.numeric) if country else None


class ExplorerReads:
    """Aggregates and lookups for the web UI, over ``self.engine``."""

    engine: Engine

    def timeline(
        self,
        filters: Filters,
        *,
        interval: str = "week",
        group: str = "quad",
        top: int = 8,
        core: bool = False,
    ) -> Timeline:
        """Events per period and group on a date axis (see :mod:`newsledger.store.timeline`)."""
        from . import timeline

        return timeline.build(self.engine, filters, group=group, interval=interval, top=top, core=core)

    def facets(self, kind: str, filters: Filters, *, q: str | None = None, size: int = 10) -> list[Facet]:
        """How the records of a listing spread over countries, actors, outlets, dates (facets.py)."""
        from . import facets

        return facets.facets(self.engine, kind, filters, q=q, size=size)

    def search_page(
        self, kind: str, q: str, *, limit: int = 20, offset: int = 0
    ) -> tuple[int, list[tuple[dict[str, Any], Hit]]]:
        """The number of ``kind`` records matching ``q`` (the search syntax of store/fts.py) and
        one page of them, best first, each with its hit (snippet, phrase match)."""
        from .search import search_page

        found = search_page(self.engine, kind, q, limit=limit, offset=offset)
        records = self.records_by_ids(kind, [h.record_id for h in found.hits])
        return found.total, [(records[h.record_id], h) for h in found.hits if h.record_id in records]

    def latest_contradictions(self, *, limit: int = 10) -> list[dict[str, Any]]:
        """Contradictions of the most recently published articles first, with the article title."""
        c, a = schema.contradictions, schema.articles
        query = (
            select(c, a.c.title.label("article_title"), a.c.published.label("article_published"))
            .select_from(c.outerjoin(a, a.c.article_id == c.c.article_id))
            .order_by(a.c.published.desc().nulls_last(), c.c.score.desc(), c.c.contradiction_id)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            found = list(conn.execute(query).mappings())
        return [
            to_export("contradictions", dict(r))
            | {"article_title": r["article_title"], "article_published": r["article_published"]}
            for r in found
        ]

    def network(
        self, filters: Filters, *, limit: int = 300, min_count: int = 1, top_actors: int = 150
    ) -> dict[str, Any]:
        """Actors as nodes, source→target event counts as edges with their mean Goldstein score.

        Unless the filters name an actor, the graph is drawn among the ``top_actors`` most active
        actors (as source or target, under the same filters): a picture of the main players that
        stays fast on millions of events, since each step runs over an index.
        """
        e = schema.events.c
        pair = [
            e.source_actor_id.is_not(None),
            e.target_actor_id.is_not(None),
            e.source_actor_id != e.target_actor_id,
        ]
        with self.engine.connect() as conn:
            if not (filters.actor or filters.source or filters.target):
                activity: dict[str, int] = defaultdict(int)
                for col in (e.source_actor_id, e.target_actor_id):
                    acting = matching("events", filters, [col], col.is_not(None))
                    for aid, k in conn.execute(
                        select(acting.c[col.name], func.count()).group_by(acting.c[col.name])
                    ):
                        activity[aid] += int(k)
                top = sorted(activity, key=lambda a: (-activity[a], a))[:top_actors]
                pair += [e.source_actor_id.in_(top), e.target_actor_id.in_(top)]
            m = matching(
                "events",
                filters,
                [
                    e.source_actor_id,
                    e.source_name,
                    e.target_actor_id,
                    e.target_name,
                    e.goldstein,
                    e.quad_class,
                ],
                *pair,
            ).c
            n = func.count().label("n")
            query = (
                select(
                    m.source_actor_id,
                    func.max(m.source_name).label("source_name"),
                    m.target_actor_id,
                    func.max(m.target_name).label("target_name"),
                    n,
                    func.avg(m.goldstein).label("goldstein"),
                    func.sum(case((m.quad_class >= 3, 1), else_=0)).label("conflict"),
                )
                .group_by(m.source_actor_id, m.target_actor_id)
                .having(func.count() >= min_count)
                .order_by(n.desc(), m.source_actor_id, m.target_actor_id)
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

    def dated_roles(self, country: str) -> list[dict[str, Any]]:
        """Roles held in ``country`` with a start date from a source ("President: George W. Bush",
        from the knowledge files and dictionaries that date them), titled with the holder's name.

        Only the people whose stored roles carry a start date are read: a country has hundreds of
        persons with undated roles read in text, and loading them all (with every alias) made a
        country's page the slowest of the explorer.  The roles column is JSON written by
        ``json.dumps``; a dated start is the text ``"start": "`` (or ``"start":"`` written
        compactly), while an undated one is ``"start": null``.
        """
        a = schema.actors.c
        text = func.coalesce(a.roles.cast(String), "")
        query = select(a.name, a.roles).where(
            a.country == country,
            a.kind == "person",
            or_(text.like('%"start": "%'), text.like('%"start":"%')),
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            {**role, "title": f"{role.get('title') or 'role'}: {name}"}
            for name, roles in sorted(rows, key=lambda r: r[0] or "")
            for role in roles or []
            if role.get("country") == country and role.get("start")
        ]

    def neighbours(self, actor_id: str, *, limit: int = 25) -> list[dict[str, Any]]:
        """Actors this actor acts on or is acted on by, with counts each way and mean Goldstein."""
        e = schema.events.c
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
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

    def map_points(self, filters: Filters, *, limit: int = 2000) -> dict[str, Any]:
        """Event places with coordinates (counted) and events per country (ISO numeric ids, as world-atlas)."""
        e = schema.events.c
        n = func.count().label("n")
        place = [e.location_name, e.location_country, e.location_lat, e.location_lon]
        located = matching(
            "events", filters, [*place, e.goldstein], e.location_lat.is_not(None), e.location_lon.is_not(None)
        )
        keys = [located.c[c.name] for c in place]
        points_q = (
            select(*keys, n, func.avg(located.c.goldstein).label("goldstein"))
            .group_by(*keys)
            .order_by(n.desc())
            .limit(limit)
        )
        in_country = matching("events", filters, [e.location_country], e.location_country.is_not(None))
        countries_q = select(in_country.c.location_country, func.count()).group_by(
            in_country.c.location_country
        )
        with self.engine.connect() as conn:
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

    def records_by_ids(self, kind: str, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Several records of one kind by id, in one query."""
        if not ids:
            return {}
        table: Table = TABLES[kind]
        id_col = table.c[ID_COLUMNS[kind]]
        with self.engine.connect() as conn:
            found = conn.execute(select(table).where(id_col.in_(ids))).mappings()
            return {r[ID_COLUMNS[kind]]: to_export(kind, dict(r)) for r in found}

    def articles_meta(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Title, date and outlet of several articles (no text), for table rows."""
        if not ids:
            return {}
        a = schema.articles.c
        query: Select[Any] = select(a.article_id, a.title, a.published, a.outlet, a.outlet_type).where(
            a.article_id.in_(set(ids))
        )
        with self.engine.connect() as conn:
            return {r["article_id"]: dict(r) for r in conn.execute(query).mappings()}

    def outlets(self) -> list[str]:
        a = schema.articles.c
        query = select(a.outlet).where(a.outlet.is_not(None), a.duplicate_of.is_(None)).distinct().limit(500)
        with self.engine.connect() as conn:
            return sorted(o for o in conn.scalars(query) if o)
