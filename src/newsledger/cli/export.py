"""`newsledger export`: records in the export contract's shape, in the chosen format."""

from __future__ import annotations

import itertools
import sys
from typing import Any

import typer

from ..errors import NewsledgerError
from ..filters import SPECS, Filters
from .common import DbOption, console, fail, open_ledger, say_nothing
from .filters import resolve_actors, with_filters

__all__ = ["export", "stdout_is_terminal"]


def _article_lookup(store: Any) -> Any:
    """Articles by id, each read once (GDELT and POLECAT rows carry their article's URL and outlet)."""
    from functools import lru_cache

    return lru_cache(maxsize=4096)(lambda article_id: store.get("articles", article_id))


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@with_filters(SPECS, kinds=True)
def export(
    kind: str = typer.Argument(
        ..., metavar="KIND", help="articles | actors | events | statements | contradictions"
    ),
    db: str | None = DbOption,
    fmt: str = typer.Option(
        "jsonl",
        "--format",
        "-f",
        metavar="FORMAT",
        help="jsonl | csv | parquet; for events also gexf (actor network for Gephi), geojson (events with "
        "a place), gdelt or polecat (TSV with those data sets' column names; docs/EXPORT_FORMATS.md).",
    ),
    out_file: str | None = typer.Option(
        None, "--out", "-o", metavar="FILE", help="Write to this file (stdout when absent; see --limit)."
    ),
    limit: int | None = typer.Option(
        None, "--limit", "-n", metavar="N", help="Export at most N records (needed to print to a terminal)."
    ),
    filters: Filters = Filters(),  # replaced by an option per filter: every kind's (see each help)
) -> None:
    """Export records in the shape docs/EXPORT_SCHEMA.md describes (the export contract)."""
    from ..export import write

    if out_file is None and limit is None and stdout_is_terminal():
        raise fail(NewsledgerError(
            f"export writes every matching record; to print to this terminal give --limit N, or write a file: "
            f"newsledger export {kind} --format {fmt} --out {kind}.{fmt}"
        ))  # fmt: skip
    store = open_ledger(db)
    f = resolve_actors(store, filters)
    try:
        records = store.iter_records(kind, f)
        chosen = itertools.islice(records, limit) if limit is not None else records
        n = write(kind, fmt, chosen, out_file, article_of=_article_lookup(store))
    except NewsledgerError as exc:
        raise fail(exc) from None
    if out_file:
        what = {"gexf": "actor-network edges", "geojson": f"{kind} with a place"}.get(fmt, kind)
        console.print(f"wrote {n} {what} to {out_file}")
    if n == 0:
        say_nothing(kind, f)
