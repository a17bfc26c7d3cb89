"""Violence told as the outcome of an act of violence ("attacked a village, killing 12
civilians"): one happening, one record (PROTOCOL), however many verbs tell it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...models import Event
from .nonacts import VIOLENT_ROOTS
from .records import code_fields, event_id

__all__ = ["outcome_of_the_act"]


def outcome_of_the_act(tok: Any, nominal: bool, coded: list[Event], governing: list[Event]) -> list[Event]:
    """Violence a participle adds to the violence of the verb it hangs on ("attacked a village,
    killing 12 civilians", "shelled the town, wounding 30") is that act's outcome, one happening
    (PROTOCOL: one record per happening): told as one more mention of the governing act, with
    its code and target, so that ``merge_mentions`` folds the two into one record."""
    if nominal or tok.dep_ != "advcl" or tok.tag_ != "VBG":
        return coded
    out: list[Event] = []
    for e in coded:
        act = next(
            (
                g
                for g in governing
                if g.cameo_root in VIOLENT_ROOTS
                and e.cameo_root in VIOLENT_ROOTS
                and g.source is not None
                and e.source is not None
                and g.source.actor_id == e.source.actor_id
            ),
            None,
        )
        out.append(e if act is None else _as_mention_of(e, act))
    return out


def _as_mention_of(e: Event, act: Event) -> Event:
    """``e`` told as one more mention of ``act``: its code and dyad, its own span."""
    source = act.source.actor_id if act.source else None
    target = act.target.actor_id if act.target else None
    ident = event_id(e.provenance.article_id, e.provenance.span, act.cameo_code, source, target)
    return replace(e, **code_fields(act.cameo_code), event_id=ident, target=act.target)
