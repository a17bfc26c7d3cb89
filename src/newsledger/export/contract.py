"""The export contract, defined once: a typed model per kind of record (issue #13).

From these models derive the API's response schemas (``api/schemas.py`` re-exports them), the
CSV/Parquet columns (``export/fields.py`` flattens the nested models), the field tables of
docs/EXPORT_SCHEMA.md (``docgen`` writes them; a test compares) and :func:`validate`, which lists
what is wrong with one exported record so users and tests can check an export mechanically.

A field marked :func:`also` may be absent from a record; every other field must be present
(``null`` where its type allows).  ``extra="allow"``: the contract says fields may be added.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.fields import FieldInfo

from ..models import ActorKind, ContradictionKind, DatePrecision, OutletType, Stance, StatementKind

__all__ = [
    "KIND_MODELS",
    "AboutRef",
    "ActorOut",
    "ActorRef",
    "ArticleOut",
    "ContradictionOut",
    "EventOut",
    "NamedRef",
    "Place",
    "RecordRef",
    "Role",
    "StatementOut",
    "is_also",
    "validate",
]

RecordType = Literal["statement", "event"]


def also(default: Any = None, description: str = "") -> Any:
    """A field that may be absent from a record (docs: "also")."""
    return Field(default, description=description, json_schema_extra={"x-also": True})


def is_also(info: FieldInfo) -> bool:
    return isinstance(info.json_schema_extra, dict) and bool(info.json_schema_extra.get("x-also"))


def _d(description: str, default: Any = ...) -> Any:
    return Field(default, description=description)


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorRef(_Open):
    actor_id: str = _d("the actor's id: country:IRN, group:IRNGOV, person:joe-biden, org:taliban")
    name: str = _d("its canonical name")
    country: str | None = _d("ISO 3166 alpha-3", None)
    sector: str | None = _d("CAMEO sector: GOV, MIL, REB, OPP, MED, CVL, IGO, NGO, BUS, …", None)
    cameo_code: str | None = _d("CAMEO actor code, e.g. IRNGOV", None)


class NamedRef(_Open):
    actor_id: str = _d("the actor's id")
    name: str = _d("its canonical name")


class AboutRef(NamedRef):
    stance: Stance | None = also(description="the speaker's stance toward the actor")


class Place(_Open):
    name: str = _d("the place's name")
    country: str | None = _d("ISO 3166 alpha-3", None)
    lat: float | None = _d("latitude (GeoNames, CC BY 4.0)", None)
    lon: float | None = _d("longitude (GeoNames, CC BY 4.0)", None)
    geonames_id: int | None = _d("GeoNames id", None)


class Role(_Open):
    title: str | None = _d("e.g. foreign minister", None)
    organization: str | None = _d("the organization of the role", None)
    country: str | None = _d("ISO 3166 alpha-3", None)
    start: str | None = _d("ISO date the role began", None)
    end: str | None = _d("ISO date it ended", None)


class RecordRef(_Open):
    type: RecordType = _d("statement | event")
    id: str = _d("its statement_id or event_id")


class ArticleOut(_Open):
    article_id: str = _d("stable id: the same article ingested twice keeps it")
    url: str | None = _d("where it was published", None)
    title: str = _d("the headline")
    published: str | None = _d("ISO date of publication", None)
    site: str | None = _d("the site's domain", None)
    outlet: str | None = _d("the outlet's name", None)
    outlet_type: OutletType = _d("the kind of outlet")
    language: str = _d("ISO 639-1 code of the text's language")
    text: str = _d("the text every span points into")
    n_sentences: int = _d("sentences in text")
    duplicate_of: str | None = also(description="article_id of the article this one nearly repeats")
    raw_sha256: str | None = also(description="SHA-256 of the input as read")
    analysed: bool = also(True, "false: the article is in another language and no record was derived from it")
    cleaning: dict[str, int] | None = also(
        description="null when text is the input's text as given, else what was removed to make it, "
        "kind -> count: entities, headings, sections, comments, templates, tables, links, "
        "external_links, refs, files, tags, markup, and title_* for the title"
    )


class ActorOut(_Open):
    actor_id: str = _d("<kind>:<key>, stable across articles (docs/ARCHITECTURE.md, Actor ids)")
    name: str = _d("canonical name")
    kind: ActorKind = _d("the kind of actor")
    country: str | None = _d("ISO 3166 alpha-3", None)
    sector: str | None = _d("CAMEO sector: GOV, MIL, REB, INS, OPP, MED, CVL, IGO, NGO, BUS, …", None)
    cameo_code: str | None = _d("CAMEO actor code, e.g. IRNGOV", None)
    aliases: list[str] = Field(default_factory=list, description="other names it goes by")
    roles: list[Role] = Field(default_factory=list, description="offices it holds or held")
    mentions: int = _d("how many times the ledger's articles mention it", 0)
    affiliation: str | None = also(description="actor_id of the organization it belongs to")


class EventOut(_Open):
    event_id: str = _d("stable id")
    article_id: str = _d("the article it comes from")
    sentence: str = _d("the sentence text")
    span: list[int] = _d("[start, end) character offsets into the article's text")
    trigger: str = _d("the words that state the event")
    date: str | None = _d("ISO 8601 at the precision known: 2021-01-27, 2019-12, 2018", None)
    date_precision: DatePrecision = _d("precision of date")
    source: ActorRef | None = _d("who acts", None)
    target: ActorRef | None = _d("to whom", None)
    cameo_code: str = _d('CAMEO event code, e.g. "043"')
    cameo_root: str = _d('its root, e.g. "04"')
    quad_class: int = _d(
        "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"
    )
    goldstein: float = _d("Goldstein scale, -10 .. 10")
    plover_type: str | None = _d('PLOVER event type, e.g. "CONSULT"', None)
    plover_mode: str | None = _d("PLOVER mode", None)
    location: Place | None = _d("where it happened", None)
    negated: bool = _d("the article says it did not happen")
    hypothetical: bool = _d("a plan, threat, condition or question, not a fact")
    reported_by: list[NamedRef] = Field(
        default_factory=list, description="who the article attributes the event to"
    )
    confidence: float = _d("0 .. 1")
    mentions: int = _d("how often the article reports this one happening", 1)
    mention_spans: list[list[int]] = Field(
        default_factory=list, description="every mention's span, the first being span"
    )


class StatementOut(_Open):
    statement_id: str = _d("stable id")
    article_id: str = _d("the article it comes from")
    sentence: str = _d("the sentence text")
    span: list[int] = _d("[start, end) character offsets into the article's text")
    speaker: ActorRef | None = _d("who speaks", None)
    speaker_text: str | None = also(description="the speaker as the article names it")
    cue: str = _d('the verb or phrase: "said", "emphasized", "according to", "tweeted"')
    kind: StatementKind = _d("how the words are given")
    content: str = _d("the quoted or reported words, quotes stripped")
    content_span: list[int] | None = also(description="[start, end) of content in the article's text")
    medium: str | None = _d('e.g. "Twitter", "Tolo TV"', None)
    date: str | None = _d("ISO 8601 at the precision known", None)
    date_precision: DatePrecision = _d("precision of date")
    about: list[AboutRef] = Field(default_factory=list, description="actors it speaks about")
    negated: bool = _d("the article says it was not said", False)
    hypothetical: bool = _d("a conditional or reported possibility", False)
    reported_by: list[NamedRef] = Field(
        default_factory=list, description="who the article attributes the statement to"
    )


class ContradictionOut(_Open):
    contradiction_id: str = _d("stable id")
    kind: ContradictionKind = _d("what conflicts with what")
    actor: NamedRef = _d("the actor (or government) whose messages conflict")
    a: RecordRef = _d("one side's strongest record")
    b: RecordRef = _d("the other side's")
    explanation: str = _d("why they conflict, in words")
    score: float = _d("strength, 0 .. 1")
    article_id: str | None = also(description="the article both sides come from, when one")
    a_records: list[RecordRef] = Field(default_factory=list, description="every record on a's side")
    b_records: list[RecordRef] = Field(default_factory=list, description="every record on b's side")


KIND_MODELS: dict[str, type[BaseModel]] = {
    "articles": ArticleOut,
    "actors": ActorOut,
    "events": EventOut,
    "statements": StatementOut,
    "contradictions": ContradictionOut,
}

_DATE = re.compile(r"^(\d{3}|\d{4}(-\d{2}(-\d{2})?)?)$")  # decade "198", year, month, day


def nested_model(info: FieldInfo) -> tuple[type[BaseModel] | None, bool]:
    """The model a field holds (an object, or a list of objects: the bool says which)."""
    from typing import get_args, get_origin

    annotation = info.annotation
    for arg in (annotation, *get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg, False
        if get_origin(arg) is list:
            (item,) = get_args(arg)
            if isinstance(item, type) and issubclass(item, BaseModel):
                return item, True
    return None, False


def _missing(where: str, value: dict[str, Any], model: type[BaseModel]) -> list[str]:
    """Fields the contract requires that the record (and its nested objects) lacks."""
    problems = []
    for name, info in model.model_fields.items():
        if name not in value:
            if not is_also(info):
                problems.append(f"{where}: missing field {name!r}")
            continue
        inner, many = nested_model(info)
        items = value[name] if many else [value[name]]
        for item in items if inner and isinstance(items, list) else []:
            if isinstance(item, dict) and inner is not None:
                problems += _missing(f"{where}.{name}", item, inner)
    return problems


def _wrong_types(where: str, record: dict[str, Any], model: type[BaseModel]) -> list[str]:
    """Fields of the wrong type or value, as strict validation against the model finds them."""
    try:
        model.model_validate(record, strict=True)
    except ValidationError as exc:
        return [
            f"{where}: field {'.'.join(str(p) for p in e['loc'])!r} is {e['input']!r}: {e['msg']}"
            for e in exc.errors()
            if e["type"] != "missing"
        ]
    return []


def _values(where: str, kind: str, record: dict[str, Any]) -> list[str]:
    """What types cannot say: spans are [start, end), dates ISO, the CAMEO root prefixes the code."""
    problems = []
    if "span" in record and isinstance(record["span"], list):
        span = record["span"]
        if len(span) != 2 or not all(isinstance(x, int) for x in span) or span[0] > span[1]:
            problems.append(f"{where}: span {span!r} is not [start, end)")
    if record.get("date") is not None and not _DATE.match(str(record["date"])):
        problems.append(f"{where}: date {record['date']!r} is not ISO 8601 at a known precision")
    if kind == "events" and isinstance(record.get("cameo_code"), str):
        if not record["cameo_code"].startswith(str(record.get("cameo_root"))):
            problems.append(
                f"{where}: cameo_root {record.get('cameo_root')!r} does not prefix {record['cameo_code']!r}"
            )
        if record.get("quad_class") not in (0, 1, 2, 3, 4):
            problems.append(f"{where}: quad_class {record.get('quad_class')!r} not in 1-4")
    return problems


def validate(kind: str, record: dict[str, Any]) -> list[str]:
    """What is wrong with one exported record of ``kind`` (empty when nothing)."""
    model = KIND_MODELS[kind]
    where = f"{kind} {record.get(next(iter(model.model_fields)), '?')}"
    return _missing(where, record, model) + _wrong_types(where, record, model) + _values(where, kind, record)
