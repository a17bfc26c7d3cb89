"""Article text with its records highlighted (like displaCy), built server-side and escaped.

Every piece of article text and every label is passed through :func:`markupsafe.escape`; the only
markup in the result is the ``<span>``/``<a>`` elements made here, so the template can insert the
returned :class:`~markupsafe.Markup` without ``|safe`` on anything a user supplied.

Spans may overlap (a quote contains an actor mention and a loaded term).  The text is cut at every
span boundary and each piece is wrapped in one element per span that covers it, outermost first;
a span's label (a link to its record) is placed at its end, inside its own element.

Records of one kind on the same characters (two dyads coded from one trigger) share one element
and one label ("051 SUPPORT ×2"), and every record keeps its anchor (``#hl-event-ID``).  Actor
mentions carry no label: the name itself links to the actor, its type and actor show on hover.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
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
    #: Other records of this kind on exactly these characters, shown by this one element.
    also: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return f"hl-{self.kind}-{self.ref}"

    @property
    def anchors(self) -> list[str]:
        return [self.anchor, *(f"hl-{self.kind}-{ref}" for ref in self.also)]


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
        kind = ENTITY_NAMES.get(str(m.get("label")), str(m.get("label") or "name"))
        title = f"{names.get(aid, aid)} ({kind})" if aid else kind
        out.append(
            Highlight(
                int(m["start"]),
                int(m["end"]),
                "mention",
                str(m.get("id", f"{m['start']}-{m['end']}")),
                "",  # no label on names: the colour marks them, the title names the actor
                f"/actors/{url_part(aid)}" if aid else None,
                title,
            )
        )
    for e in records.get("events", []):
        out.extend(_event_highlights(e))
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
    return merge_same_spans(clip(text, out))


def _event_highlights(e: Mapping[str, Any]) -> list[Highlight]:
    """An event's trigger, and every other place the article tells the same happening
    (``mention_spans``: "He met Lula." ... "On February 3, Roque met Lula"), each linked to the
    one record; a retelling's anchor is the record's with ``.m<n>``."""
    start, end = e["span"]
    src = (e.get("source") or {}).get("name") or "?"
    tgt = (e.get("target") or {}).get("name") or "?"
    label = e["cameo_code"] + (f" {e['plover_type']}" if e.get("plover_type") else "")
    title = (
        f"CAMEO {e['cameo_code']} {cameo_name(e['cameo_code'])} (quad {e['quad_class']}, "
        f"Goldstein {e.get('goldstein')}): {src} → {tgt}, “{e.get('trigger')}”"
    )
    href = f"#event-{url_part(e['event_id'])}"
    spans = [tuple(s) for s in e.get("mention_spans") or () if tuple(s) != (start, end)]
    told = len(spans) + 1
    out = [Highlight(int(start), int(end), "event", e["event_id"], label, href, title)]
    for n, (lo, hi) in enumerate(spans, start=2):
        retold = f"{title}; told again ({n} of {told})"
        out.append(Highlight(int(lo), int(hi), "event", f"{e['event_id']}.m{n}", label, href, retold))
    return out


def cameo_name(code: str | None) -> str:
    """The CAMEO name of a code ("051" -> "Praise or endorse"); empty for no code."""
    from ..knowledge.cameo import lookup

    return lookup(code).name if code else ""


#: spaCy's entity labels in words, for the hover text of a name.
ENTITY_NAMES = {
    "PERSON": "person", "ORG": "organisation", "GPE": "country, city or state", "NORP": "nationality or group",
    "GROUP": "group", "PRON": "pronoun", "LOC": "place", "FAC": "building or facility",
}  # fmt: skip


def merge_same_spans(spans: Iterable[Highlight]) -> list[Highlight]:
    """One highlight per kind and character span: records on the same characters share one
    element, one label (distinct labels joined, a count when they repeat) and a joined title."""
    groups: dict[tuple[str, int, int], list[Highlight]] = {}
    for h in spans:
        groups.setdefault((h.kind, h.start, h.end), []).append(h)
    out = []
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            out.append(first)
            continue
        labels = list(dict.fromkeys(h.label for h in group if h.label))
        label = " · ".join(labels) + (f" ×{len(group)}" if len(labels) < len(group) and labels else "")
        titles = "\n".join(dict.fromkeys(h.title for h in group if h.title))
        also = tuple(h.ref for h in group[1:])
        out.append(replace(first, label=label, title=titles or None, also=also))
    return out


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
        out.append(h if (start, end) == (h.start, h.end) else replace(h, start=start, end=end))
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
    starting: dict[int, list[Highlight]] = {}
    for h in items:
        starting.setdefault(h.start, []).append(h)
    covering: list[Highlight] = []  # the spans over the current piece, outermost first (a sweep)
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        piece = str(escape(text[lo:hi]))
        covering = [h for h in covering if h.end > lo]
        for h in starting.get(lo, ()):
            insort(covering, h, key=_order)
        if not covering:
            parts.append(piece)
            continue
        for h in covering:
            parts.append(_open(h, first=(h.kind, h.ref) not in opened))
            opened.add((h.kind, h.ref))
        inner = covering[-1]
        linked = inner.kind == "mention" and inner.href
        parts.append(f'<a class="hl-ref" href="{escape(inner.href or "")}">{piece}</a>' if linked else piece)
        for h in reversed(covering):
            if h.end == hi and h.label:
                parts.append(_label(h))
            parts.append("</span>")
    return Markup("".join(parts))


def _open(h: Highlight, *, first: bool) -> str:
    """The opening tag of one piece of ``h``; its first piece carries the record's anchor (and
    empty anchors for the records it shares the span with)."""
    attrs = f' class="hl hl-{escape(h.kind)}" data-hl="{escape(" ".join(h.anchors))}"'
    extra = ""
    if first:
        attrs += f' id="{escape(h.anchor)}"'
        extra = "".join(f'<span class="hl-anchor" id="{escape(a)}"></span>' for a in h.anchors[1:])
    if h.title:
        attrs += f' title="{escape(h.title)}"'
    return f"{extra}<span{attrs}>"


def _label(h: Highlight) -> str:
    label = escape(h.label)
    if h.href:
        return f'<a class="hl-label" href="{escape(h.href)}">{label}</a>'
    return f'<span class="hl-label">{label}</span>'
