"""The Typer application: the commands in the order `newsledger --help` lists them, and
:func:`main`, the `newsledger` entry point."""

from __future__ import annotations

import sys

import typer

from ..errors import NewsledgerError
from .common import EXIT_FATAL, console
from .evaluate import evaluate
from .export import export
from .ingest import ingest
from .listings import actors, articles, contradictions, events, statements
from .reading import errors, search, show, stats
from .resolve import resolve
from .serve import serve

__all__ = ["app", "main"]


app = typer.Typer(
    name="newsledger",
    help="Turn political news into a sourced ledger of who did what to whom, when and where, and who said so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: no "<bool>" after flags, and the CLI reference reads it as text
)


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


#: The commands, in the order `newsledger --help` and docs/CLI.md list them.
COMMANDS = (
    ingest,
    articles,
    actors,
    events,
    statements,
    contradictions,
    show,
    search,
    stats,
    errors,
    resolve,
    export,
    evaluate,
    serve,
)
for _command in COMMANDS:
    app.command()(_command)


def main() -> None:
    try:
        app()
    except NewsledgerError as exc:  # an error a user can act on: no traceback
        console.print(f"[bold red]error[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(EXIT_FATAL)
