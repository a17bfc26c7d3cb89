"""What the article page shows: the text with its records highlighted in layers the reader
switches on and off (actors, events, statements, loaded terms), the records in text order, and
an index of the highlights (embedded as JSON) that the page's "next record" buttons walk."""

from __future__ import annotations

from typing import Any

from ..store.base import Store
from .highlight import Highlight, highlights_for, render

#: The page's layers: highlight kind -> what the reader sees on the switch.
LAYERS = {"mention": "Actors", "event": "Events", "statement": "Statements", "framing": "Loaded terms"}


def _position(record: dict[str, Any]) -> tuple[int, int]:
    """Where a record sits in the text (records without a span go last)."""
    span: Any = record.get("span") or (record.get("start"), record.get("end"))
    if span[0] is None or span[1] is None:
        return (1 << 30, 1 << 30)
    return int(span[0]), int(span[1])


def article_context(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article page's template context, or None when there is no such article."""
    article = store.raw_article(article_id)
    if article is None:
        return None
    records = store.article_records(article_id)
    for kind in ("events", "statements", "framing", "mentions"):
        records[kind] = sorted(records.get(kind, []), key=_position)
    actor_ids = sorted({m["actor_id"] for m in records["mentions"] if m.get("actor_id")})
    actors = store.records_by_ids("actors", actor_ids)
    names = {aid: a["name"] for aid, a in actors.items()}
    spans = highlights_for(article["text"], records, names)
    original = article["duplicate_of"] and store.get("articles", article["duplicate_of"])
    return {
        "title": article["title"],
        "article": article,
        "records": records,
        "actors": actors,
        "highlighted": render(article["text"], spans),
        "n_highlights": len(spans),
        "layers": [
            (kind, name, sum(1 + len(h.also) for h in spans if h.kind == kind))
            for kind, name in LAYERS.items()
        ],
        "index": highlight_index(spans),
        "framing_groups": framing_groups(records["framing"]),
        "original": original or None,
    }


def highlight_index(spans: list[Highlight]) -> list[dict[str, Any]]:
    """The highlights in text order as plain data for the page's script (embedded with
    :func:`~newsledger.api.security.script_json`, so article text in it stays inert)."""
    ordered = sorted(spans, key=lambda h: (h.start, h.end, h.kind))
    return [{"kind": h.kind, "anchor": h.anchor, "label": h.label, "title": h.title or ""} for h in ordered]


def framing_groups(terms: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Loaded terms once per wording, category and target, in order of first use, with the ids
    of every occurrence ("regime" used eleven times is one row with eleven links, not eleven rows)."""
    groups: dict[tuple[str, str, str | None], dict[str, Any]] = {}
    for t in terms:
        key = (str(t["text"]).lower(), str(t["category"]), t.get("target_actor_id"))
        group = groups.setdefault(key, {"text": t["text"], "category": t["category"],
                                        "target_actor_id": t.get("target_actor_id"), "ids": []})  # fmt: skip
        group["ids"].append(t.get("id"))
    return list(groups.values())
