"""What the commands share: the consoles, the common options, opening the ledger, checking
filters, failing with a message, and printing tables."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import typer
from rich import box
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
#: A text column is never cut narrower than this (a name of 5 letters and an ellipsis).
MIN_TEXT_WIDTH = 6


def print_table(title: str, columns: list[str], rows: list[list[Any]], *, width: int | None = None) -> None:
    """A table no wider than the terminal (``width``: the console's): one-line columns (ids,
    dates, codes) keep their width, the text columns share the rest and each cell is cut at a
    word boundary with an ellipsis, where folding broke words mid-word ("Telesc/ope")."""
    cells = [["" if v is None else str(v) for v in row] for row in rows]
    natural = [max([len(col), *(len(row[i]) for row in cells)]) for i, col in enumerate(columns)]
    fixed = [_one_line(col) for col in columns]
    for i, col in enumerate(columns):
        if col in KEY_COLUMNS:
            natural[i] = min(KEY_WIDTH, natural[i])
    total = width or out.width
    compact = sum(natural) + 3 * len(columns) + 1 > total  # the boxed table's borders and padding
    free = total - (2 * (len(columns) - 1) if compact else 3 * len(columns) + 1)
    shares = _text_widths(natural, fixed, free - sum(n for n, f in zip(natural, fixed, strict=True) if f))
    table = (
        Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True)
        if compact
        else Table(title=title)
    )
    for i, col in enumerate(columns):
        table.add_column(col, no_wrap=True, overflow="ellipsis", min_width=natural[i] if fixed[i] else None)
    for row in cells:  # cells are text from the articles: "[the Iranian government's]" is no rich markup
        table.add_row(*(Text(v if fixed[i] else shorten(v, shares[i])) for i, v in enumerate(row)))
    out.print(table)


def _one_line(col: str) -> bool:
    return col.endswith(ONE_LINE) or col in ONE_LINE or col in KEY_COLUMNS


def _text_widths(natural: list[int], fixed: list[bool], free: int) -> dict[int, int]:
    """The width of each text column: those narrower than an even share of ``free`` keep their
    width, the others split what is left (never under MIN_TEXT_WIDTH)."""
    wide = [i for i, f in enumerate(fixed) if not f]
    shares: dict[int, int] = {}
    while wide:
        even = max(MIN_TEXT_WIDTH, free // len(wide))
        narrow = [i for i in wide if natural[i] <= even]
        if not narrow:
            return shares | {i: even for i in wide}
        for i in narrow:
            shares[i] = natural[i]
            free -= natural[i]
        wide = [i for i in wide if i not in narrow]
    return shares


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
