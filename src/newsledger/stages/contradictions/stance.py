"""Stance toward each actor a statement names: cue words near the name (the framing lexicon),
labels applied to it, refusals to deal with it; the targets a statement takes a position on."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ...knowledge.framing import Lexicon, cached_pattern
from ...models import (
    Actor,
    ActorRef,
    Mention,
    Statement,
)
from ...text.stance import StanceCue, lexical_stances
from .voices import _Key, _ref_of, _voice


@dataclass(frozen=True, slots=True)
class _Target:
    actor_id: str
    name: str
    stance: str  # supportive | critical | neutral
    hostile: str  # the label when called a terrorist, an enemy, ... ("" otherwise)
    refusal: str  # the refused cooperation: "never negotiate with" ("" otherwise)
    cue: str  # the words that set the stance (for the explanation)
    confidence: float  # 1 when the words near the name say so; less on the statements stage's word alone
    keys: dict[str, _Key]


#: Confidence of a stance that only the statements stage's ``about`` gives.  On real text
#: such stances are the tone of a whole statement more often than a stance toward each actor
#: named, so they confirm the words near a name but never make a contradiction alone.
WEAK_STANCE = 0.6
#: Confidence of a stance from cue words near a name that do not apply to it.
NEAR_STANCE = 0.7


def _locate(
    statement: Statement,
    mentions: Sequence[Mention] | None,
    actors: Mapping[str, Actor],
    wanted: set[str] | None,
) -> list[tuple[int, int, str, str]]:
    """Where actors are named in ``statement.content``: (start, end, actor_id, text), content-relative.

    Mentions resolved by the actors stage are used when given; the names and aliases of
    ``wanted`` actors that no mention covers (all of them for records from the store) are
    searched in the content.
    """
    content, (c0, c1) = statement.content, statement.content_span
    found: list[tuple[int, int, str, str]] = []
    for m in mentions or ():
        if not m.actor_id or m.start < c0 or m.end > c1 or (wanted is not None and m.actor_id not in wanted):
            continue
        rel = m.start - c0
        if content[rel : rel + len(m.text)] != m.text:  # quotes stripped: find it nearby
            hits = [h.start() for h in re.finditer(re.escape(m.text), content)]
            if not hits:
                continue
            rel = min(hits, key=lambda h: abs(h - rel))
        found.append((rel, rel + len(m.text), m.actor_id, m.text))
    missing = (wanted if wanted is not None else set() if mentions is not None else set(actors)) - {
        f[2] for f in found
    }
    for actor_id in sorted(missing):
        actor = actors.get(actor_id)
        if actor is None:
            continue
        pattern = cached_pattern(tuple(n for n in (actor.name, *actor.aliases) if len(n) > 2))
        for hit in pattern.finditer(content) if pattern else ():
            found.append((hit.start(), hit.end(), actor_id, hit.group(0)))
    return sorted(found)


def _targets(
    statement: Statement,
    speaker_keys: dict[str, _Key],
    actors: Mapping[str, Actor],
    mentions: Sequence[Mention] | None,
    lexicon: Lexicon,
) -> list[_Target]:
    day = statement.date
    self_ids = {statement.speaker.actor_id} if statement.speaker else set()
    given = {a.actor_id: a for a in statement.about}
    # one stance for every actor a statement names is the statement's tone, not a stance
    # toward each of them: such ``about`` stances are used only where the words agree
    polarities = {a.stance for a in statement.about}
    smeared = len(statement.about) >= 2 and len(polarities) == 1 and "neutral" not in polarities
    located = _locate(statement, mentions, actors, set(given) if given else None)
    derived = lexical_stances(statement.content, located, lexicon, exclude=self_ids)
    names = {actor_id: text for _, _, actor_id, text in located}
    out = []
    candidates = list(given) if given else list(derived)
    for actor_id in candidates:
        about = given.get(actor_id)
        found = derived.get(actor_id, StanceCue("neutral", "", "", ""))
        # words that only stand near the name are the statement's tone: too weak to contradict
        stance, confidence = found.stance, 1.0 if found.applied else NEAR_STANCE
        told = about.stance if about is not None and about.stance in ("critical", "supportive") else None
        if stance == "neutral" and told and not smeared:
            stance, confidence = told, WEAK_STANCE  # the statements stage's word alone
        elif about is not None and about.stance != stance:
            # the words near the name and the statement's ``about`` disagree (or ``about`` hears
            # no stance at all): nothing to cite, so a contradiction never calls a statement
            # "supportive" of an actor that the statement's record holds it is critical of
            continue
        if stance == "neutral":
            continue
        ref = _ref_of(actor_id, actors, day, about.name if about else names.get(actor_id, ""))
        keys = _voice(ref, actors, day)
        if not keys or keys.keys() & speaker_keys.keys():  # a voice speaking about itself
            continue
        if _own_country(statement.speaker, actors.get(actor_id)):
            continue
        hostile = found.label if stance == "critical" else ""
        refusal = found.refusal if stance == "critical" else ""
        out.append(_Target(actor_id, ref.name, stance, hostile, refusal, found.cue, confidence, keys))
    return out


def _own_country(speaker: ActorRef | None, target: Actor | None) -> bool:
    """A speaker of no known sector talking about their own country speaks for it, not of it."""
    return bool(
        speaker is not None
        and speaker.sector is None
        and target is not None
        and target.kind == "country"
        and target.country == speaker.country
    )
