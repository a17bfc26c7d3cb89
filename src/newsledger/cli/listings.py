"""The listing commands: `articles`, `actors`, `events`, `statements`, `contradictions`."""

from __future__ import annotations

from typing import Any

from ..cli_values import shorten
from ..filters import APPLIES, Filters
from .common import (
    NAME_WIDTH,
    TEXT_WIDTH,
    DbOption,
    JsonOption,
    LimitOption,
    actor_cell,
    open_ledger,
    print_listing,
    print_table,
)
from .filters import resolve_actors, with_filters

__all__ = ["actors", "articles", "contradictions", "events", "statements"]

#: A placeholder the decorator replaces: Typer sees the filters of APPLIES[kind] as options.
FILTERS = Filters()


def _listed(kind: str, db: str | None, filters: Filters, limit: int) -> tuple[list[dict[str, Any]], Filters]:
    """The first ``limit`` records of ``kind`` in the ledger that match ``filters`` (actor names
    resolved to ids), and the filters as resolved: what every listing command prints."""
    store = open_ledger(db)
    resolved = resolve_actors(store, filters)
    records, _ = store.page(kind, resolved, limit=limit)
    return records, resolved


@with_filters(APPLIES["articles"])
def articles(
    db: str | None = DbOption,
    limit: int = LimitOption,
    filters: Filters = FILTERS,
    as_json: bool = JsonOption,
) -> None:
    """List articles, newest first."""
    records, f = _listed("articles", db, filters, limit)
    if not print_listing("articles", records, f, as_json):
        print_table(
            "articles",
            ["article_id", "published", "outlet", "type", "title"],
            [[r["article_id"], r["published"], shorten(r["outlet"], NAME_WIDTH), r["outlet_type"],
              shorten(r["title"], TEXT_WIDTH)] for r in records],
        )  # fmt: skip


@with_filters(APPLIES["actors"])
def actors(
    db: str | None = DbOption,
    limit: int = LimitOption,
    filters: Filters = FILTERS,
    as_json: bool = JsonOption,
) -> None:
    """List actors, most mentioned first."""
    records, f = _listed("actors", db, filters, limit)
    if not print_listing("actors", records, f, as_json):
        print_table(
            "actors",
            ["actor_id", "name", "kind", "country", "sector", "code", "mentions", "roles"],
            [
                [r["actor_id"], shorten(r["name"], NAME_WIDTH), r["kind"], r["country"], r["sector"], r["cameo_code"],
                 r["mentions"], shorten("; ".join(x["title"] for x in r["roles"]), NAME_WIDTH)]
                for r in records
            ],
        )  # fmt: skip


@with_filters(APPLIES["events"])
def events(
    db: str | None = DbOption,
    limit: int = LimitOption,
    filters: Filters = FILTERS,
    as_json: bool = JsonOption,
) -> None:
    """List events (who did what to whom, when, where), newest first."""
    records, f = _listed("events", db, filters, limit)
    if not print_listing("events", records, f, as_json):
        _events_table(records)


def _events_table(records: list[dict[str, Any]]) -> None:
    """Events as a table; the place and flag columns only when some event has one (80 columns)."""
    columns = ["event_id", "date", "source", "code", "target"]
    rows = [
        [r["event_id"], r["date"], actor_cell(r["source"]), r["cameo_code"], actor_cell(r["target"])]
        for r in records
    ]
    if any(r["location"] for r in records):
        columns.append("where")
        for row, r in zip(rows, records, strict=True):
            row.append(shorten((r["location"] or {}).get("name"), NAME_WIDTH))
    if any(r["negated"] or r["hypothetical"] for r in records):
        columns.append("flags")
        for row, r in zip(rows, records, strict=True):
            row.append(" ".join(x for x in ("negated", "hypothetical") if r[x]))
    columns.append("trigger")
    for row, r in zip(rows, records, strict=True):
        row.append(r["trigger"])
    print_table("events", columns, rows)


@with_filters(APPLIES["statements"], aliases={"actor": ("--speaker",)})
def statements(
    db: str | None = DbOption,
    limit: int = LimitOption,
    filters: Filters = FILTERS,
    as_json: bool = JsonOption,
) -> None:
    """List statements (who said what), newest first."""
    records, f = _listed("statements", db, filters, limit)
    if not print_listing("statements", records, f, as_json):
        print_table(
            "statements",
            ["statement_id", "date", "speaker", "cue", "kind", "content"],
            [[r["statement_id"], r["date"], actor_cell(r["speaker"]) if r["speaker"] else shorten(r["speaker_text"], NAME_WIDTH),
              r["cue"], r["kind"], shorten(r["content"], TEXT_WIDTH)] for r in records],
        )  # fmt: skip


@with_filters(APPLIES["contradictions"])
def contradictions(
    db: str | None = DbOption,
    limit: int = LimitOption,
    filters: Filters = FILTERS,
    as_json: bool = JsonOption,
) -> None:
    """List contradictions: statements of one actor that conflict with each other or its actions."""
    records, f = _listed("contradictions", db, filters, limit)
    if not print_listing("contradictions", records, f, as_json):
        print_table(
            "contradictions",
            ["contradiction_id", "actor", "kind", "score", "explanation"],
            [[r["contradiction_id"], actor_cell(r["actor"]), r["kind"], f"{r['score']:.2f}",
              shorten(r["explanation"], TEXT_WIDTH)] for r in records],
        )  # fmt: skip
