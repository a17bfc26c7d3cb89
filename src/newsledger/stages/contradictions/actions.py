"""Statement-action conflicts: a voice labels an actor while its own side cooperates with it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...models import (
    Actor,
    ActorRef,
    Event,
    Statement,
)
from .common import _days_apart, _time_factor
from .conflicts import _attitude, _Said, _snippet, _who
from .evidence import about_agrees, dates_meet, event_asserted
from .stance import _Target
from .voices import _Key, _shared, _voice


def _event_sides(event: Event) -> list[tuple[ActorRef, ActorRef, bool]]:
    """(own side, other side, own side is the source) for both directions of an event."""
    sides = []
    if event.source and event.target:
        sides.append((event.source, event.target, True))
        sides.append((event.target, event.source, False))
    return sides


@dataclass(frozen=True, slots=True)
class _Side:
    """One event seen from one of its two actors ("own"), with both sides' voice keys."""

    event: Event
    own: ActorRef
    other: ActorRef
    own_is_source: bool
    own_keys: dict[str, _Key]
    other_keys: dict[str, _Key]


def _index_events(
    events: Sequence[Event], actors: Mapping[str, Actor], statements: Sequence[Statement] = ()
) -> dict[tuple[str, str], list[_Side]]:
    """Events by (voice key of the side taking part, voice key of the other side), built once.
    An event coded from the words of a direct quotation ("it gives the keys to Hamas," an
    official said) is rhetoric, not what anyone did: it is no one's conduct.  (Reported speech,
    "the ministry said the delegation traveled to Tehran", is how news reports conduct: kept.)"""
    said_in: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for st in statements:
        if st.kind == "direct":
            said_in[st.provenance.article_id].append(st.content_span)
    index: dict[tuple[str, str], list[_Side]] = defaultdict(list)
    for event in events:
        if event.quad_class == 3 or not event_asserted(event):
            continue  # hedged, denied or asked-for events are no conduct (evidence.py)
        start = event.provenance.span[0]
        if any(c0 <= start < c1 for c0, c1 in said_in.get(event.provenance.article_id, ())):
            continue
        for own, other, own_is_source in _event_sides(event):
            if not own_is_source and (event.quad_class == 4 or not _mutual(event)):
                continue  # being praised or attacked is not the speaker's own conduct
            own_keys = _voice(own, actors, event.date)
            other_keys = _voice(other, actors, event.date)
            side = _Side(event, own, other, own_is_source, own_keys, other_keys)
            for key in own_keys:
                for other_key in other_keys:
                    index[(key, other_key)].append(side)
    return index


def _action_conflicts(
    said: _Said, index: Mapping[tuple[str, str], list[_Side]], limit: int | None
) -> list[tuple[float, Event, _Target, ActorRef, str]]:
    """The events that contradict what ``said`` says of its targets: the best ``limit`` per
    target (nearest in time first among equals), so that a much-repeated label does not link
    to every meeting in a whole corpus."""
    out = []
    s = said.statement
    for target in said.targets:
        # the criticism must be a label applied to the actor ("a terrorist entity") or a
        # refusal to deal with it ("we will never negotiate with them"): mere criticism
        # ("its opposition to talks between Iran and the Taliban") does not bind conduct
        labels = target.stance == "critical" and bool(target.hostile or target.refusal)
        praises = target.stance == "supportive" and target.confidence >= 0.8
        if not (labels or praises) or not about_agrees(s, target.actor_id, target.stance):
            continue
        sides: dict[int, _Side] = {}
        for key in said.voice:
            for other_key in target.keys:
                for side in index.get((key, other_key), ()):
                    sides.setdefault(id(side), side)
        scored: dict[tuple[str, int], tuple[float, int, _Side, ActorRef, bool]] = {}
        voices: dict[int, tuple[float, ActorRef] | None] = {}  # by identity of memoised key sets
        hits: dict[int, tuple[float, ActorRef] | None] = {}
        for side in sides.values():
            event = side.event
            cooperative = labels and event.quad_class in (1, 2) and not _words_only(event)
            if not (cooperative or (praises and event.quad_class == 4)) or _told_in(event, s):
                continue
            # the event's other party is the very actor the statement is about (or a member of
            # it: "a Legion envoy"), never only its state ("the U.S. Army" is not "the United
            # States"), and the words and the deed belong to one period
            if not _same_party(side, target.actor_id) or not dates_meet(s.date, event.date):
                continue
            own, other = id(side.own_keys), id(side.other_keys)
            if own not in voices:
                voices[own] = _shared(said.voice, side.own_keys)
            if other not in hits:
                hits[other] = _shared(target.keys, side.other_keys)
            voice, hit = voices[own], hits[other]
            if voice is None or hit is None:
                continue
            if cooperative:
                base = 0.85 if target.hostile else 0.7
                base *= 0.9 if event.quad_class == 1 else 1.0
            else:
                base = 0.6
            score = base * voice[0] * hit[0] * target.confidence * _time_factor(s.date, event.date)
            score *= 0.8 + 0.2 * max(0.0, min(event.confidence, 1.0))
            # one per reported happening: "traveled to Tehran to meet officials" is one contact
            slot = (event.provenance.article_id, event.provenance.sentence_index)
            gap = _days_apart(s.date, event.date)
            if slot not in scored or (score, -gap) > scored[slot][:2]:
                scored[slot] = (score, -gap, side, voice[1], cooperative)
        best = sorted(scored.values(), key=lambda x: (-x[0], -x[1], x[2].event.event_id))
        for score, _gap, side, group, cooperative in best[:limit] if limit else best:
            out.append(
                (min(score, 1.0), side.event, target, group, _action_text(s, target, side, cooperative))
            )
    return out


def _same_party(side: _Side, actor_id: str) -> bool:
    keys = side.other_keys
    return side.other.actor_id == actor_id or f"actor:{actor_id}" in keys or f"org:{actor_id}" in keys


def _action_text(s: Statement, target: _Target, side: _Side, cooperative: bool) -> str:
    event = side.event
    when = f" on {event.date}" if event.date else ""
    what = "cooperates with" if cooperative else "acts against"
    other = side.other
    whom = other.name if other.actor_id == target.actor_id else f"{other.name} ({target.name})"
    return (
        f"{_who(s)} (statement {s.statement_id}) {_attitude(target)} "
        f"(“{_snippet(s.content, target.hostile or target.cue)}”) while {side.own.name} {what} "
        f"{whom} (event {event.event_id}: “{event.trigger}”{when})."
    )


MUTUAL_ROOTS = frozenset({"04", "06"})
#: Acts that are words, not conduct: a public statement (01: "approved a resolution designating
#: X as terrorist"), an appeal (02: a request, not a partnership), an intent (03), praise or a
#: verbal defence (051, 052: often the statements stage's own stances turned into events).
#: A statement-action conflict sets words against deeds; these are more words.
WORDS_ROOTS = frozenset({"01", "02", "03"})
WORDS_CODES = frozenset({"051", "052"})


def _words_only(event: Event) -> bool:
    return event.cameo_root in WORDS_ROOTS or event.cameo_code[:3] in WORDS_CODES


#: Codes of verbal cooperation that bind both parties: signing a formal agreement.
MUTUAL_CODES = frozenset({"057"})


def _mutual(event: Event) -> bool:
    """Both sides take part whoever is the source (a meeting, an agreement signed); yielding or
    de-escalating (08) is the source's act alone, not the target's conduct."""
    return event.cameo_root in MUTUAL_ROOTS or event.cameo_code[:3] in MUTUAL_CODES


def _told_in(event: Event, statement: Statement) -> bool:
    """The event was coded from the statement's own words: it is what was said, not done."""
    ep = event.provenance
    c0, c1 = statement.content_span
    return ep.article_id == statement.provenance.article_id and c0 <= ep.span[0] < c1
