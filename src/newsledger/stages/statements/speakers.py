"""Who a speaker phrase refers to: its own mention first, then titles, pronouns and organisations.

The actors stage resolves most speaker phrases; what it leaves unresolved is read here, in order:

1. the mention that covers the speaker's head word ("Shamkhani", "the foreign minister");
2. a personal pronoun ("he said") with no mention of its own: the person named last in the two
   sentences before it (news introduces a speaker by name, then goes on with "he"); "it",
   "they", "their" with none: the organisation, group or country named last in its sentence or
   the one before;
3. a definite description ("the embassy said", "the ministry added"): the nearest earlier mention
   in the article whose words hold the same noun ("the US embassy in India"), never a place in
   its modifiers ("India");
4. the organisation or country in the head's own modifiers ("Israeli officials",
   "China's foreign ministry", "a Hamas spokesman"): the voice the speaker speaks for;
5. an unnamed speaker (:mod:`.collective`): a country's title held by one person on the day
   ("Iran's foreign minister" -> the holder the knowledge base knows), or a collective typed
   with the country of its modifiers, of its antecedent or of the article ("the embassy said"
   -> the U.S. embassy named before; "officials said" in an article about Kenya);
6. a document (:mod:`.documents`): whoever issued it ("the report said" -> the organisation
   that released the report named before);
7. any mention inside the speaker phrase as written (its "of"/"for" attachment: "a spokesman
   for the ministry").

A government of unknown country ("unidentified government") is a weak answer: each later step
may replace it, and it is kept only when none does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ...knowledge.actors import ActorKB
from ...knowledge.wordlists import word_lists
from ...models import Actor, ActorRef, AnalyzedArticle, Mention
from .collective import title_holder, unnamed_speaker, weak
from .documents import document_speaker

__all__ = ["Voice", "described_voice", "resolve_speaker", "voice_of", "went_on"]

_PERSONAL = frozenset({"he", "she", "him", "her"})
#: Pronouns that stand for an organisation, a group or a country ("their blog said", "it said").
_COLLECTIVE = frozenset({"it", "its", "they", "their", "them"})
_DEFINITE = frozenset({"the", "this", "that"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
#: Bodies that speak for a person without being the person ("Carter's office said").
PERSON_BODIES = word_lists("statement_words.yaml").words("person_bodies")
#: People who speak for an organisation ("a spokesperson for the NRMA").
VOICES = word_lists("statement_words.yaml").words("voices")
_VOICE_PREPS = frozenset({"for", "of", "from", "at"})
#: How many sentences back a pronoun may find the person it stands for.
PRONOUN_REACH = 2


def resolve_speaker(
    item: AnalyzedArticle,
    head: Any | None,
    span: tuple[int, int] | None,
    day: str | None,
    kb: ActorKB | None = None,
) -> ActorRef | None:
    """The actor the speaker (head token ``head``, written at ``span``) refers to, or None;
    ``kb`` (the actors' knowledge base) types unnamed speakers (step 5)."""
    fallback: ActorRef | None = None
    if head is not None:
        ref = _head_ref(item, head, day) or _person_body(item, head, day)
        if ref is None and head.lower_ in _PERSONAL:
            ref = _person_before(item, head, day)
        if ref is None and head.lower_ in _COLLECTIVE:
            ref = _body_before(item, head, day)
        if kb is not None and ref is not None and ref.actor_id.startswith("group:") and ref.country:
            # "Iran's foreign minister" (the Iranian government) is the minister of the day
            ref = title_holder(item, kb, head, ref.country[:3], day) or ref
        if weak(ref) and head.pos_ == "NOUN" and _definite(head):
            ref = _stronger(ref, _described_before(item, head, day))
        if weak(ref):
            ref = _stronger(ref, _modifier_actor(item, head, day))
        if weak(ref):
            ref = _stronger(ref, _voice_of(item, head, day))
        if weak(ref) and kb is not None:
            ref = _stronger(
                ref, unnamed_speaker(item, kb, head, day) or document_speaker(item, kb, head, day)
            )
        if not weak(ref):
            return ref
        fallback = ref
    in_span = item.actor_ref_at(*span, day) if span else None
    return in_span if not weak(in_span) else fallback or in_span


@dataclass(frozen=True, slots=True)
class Voice:
    """The speaker a later "he"/"she" may go on with: a described speaker ("a spokesperson for
    the NRMA"), the actor it resolved to, and where it last spoke (the end of its cue or pronoun,
    the sentence, and what it said, which may name other people)."""

    head: Any
    ref: ActorRef
    last: int
    sentence: int
    content: tuple[int, int]


def described_voice(item: AnalyzedArticle, head: Any, voice: Voice | None) -> ActorRef | None:
    """ "A spokesperson for the NRMA said that … He added that …": "he" goes on with a speaker
    described, not named (so not a person the actors stage could refer back to), when that
    speaker spoke in this sentence or the one before and no person is named between outside
    what was said."""
    if voice is None or head is None or head.lower_ not in ("he", "she") or head.idx < voice.last:
        return None
    here = item.sentence_at(head.idx)
    if here is None or here.index - voice.sentence > 1:
        return None
    c0, c1 = voice.content
    for m in item.mentions:
        if voice.last <= m.start < head.idx and not c0 <= m.start < c1 and m.label != "PRON":
            actor = item.actors.get(m.actor_id or "")
            if actor is not None and actor.kind == "person":
                return None
    return voice.ref


def voice_of(
    item: AnalyzedArticle, head: Any, ref: ActorRef | None, content: tuple[int, int]
) -> Voice | None:
    """A :class:`Voice` for a described speaker who spoke: a spokesperson or the like, or a
    description that resolved to a person ("the minister"); None for a name or a body."""
    if head is None or ref is None or head.pos_ != "NOUN":
        return None
    actor = item.actors.get(ref.actor_id)
    if head.lemma_.lower() not in VOICES and (actor is None or actor.kind != "person"):
        return None  # "The ministry said …  He added": a ministry is no "he"
    sent = item.sentence_at(head.idx)
    return Voice(head, ref, head.idx + len(head), sent.index if sent else -1, content)


def went_on(item: AnalyzedArticle, voice: Voice, head: Any, content: tuple[int, int]) -> Voice:
    """The voice after it spoke again through ``head`` (a pronoun)."""
    sent = item.sentence_at(head.idx)
    return replace(
        voice, last=head.idx + len(head), sentence=sent.index if sent else voice.sentence, content=content
    )


def _head_ref(item: AnalyzedArticle, head: Any, day: str | None) -> ActorRef | None:
    """The actor of the mention at the head word; for a pronoun, of the pronoun's own mention
    ("their" in "their staff blog" is the organisation, the phrase its medium)."""
    start, end = head.idx, head.idx + len(head)
    if head.pos_ == "PRON":
        own = next((m for m in item.mentions if m.actor_id and (m.start, m.end) == (start, end)), None)
        if own is not None:
            return item.actor_ref(own.actor_id, day)
    return item.actor_ref_at(start, end, day)


def _stronger(ref: ActorRef | None, other: ActorRef | None) -> ActorRef | None:
    """``other`` where it says more than ``ref`` (an actor, or a collective's country)."""
    return other if other is not None and (ref is None or not weak(other)) else ref


def _definite(head: Any) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in head.children)


def _resolved_before(item: AnalyzedArticle, offset: int) -> list[Mention]:
    """Resolved mentions that end before ``offset``, nearest first."""
    found = [m for m in item.mentions if m.actor_id and m.end <= offset]
    return sorted(found, key=lambda m: -m.end)


def _person_before(item: AnalyzedArticle, head: Any, day: str | None) -> ActorRef | None:
    sent = item.sentence_at(head.idx)
    if sent is None:
        return None
    for m in _resolved_before(item, head.idx):
        if sent.index - m.sentence > PRONOUN_REACH:
            return None
        actor = item.actors.get(m.actor_id or "")
        if actor is not None and actor.kind == "person":
            return item.actor_ref(actor.actor_id, day)
    return None


def _body_before(item: AnalyzedArticle, head: Any, day: str | None) -> ActorRef | None:
    """ "Greenpeace recommended a post on their blog, which said …": the organisation, group or
    country named last in the pronoun's sentence or the one before it."""
    sent = item.sentence_at(head.idx)
    if sent is None:
        return None
    for m in _resolved_before(item, head.idx):
        if sent.index - m.sentence > 1:
            return None
        actor = item.actors.get(m.actor_id or "")
        if actor is not None and actor.kind in ("organization", "group", "country"):
            return item.actor_ref(actor.actor_id, day)
    return None


def _described_before(item: AnalyzedArticle, head: Any, day: str | None) -> ActorRef | None:
    word = re.compile(rf"(?<!\w){re.escape(head.lower_)}(?!\w)", re.IGNORECASE)
    for m in _resolved_before(item, head.idx):
        if word.search(m.text):
            ref = item.actor_ref(m.actor_id, day)
            if not weak(ref):
                return ref
    return None


def _modifier_actor(item: AnalyzedArticle, head: Any, day: str | None) -> ActorRef | None:
    for child in head.children:
        if child.dep_ not in _MODIFIER_DEPS:
            continue
        toks = list(child.subtree)
        ref = item.actor_ref_at(toks[0].idx, toks[-1].idx + len(toks[-1]), day)
        if ref is not None:
            return ref
    return None


def _voice_of(item: AnalyzedArticle, head: Any, day: str | None) -> ActorRef | None:
    """ "A spokesperson for the NRMA said": someone who speaks for an organisation or a group
    named in the "for"/"of"/"from"/"at" attachment speaks for it; a country there is left to the
    collectives (step 5: "a spokesman for Iran" is Iran's government)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in VOICES:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in _VOICE_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            # the noun phrase up to its noun: not "the NRMA, the largest group in NSW"
            ref = item.actor_ref_at(obj.left_edge.idx, obj.idx + len(obj), day)
            actor = item.actors.get(ref.actor_id) if ref is not None else None
            if actor is not None and actor.kind in ("organization", "group") and not weak(ref):
                return ref
    return None


def _person_body(item: AnalyzedArticle, head: Any, day: str | None) -> ActorRef | None:
    """ "Carter's office said": not Carter himself but the office that speaks for him, an
    organisation tied to him, with his country and sector on the day."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in PERSON_BODIES:
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN":
        return None
    person_ref = item.actor_ref_at(owner.idx, owner.idx + len(owner), day)
    person = item.actors.get(person_ref.actor_id) if person_ref is not None else None
    if person_ref is None or person is None or person.kind != "person":
        return None
    word = head.lemma_.lower()
    body = Actor(
        actor_id=f"org:{person.actor_id.split(':', 1)[-1]}-{word}",
        name=f"{person.name}'s {word}",
        kind="organization",
        country=person_ref.country,
        sector=person_ref.sector,
        affiliation=person.actor_id,
    )
    item.actors.setdefault(body.actor_id, body)
    return body.ref_on(day or item.date)
