"""Codes the CAMEO codebook's usage notes choose from the syntax around the trigger, where the
verb alone gives only the family's general code (ledger conventions, see :mod:`.conventions`).

* "agreed (that) there was a need for progress": a clause agreed on, no act committed to, is
  the verbal accord of 019, not the intent to cooperate of 03 ("agreed to meet");
* a killing whose victim is a leader or a named person is a targeted killing, 186 ("killed the
  deputy chief of the militia", "journalist X was killed"); killings of unnamed people stay 19;
* forcing a counted population from its homes is a mass expulsion, 201 ("forced out more than
  1,000 refugees"), not the expulsion of an agency or a diplomat (166);
* blowing up a structure ("blew up three power lines") is destroying property, 1712, not a
  bombing of people (183);
* attacking a policy or a statement ("attacking government policy") is criticism, 111;
* capturing or seizing a place ("captured the town of Musa Qala", "seized Kandahar airport") is
  occupying territory, 192, not an arrest (173) or a seizure of property (171);
* welcoming an act or a decision ("welcomed the arrests", "welcomed the ruling") is endorsing
  it, 051, not hosting a visit (043);
* an attack of one company or outlet on another ("Microsoft has begun an attack against
  Google over copyright") is made in words, 111: firms use no force on each other.
"""

from __future__ import annotations

from typing import Any

from ...knowledge.wordlists import word_lists
from ...models import ActorRef
from .nominals import armed_fire
from .nonparties import made_known_on
from .syntax import (
    GROUP_NOUNS,
    PEOPLE_SUFFIXES,
    agent_heads,
    direct_objects,
    names_people,
    of_objects,
    pobjs,
    subjects,
)

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

__all__ = ["party_code", "refined_code", "verbal_between_firms"]

AGREE_LEMMAS = {"agree", "concur"}
KILL_LEMMAS = {"kill", "murder", "slay", "execute", "gun"}
#: heads of a victim phrase that name a politically significant person (codebook 186)
LEADER_WORDS = _WORDS.words("leader_words")
#: people a mass expulsion drives out (codebook 201: "large groups of people or populations")
POPULATION_WORDS = _WORDS.words("population_words")
LARGE_NUMBER_WORDS = {"hundred", "hundreds", "thousand", "thousands", "million", "millions", "mass"}
#: structures that are blown up as property (codebook 1712)
STRUCTURE_WORDS = _WORDS.words("structure_words")
EXPULSION_CODES = ("166", "174")
#: verbs that take a place as territory when their object is one (codebook 192)
TAKING_LEMMAS = {"capture", "seize", "take"}
TERRITORY_WORDS = _WORDS.words("territory_words")
FORCE_ROOTS = ("18", "19")
#: verbs of force that attack in words when what they attack is a policy or a statement
ATTACKING_LEMMAS = {"attack", "assail", "savage", "blast", "hit"}
#: what makes a strike an armed one ("rocket strikes", "an air strike", "drone strikes")
ARMED_STRIKES = _WORDS.words("armed_strike_words")
#: verbs by whose gerund an attack is made in words ("attacked Blunkett by saying ...")
SAYING_LEMMAS = {"say", "call", "describe", "brand", "label", "claim", "accuse", "suggest", "write"}
VERBAL_TARGETS = _WORDS.words("verbal_targets")


#: verbs that host a visitor, or welcome a decision or an act (CAMEO 051: endorse it)
WELCOMING_LEMMAS = {"welcome", "greet", "hail"}
#: nouns for who one welcomes as a visitor: people, bodies, delegations
PARTY_NOUNS = GROUP_NOUNS | {"delegation", "guest"}


def refined_code(code: str, tok: Any) -> str:
    """The codebook's code for the act of trigger ``tok`` that the family's general code
    ``code`` stands for (``code`` unchanged when no usage note applies)."""
    lemma = tok.lemma_.lower()
    code = _funds_unfrozen(code, tok)
    if code[:2] == "03" and lemma in AGREE_LEMMAS and _agrees_on_a_clause(tok):
        return "019"
    if code[:2] == "19" and lemma in KILL_LEMMAS and _victim_is_a_leader(tok):
        return "186"
    if code.startswith(EXPULSION_CODES) and _counted_population(direct_objects(tok)):
        return "201"
    if code.startswith("183") and direct_objects(tok) and all(_is_structure(o) for o in direct_objects(tok)):
        return "1712"
    if (
        code.startswith("143")
        and tok.pos_ == "NOUN"
        and any(c.lemma_.lower() in ARMED_STRIKES for c in tok.children)
    ):
        return "195"  # "the rocket strikes were carried out by sympathizers of the PMF": no walkout
    if code.startswith("143") and tok.pos_ == "NOUN" and _aimed_at_someone(tok):
        return "190"  # "a U.S. target strike against Taliban leader Mullah Dadullah": no walkout
    if code.startswith(FORCE_ROOTS) and lemma == "strike" and _stops_work(tok):
        return "143"  # "teachers struck for a second day", "transit workers began striking"
    attacked = _attacked(tok) if code.startswith(FORCE_ROOTS) and lemma in ATTACKING_LEMMAS else []
    if attacked and (all(_said_or_decided(o) for o in attacked) or _in_words(tok)):
        return "111"  # "attacking government policy", "attacked his rival as a joke": in words
    welcomed = direct_objects(tok) if code.startswith("043") and lemma in WELCOMING_LEMMAS else []
    if welcomed and not any(_names_a_party(o) for o in welcomed):
        return "051"  # "welcomed the arrests", "welcomed the ruling": endorsing an act, no visit
    taken = direct_objects(tok) if code.startswith(("171", "173")) and lemma in TAKING_LEMMAS else []
    if taken and all(_is_territory(o) for o in taken):
        return "192"
    return code


#: what is released when frozen money is: no person set free (084) but a sanction eased (081)
FUNDS = frozenset({"fund", "money", "asset", "million", "billion", "$", "us$"})


def _funds_unfrozen(code: str, tok: Any) -> str:
    """081 for "releases US$25 million of North Korean funds", else ``code``."""
    released = code.startswith("084") and any(o.lemma_.lower() in FUNDS for o in direct_objects(tok))
    return "081" if released else code


#: people, not goods, that are seized: abducted (event_words.yaml victim_nouns, and captives)
SEIZED_PEOPLE = _WORDS.words("victim_nouns") | _WORDS.words("captive_nouns")


def people_seized(code: str, tok: Any) -> str:
    """181 for people seized by no one named ("Five British citizens have been seized in
    Baghdad", "three journalists were seized in Gaza City": abducted), not goods seized (171) or
    a town taken (192), else ``code``."""
    if tok.lemma_.lower() in TAKING_LEMMAS and code.startswith(("171", "173")) and _vessel_hijacked(tok):
        return "181"  # "the oil tanker was captured by pirates": hijacked
    if not code.startswith(("171", "192")) or tok.lemma_.lower() not in TAKING_LEMMAS or agent_heads(tok):
        return code
    undergoers = [c for c in tok.children if c.dep_ == "nsubjpass"]
    people = all(u.ent_type_ in {"PERSON", "NORP"} or u.lemma_.lower() in SEIZED_PEOPLE for u in undergoers)
    return "181" if undergoers and people else code


#: vessels and aircraft, and those who hijack them rather than seize them as a state does
VESSEL_NOUNS = _WORDS.words("vessel_nouns")
HIJACKERS = {"pirate", "hijacker", "gunman", "militant", "rebel", "insurgent", "kidnapper"}


def _vessel_hijacked(verb: Any) -> bool:
    """True for a ship or a plane taken by pirates, gunmen or no one named ("the MV Sirius Star
    oil tanker, captured by pirates"); a navy that seizes a tanker seizes property (171)."""
    taken = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj", "obj"}]
    if verb.dep_ in {"acl", "relcl"}:
        taken.append(verb.head)
    if not any(t.lemma_.lower() in VESSEL_NOUNS for t in taken):
        return False
    doers = agent_heads(verb) or [c for c in verb.children if c.dep_ == "nsubj"]
    return all(d.lemma_.lower() in HIJACKERS for d in doers)


#: people who strike by stopping work (event_words.yaml)
STRIKER_NOUNS = _WORDS.words("striker_nouns")
#: words that count people ("thousands of workers")
COUNTS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions"}
#: prepositions a blow is struck with ("struck at the convoy", "struck against the rebels")
BLOW_PREPS = {"at", "against", "on", "upon", "into"}


def _stops_work(verb: Any) -> bool:
    """True for "strike" with no object and no one struck at, whose subject is people who work
    ("teachers struck for a second day"): a walkout, not an attack."""
    if verb.pos_ != "VERB" or direct_objects(verb):
        return False
    if any(c.dep_ == "prep" and c.lower_ in BLOW_PREPS for c in verb.children):
        return False
    doers = [h for h in subjects(verb)[0] if h.pos_ in ("NOUN", "PROPN", "NUM")]
    # "thousands of transit workers": the people counted
    doers = [o for h in doers for o in (of_objects(h) if h.lemma_.lower() in COUNTS else [h])]
    return bool(doers) and all(
        h.lemma_.lower() in STRIKER_NOUNS or (h.ent_type_ == "ORG" and "union" in h.lower_) for h in doers
    )


def _aimed_at_someone(noun: Any) -> bool:
    """True when a strike is "against" or "on" a name or people ("a strike against Mullah
    Dadullah", "strikes on militants"), not on a policy ("a strike against the pension reform")."""
    aimed = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in {"against", "on"} for o in pobjs(c)]
    return any(
        o.pos_ == "PROPN" or o.ent_type_ in {"PERSON", "NORP", "ORG"} or names_people(o) for o in aimed
    )


def _attacked(tok: Any) -> list[Any]:
    """What an attack is on: the verb's objects, or what the noun's "on" or "against" names
    ("stepped up his attack on the government's response")."""
    if tok.pos_ != "NOUN":
        return direct_objects(tok)
    return [o for c in tok.children if c.dep_ == "prep" and c.lower_ in {"on", "against"} for o in pobjs(c)]


def _in_words(tok: Any) -> bool:
    """True when an attack names what it calls its target or blames it for a word or a stance
    ("attacked Boris Johnson as a joke", "attacked him for his remarks", "attacked Obama on
    his pledge") or is made on an
    occasion for words ("in a speech", "on television"): a charge in words."""
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        charged_with = prep.lower_ in ("for", "on", "over") and any(_said_or_decided(o) for o in pobjs(prep))
        if prep.lower_ == "as" or charged_with:
            return True
        if made_known_on(prep) or _on_an_occasion_for_words(prep):
            return True  # "attacked the opposition on television", "in a speech on Monday"
        if prep.lower_ == "by" and any(
            c.dep_ == "pcomp" and c.lemma_.lower() in SAYING_LEMMAS for c in prep.children
        ):
            return True  # "attacked Blunkett by saying"
    return False


#: occasions for words (event_words.yaml)
SPEAKING_OCCASIONS = _WORDS.words("speaking_occasions")


def _on_an_occasion_for_words(prep: Any) -> bool:
    return prep.lower_ == "in" and any(o.lemma_.lower() in SPEAKING_OCCASIONS for o in pobjs(prep))


def _said_or_decided(obj: Any) -> bool:
    """A policy, a statement or a stance attacked in words; "Hamas positions" (plural) are
    places held by force."""
    return obj.lemma_.lower() in VERBAL_TARGETS and obj.lower_ != "positions"


def _names_a_party(obj: Any) -> bool:
    """True for an object that names who is welcomed: a name, a people word ("the visitors",
    "the delegation"), a pronoun."""
    if obj.pos_ in {"PROPN", "PRON"} or obj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    lemma = obj.lemma_.lower()
    return lemma in PARTY_NOUNS or (len(lemma) > 4 and lemma.endswith(PEOPLE_SUFFIXES))


def _agrees_on_a_clause(tok: Any) -> bool:
    """ "agreed (that) S": a finite clause and no infinitive ("agreed to meet") or object; a
    clause of what the parties should or will do ("agreed that their countries should
    cooperate") commits them, an intent (03)."""
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    finite = [c for c in clauses if not any(a.dep_ == "aux" and a.tag_ in {"TO", "MD"} for a in c.children)]
    other = any(c.dep_ in {"xcomp", "dobj", "obj"} for c in tok.children)
    return bool(finite) and not other


def _victim_is_a_leader(tok: Any) -> bool:
    """The victim is the object, or the subject of a passive ("journalist X was killed")."""
    victims = direct_objects(tok) + [c for c in tok.children if c.dep_ in {"nsubjpass", "nsubj:pass"}]
    for obj in victims:
        if obj.lemma_.lower() in LEADER_WORDS or obj.ent_type_ == "PERSON":
            return not _plural(obj)
    return False


def _plural(tok: Any) -> bool:
    return tok.tag_ in {"NNS", "NNPS"}


def _counted_population(objects: list[Any]) -> bool:
    """ "more than 1,000 Palestinian refugees", "thousands of villagers": many people."""
    for obj in objects:
        head = obj
        of = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        if obj.lower_ in LARGE_NUMBER_WORDS and of:
            return of[0].lemma_.lower() in POPULATION_WORDS
        if head.lemma_.lower() not in POPULATION_WORDS:
            continue
        counts = [c for c in head.children if c.dep_ == "nummod" or c.lower_ in LARGE_NUMBER_WORDS]
        if any(c.lower_ in LARGE_NUMBER_WORDS or _at_least_hundreds(c.text) for c in counts):
            return True
    return False


def _at_least_hundreds(number: str) -> bool:
    digits = number.replace(",", "")
    return digits.isdigit() and int(digits) >= 100


def _is_structure(obj: Any) -> bool:
    return obj.lemma_.lower() in STRUCTURE_WORDS


def _is_territory(obj: Any) -> bool:
    """A place: a name of one ("Kandahar", "Ouadda-Djalle") or a word for one ("the town of X")."""
    if obj.ent_type_ in {"GPE", "LOC", "FAC"} and obj.pos_ == "PROPN":
        return True
    return obj.lemma_.lower() in TERRITORY_WORDS


#: sectors of firms and outlets: what they attack they attack in words
FIRM_SECTORS = {"BUS", "MNC", "MED"}


def party_code(code: str, tok: Any, source: ActorRef | None, target: ActorRef | None) -> str:
    """``code`` as the parties it is coded between make it: words between firms
    (:func:`verbal_between_firms`), fire from an armed force (:func:`.nominals.armed_fire`)."""
    return armed_fire(verbal_between_firms(code, source, target), tok, source.sector if source else None)


def verbal_between_firms(code: str, source: ActorRef | None, target: ActorRef | None) -> str:
    """111 for an assault coded between two firms or outlets, else ``code``."""
    firms = [r for r in (source, target) if r is not None and _firm(r)]
    return "111" if code.startswith(FORCE_ROOTS) and len(firms) == 2 else code


def _firm(ref: ActorRef) -> bool:
    code = ref.cameo_code or ""  # Phoenix puts MNC first: "MNCUSA" (Microsoft)
    return (ref.sector or "") in FIRM_SECTORS or code[-3:] in FIRM_SECTORS or code.startswith("MNC")
