"""Acts of force that nobody did: what an accident does, and what its holder destroys or shuts.

"The crash of Flight 574, which killed 102 people", "a gas explosion killed 27", "a blast has
razed a fireworks factory, killing eight", "thirty-three people were injured during a test of
the Airbus A380": no unidentified armed force is the doer, so the ledger records no assault.
"The militia destroyed their weapons" is disarmament, no attack; "his government has shut down
its reactor" sanctions nobody.  The words are in
``knowledge/data/event_words.yaml`` (``accident_words``, ``weapon_nouns``).
"""

from __future__ import annotations

from typing import Any

from ...knowledge.wordlists import word_lists
from .syntax import pobjs, relative_antecedents

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

__all__ = [
    "backed_by_arms",
    "BLAST_NOUNS",
    "WEAPON_NOUNS",
    "accident",
    "done_by_an_accident",
    "in_an_accident",
    "made_safe",
    "own_arms",
    "own_thing",
]

#: things that do violence for someone unnamed: "a bomb killed", "the blast wounded"
WEAPON_NOUNS = _WORDS.words("weapon_nouns")
#: "the explosion of an oil pipeline killed 27": an accident, done by nobody
ACCIDENT_WORDS = _WORDS.words("accident_words")
BLAST_NOUNS = {"explosion", "blast", "fire", "blaze"}
#: words of an accident that a whole report is about ("the plane crashed", "a collision")
REPORTED_ACCIDENTS = _WORDS.words("reported_accidents")
#: harms and blasts an accident does as well as an assault
ACCIDENT_HARMS = frozenset({"kill", "wound", "injure", "explosion", "blast"})
#: words of an assault: a sentence or a lead with one is no accident report
ASSAULT_SIGNS = (_WORDS.words("violence_words") | _WORDS.words("assault_signs")) - ACCIDENT_HARMS
#: where a blast of nothing named goes off by accident (a pipeline or a depot is a target as often)
WORKPLACES = {"factory", "plant", "firework", "fireworks", "warehouse", "chemical", "boiler", "reactor"}


def in_an_accident(tok: Any) -> bool:
    """ "were killed in a car crash", "died in the collision", "were injured when their
    helicopter crashed": an accident the act happened in."""
    # "26 workers were killed and five were injured after an accident": a phrase they share
    verbs = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    if any(accident(c) or _a_pit(c) for v in verbs for c in v.children if c.dep_ == "prep"):
        return True
    # "..., when a bomber crashed": the clause of when, which the parser may hang on "yesterday"
    # or on a verb conjoined ("was killed and another man hospitalized after their boat sank")
    clauses = [c for v in verbs for c in v.children if c.dep_ == "advcl"]
    clauses += [
        c for v in clauses for c in v.children if c.dep_ == "advcl"
    ]  # "when it exploded as it crashed"
    clauses += [r for c in tok.children if c.dep_ == "npadvmod" for r in c.children if r.dep_ == "relcl"]
    if any(c.lemma_.lower() in ACCIDENT_WORDS or _a_fire_broke_out(c) for c in clauses):
        return True
    # "were injured while their helicopter was performing an emergency landing"
    if any(_a_mishap_performed(c) for c in clauses):
        return True
    return _counted_in_an_accident_report(tok)


#: what is mined: "a coal mine" is a pit, where miners die by accident, not a landmine
MINERALS = frozenset(
    {"coal", "gold", "copper", "silver", "diamond", "tin", "salt", "uranium", "iron", "zinc"}
)


def _a_pit(prep: Any) -> bool:
    """True when ``prep`` places the act in a pit ("were killed in the Los Reyes mine", "in a
    coal mine"), not a landmine: a mine with a name or a mineral before it."""
    return any(
        o.lemma_.lower() == "mine"
        and any(
            c.dep_ in {"compound", "amod"} and (c.pos_ == "PROPN" or c.lower_ in MINERALS) for c in o.children
        )
        for o in pobjs(prep)
    )


#: what a craft performs that can go wrong, and the words that say it went wrong ("an emergency
#: landing", "a hard landing")
MANOEUVRES = {"landing", "takeoff", "take-off", "manoeuvre", "maneuver", "descent"}
MISHAP_MODIFIERS = {"emergency", "hard", "crash", "forced"}


def _a_mishap_performed(clause: Any) -> bool:
    """True for a clause of a manoeuvre gone wrong ("while their helicopter was performing an
    emergency landing"), not of an attack ("while attacking a gas pipeline")."""
    return any(
        o.dep_ in {"dobj", "obj"}
        and o.lemma_.lower() in MANOEUVRES
        and any(m.lower_ in MISHAP_MODIFIERS for m in o.children if m.dep_ in {"amod", "compound"})
        for o in clause.children
    )


def _a_fire_broke_out(clause: Any) -> bool:
    """ "after a fire started in a washroom", "when a blaze broke out": a fire whose own clause
    names no one who set it, in a sentence with no word of an assault."""
    fire = any(c.dep_ == "nsubj" and c.lemma_.lower() in {"fire", "blaze"} for c in clause.children)
    return fire and not any(t.lemma_.lower() in ASSAULT_SIGNS for t in clause.sent)


def _counted_in_an_accident_report(tok: Any) -> bool:
    """True when the article's first sentence, or the sentence after that of ``tok``, reports
    an accident ("a light aircraft crashed into a mountain resort, killing two"; "a British
    soldier has been killed in Afghanistan. Private Leigh Reeves ... died in a traffic accident")
    and none of them names an assault: the dead and injured a sentence counts are the
    accident's ("Two Canadians were killed", "all the passengers were killed")."""
    lead = next(iter(tok.doc.sents))
    after = tok.doc[tok.sent.end : tok.sent.end + 1].sent if tok.sent.end < len(tok.doc) else tok.sent
    told = [t.lemma_.lower() for t in (*lead, *tok.sent, *after)]
    return any(w in REPORTED_ACCIDENTS for w in told) and not any(w in ASSAULT_SIGNS for w in told)


def done_by_an_accident(tok: Any) -> bool:
    """ "the crash of Flight 574, which killed 102 people", "a gas explosion killed 27": the
    doer is an accident, whatever the parse hangs on it."""
    verb = tok
    while verb.dep_ == "conj" and _no_doer_of_its_own(verb):
        verb = verb.head  # "..., killing eight and injuring 70 others", "left five dead and 30 injured"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "a blast razed a fireworks factory, killing eight": the blast's act
        if verb.lemma_.lower() in ACCIDENT_WORDS:
            return True  # "a British military helicopter crashed in Basra, killing four crew members"
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    antecedents = relative_antecedents(verb, doers)
    if antecedents is not doers:
        # "the crash ..., which killed": the antecedent, or what the parser sets beside it
        doers = [*antecedents, *(c for h in antecedents for c in h.children if c.dep_ == "appos")]
    if any(_names_an_accident(d) for d in doers):
        return True
    # "a blast has razed a fireworks factory", "an explosion tore through a chemical plant": a
    # blast of no weapon, in what blows up by accident
    hit = [o for c in verb.children for o in ([c] if c.dep_ in {"dobj", "obj"} else pobjs(c))]
    bare_blast = any(d.lemma_.lower() in BLAST_NOUNS and not _armed(d) for d in doers)
    return bare_blast and any(w.lemma_.lower() in WORKPLACES for o in hit for w in o.subtree)


#: what bomb-disposal squads blow up to make it safe ("police detonated a suspicious package")
SUSPECT_OBJECTS = frozenset({"package", "parcel", "bag", "suitcase", "device", "object", "item"})
SUSPECT_WORDS = frozenset({"suspicious", "suspect", "unexploded", "abandoned", "unattended", "controlled"})


def made_safe(tok: Any) -> bool:
    """True when what is blown up is a suspect object made safe, not a target: "police have
    detonated a suspicious package", "the army carried out a controlled explosion"."""
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    return any(
        o.lemma_.lower() in SUSPECT_OBJECTS
        and any(c.lower_ in SUSPECT_WORDS for c in o.children if c.dep_ in {"amod", "compound"})
        or (o.lemma_.lower() in BLAST_NOUNS and any(c.lower_ == "controlled" for c in o.children))
        for o in objects
    )


#: what a force holds to fight with: destroyed by its holder, disarmament
ARMS_NOUNS = frozenset({"weapon", "arm", "arsenal", "stockpile", "gun", "rifle", "ammunition", "munition"})


def own_arms(tok: Any) -> bool:
    """True when the verb's object is arms its doer holds ("destroyed their weapons", "its
    stockpile of chemical weapons"): a pronoun's, not a named enemy's."""
    return own_thing(tok, ARMS_NOUNS)


def own_thing(tok: Any, nouns: frozenset[str] | None = None) -> bool:
    """True when the verb's object (one of ``nouns``, if given) belongs to a pronoun: the doer's
    own ("shut down its reactor", "destroyed their weapons"), not a named party's."""
    return any(
        c.dep_ in {"dobj", "obj"}
        and (nouns is None or c.lemma_.lower() in nouns)
        and any(p.dep_ == "poss" and p.pos_ == "PRON" for p in c.children)
        for c in tok.children
    )


def _no_doer_of_its_own(verb: Any) -> bool:
    """True for a conjoined verb whose subject is none or a number ("and 30 injured")."""
    return all(c.like_num for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})


def _armed(blast: Any) -> bool:
    """True when a blast's own words name a weapon ("a car bomb blast", "a suicide explosion")."""
    return any(w.i != blast.i and w.lemma_.lower() in WEAPON_NOUNS - BLAST_NOUNS for w in blast.subtree)


def _names_an_accident(noun: Any) -> bool:
    """ "the crash", "a gas explosion": an accident, or a blast of what blows up by accident
    (not "a gas attack", nor a whole phrase: "a bomb hidden in a gas canister")."""
    if noun.lemma_.lower() in ACCIDENT_WORDS:
        return True
    if noun.lemma_.lower() not in BLAST_NOUNS:
        return False
    if any(c.dep_ == "compound" and c.lemma_.lower() in ACCIDENT_WORDS for c in noun.children):
        return True
    # "a blast at a chemical plant", "an explosion in a fireworks warehouse"
    return not _armed(noun) and any(
        accident(o) for c in noun.children if c.dep_ == "prep" and c.lower_ in {"at", "in"} for o in pobjs(c)
    )


def accident(weapon: Any) -> bool:
    """True when the blast or fire ``weapon`` names is told as an accident ("the explosion of an
    oil pipeline", "a gas explosion"): no one is its doer."""
    return any(w.lemma_.lower() in ACCIDENT_WORDS for w in weapon.subtree)


#: arms a force's men are backed by ("infantry backed by tanks"): support in battle, no politics
BACKING_ARMS = frozenset(
    {"tank", "jet", "warplane", "helicopter", "gunship", "aircraft", "warship", "artillery", "drone"}
)


def backed_by_arms(verb: Any) -> bool:
    """True for "backed by tanks", "supported by helicopter gunships": arms back the force."""
    return any(
        o.lemma_.lower() in BACKING_ARMS | WEAPON_NOUNS
        for a in verb.children
        if a.dep_ == "agent"
        for o in pobjs(a)
    )
