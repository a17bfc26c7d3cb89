"""Actors as they stood on the event's day, not the article's.

The coder snapshots an event's source and target with the role they held on the publication
day; an event the text dates elsewhere ("In 2008, Rouhani met ...", reported in 2019) takes
the code of the role held then (``Actor.ref_on``), as the dictionaries' dated roles intend.
"""

from __future__ import annotations

from dataclasses import replace

from ...models import ActorRef, AnalyzedArticle, Event

__all__ = ["on_event_day", "probe_day"]


def probe_day(date: str | None, precision: str) -> str | None:
    """The day a role is looked up on: the date itself, the middle of a month or a year; None
    for a decade or an unknown date (the publication day then stands)."""
    if not date or precision in ("decade", "unknown"):
        return None
    if precision == "day" or len(date) >= 10:
        return date[:10]
    if precision == "month" and len(date) >= 7:
        return f"{date[:7]}-15"
    return f"{date[:4]}-07-01" if len(date) >= 4 and date[:4].isdigit() else None


def _on(item: AnalyzedArticle, ref: ActorRef | None, day: str) -> ActorRef | None:
    actor = item.actors.get(ref.actor_id) if ref is not None else None
    if actor is None or not actor.roles:
        return ref
    return actor.ref_on(day)


def on_event_day(item: AnalyzedArticle, events: list[Event]) -> list[Event]:
    """``events`` with source and target re-snapshotted on each event's own day."""
    out = []
    for event in events:
        day = probe_day(event.date, event.date_precision)
        if day is None or day == (item.date or "")[:10]:
            out.append(event)
            continue
        out.append(replace(event, source=_on(item, event.source, day), target=_on(item, event.target, day)))
    return out
