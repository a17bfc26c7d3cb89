"""Who a noun of someone's relation to one person names: not the person.  A relative or a helper
("his father", "her Iraqi driver") is an unnamed civilian of the nationality the phrase gives,
else of the person's country; an adversary ("her captors", "his killers") is an unnamed force of
the kind its word says (captors and kidnappers are an armed group), of no country the person
gives.  "His country" is the country of the one it is his: a state, not the person; workers of
an organisation named before them are its country's labour ("General Motors workers"); and a
title the parser made the head of a name after it ("United States Senator from Vermont Bernie
Sanders") is that person."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...knowledge.actors import key
from ...knowledge.wordlists import word_lists
from ...models import ActorRef
from .syntax import names_people, np_span

if TYPE_CHECKING:
    from .parties import Parties

__all__ = ["relation_of", "title_before_a_name"]

_WORDS = word_lists("event_words.yaml")
KIN_NOUNS = _WORDS.words("kin_nouns")
#: peers and posts, who are someone's side, not his helpers ("his spokesman", "her rival")
SIDE_NOUNS = _WORDS.words("side_nouns")
#: those who act against the person the possessive names ("her captors")
ADVERSARY_NOUNS = _WORDS.words("adversary_nouns")
#: nouns of one's own state: "attacked his country" is Venezuela, not Chavez
HOMELAND_NOUNS = frozenset({"country", "homeland", "nation", "motherland", "fatherland"})
#: the kind of an adversary whose word the dictionaries do not type ("his killers")
UNIDENTIFIED_FORCE = "UAF"


def relation_of(parties: Parties, h: Any) -> ActorRef | None:
    """The unnamed actor a relation noun ``h`` owned by one person names (module docstring);
    None for other phrases, for one owned by a group ("their families": the group's own people)
    and a relative named beside ("her mother, Virginia Long": the name says who)."""
    if h.pos_ != "NOUN":
        return None
    lemma = h.lemma_.lower()
    if lemma in HOMELAND_NOUNS:
        return _homeland(parties, h)
    if lemma in WORKFORCE_NOUNS:
        return _workforce(parties, h)
    adversary = lemma in ADVERSARY_NOUNS
    if not (adversary or lemma in KIN_NOUNS or _someones_helper(parties, h)):
        return None
    owner = _one_owner(parties, h)
    if owner is None or not owner.actor_id.startswith("person:"):
        return None
    if adversary:
        agent = parties.kb.agent(h.text) if parties.kb is not None else None
        kind = agent.code[:3] if agent is not None and agent.code[:3].isalpha() else UNIDENTIFIED_FORCE
        return parties.unnamed(None, kind)
    nationality = parties.demonym_refs(*np_span(h))
    return parties.unnamed(nationality[0].country if nationality else owner.country, "CVL")


#: the people who work for a body named before them ("General Motors workers")
WORKFORCE_NOUNS = frozenset({"worker", "employee", "staff", "staffer", "miner", "workforce"})


def _workforce(parties: Parties, h: Any) -> ActorRef | None:
    """The workers of an organisation named before them are its country's labour, not the
    organisation ("Toronto Transit Commission workers rejected the contract", "General Motors
    workers went on strike"); None when no organisation is named there."""
    for c in h.children:
        if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" and c.i < h.i:
            body = parties.ref_for_span(c.left_edge.i, c.i + 1, places=False)
            # a body of no one country ("MSF staff", "BBC staff" unknown) keeps its own people
            national = body is not None and body.country not in (None, "IGO", "NGO", "MNC")
            if national and body is not None and body.actor_id.startswith("org:"):
                return parties.unnamed(body.country, "LAB")
    return None


def _someones_helper(parties: Parties, h: Any) -> bool:
    """True for a noun of someone working for one person ("his driver"), no post or peer."""
    agents = parties.kb.agents if parties.kb is not None else {}
    one = any(c.dep_ == "poss" and (c.lower_ in ("his", "her") or c.pos_ == "PROPN") for c in h.children)
    helper = names_people(h) and h.lemma_.lower() not in SIDE_NOUNS and h.ent_type_ not in {"PERSON", "NORP"}
    return one and helper and key(h.text) not in agents


def _homeland(parties: Parties, h: Any) -> ActorRef | None:
    """The state "his country" names: the country of the one person who owns the noun."""
    owner = _one_owner(parties, h, {"PRON", "PROPN"})
    if owner is None or not owner.actor_id.startswith("person:") or not owner.country:
        return None
    return parties.country_ref(owner.country)


def _one_owner(parties: Parties, h: Any, kinds: set[str] | None = None) -> ActorRef | None:
    """The actor of the one possessor of ``h`` (of a part of speech among ``kinds``, if given)."""
    owners = [c for c in h.children if c.dep_ == "poss" and (kinds is None or c.pos_ in kinds)]
    return parties.head_ref(owners[0]) if len(owners) == 1 else None


def title_before_a_name(parties: Parties, h: Any) -> ActorRef | None:
    """The person a title names when the parser hung the name on the title's "from" or "of"
    ("United States Senator from Vermont Bernie Sanders endorsed": Sanders, not the Senate)."""
    kb = parties.kb
    agent = kb.agent(h.text) if kb is not None else None
    if agent is None or not agent.person:
        return None
    ends = [
        o
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in {"from", "of"}
        for o in c.children
        if o.dep_ == "pobj"
    ]
    for name in ends:
        if name.pos_ == "PROPN" and name.i == h.right_edge.i:
            ref = parties.head_ref(name)
            if ref is not None and ref.actor_id.startswith("person:"):
                return ref
    return None
