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

from sqlalchemy import Engine, select, union_all

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
    commonest values of each, most records first.  One pass over the matching records' facet
    columns, the newest :data:`SCAN` of them when more match (each facet then says so)."""
    if kind not in FACETS:
        raise StoreError(f"no facets for {kind!r}; facets exist for {', '.join(FACETS)}")
    columns, rows = _scan(engine, kind, filters, q)
    partial = SCAN if len(rows) >= SCAN else None
    out = []
    for name in FACETS[kind]:
        if name == "date":
            facet = _date_facet(rows, columns.index("date"), size)
        else:
            found = _count(kind, name, rows, columns)
            top = sorted(found.items(), key=lambda kv: (-kv[1], str(kv[0])))[:size]
            facet = Facet(name, name, [FacetValue(str(v), n) for v, n in top])
        out.append(replace(facet, partial=partial))
    return _name_actors(engine, kind, out)


#: At most this many matching records are read for facets (in the list's order, newest first);
#: past it the counts describe the first SCAN records, and each :class:`Facet` says so (``partial``), so that
#: a facet stays fast on millions of events and never claims more than it counted.
SCAN = 30_000


def _scan(engine: Engine, kind: str, filters: Filters, q: str | None) -> tuple[list[str], list[Any]]:
    """The facet columns of the newest SCAN matching records (as tuples), their outlet joined in,
    and the columns' names: one query.  Each branch of the filters (``query.branches``) takes its
    newest SCAN over its own index, the union keeps the newest SCAN of those, and only then is the
    outlet looked up: the join ran for every record the date index walked past."""
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
        select(*chosen).where(*where, *text_clauses(engine, kind, q)).order_by(newest(first)).limit(SCAN)
        for where in branches(kind, table, filters)
    ]
    inner = parts[0] if len(parts) == 1 else union_all(*(select(p.subquery()) for p in parts))
    found = inner.subquery("found")
    columns: list[Any] = [c for name, c in found.c.items() if name != "record_article_id"]
    source: Any = found
    if "record_article_id" in found.c:
        article = schema.articles.alias("record_article")
        columns += [article.c.outlet, article.c.outlet_type]
        source = found.outerjoin(article, article.c.article_id == found.c.record_article_id)
    query = select(*columns).select_from(source)
    if len(parts) > 1:  # the branches are events by country: the newest SCAN of their union
        query = query.order_by(newest(found.c.date)).limit(SCAN)
    with engine.connect() as conn:
        result = conn.execute(query)
        return list(result.keys()), list(result.all())


def _count(kind: str, name: str, rows: list[Any], columns: list[str]) -> Counter[Any]:
    parties = _PARTIES.get(kind, {}).get(name)
    if parties is None:
        i = columns.index(_COLUMNS.get(name, name))
        found = Counter(r[i] for r in rows)
        found.pop(None, None)
        return found
    first = columns.index(parties[0])
    if len(parties) == 1:
        found = Counter(r[first] for r in rows)
    else:  # a party named on both sides counts once for the record
        second = columns.index(parties[1])
        found = Counter(r[first] for r in rows)
        found.update(r[second] for r in rows if r[second] != r[first])
    found.pop(None, None)
    return found


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


def _date_facet(rows: list[Any], i: int, size: int) -> Facet:
    """Records per year, or per month when they all fall in one year; newest first."""
    dates = [r[i] for r in rows if r[i] and r[i][:4].isdigit()]
    if not dates:
        return Facet("date", "date", [], "year")
    month = len({d[:4] for d in dates}) == 1 and any(len(d) >= 7 for d in dates)
    buckets = Counter(d[:7] for d in dates if len(d) >= 7) if month else Counter(d[:4] for d in dates)
    values = [FacetValue(b, n) for b, n in sorted(buckets.items(), reverse=True)[:size]]
    return Facet("date", "date", values, "month" if month else "year")


__all__ = ["FACETS", "SCAN", "Facet", "FacetValue", "facets"]
