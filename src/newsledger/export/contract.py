"""The export contract as code: each kind's fields and the type each must have.

``validate(kind, record)`` lists what is wrong with one exported record (empty when nothing),
so users and tests can check an export against docs/EXPORT_SCHEMA.md mechanically.
"""

from __future__ import annotations

import re
from typing import Any

from ..models import DATE_PRECISIONS, OUTLET_TYPES

_STR, _INT, _NUM, _BOOL, _LIST, _DICT = (str,), (int,), (int, float), (bool,), (list,), (dict,)
_OPT = type(None)

ACTOR_REF = {
    "actor_id": _STR,
    "name": _STR,
    "country": (str, _OPT),
    "sector": (str, _OPT),
    "cameo_code": (str, _OPT),
}
PLACE = {
    "name": _STR,
    "country": (str, _OPT),
    "lat": (int, float, _OPT),
    "lon": (int, float, _OPT),
    "geonames_id": (int, _OPT),
}

FIELDS: dict[str, dict[str, tuple[type, ...]]] = {
    "articles": {
        "article_id": _STR, "url": (str, _OPT), "title": _STR, "published": (str, _OPT), "site": (str, _OPT),
        "outlet": (str, _OPT), "outlet_type": _STR, "language": _STR, "text": _STR, "n_sentences": _INT,
    },
    "actors": {
        "actor_id": _STR, "name": _STR, "kind": _STR, "country": (str, _OPT), "sector": (str, _OPT),
        "cameo_code": (str, _OPT), "aliases": _LIST, "roles": _LIST, "mentions": _INT,
    },
    "events": {
        "event_id": _STR, "article_id": _STR, "sentence": _STR, "span": _LIST, "trigger": _STR,
        "date": (str, _OPT), "date_precision": _STR, "source": (dict, _OPT), "target": (dict, _OPT),
        "cameo_code": _STR, "cameo_root": _STR, "quad_class": _INT, "goldstein": _NUM,
        "plover_type": (str, _OPT), "plover_mode": (str, _OPT), "location": (dict, _OPT),
        "negated": _BOOL, "hypothetical": _BOOL, "reported_by": _LIST, "confidence": _NUM,
        "mentions": _INT, "mention_spans": _LIST,
    },
    "statements": {
        "statement_id": _STR, "article_id": _STR, "sentence": _STR, "span": _LIST, "speaker": (dict, _OPT),
        "cue": _STR, "kind": _STR, "content": _STR, "medium": (str, _OPT), "date": (str, _OPT),
        "date_precision": _STR, "about": _LIST, "negated": _BOOL, "hypothetical": _BOOL, "reported_by": _LIST,
    },
    "contradictions": {
        "contradiction_id": _STR, "kind": _STR, "actor": _DICT, "a": _DICT, "b": _DICT, "explanation": _STR,
        "score": _NUM, "a_records": _LIST, "b_records": _LIST,
    },
}  # fmt: skip

_ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("articles", "outlet_type"): OUTLET_TYPES,
    ("actors", "kind"): ("person", "organization", "country", "group"),
    ("events", "date_precision"): DATE_PRECISIONS,
    ("statements", "date_precision"): DATE_PRECISIONS,
    ("statements", "kind"): ("direct", "partial", "indirect"),
    ("contradictions", "kind"): ("statement-statement", "statement-action"),
}
_DATE = re.compile(r"^(\d{3}|\d{4}(-\d{2}(-\d{2})?)?)$")  # decade "198", year, month, day


def _check_fields(where: str, value: dict[str, Any], spec: dict[str, tuple[type, ...]]) -> list[str]:
    problems = []
    for name, types in spec.items():
        if name not in value:
            problems.append(f"{where}: missing field {name!r}")
        elif not isinstance(value[name], types) or (types == _INT and isinstance(value[name], bool)):
            problems.append(f"{where}: field {name!r} is {type(value[name]).__name__}, expected {types}")
    return problems


def validate(kind: str, record: dict[str, Any]) -> list[str]:
    where = f"{kind} {record.get(next(iter(FIELDS[kind])), '?')}"
    problems = _check_fields(where, record, FIELDS[kind])
    for (k, name), allowed in _ENUMS.items():
        if k == kind and name in record and record[name] not in allowed:
            problems.append(f"{where}: {name}={record[name]!r} not one of {allowed}")
    for name in ("source", "target", "speaker"):
        if isinstance(record.get(name), dict):
            problems += _check_fields(f"{where}.{name}", record[name], ACTOR_REF)
    if isinstance(record.get("location"), dict):
        problems += _check_fields(f"{where}.location", record["location"], PLACE)
    for name in ("reported_by", "about"):
        for ref in record.get(name) or []:
            problems += _check_fields(f"{where}.{name}", ref, {"actor_id": _STR, "name": _STR})
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
