"""`newsledger ingest`: read inputs, run the pipeline over them and store what it found."""

from __future__ import annotations

import logging
import os
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from .. import cli_values as checks
from ..config import ENV_CONFIG, ENV_WORKERS
from ..errors import NewsledgerError, shown_path
from .common import EXIT_INPUT_ERRORS, DbOption, console, fail, open_ledger

__all__ = ["ingest"]


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
        envvar=ENV_WORKERS,
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
        envvar=ENV_CONFIG,
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

    from ..executors import get_executor
    from ..pipeline import PipelineConfig
    from ..runner import ingest as run_ingest
    from ..runner import total_bytes

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    from ..config import load_options

    try:
        options = load_options(config_file, settings)
    except NewsledgerError as exc:
        raise fail(exc) from None
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
        raise fail(exc) from None
    store = open_ledger(db, create=True)
    try:
        ex = get_executor(executor, workers=workers or _default_workers(), scheduler=scheduler)
    except NewsledgerError as exc:
        raise fail(exc) from None
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
        raise fail(exc) from None
    finally:
        ex.close()
    from ..crosscheck import check_run

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


def _default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
