"""`newsledger evaluate`: score an extractor against gold data."""

from __future__ import annotations

import importlib
from typing import Any

import typer

from ..errors import NewsledgerError
from .common import console, fail, print_table

__all__ = ["EVALUATIONS", "evaluate"]


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
        raise fail(NewsledgerError(f"unknown evaluation {name!r}; choose one of {', '.join(EVALUATIONS)}"))
    try:
        module = importlib.import_module(f"newsledger.evaluate.{name}")
    except ModuleNotFoundError as exc:  # the evaluation exists (EVALUATIONS): a dependency is missing
        raise fail(
            NewsledgerError(f"evaluation {name!r} needs the module {exc.name!r}, which is not installed")
        ) from None
    options: dict[str, Any] = {"dictionaries": dictionaries} if dictionaries else {}
    for flag, value, key in (("--part", part, "part"), ("--errors", errors or None, "errors")):
        if value is None:
            continue
        if key not in getattr(module, "OPTIONS", ()):
            raise fail(NewsledgerError(f"evaluate {name} does not take {flag}"))
        options[key] = value
    try:
        report = module.evaluate(gold, limit=limit, **options)
    except NewsledgerError as exc:
        raise fail(exc) from None
    if not report.metrics.get("n"):
        raise fail(
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

    print_table(f"evaluate {report.name}", ["metric", "value"], flat("", report.metrics))
    if report.breakdown:
        keys = sorted({k for v in report.breakdown.values() for k in v})
        print_table(
            "breakdown",
            ["", *keys],
            [[name, *(v.get(k, "") for k in keys)] for name, v in sorted(report.breakdown.items())],
        )
    for note in report.notes:
        console.print(f"note: {note}", highlight=False, markup=False)
