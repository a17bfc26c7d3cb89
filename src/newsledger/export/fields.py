"""Column order of each export kind, flattened as EXPORT_SCHEMA.md says (``source_country``)."""

from __future__ import annotations

import json
from typing import Any

_ACTOR = ("actor_id", "name", "country", "sector", "cameo_code")
_PLACE = ("name", "country", "lat", "lon", "geonames_id")


def _nested(prefix: str, names: tuple[str, ...]) -> list[str]:
    return [f"{prefix}_{n}" for n in names]


COLUMNS: dict[str, list[str]] = {
    "articles": [
        "article_id", "url", "title", "published", "site", "outlet", "outlet_type", "language", "text",
        "n_sentences", "duplicate_of", "raw_sha256", "analysed", "cleaning",
    ],
    "actors": [
        "actor_id", "name", "kind", "country", "sector", "cameo_code", "aliases", "roles", "mentions", "affiliation",
    ],
    "events": [
        "event_id", "article_id", "sentence", "span", "trigger", "date", "date_precision",
        *_nested("source", _ACTOR), *_nested("target", _ACTOR),
        "cameo_code", "cameo_root", "quad_class", "goldstein", "plover_type", "plover_mode",
        *_nested("location", _PLACE), "negated", "hypothetical", "reported_by", "confidence",
        "mentions", "mention_spans",
    ],
    "statements": [
        "statement_id", "article_id", "sentence", "span", *_nested("speaker", _ACTOR), "speaker_text", "cue",
        "kind", "content", "content_span", "medium", "date", "date_precision", "about", "negated", "hypothetical",
        "reported_by",
    ],
    "contradictions": [
        "contradiction_id", "kind", "actor_actor_id", "actor_name", "a_type", "a_id", "b_type", "b_id",
        "explanation", "score", "article_id", "a_records", "b_records",
    ],
}  # fmt: skip

#: Nested objects flattened into ``prefix_field`` columns; lists stay whole (JSON text in CSV).
NESTED: dict[str, dict[str, tuple[str, ...]]] = {
    "events": {"source": _ACTOR, "target": _ACTOR, "location": _PLACE},
    "statements": {"speaker": _ACTOR},
    "contradictions": {"actor": ("actor_id", "name"), "a": ("type", "id"), "b": ("type", "id")},
}


def flatten(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    flat = dict(record)
    for prefix, names in NESTED.get(kind, {}).items():
        value = flat.pop(prefix, None) or {}
        for name in names:
            flat[f"{prefix}_{name}"] = value.get(name)
    return {col: flat.get(col) for col in COLUMNS[kind]}


def cell(value: Any) -> Any:
    """A flat value for CSV: lists and dicts become JSON text, booleans stay true/false."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
