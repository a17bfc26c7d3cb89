"""The `newsledger` command line (Typer + Rich)."""

from __future__ import annotations

import importlib
import json
import logging
import sys
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table

from .errors import NewsledgerError

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported by the commands that use it: worker
    from .store.query import Filters  # processes spawned by `ingest` re-import this module

app = typer.Typer(
    name="newsledger",
    help="Turn political news into a sourced ledger of who did what to whom, when and where, and who said so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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
    help="SQLAlchemy URL or SQLite path [default: sqlite:///newsledger.db]",
)
LimitOption = typer.Option(20, "--limit", "-n", help="How many records to show.")


def _store(db: str | None) -> Any:
    from .store import open_store

    return open_store(db)


def _fail(exc: Exception) -> typer.Exit:
    console.print(f"[bold red]error[/] {exc}", highlight=False, soft_wrap=True)
    return typer.Exit(EXIT_FATAL)


def _filters(**kwargs: Any) -> Filters:
    from .store.query import Filters

    return Filters(**{k: v for k, v in kwargs.items() if v is not None})


# --------------------------------------------------------------------------- ingest


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(
        ..., help="Files, folders (recursive), globs, or - for stdin (.html .htm .txt .jsonl .jsonl.gz)."
    ),
    db: str | None = DbOption,
    workers: int = typer.Option(
        1, "--workers", "-w", help="Worker processes (local executor) or expected Dask workers."
    ),
    executor: str = typer.Option("local", "--executor", help="local | dask"),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 (default: a LocalCluster)."
    ),
    batch_size: int = typer.Option(32, "--batch-size", help="Articles per spaCy batch and per worker task."),
    actors: list[str] = typer.Option([], "--actors", help="YAML/JSON file of your own actors (repeatable)."),
    dictionaries: str | None = typer.Option(
        None, "--dictionaries", help="Folder of CAMEO/PETRARCH dictionaries (verbs, actors, agents)."
    ),
    outlets: str | None = typer.Option(
        None, "--outlets", help="YAML outlet registry added to the shipped one."
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
    config = PipelineConfig(
        actor_files=tuple(actors), dictionaries=dictionaries, outlet_registry=outlets, batch_size=batch_size
    )
    try:
        store = _store(db)
        ex = get_executor(executor, workers=workers, scheduler=scheduler)
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
        ("errors", summary.n_errors),
        ("seconds", f"{summary.seconds:.1f} ({rate:.1f} articles/s)"),
    ):
        table.add_row(label, str(value))
    console.print(table)
    for err in summary.errors[:20]:
        where = f"{err.origin}:{err.line}" if err.line else err.origin
        console.print(f"  [red]{err.code}[/] {where}: {err.message}", highlight=False, soft_wrap=True)
    if summary.n_errors > 20:
        console.print(f"  … and {summary.n_errors - 20} more: `newsledger errors`")


# --------------------------------------------------------------------------- listings


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    table = Table(title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    out.print(table)


def _actor(ref: dict[str, Any] | None) -> str:
    if not ref:
        return "—"
    code = ref.get("cameo_code") or ref.get("country") or ""
    return f"{ref['name']} ({code})" if code else str(ref["name"])


def _emit(records: list[dict[str, Any]], as_json: bool) -> bool:
    if as_json:
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
    return as_json


@app.command()
def articles(
    db: str | None = DbOption,
    limit: int = LimitOption,
    outlet: str | None = typer.Option(None, help="Outlet name."),
    outlet_type: str | None = typer.Option(
        None, help="wire | newspaper | broadcaster | state_media | advocacy | government | blog | unknown"
    ),
    date_from: str | None = typer.Option(None, "--from", help="Earliest publication date (ISO)."),
    date_to: str | None = typer.Option(None, "--to", help="Latest publication date (ISO)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON record per line."),
) -> None:
    """List articles, newest first."""
    f = _filters(outlet=outlet, outlet_type=outlet_type, date_from=date_from, date_to=date_to)
    records, _ = _store(db).page("articles", f, limit=limit)
    if not _emit(records, as_json):
        _table(
            "articles",
            ["article_id", "published", "outlet", "type", "title"],
            [[r["article_id"], r["published"], r["outlet"], r["outlet_type"], r["title"]] for r in records],
        )


@app.command()
def actors(
    db: str | None = DbOption,
    limit: int = LimitOption,
    country: str | None = typer.Option(None, help="ISO alpha-3 country code."),
    kind: str | None = typer.Option(None, help="person | organization | country | group"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List actors, most mentioned first."""
    records, _ = _store(db).page("actors", _filters(country=country, kind=kind), limit=limit)
    if not _emit(records, as_json):
        _table(
            "actors",
            ["actor_id", "name", "kind", "country", "sector", "code", "mentions", "roles"],
            [
                [r["actor_id"], r["name"], r["kind"], r["country"], r["sector"], r["cameo_code"], r["mentions"],
                 "; ".join(x["title"] for x in r["roles"])]
                for r in records
            ],
        )  # fmt: skip


@app.command()
def events(
    db: str | None = DbOption,
    limit: int = LimitOption,
    actor: str | None = typer.Option(None, help="actor_id as source or target."),
    country: str | None = typer.Option(None, help="Source or target country (ISO alpha-3)."),
    cameo: str | None = typer.Option(None, help="CAMEO code or prefix, e.g. 04 or 042."),
    plover_type: str | None = typer.Option(None, help="PLOVER event type, e.g. CONSULT."),
    quad_class: int | None = typer.Option(
        None, help="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."
    ),
    date_from: str | None = typer.Option(None, "--from"),
    date_to: str | None = typer.Option(None, "--to"),
    reported_by: str | None = typer.Option(None, help="Reporter actor_id or name."),
    article: str | None = typer.Option(None, help="Only this article."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List events (who did what to whom, when, where), newest first."""
    f = _filters(actor=actor, country=country, cameo=cameo, plover_type=plover_type, quad_class=quad_class,
                 date_from=date_from, date_to=date_to, reported_by=reported_by, article_id=article)  # fmt: skip
    records, _ = _store(db).page("events", f, limit=limit)
    if not _emit(records, as_json):
        _table(
            "events",
            ["date", "source", "code", "target", "where", "flags", "trigger"],
            [
                [
                    r["date"], _actor(r["source"]), f"{r['cameo_code']} {r['plover_type'] or ''}", _actor(r["target"]),
                    (r["location"] or {}).get("name"),
                    " ".join(x for x, on in (("negated", r["negated"]), ("hypothetical", r["hypothetical"])) if on),
                    r["trigger"],
                ]
                for r in records
            ],
        )  # fmt: skip


@app.command()
def statements(
    db: str | None = DbOption,
    limit: int = LimitOption,
    speaker: str | None = typer.Option(None, help="Speaker actor_id."),
    kind: str | None = typer.Option(None, help="direct | partial | indirect"),
    date_from: str | None = typer.Option(None, "--from"),
    date_to: str | None = typer.Option(None, "--to"),
    article: str | None = typer.Option(None, help="Only this article."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """List statements (who said what), newest first."""
    f = _filters(actor=speaker, kind=kind, date_from=date_from, date_to=date_to, article_id=article)
    records, _ = _store(db).page("statements", f, limit=limit)
    if not _emit(records, as_json):
        _table(
            "statements",
            ["date", "speaker", "cue", "kind", "medium", "content"],
            [[r["date"], _actor(r["speaker"]) if r["speaker"] else r["speaker_text"], r["cue"], r["kind"], r["medium"],
              r["content"][:200]] for r in records],
        )  # fmt: skip


@app.command()
def contradictions(
    db: str | None = DbOption, limit: int = LimitOption, as_json: bool = typer.Option(False, "--json")
) -> None:
    """List contradictions: statements of one actor that conflict with each other or its actions."""
    records, _ = _store(db).page("contradictions", None, limit=limit)
    if not _emit(records, as_json):
        _table(
            "contradictions",
            ["actor", "kind", "score", "explanation"],
            [[r["actor"]["name"], r["kind"], f"{r['score']:.2f}", r["explanation"]] for r in records],
        )


@app.command()
def show(article_id: str, db: str | None = DbOption, as_json: bool = typer.Option(False, "--json")) -> None:
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
    out.rule(article["title"])
    out.print(
        f"[bold]{article['outlet'] or article['site'] or 'unknown outlet'}[/] ({article['outlet_type']}) · "
        f"published {article['published']} · sha256 {raw.get('raw_sha256', '')[:16]}… · ingested {raw.get('ingested_at')}",
        highlight=False,
    )
    out.print(article["text"], highlight=False)
    actors_seen: dict[str, str] = {}
    for m in records["mentions"]:
        if m["actor_id"]:
            actors_seen.setdefault(m["actor_id"], m["text"])
    _table("events", ["date", "source", "code", "target", "where", "sentence"],
           [[e["date"], _actor(e["source"]), e["cameo_code"], _actor(e["target"]), (e["location"] or {}).get("name"),
             e["sentence"][:120]] for e in records["events"]])  # fmt: skip
    _table("statements", ["speaker", "cue", "kind", "content"],
           [[_actor(s["speaker"]) if s["speaker"] else s["speaker_text"], s["cue"], s["kind"], s["content"][:160]]
            for s in records["statements"]])  # fmt: skip
    if records["contradictions"]:
        _table("contradictions", ["actor", "explanation"],
               [[c["actor"]["name"], c["explanation"]] for c in records["contradictions"]])  # fmt: skip
    if records["framing"]:
        _table("loaded terms", ["term", "category"], [[t["text"], t["category"]] for t in records["framing"]])


@app.command()
def search(
    query: str,
    db: str | None = DbOption,
    limit: int = LimitOption,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Full-text search over articles and statements."""
    found = _store(db).search(query, limit=limit)
    if as_json:
        print(json.dumps(found, ensure_ascii=False))
        return
    _table(
        "articles",
        ["article_id", "published", "title"],
        [[a["article_id"], a["published"], a["title"]] for a in found["articles"]],
    )
    _table("statements", ["statement_id", "speaker", "content"],
           [[s["statement_id"], _actor(s["speaker"]), s["content"][:160]] for s in found["statements"]])  # fmt: skip


@app.command()
def stats(db: str | None = DbOption, as_json: bool = typer.Option(False, "--json")) -> None:
    """Counts of everything in the ledger."""
    figures = _store(db).stats()
    if as_json:
        print(json.dumps(figures))
        return
    _table("ledger", ["what", "count"], [[k, v] for k, v in figures.items()])


@app.command()
def errors(
    db: str | None = DbOption,
    run: str | None = typer.Option(None, help="Only this run id."),
    limit: int = typer.Option(100, "--limit", "-n"),
) -> None:
    """Inputs that were reported and skipped, with their file, line and what to do."""
    rows = _store(db).errors(run)[-limit:]
    _table("ingest errors", ["code", "where", "message"],
           [[e["code"], f"{e['origin']}:{e['line']}" if e["line"] else e["origin"], e["message"]] for e in rows])  # fmt: skip


# --------------------------------------------------------------------------- export


@app.command()
def export(
    kind: str = typer.Argument(..., help="articles | actors | events | statements | contradictions"),
    db: str | None = DbOption,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | csv | parquet"),
    out_file: str | None = typer.Option(None, "--out", "-o", help="Output file (stdout when absent)."),
    actor: str | None = typer.Option(None),
    country: str | None = typer.Option(None),
    cameo: str | None = typer.Option(None),
    date_from: str | None = typer.Option(None, "--from"),
    date_to: str | None = typer.Option(None, "--to"),
) -> None:
    """Export records as ../shared/EXPORT_SCHEMA.md describes."""
    from .export import write

    try:
        store = _store(db)
        records = store.iter_records(
            kind, _filters(actor=actor, country=country, cameo=cameo, date_from=date_from, date_to=date_to)
        )
        n = write(kind, fmt, records, out_file)
    except NewsledgerError as exc:
        raise _fail(exc) from None
    if out_file:
        console.print(f"wrote {n} {kind} to {out_file}")


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
        None, "--dictionaries", help="CAMEO/PETRARCH dictionary folder (events, actors)."
    ),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N gold records."),
    part: str | None = typer.Option(
        None,
        "--part",
        help="dev, check or all (default): the records of the deterministic dev/check split "
        "(ledger, codebook, events, statements).",
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
