"""Who did the act of force a passive's act came of: the means it names ("killed in a NATO
airstrike", "wounded during an Israeli raid", "killed when Israeli troops fired on a crowd"), the
other side of a fight ("killed in a gun battle with Taleban forces"), the doer a noun of an act
names in its own words ("an Israeli raid", "an attack by the Taliban") or by a group word before
it ("a police raid"); and what unnamed men who fight are ("several men fired on police
officers", "a woman set off a grenade": an armed force, not civilians)."""

from __future__ import annotations

from typing import Any

from ...knowledge.wordlists import word_lists
from ...models import ActorRef
from .accidents import WEAPON_NOUNS
from .anaphora import doer_of_the_latest, family
from .nominals import ARMED_DOERS, undergone_noun
from .nonacts import ARMED_SECTORS
from .parties import Parties
from .refine import refined_code
from .syntax import conjuncts, of_objects, pobjs, prep_objects, sharing_participles, subjects

__all__ = [
    "MEANS_PREPS",
    "WOUNDING",
    "armed_men",
    "doers_of_the_means",
    "harmer_told_before",
    "own_doers",
    "police_means",
    "typed_modifiers",
]

Refs = list[tuple[ActorRef, Any]]  # an actor and the token that names it


#: prepositions that name the act by which a passive's act was done ("killed in an airstrike")
MEANS_PREPS = {"in", "during", "by", "from"}
WOUNDING = {"kill", "wound", "injure", "hurt", "shoot", "maim"}  # harm a raid may come before
#: force both sides use ("killed in the fighting"): no one side's act told before
MUTUAL_FORCE_NOUNS = word_lists("event_words.yaml").words("mutual_force_nouns")


def doers_of_the_means(tok: Any, actors: Parties, undergoers: set[str]) -> Refs:
    """Who did the act of force a passive verb says its act came of, where that act's noun names
    its doer ("were killed in a NATO airstrike", "wounded during an Israeli raid") or a clause
    tells who used force ("were killed when Israeli troops fired on a crowd"); [] else.
    ``undergoers``: the ids of those the passive is done to, who did not do it."""
    reported = [tok.head] if tok.dep_ == "xcomp" else []  # "were reported killed after X attacked"
    verbs = [tok, *sharing_participles(tok), *reported] if tok.tag_ == "VBN" else [tok]
    # "X has been killed, and Y wounded after U.S. forces opened fire": the clause tells both
    joined = [c for c in tok.children if c.dep_ == "conj" and c.lemma_.lower() in WOUNDING]
    joined = joined if tok.lemma_.lower() in WOUNDING else []
    firing = [c for v in verbs + joined for c in v.children if c.dep_ == "advcl" and _fires(c)]
    if firing:  # not those it was done to: "two soldiers were killed as they stormed the base"
        doers = actors.refs([h for c in firing for s in _firers(c) for h in conjuncts(s)])
        return [(ref, h) for ref, h in doers if ref.actor_id not in undergoers]
    fights = [c for v in verbs for c in v.children if c.dep_ == "advcl" and _fights(c)]
    if fights:  # "seventy fighters were killed when they clashed with Afghan security forces"
        return _the_other_side(fights[0], actors, undergoers)
    preps = MEANS_PREPS
    if tok.lemma_.lower() in WOUNDING:  # "were killed ... after an Israeli raid": by it
        verbs += [c for c in tok.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
        preps = MEANS_PREPS | {"after"}
    for noun in [*prep_objects(verbs, preps), *_results_of(verbs)]:
        side = _the_other_side(noun, actors, undergoers)
        if side:
            return side
        code = actors.event_nouns.get(noun.lower_) or (
            FORCE_CODE if noun.lemma_.lower() in OPERATIONS | FIRE_INCIDENTS else None
        )
        if code is None or family(refined_code(code, noun)) != "force":  # "air strikes": force
            continue
        # only the noun's own words name its doer (not the sentence's subject: "policemen were
        # killed in the attack" is no attack by the policemen)
        found = actors.refs(own_doers(noun)) or typed_modifiers(noun, actors, code)  # "a police raid"
        if found:
            return found
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
        if definite and noun.lemma_.lower() not in MUTUAL_FORCE_NOUNS:
            return _doer_told_before(tok, noun, actors, undergoers)  # "was also killed in the airstrike"
    return []


#: nouns by whose "of" a harm names what it came of ("as a result of Hezbollah fire")
RESULT_NOUNS = {"result", "consequence"}


def _results_of(verbs: list[Any]) -> list[Any]:
    """What a harm is told to be the result of ("As a result of Hezbollah fire, at least 24
    Israelis have been reported killed": the fire)."""
    results = [o for o in prep_objects(verbs, {"as"}) if o.lemma_.lower() in RESULT_NOUNS]
    return [x for r in results for p in r.children if p.dep_ == "prep" and p.lower_ == "of" for x in pobjs(p)]


#: verbs of fighting each other: who the undergoers fought "with" did the harm
FIGHTING_VERBS = {"clash", "fight", "battle"}


def _fights(clause: Any) -> bool:
    """True for a clause of fighting told as how a harm came about ("when they clashed with")."""
    marked = any(c.dep_ in {"mark", "advmod"} and c.lower_ in HOW_MARKS for c in clause.children)
    return marked and clause.lemma_.lower() in FIGHTING_VERBS


def _the_other_side(noun: Any, actors: Parties, undergoers: set[str]) -> Refs:
    """Whom a fight was with, where those killed in it were on the other side ("was killed in a
    gun battle with Taleban forces", "died in clashes with rebels"): they did the killing."""
    if noun.lemma_.lower() not in MUTUAL_FORCE_NOUNS | FIGHTING_VERBS:
        return []
    foes = [
        o for c in noun.children if c.dep_ == "prep" and c.lower_ in {"with", "against"} for o in pobjs(c)
    ]
    return [(ref, h) for ref, h in actors.refs(foes) if ref.actor_id not in undergoers]


#: nouns of an act of force only by the force that carries them out ("injured in a police
#: operation", "killed in a military sweep"); no event of their own
OPERATIONS = {"operation", "sweep", "manhunt", "action"}  # "killed in a police action"
#: nouns of a shooting that happened, named with who fired ("killed in a friendly fire incident
#: by British missiles", "in crossfire by police")
FIRE_INCIDENTS = {"incident", "fire", "crossfire"}
FORCE_CODE = "190"


#: verbs of force a clause names its doer by: "when troops fired on", "after police opened fire"
FIRING_VERBS = word_lists("event_words.yaml").words("firing_verbs")
#: conjunctions of a clause that tells how a harm came about
HOW_MARKS = {"when", "after", "as"}


def _fires(clause: Any) -> bool:
    """True for a clause that tells who used force ("when Israeli troops fired on a crowd",
    "after U.S. forces opened fire on the car"), with a subject of its own or, passive, a "by"."""
    if not any(c.dep_ in {"mark", "advmod"} and c.lower_ in HOW_MARKS for c in clause.children):
        return False
    lemma = clause.lemma_.lower()
    opened_fire = lemma == "open" and any(
        c.dep_ in {"dobj", "obj"} and c.lower_ == "fire" for c in clause.children
    )
    passive = any(c.dep_ == "nsubjpass" for c in clause.children)
    return (lemma in FIRING_VERBS or opened_fire) and (not passive or bool(_firers(clause)))


def _firers(clause: Any) -> list[Any]:
    """Who fires in a clause of firing: its subject, or for a passive the "by" of it or of a verb
    joined to it ("when their convoy was bombed and attacked by al-Qaeda militants")."""
    if not any(c.dep_ == "nsubjpass" for c in clause.children):
        return subjects(clause)[0]
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return [o for v in verbs for a in v.children if a.dep_ == "agent" for o in pobjs(a)]


def _doer_told_before(tok: Any, noun: Any, actors: Parties, undergoers: set[str]) -> Refs:
    """The doer of the act of force that "the airstrike" refers back to, told in the sentences
    just before; not one of those the passive ``tok`` is done to."""
    sentence = actors.item.sentence_at(actors.chars(tok.i, tok.i + 1)[0])
    if sentence is None:
        return []
    doer = doer_of_the_latest("force", actors.happenings, sentence.index, undergoers)
    return [(doer, noun)] if doer is not None else []


def own_doers(noun: Any) -> list[Any]:
    """Who a noun of an act or a thing names as its doer or owner in its own words: "a NATO
    airstrike", "an Israeli raid", "Hezbollah rockets", "a US-led raid", "an attack by the
    Taliban"."""
    heads = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.ent_type_]
    # "a US-led raid": who leads it ("a US-backed raid" is someone else's)
    leaders = [
        g for c in noun.children if c.dep_ == "amod" and c.lower_ == "led" for g in c.children if g.ent_type_
    ]
    return (
        heads
        + leaders
        + [o for c in noun.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by" for o in pobjs(c)]
    )


#: acts whose noun a group's name before it says the group did: investigations, protests,
#: demonstrations, boycotts and strikes, coercion, assaults, fights (not "police barricades",
#: "police riot squads")
TYPED_MODIFIER_CODES = ("09", "140", "141", "143", "17", "18", "19")


def typed_modifiers(noun: Any, actors: Parties, code: str | None = None) -> Refs:
    """The unnamed doers the noun of a protest, an investigation, a coercion or a use of force
    names by a common noun before it that is an agent word of the dictionaries ("a police raid",
    "student protests", "an opposition rally", "a rebel attack"), typed as their group; none for a noun of what is
    undergone ("a hostage release"), for an adjective but "rebel" ("a military strike", "a
    criminal investigation": what kind, not who) or for other acts ("a press release", "police
    warnings").  ``code``: the act's code when the noun has none of its own ("a police operation")."""
    code = code or actors.event_nouns.get(noun.lower_) or ""
    if undergone_noun(noun) or actors.kb is None or not code.startswith(TYPED_MODIFIER_CODES):
        return []
    out: Refs = []
    for c in noun.children:
        modifier = c.dep_ in {"compound", "amod"} and c.pos_ in {"NOUN", "ADJ"} and not c.ent_type_
        # the modifier's whole phrase first: "a right wing rally" is no (political) wing's
        phrase = c.doc[c.left_edge.i : c.i + 1].text
        agent = (actors.kb.agent(phrase) or actors.kb.agent(c.text)) if modifier else None
        if agent is not None and agent.code[:3].isalpha() and (c.pos_ == "NOUN" or agent.code[:3] == "REB"):
            out.append((actors.unnamed(None, agent.code[:3]), c))
    return out


#: words for unnamed people who, when they fire, bomb or kill, are an armed force
MAN_WORDS = frozenset(
    {"man", "woman", "individual", "person", "youth", "assailant", "attacker", "group", "cell"}
)
#: acts of armed force: fighting, mass violence, bombing, abduction, assassination
ARMED_ROOTS = ("19", "20")
ARMED_CODES = ("181", "183", "186")


def armed_men(actors: Parties, sources: Refs, code: str) -> Refs:
    """ "Several men fired on Turkish police officers", "a group of men stormed a checkpoint":
    unnamed men who use armed force are an unidentified armed force of their country (CAMEO's
    UAF), as gunmen are, not civilians."""
    if not (code[:2] in ARMED_ROOTS or code.startswith(ARMED_CODES)):
        return sources
    return [
        (actors.unnamed(ref.country, "UAF"), h) if _unnamed_men(ref, h) else (ref, h) for ref, h in sources
    ]


def _unnamed_men(ref: ActorRef, head: Any) -> bool:
    men = [head, *of_objects(head)] if head.lemma_.lower() == "group" else [head]
    return (
        ref.actor_id.startswith("group:")
        and ref.sector == "CVL"
        and any(m.lemma_.lower() in MAN_WORDS for m in men)
    )


#: means only police use on crowds ("tear gas", "water cannon"), as lower-case word pairs
POLICE_MEANS = word_lists("event_words.yaml").words("police_means")


#: forces other than the police whose naming leaves the means theirs ("U.S. soldiers ran out of
#: rubber bullets ... and started to use live rounds")
OTHER_FORCES = ARMED_DOERS - {"police"}


def police_means(tok: Any) -> bool:
    """True when the sentence of ``tok`` tells of means only police use on crowds ("Tear gas
    was used against the demonstrators, nine of whom were injured") and names no other force:
    an unnamed doer of its force is the police, not an armed group."""
    words = [t.lower_ for t in tok.sent]
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}
    return bool(POLICE_MEANS & (pairs | set(words))) and not OTHER_FORCES & set(words)


#: assault and force, whose harm told after them is theirs
ASSAULT_ROOTS = ("18", "19")


def harmer_told_before(tok: Any, code: str, actors: Parties, targets: Refs) -> ActorRef | None:
    """Who harmed those a bare passive says were hurt, after the text named an act of force
    ("An Israeli rocket has struck the Press TV building ... At least two people have been
    injured"): the named armed force or state of that act; None where the harm names its own
    means or cause ("in which 19 were killed", "as a result of the offensive")."""
    if code[:2] not in ASSAULT_ROOTS or tok.lemma_.lower() not in WOUNDING or tok.dep_ == "relcl":
        return None
    if any(t.lemma_.lower() in WEAPON_NOUNS for t in tok.subtree):
        return None
    told = _doer_told_before(tok, tok, actors, {ref.actor_id for ref, _ in targets})
    doer = told[0][0] if told else None
    named_force = doer is not None and not doer.actor_id.startswith("group:")
    armed = doer is not None and (
        doer.actor_id.startswith("country:") or (doer.sector or "") in ARMED_SECTORS
    )
    return doer if named_force and armed else None
