"""Who holds a protest a noun names ("a rally", "protests", "riots"): the people, not the police
or troops the clause around it names, and the people of a nationality that modifies it, not the
state; a blockade a state imposes is no protest but force (CAMEO 191, "impose blockade,
restrict movement": "the Israeli blockade of Gaza"), where protesters blocking a road protest
(144)."""

from __future__ import annotations

from typing import Any

from ...models import ActorRef
from .means import Refs
from .nominals import is_light_verb
from .parties import Parties

__all__ = ["PROTEST_ROOT", "protesters", "state_blockade"]

PROTEST_ROOT = "14"
#: nouns of blocking that a state's doing makes a blockade by force
BLOCKADE_NOUNS = frozenset({"blockade", "siege"})
BLOCKADE_CODE = "191"
OBSTRUCT_CODE = "144"
STATE_SECTORS = ("GOV", "MIL", "COP")
#: the state's forces: at a protest they act on it, they do not hold it
SECURITY_SECTORS = ("COP", "MIL", "SPY")


def _forces_at_a_protest(ref: ActorRef, head: Any, noun: Any) -> bool:
    """True for police or troops taken from the clause a protest noun is the setting of, not
    named by the noun's own words ("a police rally" holds it): the protesters are the people."""
    own = noun.left_edge.i <= head.i <= noun.right_edge.i
    held = noun.dep_ in {"dobj", "obj"} and is_light_verb(noun.head)  # "police held a rally"
    return not own and not held and (ref.sector or "").startswith(SECURITY_SECTORS)


def protesters(actors: Parties, sources: Refs, noun: Any, code: str) -> Refs:
    """Who holds the protest a noun names: not police or troops taken from its setting ("police
    arrested 20 people at a rally": the people), and the people of a nationality that modifies
    it, not the state ("Australian protests"; not "Israeli strikes", as often air strikes as
    walkouts)."""
    forces = [(r, h) for r, h in sources if _forces_at_a_protest(r, h, noun)]
    others = [(r, h) for r, h in sources if (r, h) not in forces]
    sources = others or [(actors.unnamed(r.country, "CVL"), h) for r, h in forces[:1]]
    if code.startswith("143") or _by_states(noun, sources):
        return sources
    return [(_people_of(actors, r, h, noun), h) for r, h in sources]


def _people_of(actors: Parties, ref: ActorRef, head: Any, noun: Any) -> ActorRef:
    """The civilians of a country named by a nationality that modifies a protest noun."""
    named = head.dep_ == "amod" and head.head.i == noun.i and ref.actor_id.startswith("country:")
    return actors.unnamed(ref.country, "CVL") if named else ref


def _by_states(noun: Any, sources: Refs) -> bool:
    return noun.lemma_.lower() in BLOCKADE_NOUNS and bool(sources) and all(_state(r) for r, _ in sources)


def _state(ref: ActorRef) -> bool:
    return ref.actor_id.startswith("country:") or (ref.sector or "").startswith(STATE_SECTORS)


def state_blockade(code: str, tok: Any, source: ActorRef | None) -> str:
    """191 for a blockade or a siege a state imposes ("the Israeli blockade of Gaza"), else ``code``."""
    blocking = code.startswith(OBSTRUCT_CODE) and tok.lemma_.lower() in BLOCKADE_NOUNS
    return BLOCKADE_CODE if blocking and source is not None and _state(source) else code
