"""The CLI's filter options, generated from the one definition in :mod:`newsledger.filters`.

A command declares a ``filters: Filters`` parameter and is decorated with ``@with_filters(names)``:
Typer then sees one option per filter named (option, metavar, help and range from the filter's
spec), and the command receives the Filters, each typed value checked ("Iran" is an error that
names IRN).  Actor names are resolved to ids by :func:`resolve_actors`, which needs the ledger.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import typer

from .. import cli_values as checks
from ..errors import NewsledgerError
from ..filters import SPECS, Filters, FilterSpec, check_value
from .common import fail

__all__ = ["cli_help", "filter_option", "resolve_actors", "with_filters"]

Command = TypeVar("Command", bound=Callable[..., Any])
#: The Python name of a filter's parameter ("filter_kind"), apart from the command's own
#: (export's KIND argument); the option itself is the spec's ("--kind").
PREFIX = "filter_"


def cli_help(spec: FilterSpec, *, kinds: bool = False) -> str:
    """The option's help: the filter's one description, what the CLI's check adds, and (for
    a command over every kind, as export) the kinds it applies to."""
    text = spec.help
    if kinds:
        text += f" [{', '.join(spec.applies)}]"
    return f"{text}; {spec.cli_note}" if spec.cli_note else text


def filter_option(
    spec: FilterSpec, aliases: tuple[str, ...] = (), *, kinds: bool = False
) -> inspect.Parameter:
    """The Typer option that sets one filter."""
    names = (spec.option, *aliases)
    if spec.type is bool:
        option: Any = typer.Option(False, *names, help=cli_help(spec, kinds=kinds))
        annotation: Any = bool
    else:
        low, high = spec.choices or (None, None)
        option = typer.Option(
            None, *names, metavar=spec.metavar, help=cli_help(spec, kinds=kinds), min=low, max=high
        )
        annotation = spec.type | None
    return inspect.Parameter(
        PREFIX + spec.name, inspect.Parameter.KEYWORD_ONLY, default=option, annotation=annotation
    )


def parse_filters(given: dict[str, Any]) -> Filters:
    """Filters from the option values, each typed value checked by its spec."""
    values: dict[str, Any] = {}
    for name, value in given.items():
        spec = SPECS[name]
        values[name] = check_value(spec, value) if isinstance(value, str) else value
    return Filters(**{k: v for k, v in values.items() if v is not None})


def with_filters(
    names: Iterable[str], *, aliases: dict[str, tuple[str, ...]] | None = None, kinds: bool = False
) -> Callable[[Command], Command]:
    """Replaces the command's ``filters`` parameter with one option per filter in ``names``."""
    chosen = tuple(names)

    def wrap(command: Command) -> Command:
        signature = inspect.signature(command, eval_str=True)
        options = [filter_option(SPECS[n], (aliases or {}).get(n, ()), kinds=kinds) for n in chosen]
        parameters: list[inspect.Parameter] = []
        for p in signature.parameters.values():
            parameters += options if p.name == "filters" else [p.replace(kind=inspect.Parameter.KEYWORD_ONLY)]

        @functools.wraps(command)
        def run(**given: Any) -> Any:
            try:
                filters = parse_filters({n: given.pop(PREFIX + n) for n in chosen})
            except NewsledgerError as exc:
                raise fail(exc) from None
            return command(filters=filters, **given)

        run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        return run  # type: ignore[return-value]

    return wrap


def resolve_actors(store: Any, filters: Filters) -> Filters:
    """The filters with each actor given by its exact name replaced by its id; an unknown actor
    is an error that lists actors with a similar name."""
    changes: dict[str, Any] = {}
    try:
        for name, spec in SPECS.items():
            value = getattr(filters, name)
            if spec.actor_ref and value is not None:
                changes[name] = checks.actor_id(store.engine, value, spec.option)
    except NewsledgerError as exc:
        raise fail(exc) from None
    return dataclasses.replace(filters, **changes)
