"""Who a speaker phrase refers to: its own mention first, then titles, pronouns and organisations.

The actors stage resolves most speaker phrases; what it leaves unresolved is read here, in order:

1. the mention that covers the speaker's head word ("Shamkhani", "the foreign minister");
2. a personal pronoun ("he said") with no mention of its own: the person named last in the two
   sentences before it (news introduces a speaker by name, then goes on with "he");
3. a definite description ("the embassy said", "the ministry added"): the nearest earlier mention
   in the article whose words hold the same noun ("the US embassy in India"), never a place in
   its modifiers ("India");
4. the organisation or country in the head's own modifiers ("Israeli officials",
   "China's foreign ministry", "a Hamas spokesman"): the voice the speaker speaks for;
5. any mention inside the speaker phrase as written (its "of"/"for" attachment: "a spokesman
   for the ministry").
"""

from __future__ import annotations

import re
from typing import Any

from ...models import ActorRef, AnalyzedArticle, Mention

__all__ = ["resolve_speaker"]

_PERSONAL = frozenset({"he", "she", "him", "her"})
_DEFINITE = frozenset({"the", "this", "that"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
#: How many sentences back a pronoun may find the person it stands for.
PRONOUN_REACH = 2


def resolve_speaker(
    item: AnalyzedArticle, head: Any | None, span: tuple[int, int] | None, day: str | None
) -> ActorRef | None:
    """The actor the speaker (head token ``head``, written at ``span``) refers to, or None."""
    if head is not None:
        ref = item.actor_ref_at(head.idx, head.idx + len(head), day)
        if ref is None and head.lower_ in _PERSONAL:
            ref = _person_before(item, head, day)
        if ref is None and head.pos_ == "NOUN" and _definite(head):
            ref = _described_before(item, head, day)
        if ref is None:
            ref = _modifier_actor(item, head, day)
        if ref is not None:
            return ref
    return item.actor_ref_at(*span, day) if span else None


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


def _described_before(item: AnalyzedArticle, head: Any, day: str | None) -> ActorRef | None:
    word = re.compile(rf"(?<!\w){re.escape(head.lower_)}(?!\w)", re.IGNORECASE)
    for m in _resolved_before(item, head.idx):
        if word.search(m.text):
            return item.actor_ref(m.actor_id, day)
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
