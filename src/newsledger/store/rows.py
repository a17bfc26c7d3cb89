"""Translate between typed records, table rows and the export-shaped dicts of EXPORT_SCHEMA.md.

Export shape is the public contract (``docs/EXPORT_SCHEMA.md``): the CLI export, the REST
API and the web pages all read records through :func:`to_export`, so the names cannot drift.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..models import Actor, ActorRef, Article, Contradiction, Event, Mention, Place, Statement

KINDS = ("articles", "actors", "events", "statements", "contradictions")


def _snapshot(prefix: str, ref: ActorRef | None) -> dict[str, Any]:
    ref_fields = ("actor_id", "name", "country", "sector", "cameo_code")
    return {f"{prefix}_{f}": getattr(ref, f) if ref else None for f in ref_fields}


def _refs(refs: tuple[Any, ...]) -> list[dict[str, Any]]:
    return [{"actor_id": r.actor_id, "name": r.name} for r in refs]


def article_row(article: Article, n_sentences: int, run_id: str, now: datetime) -> dict[str, Any]:
    return {
        "article_id": article.article_id,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "site": article.site,
        "outlet": article.outlet,
        "outlet_type": article.outlet_type,
        "language": article.language,
        "author": article.author,
        "categories": list(article.categories),
        "text": article.text,
        "n_sentences": n_sentences,
        "source_key": article.source_key,
        "origin": article.origin,
        "origin_line": article.origin_line,
        "raw_sha256": article.raw_sha256,
        "analysed": article.analysed,
        "cleaning": dict(article.cleaning) or None,
        "run_id": run_id,
        "ingested_at": now,
    }


def actor_row(actor: Actor, mentions: int) -> dict[str, Any]:
    return {
        "actor_id": actor.actor_id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "cameo_code": actor.cameo_code,
        "aliases": sorted(set(actor.aliases)),
        "roles": [dataclasses.asdict(r) for r in actor.roles],
        "affiliation": actor.affiliation,
        "mentions": mentions,
    }


def merge_actor_rows(old: Mapping[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The same actor seen again: union aliases and roles, add mentions.

    The merge is commutative and associative, so the ledger does not depend on the order in
    which articles (or batches from several workers) arrive: a field both rows fill with
    different values keeps the smaller (a fixed, if arbitrary, choice); a specific kind wins
    over "group"; roles are kept in a fixed order."""
    merged = dict(new)
    for key in ("name", "country", "sector", "cameo_code", "affiliation"):
        merged[key] = _first_of(old[key], new[key])
    kinds = sorted({old["kind"], new["kind"]} - {"group"}) or ["group"]
    merged["kind"] = kinds[0]
    merged["aliases"] = sorted(set(old["aliases"] or []) | set(new["aliases"]))
    roles = {json.dumps(r, sort_keys=True): r for r in [*(old["roles"] or []), *new["roles"]]}
    merged["roles"] = [roles[k] for k in sorted(roles, key=lambda k: (_role_order(roles[k]), k))]
    merged["mentions"] = int(old["mentions"]) + int(new["mentions"])
    return merged


def _role_order(role: Mapping[str, Any]) -> tuple[str, str]:
    """Roles by when they began, then ended (undated first)."""
    return (str(role.get("start") or ""), str(role.get("end") or ""))


def _first_of(a: Any, b: Any) -> Any:
    """The value of a field two rows give: the one that is set, else the smaller."""
    if a is None or b is None:
        return b if a is None else a
    return min(a, b)


def contradiction_row(c: Contradiction) -> dict[str, Any]:
    return {
        "contradiction_id": c.contradiction_id,
        "kind": c.kind,
        "actor_id": c.actor.actor_id,
        "actor_name": c.actor.name,
        "a_type": c.a.type,
        "a_id": c.a.id,
        "b_type": c.b.type,
        "b_id": c.b.id,
        "explanation": c.explanation,
        "score": c.score,
        "article_id": c.article_id,
        "a_records": [{"type": r.type, "id": r.id} for r in c.a_records or (c.a,)],
        "b_records": [{"type": r.type, "id": r.id} for r in c.b_records or (c.b,)],
    }


def merge_contradiction(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """One finding met twice (same id: in two articles, or again by the cross-article pass):
    the records of both on each side; the stronger pair, its explanation and score; the
    article only when both name the same one."""
    best = dict(new) if new["score"] > old["score"] else dict(old)
    for side in ("a_records", "b_records"):
        first = side[0]
        seen = [
            *(old[side] or [{"type": old[f"{first}_type"], "id": old[f"{first}_id"]}]),
            *(new[side] or []),
        ]
        best[side] = sorted(
            {(r["type"], r["id"]): r for r in seen}.values(), key=lambda r: (r["type"], r["id"])
        )
    best["article_id"] = old["article_id"] if old["article_id"] == new["article_id"] else None
    return best


def mention_row(article_id: str, m: Mention) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "label": m.label,
        "sentence_index": m.sentence,
        "actor_id": m.actor_id,
        "method": m.method,
    }


def _provenance_cols(record: Event | Statement) -> dict[str, Any]:
    p = record.provenance
    return {
        "article_id": p.article_id,
        "sentence_index": p.sentence_index,
        "sentence": p.sentence,
        "span_start": p.span[0],
        "span_end": p.span[1],
        "stage": p.stage,
        "reported_by": _refs(p.reported_by),
    }


def _location_cols(place: Place | None) -> dict[str, Any]:
    fields = ("name", "country", "lat", "lon", "geonames_id")
    return {f"location_{f}": getattr(place, f) if place else None for f in fields}


def event_row(e: Event) -> dict[str, Any]:
    return {
        "event_id": e.event_id,
        **_provenance_cols(e),
        "trigger": e.trigger,
        "date": e.date,
        "date_precision": e.date_precision,
        **_snapshot("source", e.source),
        **_snapshot("target", e.target),
        "cameo_code": e.cameo_code,
        "cameo_root": e.cameo_root,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        "plover_type": e.plover_type,
        "plover_mode": e.plover_mode,
        **_location_cols(e.location),
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "confidence": e.confidence,
        "mentions": e.mentions,
        "mention_spans": [list(s) for s in e.mention_spans] or [list(e.provenance.span)],
    }


def statement_row(s: Statement) -> dict[str, Any]:
    speaker_span = s.speaker_span or (None, None)
    cue_span = s.cue_span or (None, None)
    return {
        "statement_id": s.statement_id,
        **_provenance_cols(s),
        **_snapshot("speaker", s.speaker),
        "speaker_text": s.speaker_text,
        "speaker_start": speaker_span[0],
        "speaker_end": speaker_span[1],
        "cue": s.cue,
        "cue_start": cue_span[0],
        "cue_end": cue_span[1],
        "kind": s.kind,
        "content": s.content,
        "content_start": s.content_span[0],
        "content_end": s.content_span[1],
        "medium": s.medium,
        "date": s.date,
        "date_precision": s.date_precision,
        "about": [dataclasses.asdict(a) for a in s.about],
        "negated": s.negated,
        "hypothetical": s.hypothetical,
    }


# --------------------------------------------------------------------------- export shape


def _nested(row: Mapping[str, Any], prefix: str, fields: tuple[str, ...]) -> dict[str, Any] | None:
    if row.get(f"{prefix}_{fields[0]}") is None and row.get(f"{prefix}_name") is None:
        return None
    return {f: row.get(f"{prefix}_{f}") for f in fields}


_ACTOR_FIELDS = ("actor_id", "name", "country", "sector", "cameo_code")
_PLACE_FIELDS = ("name", "country", "lat", "lon", "geonames_id")


def to_export(kind: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """One table row as the export contract names it."""
    if kind == "articles":
        keys: tuple[str, ...] = (
            "article_id", "url", "title", "published", "site", "outlet", "outlet_type",
            "language", "text", "n_sentences",
        )  # fmt: skip
        out = {k: row[k] for k in keys}
        out["duplicate_of"] = row.get("duplicate_of")
        out["raw_sha256"] = row.get("raw_sha256")
        out["analysed"] = bool(row.get("analysed", True))
        out["cleaning"] = row.get("cleaning")
        return out
    if kind == "actors":
        keys = ("actor_id", "name", "kind", "country", "sector", "cameo_code", "aliases", "roles", "mentions")
        out = {k: row[k] for k in keys}
        out["roles"] = [
            {k: r.get(k) for k in ("title", "organization", "country", "start", "end")}
            | {"sector": r.get("sector")}
            for r in row["roles"] or []
        ]
        out["affiliation"] = row.get("affiliation")
        return out
    if kind == "events":
        return {
            "event_id": row["event_id"],
            "article_id": row["article_id"],
            "sentence": row["sentence"],
            "span": [row["span_start"], row["span_end"]],
            "trigger": row["trigger"],
            "date": row["date"],
            "date_precision": row["date_precision"],
            "source": _nested(row, "source", _ACTOR_FIELDS),
            "target": _nested(row, "target", _ACTOR_FIELDS),
            "cameo_code": row["cameo_code"],
            "cameo_root": row["cameo_root"],
            "quad_class": row["quad_class"],
            "goldstein": row["goldstein"],
            "plover_type": row["plover_type"],
            "plover_mode": row["plover_mode"],
            "location": _nested(row, "location", _PLACE_FIELDS),
            "negated": bool(row["negated"]),
            "hypothetical": bool(row["hypothetical"]),
            "reported_by": row["reported_by"],
            "confidence": row["confidence"],
            "mentions": row["mentions"],
            "mention_spans": row["mention_spans"] or [[row["span_start"], row["span_end"]]],
        }
    if kind == "statements":
        return {
            "statement_id": row["statement_id"],
            "article_id": row["article_id"],
            "sentence": row["sentence"],
            "span": [row["span_start"], row["span_end"]],
            "speaker": _nested(row, "speaker", _ACTOR_FIELDS),
            "speaker_text": row["speaker_text"],
            "cue": row["cue"],
            "kind": row["kind"],
            "content": row["content"],
            "content_span": [row["content_start"], row["content_end"]],
            "medium": row["medium"],
            "date": row["date"],
            "date_precision": row["date_precision"],
            "about": [
                {"actor_id": a["actor_id"], "name": a["name"], "stance": a.get("stance")}
                for a in row["about"]
            ],
            "negated": bool(row["negated"]),
            "hypothetical": bool(row["hypothetical"]),
            "reported_by": row["reported_by"],
        }
    if kind == "contradictions":
        return {
            "contradiction_id": row["contradiction_id"],
            "kind": row["kind"],
            "actor": {"actor_id": row["actor_id"], "name": row["actor_name"]},
            "a": {"type": row["a_type"], "id": row["a_id"]},
            "b": {"type": row["b_type"], "id": row["b_id"]},
            "explanation": row["explanation"],
            "score": row["score"],
            "article_id": row["article_id"],
            "a_records": row["a_records"] or [{"type": row["a_type"], "id": row["a_id"]}],
            "b_records": row["b_records"] or [{"type": row["b_type"], "id": row["b_id"]}],
        }
    raise ValueError(f"unknown record kind {kind!r}; expected one of {', '.join(KINDS)}")
