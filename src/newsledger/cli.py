"""The `newsledger` command line (Typer + Rich)."""

from __future__ import annotations

import importlib
import itertools
import json
import logging
import os
import sys
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import cli_values as checks
from .cli_values import shorten
from .errors import NewsledgerError, shown_path

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported by the commands that use it: worker
    from .store.query import Filters  # processes spawned by `ingest` re-import this module

app = typer.Typer(
    name="newsledger",
    help="Turn political news into a sourced ledger of who did what to whom, when and where, and who said so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: no "<bool>" after flags, and the CLI reference reads it as text
)
console = Console(stderr=True)
out = Console()

#: Exit codes: 0 ok, 1 a fatal error (nothing or not all was done), 3 the run finished but some
#: inputs were reported and skipped (see `newsledger errors`).
EXIT_FATAL, EXIT_INPUT_ERRORS = 1, 3

DbOption = typer.Option(
    None,
    "--db",
    envvar="NEWSLEDGER_DB",
    metavar="URL",
    help="The ledger: a SQLite file or a SQLAlchemy URL (sqlite:///ledger.db, "
    "postgresql+psycopg://user@host/db). Default: newsledger.db in the current folder.",
)
LimitOption = typer.Option(20, "--limit", "-n", metavar="N", help="How many records to show.")
JsonOption = typer.Option(False, "--json", help="Print one JSON record per line instead of a table.")
FromOption = typer.Option(
    None, "--from", metavar="DATE", help="Earliest date, ISO: 2021-01-27, 2021-01 or 2021 (inclusive)."
)
ToOption = typer.Option(
    None, "--to", metavar="DATE", help="Latest date, ISO (inclusive: 2021-01 means to the end of January)."
)
CountryHelp = "ISO 3166 alpha-3 country code, e.g. IRN (a name is answered with its code)."


def _version_callback(show: bool) -> None:
    if show:
        from importlib.metadata import version

        print(f"newsledger {version('newsledger')}")
        raise typer.Exit()


@app.callback()
def _main(
    _version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Turn political news into a sourced ledger of who did what to whom, when and where, and who said so."""


def _store(db: str | None, *, create: bool = False) -> Any:
    """The ledger at ``db``; only ``create`` (ingest) may start a new SQLite file."""
    from .store import open_store

    try:
        if not create:
            checks.check_ledger_exists(db)
        return open_store(db)
    except NewsledgerError as exc:
        raise _fail(exc) from None


def _fail(exc: Exception) -> typer.Exit:
    console.print(f"[bold red]error[/] {exc}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_FATAL)


def _filters(store: Any = None, **kwargs: Any) -> Filters:
    """Filters from the options given, each value checked: a value the ledger cannot match is an
    error that names the right one, not an empty table."""
    from .store.query import Filters

    try:
        kwargs["country"] = checks.country_code(kwargs.get("country"))
        kwargs["date_from"] = checks.iso_date(kwargs.get("date_from"), "--from")
        kwargs["date_to"] = checks.iso_date(kwargs.get("date_to"), "--to")
        for name, option in (("actor", "--actor"), ("source", "--source"), ("target", "--target")):
            if kwargs.get(name) is not None and store is not None:
                kwargs[name] = checks.actor_id(store.engine, kwargs[name], option)
    except NewsledgerError as exc:
        raise _fail(exc) from None
    return Filters(**{k: v for k, v in kwargs.items() if v is not None})


def _default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# --------------------------------------------------------------------------- ingest


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(
        ...,
        metavar="INPUTS...",
        help="Files, folders (recursive), globs, or - for stdin (.html .htm .txt .jsonl .jsonl.gz).",
    ),
    db: str | None = DbOption,
    workers: int = typer.Option(
        0,
        "--workers",
        "-w",
        metavar="N",
        envvar="NEWSLEDGER_WORKERS",
        help="Worker processes (local executor) or expected Dask workers; 0 (the default) uses every "
        "core this process may run on, 1 runs in this process (best for a few articles).",
    ),
    executor: str = typer.Option(
        "local", "--executor", metavar="NAME", help="local (processes on this machine) or dask."
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address, e.g. tcp://host:8786 (default: a LocalCluster).",
    ),
    batch_size: int = typer.Option(
        32, "--batch-size", metavar="N", help="Articles per spaCy batch and per worker task."
    ),
    actors: list[str] = typer.Option(
        [], "--actors", metavar="FILE", help="YAML/JSON file of your own actors (repeatable)."
    ),
    dictionaries: str | None = typer.Option(
        None,
        "--dictionaries",
        metavar="DIR",
        help="Folder of CAMEO/PETRARCH dictionaries (verbs, actors, agents) instead of the shipped "
        "Phoenix ones; 'none' for none.",
    ),
    outlets: str | None = typer.Option(
        None, "--outlets", metavar="FILE", help="YAML outlet registry added to the shipped one."
    ),
    config_file: str | None = typer.Option(
        None,
        "--config",
        metavar="FILE",
        envvar="NEWSLEDGER_CONFIG",
        help="TOML or YAML file of stage options (see README, Configuration).",
    ),
    settings: list[str] = typer.Option(
        [],
        "--set",
        metavar="NAME=VALUE",
        help="A stage option, e.g. --set require_dyad=true (repeatable; wins over --config and "
        "NEWSLEDGER_<NAME> variables).",
    ),
    across: bool = typer.Option(
        False,
        "--across/--no-across",
        help="After the run, look for contradictions across articles for the voices of this run "
        "(off by default: on Wikinews its precision is still low, see the README).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each error as it happens."),
) -> None:
    """Ingest articles into the ledger: extract, analyse, store. Re-ingesting is a no-op."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    from .executors import get_executor
    from .pipeline import PipelineConfig
    from .runner import ingest as run_ingest
    from .runner import total_bytes

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    from .config import load_options

    try:
        options = load_options(config_file, settings)
    except NewsledgerError as exc:
        raise _fail(exc) from None
    config = PipelineConfig(
        actor_files=tuple(actors),
        dictionaries=dictionaries,
        outlet_registry=outlets,
        batch_size=batch_size,
        options=options,
    )
    try:
        checks.check_inputs_exist(inputs)
    except NewsledgerError as exc:
        raise _fail(exc) from None
    store = _store(db, create=True)
    try:
        ex = get_executor(executor, workers=workers or _default_workers(), scheduler=scheduler)
    except NewsledgerError as exc:
        raise _fail(exc) from None
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[articles]} articles"),
        TimeElapsedColumn(),
        console=console,
        disable=quiet,
    )
    total = total_bytes(inputs) or None
    try:
        with progress:
            task = progress.add_task("ingest", total=total, articles=0)
            summary = run_ingest(
                inputs,
                store=store,
                executor=ex,
                config=config,
                progress=lambda nbytes, n: progress.update(task, completed=nbytes, articles=n),
            )
    except NewsledgerError as exc:
        raise _fail(exc) from None
    finally:
        ex.close()
    from .crosscheck import check_run

    summary_across = check_run(store, summary.run_id) if across and summary.articles else 0
    _print_summary(summary, summary_across)
    if summary.n_errors:
        raise typer.Exit(EXIT_INPUT_ERRORS)


def _print_summary(summary: Any, across: int = 0) -> None:
    rate = summary.articles / summary.seconds if summary.seconds else 0.0
    table = Table(title="ingest summary", show_header=False)
    for label, value in (
        ("articles", summary.articles),
        ("near-duplicates linked", summary.duplicates),
        ("already in the ledger", summary.skipped),
        ("events", summary.events),
        ("statements", summary.statements),
        ("contradictions across articles", across),
        ("cleaned of markup or entities", summary.cleaned),
        ("not analysed (not English)", sum(summary.not_analysed.values())),
        ("errors", summary.n_errors),
        ("seconds", f"{summary.seconds:.1f} ({rate:.1f} articles/s)"),
    ):
        table.add_row(label, str(value))
    console.print(table)
    if line := summary.not_analysed_line():
        console.print(f"  {line}", highlight=False)
    for err in summary.errors[:20]:
        where = f"{shown_path(err.origin)}:{err.line}" if err.line else shown_path(err.origin)
        console.print(
            f"  [red]{err.code}[/] {escape(f'{where}: {err.message}')}", highlight=False, soft_wrap=True
        )
    if summary.n_errors > 20:
        console.print(f"  … and {summary.n_errors - 20} more: `newsledger errors`")


# --------------------------------------------------------------------------- listings

#: Widths at which table cells are cut (at a word boundary, with an ellipsis).
NAME_WIDTH, TEXT_WIDTH = 40, 120


#: Columns kept on one line (ids and dates are copied, not read): other columns wrap.
ONE_LINE = ("_id", "date", "published", "code", "kind", "type", "count", "mentions", "score")


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title)
    for col in columns:
        keep = col.endswith(ONE_LINE) or col in ONE_LINE
        table.add_column(col, overflow="fold", no_wrap=keep, min_width=len(col) if keep else None)
    for row in rows:  # cells are text from the articles: "[the Iranian government's]" is no rich markup
        table.add_row(*(Text("" if v is None else str(v)) for v in row))
    out.print(table)


def _actor(ref: dict[str, Any] | None) -> str:
    if not ref:
        return "—"
    code = ref.get("cameo_code") or ref.get("country") or ""
    name = shorten(str(ref["name"]), NAME_WIDTH)
    return f"{name} ({code})" if code else name


def _nothing(kind: str, filters: Filters | None) -> None:
    """An empty listing says so, with the filters that matched nothing."""
    active = {k: v for k, v in (filters.active() if filters else {}).items() if k != "duplicates"}
    given = ", ".join(f"{k}={v}" for k, v in active.items())
    why = f" match {given}; try fewer or wider filters" if given else " in this ledger yet"
    console.print(f"no {kind}{why}", highlight=False, soft_wrap=True)


def _listing(kind: str, records: list[dict[str, Any]], filters: Filters | None, as_json: bool) -> bool:
    """Prints JSON lines or says that nothing matched; True when the caller has nothing left to do."""
    if as_json:
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
    if not records:
        _nothing(kind, filters)
    return as_json or not records


@app.command()
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
    store = _store(db)
    f = _filters(store, outlet=outlet, outlet_type=outlet_type, date_from=date_from, date_to=date_to)
    records, _ = store.page("articles", f, limit=limit)
    if not _listing("articles", records, f, as_json):
        _table(
            "articles",
            ["article_id", "published", "outlet", "type", "title"],
            [[r["article_id"], r["published"], shorten(r["outlet"], NAME_WIDTH), r["outlet_type"],
              shorten(r["title"], TEXT_WIDTH)] for r in records],
        )  # fmt: skip


@app.command()
def actors(
    db: str | None = DbOption,
    limit: int = LimitOption,
    country: str | None = typer.Option(None, metavar="CODE", help=CountryHelp),
    kind: str | None = typer.Option(None, metavar="KIND", help="person | organization | country | group"),
    as_json: bool = JsonOption,
) -> None:
    """List actors, most mentioned first."""
    store = _store(db)
    f = _filters(store, country=country, kind=kind)
    records, _ = store.page("actors", f, limit=limit)
    if not _listing("actors", records, f, as_json):
        _table(
            "actors",
            ["actor_id", "name", "kind", "country", "sector", "code", "mentions", "roles"],
            [
                [r["actor_id"], shorten(r["name"], NAME_WIDTH), r["kind"], r["country"], r["sector"], r["cameo_code"],
                 r["mentions"], shorten("; ".join(x["title"] for x in r["roles"]), NAME_WIDTH)]
                for r in records
            ],
        )  # fmt: skip


@app.command()
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
    store = _store(db)
    f = _filters(store, actor=actor, country=country, cameo=cameo, plover_type=plover_type, quad_class=quad_class,
                 date_from=date_from, date_to=date_to, reported_by=reported_by, article_id=article)  # fmt: skip
    records, _ = store.page("events", f, limit=limit)
    if not _listing("events", records, f, as_json):
        _events_table(records)


def _events_table(records: list[dict[str, Any]]) -> None:
    """Events as a table; the place and flag columns only when some event has one (80 columns)."""
    columns = ["event_id", "date", "source", "code", "target"]
    rows = [
        [r["event_id"], r["date"], _actor(r["source"]), r["cameo_code"], _actor(r["target"])] for r in records
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
    _table("events", columns, rows)


@app.command()
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
    store = _store(db)
    f = _filters(store, actor=speaker, kind=kind, date_from=date_from, date_to=date_to, article_id=article)
    records, _ = store.page("statements", f, limit=limit)
    if not _listing("statements", records, f, as_json):
        _table(
            "statements",
            ["statement_id", "date", "speaker", "cue", "kind", "content"],
            [[r["statement_id"], r["date"], _actor(r["speaker"]) if r["speaker"] else shorten(r["speaker_text"], NAME_WIDTH),
              r["cue"], r["kind"], shorten(r["content"], TEXT_WIDTH)] for r in records],
        )  # fmt: skip


@app.command()
def contradictions(db: str | None = DbOption, limit: int = LimitOption, as_json: bool = JsonOption) -> None:
    """List contradictions: statements of one actor that conflict with each other or its actions."""
    records, _ = _store(db).page("contradictions", None, limit=limit)
    if not _listing("contradictions", records, None, as_json):
        _table(
            "contradictions",
            ["contradiction_id", "actor", "kind", "score", "explanation"],
            [[r["contradiction_id"], _actor(r["actor"]), r["kind"], f"{r['score']:.2f}",
              shorten(r["explanation"], TEXT_WIDTH)] for r in records],
        )  # fmt: skip


@app.command()
def show(
    article_id: str = typer.Argument(
        ..., metavar="ARTICLE_ID", help="The article's id (`newsledger articles`)."
    ),
    db: str | None = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object: the article and its records."),
) -> None:
    """Show one article with its actors, events, statements and loaded terms."""
    store = _store(db)
    article = store.get("articles", article_id)
    if article is None:
        raise _fail(
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
    _table("events", ["event_id", "date", "source", "code", "target", "where", "sentence"],
           [[e["event_id"], e["date"], _actor(e["source"]), e["cameo_code"], _actor(e["target"]),
             (e["location"] or {}).get("name"), shorten(e["sentence"], TEXT_WIDTH)] for e in records["events"]])  # fmt: skip
    _table("statements", ["statement_id", "speaker", "cue", "kind", "content"],
           [[s["statement_id"], _actor(s["speaker"]) if s["speaker"] else s["speaker_text"], s["cue"], s["kind"],
             shorten(s["content"], TEXT_WIDTH)] for s in records["statements"]])  # fmt: skip
    if records["contradictions"]:
        _table("contradictions", ["actor", "explanation"],
               [[_actor(c["actor"]), shorten(c["explanation"], TEXT_WIDTH)] for c in records["contradictions"]])  # fmt: skip
    if records["framing"]:
        _table("loaded terms", ["term", "category"], [[t["text"], t["category"]] for t in records["framing"]])


@app.command()
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
    found = _store(db).search(query, limit=limit)
    if as_json:
        print(json.dumps(found, ensure_ascii=False))
        return
    if not found["articles"] and not found["statements"]:
        console.print(
            f"nothing matches {query!r}; try fewer words or a prefix such as negotiat*", highlight=False
        )
        return
    _table(
        "articles",
        ["article_id", "published", "title"],
        [[a["article_id"], a["published"], shorten(a["title"], TEXT_WIDTH)] for a in found["articles"]],
    )
    _table("statements", ["statement_id", "speaker", "content"],
           [[s["statement_id"], _actor(s["speaker"]) if s["speaker"] else s.get("speaker_text"),
             shorten(s["content"], TEXT_WIDTH)] for s in found["statements"]])  # fmt: skip


@app.command()
def stats(
    db: str | None = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object of counts."),
) -> None:
    """Counts of everything in the ledger."""
    figures = _store(db).stats()
    if as_json:
        print(json.dumps(figures))
        return
    _table("ledger", ["what", "count"], [[k, v] for k, v in figures.items()])


@app.command()
def errors(
    db: str | None = DbOption,
    run: str | None = typer.Option(None, metavar="RUN_ID", help="Only the errors of this run."),
    limit: int = typer.Option(
        100, "--limit", "-n", metavar="N", help="How many errors to show (the latest)."
    ),
) -> None:
    """Inputs that were reported and skipped, with their file, line and what to do."""
    rows = _store(db).errors(run)[-limit:]
    if not rows:
        console.print("no ingest errors" + (f" in run {run}" if run else " in this ledger"), highlight=False)
        return
    _table("ingest errors", ["code", "where", "message"],
           [[e["code"], f"{shown_path(e['origin'])}:{e['line']}" if e["line"] else shown_path(e["origin"]), e["message"]] for e in rows])  # fmt: skip


@app.command()
def resolve(
    name: str = typer.Argument(
        ..., metavar="NAME", help="A name as written: 'Hassan Rouhani', 'Kiev', 'ministers'."
    ),
    day: str | None = typer.Option(
        None, "--date", metavar="YYYY-MM-DD", help="The day to resolve the name on (roles are dated)."
    ),
    dictionaries: str | None = typer.Option(
        None,
        "--dictionaries",
        metavar="DIR",
        help="CAMEO/PETRARCH dictionary folder instead of the shipped Phoenix ones; 'none' for none.",
    ),
    actors: list[str] = typer.Option(
        [], "--actors", metavar="FILE", help="Your own actor YAML (repeatable)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """What a name resolves to on a date (code, country, sector, role) and which file and line say so."""
    from .knowledge.phoenix import actor_kb

    day = checks.iso_date(day, "--date")
    try:
        kb = actor_kb(actors, dictionaries)
    except NewsledgerError as exc:
        raise _fail(exc) from exc
    found = kb.resolve(name, day)
    agent = kb.agent(name)
    if found is not None:
        record: dict[str, Any] = found.as_dict()
    elif agent is not None:  # an agent word ("ministers"): the sector it gives
        record = {"name": name, "agent": agent.code, "prefix": agent.prefix, "said_by": agent.origin or None}
    else:
        console.print(f"{name!r} is not a name the knowledge base knows", highlight=False)
        raise typer.Exit(1)
    if as_json:
        print(json.dumps(record))
        return
    _table(
        f"{name} on {day or 'any day'}",
        ["field", "value"],
        [[k, "" if v is None else v] for k, v in record.items()],
    )


# --------------------------------------------------------------------------- export


def _article_lookup(store: Any) -> Any:
    """Articles by id, each read once (GDELT and POLECAT rows carry their article's URL and outlet)."""
    from functools import lru_cache

    return lru_cache(maxsize=4096)(lambda article_id: store.get("articles", article_id))


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@app.command()
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
    actor: str | None = typer.Option(
        None, metavar="ACTOR", help="Only records of this actor (actor_id or exact name)."
    ),
    country: str | None = typer.Option(None, metavar="CODE", help=CountryHelp),
    cameo: str | None = typer.Option(None, metavar="CODE", help="Events: CAMEO code or prefix, e.g. 04."),
    date_from: str | None = FromOption,
    date_to: str | None = ToOption,
) -> None:
    """Export records in the shape docs/EXPORT_SCHEMA.md describes (the export contract)."""
    from .export import write

    if out_file is None and limit is None and _stdout_is_terminal():
        raise _fail(NewsledgerError(
            f"export writes every matching record; to print to this terminal give --limit N, or write a file: "
            f"newsledger export {kind} --format {fmt} --out {kind}.{fmt}"
        ))  # fmt: skip
    store = _store(db)
    f = _filters(store, actor=actor, country=country, cameo=cameo, date_from=date_from, date_to=date_to)
    try:
        records = store.iter_records(kind, f)
        chosen = itertools.islice(records, limit) if limit is not None else records
        n = write(kind, fmt, chosen, out_file, article_of=_article_lookup(store))
    except NewsledgerError as exc:
        raise _fail(exc) from None
    if out_file:
        what = {"gexf": "actor-network edges", "geojson": f"{kind} with a place"}.get(fmt, kind)
        console.print(f"wrote {n} {what} to {out_file}")
    if n == 0:
        _nothing(kind, f)


# --------------------------------------------------------------------------- evaluate


EVALUATIONS = (
    "ledger",
    "codebook",
    "actors",
    "events",
    "statements",
    "dates",
    "places",
    "contradictions",
    "extraction",
)


@app.command()
def evaluate(
    name: str = typer.Argument(..., help=f"One of: {', '.join(EVALUATIONS)}"),
    gold: str | None = typer.Option(
        None,
        "--gold",
        help="Gold file (default: the one under NEWSLEDGER_DATA / ../shared/data); every record is scored.",
    ),
    dictionaries: str | None = typer.Option(
        None,
        "--dictionaries",
        help="CAMEO/PETRARCH dictionary folder (events, actors) instead of the shipped Phoenix ones; 'none' for none.",
    ),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N gold records."),
    part: str | None = typer.Option(
        None,
        "--part",
        help="dev, check or all (default): the records of the deterministic dev/check split "
        "(ledger, codebook, events, statements, dates).",
    ),
    errors: bool = typer.Option(
        False, "--errors", "--show-errors", help="List missed and spurious records of the dev part (ledger)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object of scores."),
) -> None:
    """Score an extractor on real gold data: precision / recall / F1 (or accuracy)."""
    if name not in EVALUATIONS:
        raise _fail(NewsledgerError(f"unknown evaluation {name!r}; choose one of {', '.join(EVALUATIONS)}"))
    try:
        module = importlib.import_module(f"newsledger.evaluate.{name}")
    except ModuleNotFoundError:
        raise _fail(NewsledgerError(f"evaluation {name!r} is not available in this build")) from None
    options: dict[str, Any] = {"dictionaries": dictionaries} if dictionaries else {}
    for flag, value, key in (("--part", part, "part"), ("--errors", errors or None, "errors")):
        if value is None:
            continue
        if key not in getattr(module, "OPTIONS", ()):
            raise _fail(NewsledgerError(f"evaluate {name} does not take {flag}"))
        options[key] = value
    try:
        report = module.evaluate(gold, limit=limit, **options)
    except NewsledgerError as exc:
        raise _fail(exc) from None
    if not report.metrics.get("n"):
        raise _fail(
            NewsledgerError(
                f"evaluate {name} scored n=0 records of {gold or 'the default gold file'}"
                f"{f' (part {part})' if part else ''}: check the file's format and the options"
            )
        )
    if as_json:
        print(report.to_json())
        return
    _print_report(report)


def _print_report(report: Any) -> None:
    def flat(prefix: str, value: Any) -> list[list[str]]:
        if isinstance(value, dict):
            return [row for k, v in value.items() for row in flat(f"{prefix}.{k}" if prefix else k, v)]
        return [[prefix, f"{value:.4f}" if isinstance(value, float) else str(value)]]

    _table(f"evaluate {report.name}", ["metric", "value"], flat("", report.metrics))
    if report.breakdown:
        keys = sorted({k for v in report.breakdown.values() for k in v})
        _table(
            "breakdown",
            ["", *keys],
            [[name, *(v.get(k, "") for k in keys)] for name, v in sorted(report.breakdown.items())],
        )
    for note in report.notes:
        console.print(f"note: {note}", highlight=False, markup=False)


# --------------------------------------------------------------------------- serve


@app.command()
def serve(
    db: str | None = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: str | None = typer.Option(
        None,
        "--token",
        envvar="NEWSLEDGER_TOKEN",
        help="Enables write endpoints (ingest) for requests bearing this token.",
    ),
) -> None:
    """Serve the web UI and the REST API (read-only unless started with --token)."""
    import uvicorn

    from .api.app import create_app

    try:
        application = create_app(db, token=token)
    except NewsledgerError as exc:
        raise _fail(exc) from None
    console.print(f"newsledger at http://{host}:{port}/  (API docs: /docs, OpenAPI: /openapi.json)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


def main() -> None:
    try:
        app()
    except NewsledgerError as exc:  # an error a user can act on: no traceback
        console.print(f"[bold red]error[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(EXIT_FATAL)


if __name__ == "__main__":
    main()
