"""Facets: how the records a listing selects spread over countries, actors, CAMEO roots, outlets,
outlet types and dates, each value with the filter that narrows the listing to it (as datasette
shows beside a table).

A facet counts what its filter would select, so that clicking a value lists exactly that many
records: the ``country`` filter of events matches the source or the target, so the country facet
counts an event once for each distinct country taking part in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, func, literal_column, select, union_all

from ..errors import StoreError
from . import schema
from .query import TABLES, Filters, where_clauses
from .search import text_clauses

#: The facets each listing offers, in the order they are shown.
FACETS: dict[str, tuple[str, ...]] = {
    "events": ("country", "actor", "root", "quad_class", "outlet", "outlet_type", "date"),
    "statements": ("country", "actor", "kind", "outlet", "outlet_type", "date"),
    "articles": ("outlet", "outlet_type", "date"),
}
#: For events, an actor or a country takes part as source or target; for statements, as speaker.
_PARTIES: dict[str, dict[str, tuple[str, ...]]] = {
    "events": {
        "country": ("source_country", "target_country"),
        "actor": ("source_actor_id", "target_actor_id"),
    },
    "statements": {"country": ("speaker_country",), "actor": ("speaker_actor_id",)},
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


def facets(
    engine: Engine, kind: str, filters: Filters, *, q: str | None = None, size: int = 10
) -> list[Facet]:
    """The facets of ``kind`` under ``filters`` and the free-text query ``q``: the ``size``
    commonest values of each, most records first."""
    if kind not in FACETS:
        raise StoreError(f"no facets for {kind!r}; facets exist for {', '.join(FACETS)}")
    table = TABLES[kind]
    where = [*where_clauses(kind, table, filters), *text_clauses(engine, kind, q)]
    out = []
    with engine.connect() as conn:
        for name in FACETS[kind]:
            if name == "date":
                out.append(_date_facet(conn, kind, where, size))
                continue
            query = _facet_query(kind, name, where).limit(size)
            values = [FacetValue(str(v), int(n), nm) for v, n, nm in conn.execute(query) if v is not None]
            out.append(Facet(name, name, values))
    return out


def _counted(query: Select[Any], value: Any, name: Any) -> Select[Any]:
    n = func.count().label("n")
    return query.add_columns(n, name).group_by(value).order_by(n.desc(), value)


def _facet_query(kind: str, name: str, where: list[ColumnElement[bool]]) -> Select[Any]:
    table = TABLES[kind]
    c = table.c
    if name in ("outlet", "outlet_type"):
        if kind == "articles":
            value = c[name]
            return _counted(select(value).where(*where, value.is_not(None)), value, literal_column("NULL"))
        # An alias: the outlet filters' EXISTS over ``articles`` must stay correlated to the record.
        article = schema.articles.alias("record_article")
        value = article.c[name]
        query = (
            select(value)
            .select_from(table.join(article, article.c.article_id == c.article_id))
            .where(*where, value.is_not(None))
        )
        return _counted(query, value, literal_column("NULL"))
    parties = _PARTIES.get(kind, {}).get(name)
    if parties is None:
        value = c[_COLUMNS[name]]
        return _counted(select(value).where(*where, value.is_not(None)), value, literal_column("NULL"))
    # One row per (record, distinct party): a record naming the same country twice counts once.
    parts = []
    for i, column in enumerate(parties):
        distinct = [c[column].is_distinct_from(c[prior]) for prior in parties[:i]]
        label = c[_NAMES[column]] if column in _NAMES else literal_column("NULL")
        parts.append(
            select(c[column].label("v"), label.label("nm")).where(*where, c[column].is_not(None), *distinct)
        )
    sub = union_all(*parts).subquery()
    return _counted(select(sub.c.v), sub.c.v, func.max(sub.c.nm))


def _date_facet(conn: Any, kind: str, where: list[ColumnElement[bool]], size: int) -> Facet:
    """Records per year, or per month when they all fall in one year; newest first."""
    table = TABLES[kind]
    date = table.c["published" if kind == "articles" else "date"]
    first, last = conn.execute(select(func.min(date), func.max(date)).where(*where)).one()
    if not first:
        return Facet("date", "date", [], "year")
    month = first[:4] == last[:4] and len(first) >= 7
    bucket = func.substr(date, 1, 7 if month else 4)
    n = func.count().label("n")
    query = (
        select(bucket.label("b"), n)
        .where(*where, date.is_not(None), func.length(date) >= (7 if month else 4))
        .group_by(bucket)
        .order_by(bucket.desc())
        .limit(size)
    )
    values = [FacetValue(str(b), int(k)) for b, k in conn.execute(query) if b]
    return Facet("date", "date", values, "month" if month else "year")


__all__ = ["FACETS", "Facet", "FacetValue", "facets"]
