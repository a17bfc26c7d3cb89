"""Facets: how the records a listing selects spread over countries, actors, CAMEO roots, outlets,
outlet types and dates, each value with the filter that narrows the listing to it (as datasette
shows beside a table).

A facet counts what its filter would select, so that clicking a value lists exactly that many
records: the ``country`` filter of events matches the source or the target, so the country facet
counts an event once for each distinct country taking part in it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Engine, Integer, String, func, literal, literal_column, null, or_, select, union_all

from ..errors import StoreError
from . import schema
from .query import SORT_COLUMNS, TABLES, Filters, branches
from .search import text_clauses

#: The facets each listing offers, in the order they are shown.
FACETS: dict[str, tuple[str, ...]] = {
    "events": ("country", "actor", "root", "quad_class", "outlet", "outlet_type", "date"),
    "statements": ("country", "actor", "kind", "outlet", "outlet_type", "date"),
    "articles": ("outlet", "outlet_type", "date"),
    "actors": ("country", "kind"),
    "contradictions": ("actor", "kind", "outlet", "outlet_type"),
}
#: For events, an actor or a country takes part as source or target; for statements, as speaker.
_PARTIES: dict[str, dict[str, tuple[str, ...]]] = {
    "events": {
        "country": ("source_country", "target_country"),
        "actor": ("source_actor_id", "target_actor_id"),
    },
    "statements": {"country": ("speaker_country",), "actor": ("speaker_actor_id",)},
    "actors": {"country": ("country",)},
    "contradictions": {"actor": ("actor_id",)},
}
_NAMES = {
    "source_actor_id": "source_name",
    "target_actor_id": "target_name",
    "speaker_actor_id": "speaker_name",
}
_COLUMNS = {"root": "cameo_root", "quad_class": "quad_class", "kind": "kind"}


@dataclass(frozen=True)
class FacetValue:
    value: str
    count: int
    name: str | None = None  # an actor's name; other values are their own label


@dataclass(frozen=True)
class Facet:
    name: str
    filter: str  # the Filters field a value sets ("date": date_from and date_to)
    values: list[FacetValue]
    bucket: str | None = None  # "year" or "month" for the date facet
    partial: int | None = None  # counted over only the newest ``partial`` matching records


def facets(
    engine: Engine, kind: str, filters: Filters, *, q: str | None = None, size: int = 10
) -> list[Facet]:
    """The facets of ``kind`` under ``filters`` and the free-text query ``q``: the ``size``
    commonest values of each, most records first.  Counted over the matching records, the newest
    :data:`SCAN` of them when more match (each facet then says so)."""
    if kind not in FACETS:
        raise StoreError(f"no facets for {kind!r}; facets exist for {', '.join(FACETS)}")
    counts = _counts(engine, kind, filters, q)
    partial = SCAN if counts.pop(("rows", None, None), 0) >= SCAN else None
    out = []
    for name in FACETS[kind]:
        if name == "date":
            facet = _date_facet(counts, size)
        else:
            found: Counter[str] = Counter()
            for (facet_name, value, second), n in counts.items():
                if facet_name == name and value is not None:
                    found[value] += n
                elif name == "outlet_type" and facet_name == "outlet" and second is not None:
                    found[second] += n  # counted with the outlet, by (outlet, outlet type)
            top = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
            facet = Facet(name, name, [FacetValue(v, n) for v, n in top])
        out.append(replace(facet, partial=partial))
    return _name_actors(engine, kind, out)


#: At most this many matching records are read for facets (in the list's order, newest first);
#: past it the counts describe the first SCAN records, and each :class:`Facet` says so (``partial``), so that
#: a facet stays fast on millions of events and never claims more than it counted.
SCAN = 30_000


def _found(engine: Engine, kind: str, filters: Filters, q: str | None) -> Any:
    """The newest SCAN matching records' facet columns, as a materialised CTE.  Each branch of the
    filters (``query.branches``) takes its newest SCAN over its own index and the union keeps the
    newest SCAN of those."""
    table = TABLES[kind]
    # The list's own order (newest first; actors by mentions, contradictions by score).
    first = table.c[
        {"articles": "published", "events": "date", "statements": "date"}.get(kind, SORT_COLUMNS[kind][0])
    ]
    chosen: list[Any] = [first.label("date")] if "date" in FACETS[kind] else []
    if kind == "articles":
        chosen += [table.c.outlet, table.c.outlet_type]
    elif "outlet" in FACETS[kind]:
        chosen.append(table.c.article_id.label("record_article_id"))
    chosen += [table.c[c] for columns in _PARTIES.get(kind, {}).values() for c in columns]
    chosen += [table.c[_COLUMNS[n]] for n in FACETS[kind] if n in _COLUMNS]
    postgres = engine.dialect.name == "postgresql"

    def newest(column: Any) -> Any:
        return column.desc().nulls_last() if postgres else column.desc()

    parts = [
        select(*chosen).where(*where, *text_clauses(engine, kind, q))
        for where in branches(kind, table, filters)
    ]
    if len(parts) == 1:
        return parts[0].order_by(newest(first)).limit(SCAN).cte("found").prefix_with("MATERIALIZED")
    if postgres:
        # Each branch newest first over its own index (0015) and cut at SCAN: PostgreSQL then
        # merges them in order (Merge Append); ordered only as a whole, it read both branches
        # whole and sorted them (a country of 1,000,000 events: 200-360 -> 37 ms).
        parts = [p.order_by(newest(first)).limit(SCAN) for p in parts]
    # Ordered as a whole, SQLite merges the branches, each walked newest first over its index,
    # and stops at SCAN (ordered apart and then together, it sorted 60,000 rows: 65 ms).
    merged = union_all(*parts).order_by(newest(literal_column("date"))).limit(SCAN)
    return merged.cte("found").prefix_with("MATERIALIZED")


def _counts(
    engine: Engine, kind: str, filters: Filters, q: str | None
) -> dict[tuple[str, str | None, str | None], int]:
    """Records per (facet, value, second value) among the found records, in one query: a GROUP BY
    per facet over the CTE, so that only the counts leave the database (30,000 rows carried into
    Python cost more than the query).  ``("rows", None, None)`` is the number of records found."""
    found = _found(engine, kind, filters, q)
    c = found.c
    none = null().cast(String)

    def part(name: str, value: Any, second: Any = none, *where: Any, source: Any = found) -> Any:
        keys = [value, second] if second is not none else [value]
        return (
            select(literal(name).label("facet"), value.cast(String), second.cast(String), func.count())
            .select_from(source)
            .where(*where)
            .group_by(*keys)
        )

    parts = [select(literal("rows"), none, none, func.count()).select_from(found)]
    if "date" in c:
        parts.append(part("date", func.substr(c.date, 1, 7), none, c.date.is_not(None)))
    if "record_article_id" in c:
        parts.append(_outlets(found, postgres=engine.dialect.name == "postgresql"))
    elif "outlet" in c:
        parts.append(part("outlet", c.outlet, c.outlet_type))
    for name, columns in _PARTIES.get(kind, {}).items():
        first = c[columns[0]]
        parts.append(part(name, first))
        if len(columns) == 2:  # a party named on both sides counts once for the record
            second = c[columns[1]]
            parts.append(part(name, second, none, or_(first.is_(None), second != first)))
    parts += [part(n, c[_COLUMNS[n]]) for n in FACETS[kind] if n in _COLUMNS]
    counts: Counter[tuple[str, str | None, str | None]] = Counter()
    with engine.connect() as conn:
        for f, v, w, n in conn.execute(union_all(*parts)):
            counts[(f, v, w)] += int(
                n
            )  # a party's source and target parts add up (PostgreSQL: sums are numeric)
    return dict(counts)


def _outlets(found: Any, *, postgres: bool) -> Any:
    """Found records per (outlet, outlet type) of their article.  SQLite: records per article
    first, then one lookup per article (not one per record: a third fewer lookups on 30,000
    events, ~30 ms).  PostgreSQL: the records joined to the articles as they are; grouped first,
    it expected 200 articles and looked 15,000 up one by one (100 ms) instead of hashing."""
    c = found.c
    article = schema.articles.alias("record_article")
    if postgres:
        return (
            select(
                literal("outlet"),
                article.c.outlet.cast(String),
                article.c.outlet_type.cast(String),
                func.count(),
            )
            .select_from(found.join(article, article.c.article_id == c.record_article_id))
            .group_by(article.c.outlet, article.c.outlet_type)
        )
    per_article = (
        select(c.record_article_id.label("aid"), func.count().label("n"))
        .group_by(c.record_article_id)
        .subquery("per_article")
    )
    return (
        select(
            literal("outlet"),
            article.c.outlet.cast(String),
            article.c.outlet_type.cast(String),
            func.sum(per_article.c.n).cast(Integer),
        )
        .select_from(per_article.join(article, article.c.article_id == per_article.c.aid))
        .group_by(article.c.outlet, article.c.outlet_type)
    )


def _name_actors(engine: Engine, kind: str, found: list[Facet]) -> list[Facet]:
    """The actor facet's values with the actors' names (one lookup of the shown ids)."""
    out = []
    for facet in found:
        if facet.name == "actor" and facet.values:
            a = schema.actors.c
            with engine.connect() as conn:
                ids = [v.value for v in facet.values]
                names = {i: n for i, n in conn.execute(select(a.actor_id, a.name).where(a.actor_id.in_(ids)))}
            facet = replace(facet, values=[replace(v, name=names.get(v.value)) for v in facet.values])
        out.append(facet)
    return out


def _date_facet(counts: dict[tuple[str, str | None, str | None], int], size: int) -> Facet:
    """Records per year, or per month when they all fall in one year; newest first.  ``counts``
    holds records per date cut to its first seven characters."""
    dates = {v: n for (f, v, _), n in counts.items() if f == "date" and v and v[:4].isdigit()}
    if not dates:
        return Facet("date", "date", [], "year")
    month = len({d[:4] for d in dates}) == 1 and any(len(d) >= 7 for d in dates)
    buckets: Counter[str] = Counter()
    for d, n in dates.items():
        if not month:
            buckets[d[:4]] += n
        elif len(d) >= 7:
            buckets[d] += n
    values = [FacetValue(b, n) for b, n in sorted(buckets.items(), reverse=True)[:size]]
    return Facet("date", "date", values, "month" if month else "year")


__all__ = ["FACETS", "SCAN", "Facet", "FacetValue", "facets"]
