"""Rebuild typed records from stored rows, for passes that read the ledger back (cross-article
contradictions).  The inverse of :mod:`.rows`; nothing outside ``store/`` sees a row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import AboutRef, Actor, ActorRef, Event, Place, Provenance, Role, Statement


def _ref(row: Mapping[str, Any], prefix: str) -> ActorRef | None:
    if not row.get(f"{prefix}_actor_id"):
        return None
    return ActorRef(
        row[f"{prefix}_actor_id"],
        row[f"{prefix}_name"] or "",
        row[f"{prefix}_country"],
        row[f"{prefix}_sector"],
        row[f"{prefix}_cameo_code"],
    )


def _provenance(row: Mapping[str, Any]) -> Provenance:
    reported = tuple(ActorRef(r["actor_id"], r["name"]) for r in row["reported_by"] or [])
    return Provenance(
        row["article_id"],
        row["sentence_index"],
        row["sentence"],
        (row["span_start"], row["span_end"]),
        row["stage"],
        reported,
    )


def actor(row: Mapping[str, Any]) -> Actor:
    roles = tuple(
        Role(
            r.get("title") or "",
            r.get("organization"),
            r.get("country"),
            r.get("sector"),
            r.get("start"),
            r.get("end"),
        )
        for r in row["roles"] or []
    )
    return Actor(
        row["actor_id"], row["name"], row["kind"], row["country"], row["sector"], row["cameo_code"],
        tuple(row["aliases"] or []), roles, row["affiliation"],
    )  # fmt: skip


def event(row: Mapping[str, Any]) -> Event:
    place = None
    if row["location_name"]:
        place = Place(row["location_name"], row["location_country"], row["location_lat"], row["location_lon"],
                      row["location_geonames_id"])  # fmt: skip
    return Event(
        row["event_id"], _provenance(row), row["trigger"], row["cameo_code"], row["cameo_root"], row["quad_class"],
        row["goldstein"], row["plover_type"], row["plover_mode"], _ref(row, "source"), _ref(row, "target"),
        row["date"], row["date_precision"], place, bool(row["negated"]), bool(row["hypothetical"]), row["confidence"],
        row["mentions"], _spans(row["mention_spans"]),
    )  # fmt: skip


def _spans(value: Any) -> tuple[tuple[int, int], ...]:
    """Mention spans as stored (JSON lists) back to the record's tuples; one span is the record's
    own and reads back as ()."""
    spans = tuple((int(a), int(b)) for a, b in value or ())
    return spans if len(spans) > 1 else ()


def statement(row: Mapping[str, Any]) -> Statement:
    speaker_span = (row["speaker_start"], row["speaker_end"]) if row["speaker_start"] is not None else None
    cue_span = (row["cue_start"], row["cue_end"]) if row["cue_start"] is not None else None
    about = tuple(
        AboutRef(a["actor_id"], a["name"], a.get("stance") or "neutral") for a in row["about"] or []
    )
    return Statement(
        row["statement_id"], _provenance(row), _ref(row, "speaker"), row["speaker_text"], speaker_span, row["cue"],
        row["kind"], row["content"], (row["content_start"], row["content_end"]), cue_span, row["medium"], row["date"],
        row["date_precision"], about, bool(row["negated"]), bool(row["hypothetical"]),
    )  # fmt: skip
