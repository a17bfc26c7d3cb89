"""Filters, sorting and cursor pagination shared by the CLI listings, the export and the API."""

from __future__ import annotations

import base64
import json
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, Text, and_, exists, or_, select, union_all

from ..errors import StoreError
from ..filters import APPLIES as APPLIES  # the filters are defined in newsledger.filters
from ..filters import FILTER_HELP as FILTER_HELP
from ..filters import Filters as Filters
from . import schema

TABLES: dict[str, Table] = {
    "articles": schema.articles,
    "actors": schema.actors,
    "events": schema.events,
    "statements": schema.statements,
    "contradictions": schema.contradictions,
}
ID_COLUMNS = {
    "articles": "article_id",
    "actors": "actor_id",
    "events": "event_id",
    "statements": "statement_id",
    "contradictions": "contradiction_id",
}
#: The column each kind is sorted by by default (newest first), with its id as tie-break.
SORT_COLUMNS = {
    "articles": ("published", "title"),
    "actors": ("mentions", "name"),
    "events": ("date", "quad_class", "goldstein", "cameo_code", "confidence"),
    "statements": ("date", "kind"),
    "contradictions": ("score",),
}


def _has(table: Table, name: str) -> bool:
    return name in table.c


def _any_of(table: Table, names: tuple[str, ...], value: str) -> list[ColumnElement[bool]]:
    """One clause: ``value`` in any of the columns of ``names`` this table has (none: no clause)."""
    cols = [table.c[n] for n in names if _has(table, n)]
    return [or_(*(col == value for col in cols))] if cols else []


def _country_of(table: Table, value: str) -> list[ColumnElement[bool]]:
    """A country as source or target (events), speaker (statements) or the actor's own.  An
    event's target is compared as ``target_country || ''``, which no index answers: with the
    target's index (0009) SQLite read every event of the country through both indexes and sorted
    them (360 ms on 1,000,000 events) instead of walking the date index until a page is full
    (30 ms).  The aggregates read the two sides apart (:func:`branches`)."""
    if _has(table, "target_country"):
        c = table.c
        return [or_(c.source_country == value, c.target_country.concat("") == value)]
    return _any_of(table, ("speaker_country", "country"), value)


def where_clauses(kind: str, table: Table, f: Filters) -> list[ColumnElement[bool]]:
    c = table.c
    out: list[ColumnElement[bool]] = []
    if f.actor:
        out += _any_of(table, ("source_actor_id", "target_actor_id", "speaker_actor_id", "actor_id"), f.actor)
    if f.source and _has(table, "source_actor_id"):
        out.append(c.source_actor_id == f.source)
    if f.target and _has(table, "target_actor_id"):
        out.append(c.target_actor_id == f.target)
    if f.country:
        out += _country_of(table, f.country.upper())
    if f.cameo and _has(table, "cameo_code"):
        out.append(c.cameo_code.startswith(f.cameo))
    if f.root and _has(table, "cameo_root"):
        out.append(c.cameo_root == f.root.zfill(2))
    if f.plover_type and _has(table, "plover_type"):
        out.append(c.plover_type == f.plover_type.upper())
    if f.quad_class is not None and _has(table, "quad_class"):
        out.append(c.quad_class == f.quad_class)
    date_col = "published" if kind == "articles" else "date"
    if f.date_from and _has(table, date_col):
        out.append(c[date_col] >= f.date_from)
    if f.date_to and _has(table, date_col):
        # "2021-01" as an upper bound means the whole month: compare on the prefix.
        out.append(c[date_col] <= f.date_to + "\uffff")
    if f.reported_by and _has(table, "reported_by"):
        needle = json.dumps(f.reported_by)[1:-1]
        out.append(c.reported_by.cast(Text).contains(f'"{needle}"'))
    if f.article_id and _has(table, "article_id") and kind != "articles":
        out.append(c.article_id == f.article_id)
    if f.kind and _has(table, "kind"):
        out.append(c.kind == f.kind)
    out += outlet_clauses(kind, table, f)
    if kind == "articles" and not f.duplicates:
        out.append(c.duplicate_of.is_(None))
    return out


def branches(kind: str, table: Table, f: Filters) -> list[list[ColumnElement[bool]]]:
    """The records ``where_clauses`` selects, as disjoint lists of clauses whose union is the same
    set.  Events filtered by country become two: the source is the country, or only the target
    is.  An aggregate sums over the branches (UNION ALL) and each branch walks an index led by its
    own country column (0009), where ``source = X OR target = X`` read every event of the ledger."""
    if not f.country or kind != "events":
        return [where_clauses(kind, table, f)]
    rest = where_clauses(kind, table, replace(f, country=None))
    code, c = f.country.upper(), table.c
    return [
        [*rest, c.source_country == code],
        [*rest, c.target_country == code, or_(c.source_country != code, c.source_country.is_(None))],
    ]


def matching(
    kind: str, filters: Filters, columns: list[Any], *extra: ColumnElement[bool], source: Any = None
) -> Any:
    """The ``columns`` of the records the filters select (and ``extra``), as a subquery that
    aggregates read: the union of the filters' :func:`branches` (one branch: a plain select,
    which SQLite flattens into the aggregate)."""
    selects: list[Select[Any]] = branch_selects(kind, filters, columns, *extra, source=source)
    if len(selects) == 1:
        return selects[0].subquery("matching")
    return union_all(*selects).subquery("matching")


def branch_selects(
    kind: str, filters: Filters, columns: list[Any], *extra: ColumnElement[bool], source: Any = None
) -> list[Select[Any]]:
    """One select of ``columns`` per branch of the filters (:func:`branches`): an aggregate that
    adds up (counts, sums) runs on each and adds the answers, each read walking its own index
    in order, where a GROUP BY over their union sorted every row again."""
    table = TABLES[kind]
    return [
        select(*columns).select_from(table if source is None else source).where(*where, *extra)
        for where in branches(kind, table, filters)
    ]


def outlet_clauses(kind: str, table: Table, f: Filters) -> list[ColumnElement[bool]]:
    """Outlet filters: an article by its own outlet, a record of an article (event, statement,
    contradiction) by the outlet of the article it comes from ("events reported by state
    media"); actors have no outlet."""
    if not (f.outlet or f.outlet_type) or kind == "actors" or not _has(table, "article_id"):
        return []
    a = schema.articles.c
    if kind == "articles":
        found = [a.outlet == f.outlet] if f.outlet else []
        return found + ([a.outlet_type == f.outlet_type] if f.outlet_type else [])
    # A correlated EXISTS lets SQLite keep walking the date index (newest first) and stop after
    # one page; "article_id IN (…)" made it collect every event of those articles, then sort.
    match = exists().where(a.article_id == table.c.article_id)
    if f.outlet:
        match = match.where(a.outlet == f.outlet)
    if f.outlet_type:
        match = match.where(a.outlet_type == f.outlet_type)
    return [match]


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded))
    except ValueError as exc:
        raise StoreError(f"invalid cursor {cursor!r}; pass the next_cursor of a previous page") from exc
    if not isinstance(values, list) or len(values) != 2:
        raise StoreError(f"invalid cursor {cursor!r}; pass the next_cursor of a previous page")
    return values


def keyset_after(sort_col: Any, id_col: Any, values: list[Any], descending: bool) -> ColumnElement[bool]:
    """Rows strictly after the cursor in (sort, id) order; NULL sort values come last."""
    value, last_id = values
    if value is None:
        return and_(sort_col.is_(None), id_col > last_id if not descending else id_col < last_id)
    beyond = sort_col < value if descending else sort_col > value
    same = and_(sort_col == value, id_col < last_id if descending else id_col > last_id)
    return or_(beyond, same, sort_col.is_(None))
