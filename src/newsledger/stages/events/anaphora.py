"""A happening named again by a definite noun: "Israel denied the visit", "the U.N. condemned
the attack", "Peres criticised the planned meeting with Mashal".

The act is done to whoever did the happening the noun refers back to: the visitor, the
attackers, the one who meets.  The noun names no doer of its own (else the parse gives it:
"condemned Hamas's attack"), so the doer comes from the article's events coded before it, the
latest of the same kind (a visit, a meeting or an announced meeting, an act of force), and,
where the noun names a partner ("the meeting with Mashal"), the one done with that partner.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ...models import ActorRef, Event
from .merge import UNNAMED_PREFIX, compatible
from .syntax import pobjs

__all__ = ["family", "referred_doer"]

DEFINITE = {"the", "this", "that", "these", "those"}
PARTNER_PREPS = {"with", "to", "against", "on"}
#: prepositions after a verb that introduce what it reacts to ("protested against the visit")
REACTION_PREPS = {"against", "about", "over", "of", "to", "on"}


def family(code: str) -> str:
    """The kind of happening a code belongs to, as a noun refers back to it: consultations and
    the intents to meet that announce them; all acts of force; otherwise the CAMEO root."""
    root = code[:2]
    if root == "04" or code.startswith("036"):
        return "consult"
    if root in {"18", "19", "20"}:
        return "force"
    return root


def _referring_nouns(tok: Any, event_nouns: Mapping[str, str]) -> list[Any]:
    """Objects of ``tok`` that are a definite event noun with no doer of their own."""
    heads = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    heads += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in REACTION_PREPS for o in pobjs(c)]
    out = []
    for h in heads:
        if h.pos_ != "NOUN" or h.lower_ not in event_nouns:
            continue
        dets = [c for c in h.children if c.dep_ in {"det", "poss"}]
        own_doer = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in dets) or any(
            c.dep_ in {"compound", "amod"} and c.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            for c in h.children
        )
        by_doer = any(c.dep_ in {"prep", "agent"} and c.lower_ == "by" for c in h.children)
        definite = any(c.lower_ in DEFINITE or c.pos_ == "PRON" for c in dets)
        if definite and not own_doer and not by_doer:
            out.append(h)
    return out


def referred_doer(
    tok: Any,
    event_nouns: Mapping[str, str],
    happenings: Sequence[Event],
    partner_ids: Any,
    exclude: set[str],
) -> tuple[ActorRef, Any] | None:
    """The doer of the happening an object of ``tok`` refers back to, with the noun, or None.

    ``partner_ids(noun)`` gives the actor ids the noun names as a partner; ``exclude`` holds the
    acting side's own ids (who criticises a meeting is not its own target)."""
    for noun in _referring_nouns(tok, event_nouns):
        kind = family(event_nouns[noun.lower_])
        partners = partner_ids(noun)
        before = [e for e in reversed(happenings) if e.source is not None and family(e.cameo_code) == kind]
        if partners:
            before = [e for e in before if e.target is not None and e.target.actor_id in partners] or before
        for e in _named_first(before):
            doer = e.source
            if doer is not None and doer.actor_id not in exclude:
                return doer, noun
    return None


def _named_first(before: list[Event]) -> list[Event]:
    """Happenings latest first, except that a vaguer retelling ("militants ambushed their
    convoy", by "unidentified rebels") gives way to the happening it retells with the doer's
    name ("Janjaweed militants ambushed their convoy"): the noun that refers back ("condemned
    the attack") names the happening, whose doer the text named.  A doer the coder only typed
    ("Palestinian armed group" for "were killed") is no name."""
    latest = before[0].source if before else None
    if latest is None or _called_by_name(latest):
        return before
    named = next(
        (
            e
            for e in before[1:]
            if e.source is not None and _called_by_name(e.source) and compatible(latest, e.source)
        ),
        None,
    )
    return [named, *before] if named is not None else before


def _called_by_name(ref: ActorRef) -> bool:
    """True for an actor the text names, not a collective the coder typed for an unnamed doer
    ("unidentified rebels", "Palestinian armed group"); a group called by its name keeps it."""
    return not ref.actor_id.startswith(UNNAMED_PREFIX) or "#" in ref.actor_id
