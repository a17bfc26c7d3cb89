"""Article text with its records highlighted (like displaCy), built server-side and escaped.

Every piece of article text and every label is passed through :func:`markupsafe.escape`; the only
markup in the result is the ``<span>``/``<a>`` elements made here, so the template can insert the
returned :class:`~markupsafe.Markup` without ``|safe`` on anything a user supplied.

Spans may overlap (a quote contains an actor mention and a loaded term).  The text is cut at every
span boundary and each piece is wrapped in one element per span that covers it, outermost first;
a span's label (a link to its record) is placed at its end, inside its own element.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

#: Nesting order when two spans start and end at the same place (outermost first).
LAYERS = ("statement", "event", "framing", "mention")


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    kind: str  # statement | event | framing | mention
    ref: str  # record id: used in the element id, unique within its kind
    label: str
    href: str | None = None
    title: str | None = None

    @property
    def anchor(self) -> str:
        return f"hl-{self.kind}-{self.ref}"


def url_part(value: str) -> str:
    """A record id as one URL path segment or fragment."""
    return quote(str(value), safe="")


def highlights_for(
    text: str, records: Mapping[str, list[dict[str, Any]]], actor_names: Mapping[str, str] | None = None
) -> list[Highlight]:
    """The highlights of an article from :meth:`SQLStore.article_records` output."""
    names = actor_names or {}
    out: list[Highlight] = []
    for m in records.get("mentions", []):
        aid = m.get("actor_id")
        title = f"{m.get('label')}: {names.get(aid, aid)}" if aid else str(m.get("label"))
        out.append(
            Highlight(
                int(m["start"]),
                int(m["end"]),
                "mention",
                str(m.get("id", f"{m['start']}-{m['end']}")),
                str(m.get("label") or "ENT"),
                f"/actors/{url_part(aid)}" if aid else None,
                title,
            )
        )
    for e in records.get("events", []):
        start, end = e["span"]
        src = (e.get("source") or {}).get("name") or "?"
        tgt = (e.get("target") or {}).get("name") or "?"
        label = e["cameo_code"] + (f" {e['plover_type']}" if e.get("plover_type") else "")
        out.append(
            Highlight(
                int(start),
                int(end),
                "event",
                e["event_id"],
                label,
                f"#event-{url_part(e['event_id'])}",
                f"{src} → {tgt}: {e.get('trigger')} (CAMEO {e['cameo_code']}, quad {e['quad_class']})",
            )
        )
    for s in records.get("statements", []):
        start, end = s.get("content_span") or s["span"]
        speaker = (s.get("speaker") or {}).get("name") or s.get("speaker_text") or "?"
        out.append(
            Highlight(
                int(start),
                int(end),
                "statement",
                s["statement_id"],
                f"{s['kind']} quote",
                f"#statement-{url_part(s['statement_id'])}",
                f"{speaker} {s.get('cue') or ''}".strip(),
            )
        )
    for t in records.get("framing", []):
        out.append(
            Highlight(
                int(t["start"]),
                int(t["end"]),
                "framing",
                str(t.get("id", f"{t['start']}-{t['end']}")),
                str(t["category"]),
                f"#framing-{url_part(str(t.get('id', '')))}",
                f"loaded term: {t['category']}",
            )
        )
    return clip(text, out)


def clip(text: str, spans: Iterable[Highlight]) -> list[Highlight]:
    """Spans inside the text with a positive length; duplicates (same kind and ref) dropped."""
    n = len(text)
    seen: set[tuple[str, str]] = set()
    out = []
    for h in spans:
        start, end = max(0, h.start), min(n, h.end)
        if start >= end or (h.kind, h.ref) in seen:
            continue
        seen.add((h.kind, h.ref))
        out.append(
            h
            if (start, end) == (h.start, h.end)
            else Highlight(start, end, h.kind, h.ref, h.label, h.href, h.title)
        )
    return out


def _order(h: Highlight) -> tuple[int, int, int]:
    layer = LAYERS.index(h.kind) if h.kind in LAYERS else len(LAYERS)
    return (h.start, -h.end, layer)


def render(text: str, spans: Iterable[Highlight]) -> Markup:
    """The text as escaped HTML with every span wrapped and labelled."""
    items = sorted(clip(text, spans), key=_order)
    if not items:
        return escape(text)
    cuts = sorted({0, len(text), *(h.start for h in items), *(h.end for h in items)})
    parts: list[str] = []
    opened: set[tuple[str, str]] = set()
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        piece = str(escape(text[lo:hi]))
        covering = [h for h in items if h.start <= lo and h.end >= hi]
        if not covering:
            parts.append(piece)
            continue
        for h in covering:
            first = (h.kind, h.ref) not in opened
            opened.add((h.kind, h.ref))
            attrs = f' class="hl hl-{escape(h.kind)}" data-hl="{escape(h.anchor)}"'
            if first:
                attrs += f' id="{escape(h.anchor)}"'
            if h.title:
                attrs += f' title="{escape(h.title)}"'
            parts.append(f"<span{attrs}>")
        parts.append(piece)
        for h in reversed(covering):
            if h.end == hi:
                parts.append(_label(h))
            parts.append("</span>")
    return Markup("".join(parts))


def _label(h: Highlight) -> str:
    label = escape(h.label)
    if h.href:
        return f'<a class="hl-label" href="{escape(h.href)}">{label}</a>'
    return f'<span class="hl-label">{label}</span>'
