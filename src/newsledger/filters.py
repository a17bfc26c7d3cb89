"""The filters a user can name: the one definition that the store, the API, the CLI and the
export read (issue #13).

Each filter is a field of :class:`Filters` whose metadata is a :class:`FilterSpec`: its
description, the kinds of record it applies to, the CLI option that sets it and how a typed value
is checked, and its label in a web form.  The API's query parameters (``api/params.py``), the
CLI's options (``cli/filters.py``) and the list pages' filter forms (``api/pages.py``,
``web/templates/_filter_form.html``) are generated from these fields, and tests hold all three to
them.

This module imports nothing heavy (no SQLAlchemy): the CLI builds its options from it when it is
imported, also in the worker processes ``ingest`` spawns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, get_args

from . import cli_values
from .errors import UsageError
from .models import OUTLET_TYPES, ActorKind, ContradictionKind, StatementKind

__all__ = ["APPLIES", "FILTER_HELP", "KINDS", "SPECS", "FilterSpec", "Filters", "check_value"]

KINDS = ("articles", "actors", "events", "statements", "contradictions")
#: An ISO date at year, month or day precision; empty is "not filtered" (an HTML form's empty field).
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"


@dataclass(frozen=True)
class FilterSpec:
    """What one filter is, for every reader.  ``name`` and ``type`` are filled in from the field."""

    help: str  # the one description: the API documents it, the CLI's help starts with it
    applies: tuple[str, ...]  # the kinds of record it means something for (the store ignores the rest)
    option: str = ""  # the CLI option; default --name-with-dashes
    metavar: str = "TEXT"
    pattern: str | None = None  # a typed value must match it (API: 422; CLI: an error naming the option)
    max_length: int | None = None
    choices: tuple[int, int] | None = None  # an int's inclusive range
    check: Callable[[str, str], str | None] | None = None  # CLI and API: a near miss names the right value
    actor_ref: bool = False  # an actor_id; the CLI also takes the actor's exact name (needs the ledger)
    cli_note: str = ""  # what the CLI adds to ``help`` (the checks above)
    label: str = ""  # the web form's label; default: the name with spaces, capitalised
    placeholder: str = ""  # the web form's example value
    name: str = ""
    type: type = str

    @property
    def switch(self) -> bool:
        """An on/off filter (a checkbox in a form, a flag on the CLI)."""
        return self.type is bool


def _country(value: str, option: str) -> str | None:
    return cli_values.country_code(value)


def _spec(*applies: str, default: Any = None, **given: Any) -> Any:
    """A Filters field with its spec, applying to the kinds named."""
    return field(default=default, metadata={"spec": FilterSpec(applies=applies, **given)})


_ACTOR_NOTE = "or the actor's exact name"
_ACTOR_PLACEHOLDER = "name or id"


def _one_of(kinds: Any) -> str:
    return " | ".join(get_args(kinds))


@dataclass(frozen=True)
class Filters:
    """Every filter a user can name; ``None`` means "not filtered"."""

    actor: str | None = _spec(
        "actors",
        "events",
        "statements",
        "contradictions",
        help="actor_id as source, target, speaker or contradiction actor",
        metavar="ACTOR",
        actor_ref=True,
        cli_note=_ACTOR_NOTE,
        placeholder=_ACTOR_PLACEHOLDER,
    )
    source: str | None = _spec(
        "events",
        help="actor_id of the event's source",
        metavar="ACTOR",
        actor_ref=True,
        cli_note=_ACTOR_NOTE,
        placeholder=_ACTOR_PLACEHOLDER,
    )
    target: str | None = _spec(
        "events",
        help="actor_id of the event's target",
        metavar="ACTOR",
        actor_ref=True,
        cli_note=_ACTOR_NOTE,
        placeholder=_ACTOR_PLACEHOLDER,
    )
    country: str | None = _spec(
        "actors",
        "events",
        "statements",
        help="ISO 3166 alpha-3 (or a CAMEO bloc code: IGO, NGO) of source, target, speaker or actor",
        metavar="CODE",
        check=_country,
        cli_note="a country's name is answered with its code (Iran: IRN)",
        placeholder="IRN",
    )
    cameo: str | None = _spec(
        "actors",
        "events",
        help="CAMEO code prefix: 04 matches 040-049",
        metavar="CODE",
        pattern=r"^\d{0,4}$",
        label="CAMEO",
        placeholder="04 or 042",
    )
    root: str | None = _spec("events", help="CAMEO root code, 01-20", metavar="CODE", pattern=r"^\d{0,2}$")
    plover_type: str | None = _spec(
        "events",
        help="PLOVER event type, e.g. CONSULT",
        metavar="TYPE",
        max_length=32,
        label="PLOVER",
        placeholder="CONSULT",
    )
    quad_class: int | None = _spec(
        "events",
        help="1 verbal coop .. 4 material conflict",
        metavar="1-4",
        pattern=r"^[1-4]?$",
        choices=(1, 4),
    )
    date_from: str | None = _spec(
        "articles",
        "events",
        "statements",
        help="ISO date (inclusive): 2021, 2021-01, 2021-01-27",
        option="--from",
        metavar="DATE",
        pattern=DATE_PATTERN,
        check=cli_values.iso_date,
        label="From",
        placeholder="2021-01",
    )
    date_to: str | None = _spec(
        "articles",
        "events",
        "statements",
        help="ISO date (inclusive, whole month/year if shorter)",
        option="--to",
        metavar="DATE",
        pattern=DATE_PATTERN,
        check=cli_values.iso_date,
        label="To",
        placeholder="2021-12-31",
    )
    outlet: str | None = _spec(
        "articles",
        "events",
        "statements",
        "contradictions",
        help="outlet name (records: of their article)",
        metavar="NAME",
        placeholder="outlet name",
    )
    outlet_type: str | None = _spec(
        "articles",
        "events",
        "statements",
        "contradictions",
        help=f"{' | '.join(OUTLET_TYPES)} (records: of their article)",
        metavar="TYPE",
    )
    reported_by: str | None = _spec(
        "events",
        "statements",
        help="actor_id or name the article attributes the record to",
        metavar="ACTOR",
        placeholder="actor id or name",
    )
    article_id: str | None = _spec(
        "events",
        "statements",
        "contradictions",
        help="records of one article",
        option="--article",
        metavar="ARTICLE_ID",
        label="Article",
        placeholder="article id",
    )
    kind: str | None = _spec(
        "actors",
        "statements",
        "contradictions",
        help=f"statement kind ({_one_of(StatementKind)}), actor kind ({_one_of(ActorKind)}) or "
        f"contradiction kind ({_one_of(ContradictionKind)})",
        metavar="KIND",
    )
    duplicates: bool = _spec(
        "articles", default=False, help="articles: include near-duplicates", label="Near-duplicates"
    )

    def active(self) -> dict[str, Any]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) not in (None, False)
        }  # fmt: skip


def _specs() -> dict[str, FilterSpec]:
    types = {"str | None": str, "int | None": int, "bool": bool}
    found = {}
    for f in fields(Filters):
        spec: FilterSpec = f.metadata["spec"]
        option = spec.option or "--" + f.name.replace("_", "-")
        label = spec.label or f.name.replace("_", " ").capitalize()
        found[f.name] = FilterSpec(
            **{**vars(spec), "name": f.name, "type": types[str(f.type)], "option": option, "label": label}
        )
    return found


#: Every filter by name, in the order of the Filters fields.
SPECS: dict[str, FilterSpec] = _specs()
#: What each filter means (the API's parameter descriptions).
FILTER_HELP: dict[str, str] = {name: spec.help for name, spec in SPECS.items()}
#: The filters that mean something for each kind of record: the API takes and documents exactly
#: these, the CLI's listing of that kind and the web page's filter form offer exactly these
#: (where_clauses ignores the others).
APPLIES: dict[str, tuple[str, ...]] = {
    kind: tuple(name for name, spec in SPECS.items() if kind in spec.applies) for kind in KINDS
}


def check_value(spec: FilterSpec, value: str) -> str | None:
    """A typed value as the filter takes it; a value it cannot match is a UsageError that names
    the option and, where the spec's check can tell, the right value ("Iran" -> IRN)."""
    if spec.check is not None:
        return spec.check(value, spec.option)
    if spec.pattern and not re.match(spec.pattern, value):
        raise UsageError(f"cannot read {spec.option} {value!r}: {spec.help}")
    if spec.max_length and len(value) > spec.max_length:
        raise UsageError(f"{spec.option} {value!r} is longer than {spec.max_length} characters")
    return value
