"""Reading the ledger beyond listings: `show` (one article), `search`, `stats`, `errors`."""

from __future__ import annotations

import json

import typer
from rich.text import Text

from ..cli_values import shorten
from ..errors import NewsledgerError, shown_path
from .common import (
    TEXT_WIDTH,
    DbOption,
    LimitOption,
    actor_cell,
    console,
    fail,
    open_ledger,
    out,
    print_table,
)

__all__ = ["errors", "search", "show", "stats"]


def show(
    article_id: str = typer.Argument(
        ..., metavar="ARTICLE_ID", help="The article's id (`newsledger articles`)."
    ),
    db: str | None = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object: the article and its records."),
) -> None:
    """Show one article with its actors, events, statements and loaded terms."""
    store = open_ledger(db)
    article = store.get("articles", article_id)
    if article is None:
        raise fail(
            NewsledgerError(f"no article {article_id!r} in the ledger; list ids with `newsledger articles`")
        )
    records = store.article_records(article_id)
    if as_json:
        print(json.dumps(article | records, ensure_ascii=False, default=str))
        return
    raw = store.raw_article(article_id) or {}
    out.rule(Text(article["title"]))
    out.print(
        f"[bold]{article['outlet'] or article['site'] or 'unknown outlet'}[/] ({article['outlet_type']}) · "
        f"published {article['published']} · sha256 {raw.get('raw_sha256', '')[:16]}… · ingested {raw.get('ingested_at')}",
        highlight=False,
    )
    out.print(article["text"], highlight=False, markup=False)  # the text's brackets are the text's
    if not article.get("analysed", True):
        out.print(f"not analysed: the article is in language {article['language']!r}", markup=False)
    print_table("events", ["event_id", "date", "source", "code", "target", "where", "sentence"],
           [[e["event_id"], e["date"], actor_cell(e["source"]), e["cameo_code"], actor_cell(e["target"]),
             (e["location"] or {}).get("name"), shorten(e["sentence"], TEXT_WIDTH)] for e in records["events"]])  # fmt: skip
    print_table("statements", ["statement_id", "speaker", "cue", "kind", "content"],
           [[s["statement_id"], actor_cell(s["speaker"]) if s["speaker"] else s["speaker_text"], s["cue"], s["kind"],
             shorten(s["content"], TEXT_WIDTH)] for s in records["statements"]])  # fmt: skip
    if records["contradictions"]:
        print_table("contradictions", ["actor", "explanation"],
               [[actor_cell(c["actor"]), shorten(c["explanation"], TEXT_WIDTH)] for c in records["contradictions"]])  # fmt: skip
    if records["framing"]:
        print_table(
            "loaded terms", ["term", "category"], [[t["text"], t["category"]] for t in records["framing"]]
        )


def search(
    query: str = typer.Argument(
        ..., metavar="QUERY", help='Words to find; "a phrase" in quotes, OR, NOT, and prefix* are understood.'
    ),
    db: str | None = DbOption,
    limit: int = LimitOption,
    as_json: bool = typer.Option(
        False, "--json", help="Print one JSON object with the articles and statements."
    ),
) -> None:
    """Full-text search over articles and statements."""
    found = open_ledger(db).search(query, limit=limit)
    if as_json:
        print(json.dumps(found, ensure_ascii=False))
        return
    if not found["articles"] and not found["statements"]:
        console.print(
            f"nothing matches {query!r}; try fewer words or a prefix such as negotiat*", highlight=False
        )
        return
    print_table(
        "articles",
        ["article_id", "published", "title"],
        [[a["article_id"], a["published"], shorten(a["title"], TEXT_WIDTH)] for a in found["articles"]],
    )
    print_table("statements", ["statement_id", "speaker", "content"],
           [[s["statement_id"], actor_cell(s["speaker"]) if s["speaker"] else s.get("speaker_text"),
             shorten(s["content"], TEXT_WIDTH)] for s in found["statements"]])  # fmt: skip


def stats(
    db: str | None = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object of counts."),
) -> None:
    """Counts of everything in the ledger."""
    figures = open_ledger(db).stats()
    if as_json:
        print(json.dumps(figures))
        return
    print_table("ledger", ["what", "value"], [[k, v] for k, v in figures.items()])


def errors(
    db: str | None = DbOption,
    run: str | None = typer.Option(None, metavar="RUN_ID", help="Only the errors of this run."),
    limit: int = typer.Option(
        100, "--limit", "-n", metavar="N", help="How many errors to show (the latest)."
    ),
) -> None:
    """Inputs that were reported and skipped, with their file, line and what to do."""
    rows = open_ledger(db).errors(run)[-limit:]
    if not rows:
        console.print("no ingest errors" + (f" in run {run}" if run else " in this ledger"), highlight=False)
        return
    print_table("ingest errors", ["code", "where", "message"],
           [[e["code"], f"{shown_path(e['origin'])}:{e['line']}" if e["line"] else shown_path(e["origin"]), e["message"]] for e in rows])  # fmt: skip
