"""`newsledger resolve`: what a name stands for on a day in the actor knowledge base."""

from __future__ import annotations

import json
from typing import Any

import typer

from .. import cli_values as checks
from ..errors import NewsledgerError
from .common import console, fail, print_table

__all__ = ["resolve"]


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
    from ..knowledge.phoenix import actor_kb

    day = checks.iso_date(day, "--date")
    try:
        kb = actor_kb(actors, dictionaries)
    except NewsledgerError as exc:
        raise fail(exc) from exc
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
    print_table(
        f"{name} on {day or 'any day'}",
        ["field", "value"],
        [[k, "" if v is None else v] for k, v in record.items()],
    )
