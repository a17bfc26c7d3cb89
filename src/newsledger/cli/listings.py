"""The listing commands: `articles`, `actors`, `events`, `statements`, `contradictions`."""

from __future__ import annotations

from typing import Any

import typer

from ..cli_values import shorten
from .common import (
    NAME_WIDTH,
    TEXT_WIDTH,
    CountryHelp,
    DbOption,
    FromOption,
    JsonOption,
    LimitOption,
    ToOption,
    actor_cell,
    filters_from,
    open_ledger,
    print_listing,
    print_table,
)

__all__ = ["actors", "articles", "contradictions", "events", "statements"]


def articles(
    db: str | None = DbOption,
    limit: int = LimitOption,
    outlet: str | None = typer.Option(
        None, metavar="NAME", help="Outlet name, as `newsledger articles` shows it."
    ),
    outlet_type: str | None = typer.Option(
        None,
        metavar="TYPE",
        help="wire | newspaper | broadcaster | state_media | advocacy | government | blog | unknown",
    ),
    date_from: str | None = FromOption,
    date_to: str | None = ToOption,
    as_json: bool = JsonOption,
) -> None:
    """List articles, newest first."""
    store = open_ledger(db)
    f = filters_from(store, outlet=outlet, outlet_type=outlet_type, date_from=date_from, date_to=date_to)
    records, _ = store.page("articles", f, limit=limit)
    if not print_listing("articles", records, f, as_json):
        print_table(
            "articles",
            ["article_id", "published", "outlet", "type", "title"],
            [[r["article_id"], r["published"], shorten(r["outlet"], NAME_WIDTH), r["outlet_type"],
              shorten(r["title"], TEXT_WIDTH)] for r in records],
        )  # fmt: skip


def actors(
    db: str | None = DbOption,
    limit: int = LimitOption,
    country: str | None = typer.Option(None, metavar="CODE", help=CountryHelp),
    kind: str | None = typer.Option(None, metavar="KIND", help="person | organization | country | group"),
    as_json: bool = JsonOption,
) -> None:
    """List actors, most mentioned first."""
    store = open_ledger(db)
    f = filters_from(store, country=country, kind=kind)
    records, _ = store.page("actors", f, limit=limit)
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


def events(
    db: str | None = DbOption,
    limit: int = LimitOption,
    actor: str | None = typer.Option(
        None,
        metavar="ACTOR",
        help="Source or target: an actor_id from `newsledger actors`, or its exact name.",
    ),
    country: str | None = typer.Option(None, metavar="CODE", help="Source or target country: " + CountryHelp),
    cameo: str | None = typer.Option(None, metavar="CODE", help="CAMEO code or prefix, e.g. 04 or 042."),
    plover_type: str | None = typer.Option(None, metavar="TYPE", help="PLOVER event type, e.g. CONSULT."),
    quad_class: int | None = typer.Option(
        None,
        metavar="1-4",
        help="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.",
    ),
    date_from: str | None = FromOption,
    date_to: str | None = ToOption,
    reported_by: str | None = typer.Option(
        None, metavar="ACTOR", help="Who the article attributes the event to: actor_id or name."
    ),
    article: str | None = typer.Option(None, metavar="ARTICLE_ID", help="Only the events of this article."),
    as_json: bool = JsonOption,
) -> None:
    """List events (who did what to whom, when, where), newest first."""
    store = open_ledger(db)
    f = filters_from(store, actor=actor, country=country, cameo=cameo, plover_type=plover_type, quad_class=quad_class,
                 date_from=date_from, date_to=date_to, reported_by=reported_by, article_id=article)  # fmt: skip
    records, _ = store.page("events", f, limit=limit)
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


def statements(
    db: str | None = DbOption,
    limit: int = LimitOption,
    speaker: str | None = typer.Option(
        None, metavar="ACTOR", help="Speaker: an actor_id from `newsledger actors`, or its exact name."
    ),
    kind: str | None = typer.Option(None, metavar="KIND", help="direct | partial | indirect"),
    date_from: str | None = FromOption,
    date_to: str | None = ToOption,
    article: str | None = typer.Option(
        None, metavar="ARTICLE_ID", help="Only the statements of this article."
    ),
    as_json: bool = JsonOption,
) -> None:
    """List statements (who said what), newest first."""
    store = open_ledger(db)
    f = filters_from(
        store, actor=speaker, kind=kind, date_from=date_from, date_to=date_to, article_id=article
    )
    records, _ = store.page("statements", f, limit=limit)
    if not print_listing("statements", records, f, as_json):
        print_table(
            "statements",
            ["statement_id", "date", "speaker", "cue", "kind", "content"],
            [[r["statement_id"], r["date"], actor_cell(r["speaker"]) if r["speaker"] else shorten(r["speaker_text"], NAME_WIDTH),
              r["cue"], r["kind"], shorten(r["content"], TEXT_WIDTH)] for r in records],
        )  # fmt: skip


def contradictions(db: str | None = DbOption, limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """List contradictions: statements of one actor that conflict with each other or its actions."""
    records, _ = open_ledger(db).page("contradictions", None, limit=limit)
    if not print_listing("contradictions", records, None, as_json):
        print_table(
            "contradictions",
            ["contradiction_id", "actor", "kind", "score", "explanation"],
            [[r["contradiction_id"], actor_cell(r["actor"]), r["kind"], f"{r['score']:.2f}",
              shorten(r["explanation"], TEXT_WIDTH)] for r in records],
        )  # fmt: skip
