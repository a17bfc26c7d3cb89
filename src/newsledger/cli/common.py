"""What the commands share: the consoles, the common options, opening the ledger, checking
filters, failing with a message, and printing tables."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import cli_values as checks
from ..cli_values import shorten
from ..config import ENV_DB
from ..errors import NewsledgerError

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported by the commands that use it: worker
    from ..store.query import Filters  # processes spawned by `ingest` re-import the CLI

__all__ = [
    "EXIT_FATAL",
    "EXIT_INPUT_ERRORS",
    "NAME_WIDTH",
    "TEXT_WIDTH",
    "DbOption",
    "JsonOption",
    "LimitOption",
    "actor_cell",
    "console",
    "fail",
    "open_ledger",
    "out",
    "print_listing",
    "print_table",
    "say_nothing",
]


console = Console(stderr=True)
out = Console()

#: Exit codes: 0 ok, 1 a fatal error (nothing or not all was done), 3 the run finished but some
#: inputs were reported and skipped (see `newsledger errors`).
EXIT_FATAL, EXIT_INPUT_ERRORS = 1, 3

DbOption = typer.Option(
    None,
    "--db",
    envvar=ENV_DB,
    metavar="URL",
    help="The ledger: a SQLite file or a SQLAlchemy URL (sqlite:///ledger.db, "
    "postgresql+psycopg://user@host/db). Default: newsledger.db in the current folder.",
)
LimitOption = typer.Option(20, "--limit", "-n", metavar="N", help="How many records to show.")
JsonOption = typer.Option(False, "--json", help="Print one JSON record per line instead of a table.")


def open_ledger(db: str | None, *, create: bool = False) -> Any:
    """The ledger at ``db``; only ``create`` (ingest) may start a new SQLite file."""
    from ..store import open_store

    try:
        if not create:
            checks.check_ledger_exists(db)
        return open_store(db)
    except NewsledgerError as exc:
        raise fail(exc) from None


def fail(exc: Exception) -> typer.Exit:
    console.print(f"[bold red]error[/] {exc}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_FATAL)


#: Widths at which table cells are cut (at a word boundary, with an ellipsis).
NAME_WIDTH, TEXT_WIDTH = 40, 120


#: Columns kept on one line (ids and dates are copied, not read): other columns wrap.
ONE_LINE = ("_id", "date", "published", "code", "kind", "type", "count", "mentions", "score")
#: The key column of a key/value table (stats, evaluate, resolve): never narrower than its keys,
#: else a long value ("events_by_root": a dict) squeezes the keys to nothing.
KEY_COLUMNS, KEY_WIDTH = ("what", "metric", "field"), 40


def print_table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title)
    for i, col in enumerate(columns):
        keep = col.endswith(ONE_LINE) or col in ONE_LINE
        width = len(col) if keep else None
        if col in KEY_COLUMNS:
            keep, width = True, min(KEY_WIDTH, max([len(col), *(len(str(row[i])) for row in rows)]))
        table.add_column(col, overflow="fold", no_wrap=keep, min_width=width)
    for row in rows:  # cells are text from the articles: "[the Iranian government's]" is no rich markup
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    out.print(table)


def actor_cell(ref: dict[str, Any] | None) -> str:
    if not ref:
        return "—"
    code = ref.get("cameo_code") or ref.get("country") or ""
    name = shorten(str(ref["name"]), NAME_WIDTH)
    return f"{name} ({code})" if code else name


def say_nothing(kind: str, filters: Filters | None) -> None:
    """An empty listing says so, with the filters that matched nothing."""
    active = {k: v for k, v in (filters.active() if filters else {}).items() if k != "duplicates"}
    given = ", ".join(f"{k}={v}" for k, v in active.items())
    why = f" match {given}; try fewer or wider filters" if given else " in this ledger yet"
    console.print(f"no {kind}{why}", highlight=False, soft_wrap=True)


def print_listing(kind: str, records: list[dict[str, Any]], filters: Filters | None, as_json: bool) -> bool:
    """Prints JSON lines or says that nothing matched; True when the caller has nothing left to do."""
    if as_json:
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
    if not records:
        say_nothing(kind, filters)
    return as_json or not records
