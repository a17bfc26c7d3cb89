"""Who takes part in an act a noun names ("Baradar's visit to Iran", "talks were held between
India and Pakistan", "resigned after an investigation into his role"): the noun's own words,
the light verb that carries it ("held talks with"), and the clause it is the setting of."""

from __future__ import annotations

from typing import Any

from ...knowledge.petrarch_verbs import verb_forms
from ...knowledge.wordlists import word_lists
from .syntax import CULPABLE_WORDS, names_people, pobjs, subjects

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

__all__ = [
    "EVENT_CONTEXT_PREPS",
    "LIGHT_VERBS",
    "ARMED_DOERS",
    "PASSIVE_MAKERS",
    "armed_word",
    "clause_depth",
    "culprits",
    "died_in",
    "has_of",
    "haver_of_the_thing_done",
    "is_assault",
    "is_light_verb",
    "nominal_roles",
    "possessed_undergoers",
    "received_assault",
    "suffered_assault",
    "undergone_noun",
]

LIGHT_VERBS = _WORDS.words("light_verbs")
#: verbs whose agent makes the happening its noun names ("a rally organised by X", "a
#: resolution drafted by X"), unlike those who see, receive or judge it ("seen by", "rejected by")
MAKING_VERBS = _WORDS.words("making_verbs")
#: verbs whose passive tells who made the happening its subject names and that code no act of
#: their own ("the apology was delivered by", "the attack was carried out by"; not "the deal
#: was signed by", which is the signing)
PASSIVE_MAKERS = LIGHT_VERBS | {"deliver", "extend", "offer", "perpetrate", "commit", "organize", "organise"}
#: verbs whose object is a happening done to their subject by whom "from" names ("faced
#: criticism from", "received an invitation from", "drew condemnation from")
RECEIVING_VERBS = {"draw", "receive", "face", "attract", "earn", "get"}
#: verbs that say where a nominal event came from: "another invitation came from Venezuela"
ORIGIN_VERBS = {"come"}
#: their inflected forms too: the tagger's lemma is not always right ("staged" -> "stag")
LIGHT_FORMS = {form for verb in LIGHT_VERBS for form in verb_forms(verb)}


def is_light_verb(tok: Any) -> bool:
    """ "held talks", "staged rallies": a verb whose object noun is the event it reports."""
    return tok.lemma_.lower() in LIGHT_VERBS or tok.lower_ in LIGHT_FORMS


#: prepositions of a light verb that name whom its object noun's act is done to; not "with",
#: which is as often what goes along ("launched an inquiry ..., with the CIA chief to testify")
CARRIED_TARGET_PREPS = {"to", "against", "on", "upon", "into", "toward", "towards"}


#: verbs whose subject is "under" the happening that is done to it ("came under attack", "is
#: under fire", "found himself under fire")
UNDERGOING_VERBS = {"come", "be", "remain", "find", "fall"}


def _receiving_verb(noun: Any) -> Any | None:
    """The verb whose subject receives the happening ``noun`` names: "faced condemnation",
    "drew criticism", "came under attack"; None for any other."""
    if noun.dep_ in {"dobj", "obj"} and noun.head.lemma_.lower() in RECEIVING_VERBS:
        return noun.head
    under = noun.head
    if noun.dep_ == "pobj" and under.lower_ == "under" and under.head.lemma_.lower() in UNDERGOING_VERBS:
        return under.head
    return None


#: what comes under fire from arms, not words ("their car came under fire")
FIRE_TARGETS = _WORDS.words("fire_targets")
#: doers whose fire is armed ("came under fire from Taliban forces")
ARMED_DOERS = _WORDS.words("armed_doers")
FORCE_CODE, CRITICISM_CODE = "190", "111"
#: sectors whose fire is armed ("came under fire from the Taliban")
FIRING_SECTORS = ("MIL", "REB", "INS", "UAF", "COP")


def fire_code(code: str, tok: Any) -> str:
    """ "came under fire": an armed attack (190) when who fires is named by a word for an armed
    force ("from Taliban forces", "by US troops") or what is fired on is a soldier, a vehicle or
    a post ("their car came under fire"); otherwise criticism, the code given ("the minister
    came under fire from critics"; :func:`armed_fire` reads a named doer's sector)."""
    receiver = _receiving_verb(tok) if tok.lower_ == "fire" and code == CRITICISM_CODE else None
    if receiver is None:
        return code
    firers = [o for p in (*tok.children, *receiver.children) if _from_or_by(p) for o in pobjs(p)]
    # "came under insurgent fire", "under Israeli fire": who fires, named before the fire
    firers += [c for c in tok.children if c.dep_ in {"amod", "compound"} and (c.ent_type_ or armed_word(c))]
    takers = subjects(receiver)[0]
    if any(armed_word(h) or h.ent_type_ in {"NORP", "GPE"} for h in firers) or any(
        t.lemma_.lower() in FIRE_TARGETS for t in takers
    ):
        return FORCE_CODE
    return code


def armed_word(tok: Any) -> bool:
    """ "forces", "insurgent", "militants": a word for an armed force, singular or plural."""
    lemma = tok.lemma_.lower()
    return lemma in ARMED_DOERS or f"{lemma}s" in ARMED_DOERS or tok.lower_ in ARMED_DOERS


def armed_fire(code: str, tok: Any, sector: str | None) -> str:
    """190 for criticism coded from "came under fire" whose doer is an armed force ("came
    under fire from the Taliban"), else ``code``."""
    armed = any(s in (sector or "") for s in FIRING_SECTORS)
    return FORCE_CODE if armed and code == CRITICISM_CODE and tok.lower_ == "fire" else code


def received_assault(noun: Any) -> bool:
    """True when ``noun`` names an assault its receiver's subject undergoes ("the convoy came
    under attack", "the army faced an attack"): the event stands with the doer unnamed."""
    armed = noun.lemma_.lower() in ASSAULT_NOUNS or fire_code(CRITICISM_CODE, noun) == FORCE_CODE
    return armed and _receiving_verb(noun) is not None


def suffered_assault(noun: Any) -> bool:
    """True when ``noun`` names an assault its clause's subject suffers: "came under attack"
    (:func:`received_assault`), "died in the attack" (:func:`died_in`)."""
    return received_assault(noun) or bool(died_in(noun))


def _carries_act(verb: Any) -> bool:
    """True when ``verb`` is a light verb whose object is the act it reports, not a load it
    moves ("carried food aid to the port" is a ship's cargo; "carried out raids on" an act)."""
    if verb.lemma_.lower() == "carry":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return is_light_verb(verb)


EVENT_CONTEXT_PREPS = {"after", "during", "before", "at", "in", "following", "since"}
TIME_PREPS = {"after", "during", "before", "following", "since"}


#: verbs of harm or capture whose passive subject underwent the assault its "in" names ("were
#: killed in the attack", "was arrested in a pre-dawn raid"), and the assaults, not fights one
#: takes part in ("injured in clashes")
HARM_VERBS = {"kill", "wound", "injure", "hurt", "shoot", "maim", "arrest", "detain", "capture", "seize"}
#: verbs of damage: what they are done to took part in no happening ("property has been damaged
#: in a protest")
DAMAGE_VERBS = {"damage", "destroy"}
ASSAULT_NOUNS = {
    "attack",
    "raid",
    "strike",
    "airstrike",
    "bombing",
    "ambush",
    "shelling",
    "assault",
    "offensive",
}


#: weapons that harm those "killed in" them ("killed in a suspected roadside bomb": by it)
BLASTS = {"bomb", "blast", "explosion", "missile", "rocket", "grenade", "mortar", "shell", "mine"}


def is_assault(noun: Any) -> bool:
    """True for a noun of an assault ("attack", "raid", "bombing")."""
    return noun.lemma_.lower() in ASSAULT_NOUNS


def _harmed_by(verb: Any, noun: Any) -> bool:
    """True when the passive ``verb`` says its subject was harmed in the assault ``noun``
    names ("five civilians were killed in the attack": not the attackers), or damaged in
    whatever happening it names."""
    lemma = verb.lemma_.lower()
    return (lemma in HARM_VERBS and noun.lemma_.lower() in ASSAULT_NOUNS | BLASTS) or lemma in DAMAGE_VERBS


def nominal_roles(tok: Any, context_doer: bool = True) -> tuple[list[Any], list[list[Any]], bool]:
    """Source and target heads of a nominal event ("Baradar's visit to Iran"), and whether the
    actors are a compound ("negotiations between Iran and the Taliban").  ``context_doer``:
    the subject of a clause the event is the setting of takes part in it ("After the meeting
    with the Taliban, Shamkhani said"); for an assault, only who is in it ("were engaged in
    ethnic cleansing"), not who acts before or after it ("became first lady after the
    assassination of Kennedy", "spoke after the bombing")."""
    sources = [c for c in tok.children if c.dep_ == "poss" and c.ent_type_ not in {"DATE", "TIME"}]
    sources += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for o in pobjs(c)]
    sources += [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    sources += _own_act_doers(tok)  # "the resignation of Trade Minister Joe Cordiano"
    sources += [c for c in tok.children if c.dep_ == "amod" and c.ent_type_ == "NORP"]  # "Palestinian riots"
    # "a rally organised by X", "an attack carried out by X"; not "the proposal seen by X"
    organisers = [
        c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in MAKING_VERBS
    ]
    sources += [o for c in organisers for a in c.children if a.dep_ == "agent" for o in pobjs(a)]
    if tok.dep_ in {"nsubj", "csubj"} and tok.head.lemma_.lower() in ORIGIN_VERBS:  # "the vote came from X"
        sources += [o for c in tok.head.children if _from(c) for o in pobjs(c)]
    targets: list[list[Any]] = []
    between: list[Any] = []
    # "talks were held between India and Pakistan": the parties hung on the verb that carries it
    carrier = [tok.head] if tok.dep_ == "nsubjpass" and tok.head.i != tok.i else []
    for c in (*tok.children, *(c for h in carrier for c in h.children)):
        if c.dep_ == "prep" and c.lower_ in {"between", "among"}:
            between.extend(pobjs(c))
        elif c.head.i == tok.i and c.dep_ == "prep" and c.lower_ in _target_preps(tok):
            targets.append(pobjs(c))
            if c.lower_ == "for":  # "an invitation for talks with Hamas": the partner of the talks
                targets += [
                    pobjs(p) for o in pobjs(c) for p in o.children if p.dep_ == "prep" and p.lower_ == "with"
                ]
    if tok.dep_ in {"dobj", "obj"} and _carries_act(tok.head):
        # the parser hangs the done-to on the light verb: "launched an air strike into Gaza",
        # "carried out raids on the camps", "made an appeal to the UN"
        targets += [
            pobjs(c) for c in tok.head.children if c.dep_ == "prep" and c.lower_ in CARRIED_TARGET_PREPS
        ]
    receiver = _receiving_verb(tok)
    if receiver is not None:
        # "Israel faced condemnation from the U.N.", "the book has drawn criticism from the White
        # House": who sends it is the doer, who receives it (or owns what receives it) the target
        sources += [o for p in (*tok.children, *receiver.children) if _from_or_by(p) for o in pobjs(p)]
        takers = subjects(receiver)[0]
        # before the noun's own "in" / "at", which as often say where ("came under attack in Ramadi")
        targets.insert(0, [p for t in takers for p in t.children if p.dep_ == "poss"] or takers)
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in PASSIVE_MAKERS:
        # "the apology was delivered to the Inuit by the premier", "the attack was carried out by
        # X": who made the happening, and whom it is for
        sources += [o for c in tok.head.children if c.dep_ == "agent" for o in pobjs(c)]
        targets += [
            pobjs(c)
            for c in tok.head.children
            if c.dep_ == "prep" and c.lower_ in {"to", "with", "against", "on"}
        ]
    if len(between) > 1:
        return between, [], True
    dead = died_in(tok)
    if dead:  # "dozens died in an attack by the Taliban": the dead are its victims, not its doers
        return sources, [dead, *targets], False
    if not sources or all(h.pos_ == "PRON" for h in sources):
        return _doers_of_the_setting(tok, sources, targets, context_doer)
    return sources, targets, False


def _doers_of_the_setting(
    tok: Any, sources: list[Any], targets: list[list[Any]], context_doer: bool
) -> tuple[list[Any], list[list[Any]], bool]:
    """The roles of a nominal event its own words leave without a doer: the subject of the
    clause it is the setting of or the object of (see :func:`nominal_roles`)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in EVENT_CONTEXT_PREPS:
        # "After the meeting with the Taliban, Shamkhani continued ..."; who acts before,
        # during or after an assault did not commit it, who is engaged in it did
        head = head.head if context_doer or head.lower_ not in TIME_PREPS else None
    elif not (tok.dep_ in {"dobj", "obj"} and is_light_verb(head)):
        head = None  # "held talks with": the verb's subject; otherwise no source
    if head is not None and head.pos_ in {"VERB", "AUX"}:
        doers, passive = subjects(head)  # "Israel mounted its invasion": Israel
        if tok.dep_ == "pobj" and _aimed_at_its_own(tok):
            return sources, [*targets, doers], False  # "resigned after an investigation into his role"
        sources = sources + ([] if passive and _harmed_by(head, tok) else doers)
    return sources, targets, False


#: nouns of an act one does oneself, whose "of" names the doer ("the resignation of X")
OWN_ACT_NOUNS = _WORDS.words("own_act_nouns")
#: prepositions by which a nominal event names whom it is done to or with
TARGET_PREPS = frozenset({"with", "to", "against", "on", "in", "at", "for", "of"})


def _own_act_doers(tok: Any) -> list[Any]:
    """Who does the act of one's own ``tok`` names, by its "of" ("the resignation of Trade
    Minister Joe Cordiano", "the withdrawal of Israeli troops from Gaza"); [] for other nouns."""
    if tok.lemma_.lower() not in OWN_ACT_NOUNS:
        return []
    return [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)]


def _target_preps(tok: Any) -> frozenset[str]:
    """The prepositions of ``tok`` that name whom its act is done to: not "of" for an act of
    one's own, which names the doer."""
    return TARGET_PREPS - {"of"} if tok.lemma_.lower() in OWN_ACT_NOUNS else TARGET_PREPS


#: verbs of dying whose "in" names the assault that killed their subject
DYING_VERBS = {"die", "perish"}


def died_in(tok: Any) -> list[Any]:
    """Who died in the assault ``tok`` names ("Dozens died in the attack, reportedly conducted
    by the Taliban"); [] for any other noun."""
    prep = tok.head
    if not (is_assault(tok) and tok.dep_ == "pobj" and prep.lower_ in {"in", "during"}):
        return []
    return subjects(prep.head)[0] if prep.head.lemma_.lower() in DYING_VERBS else []


#: prepositions by which a happening names what it is aimed at ("an investigation into his role")
AIMED_PREPS = {"into", "of", "on", "against"}
#: possessive determiners that refer back to the subject of the clause
POSSESSIVE_DETERMINERS = {"his", "her", "their", "its"}


def _aimed_at_its_own(noun: Any) -> bool:
    """True when the happening a clause is set after or during is aimed at the subject's own
    ("stepped down after an investigation into his role", "spoke after an attack on her
    convoy"): the subject underwent it, it did not do it."""
    aimed = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS for o in pobjs(p)]
    return any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_DETERMINERS for o in aimed for c in o.children)


def _from(prep: Any) -> bool:
    return bool(prep.dep_ == "prep" and prep.lower_ == "from")


def _from_or_by(prep: Any) -> bool:
    """ "came under fire from X", and "by X" that the parser hangs on the verb as a preposition."""
    return bool(prep.dep_ in {"prep", "agent"} and prep.lower_ in {"from", "by"})


def clause_depth(tok: Any) -> int:
    depth, cur, hops = 0, tok, 0
    while cur.head is not cur and hops < 12:
        if cur.dep_ in {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp"}:
            depth += 1
        cur, hops = cur.head, hops + 1
    return depth


#: nouns of what is done to their possessor: "Bhutto's assassination", "Besigye's arrest"
UNDERGONE_NOUNS = _WORDS.words("undergone_nouns")


def undergone_noun(noun: Any) -> bool:
    """True for a noun of what is done to someone ("assassination", "arrest")."""
    return noun.lemma_.lower() in UNDERGONE_NOUNS or noun.lower_ in UNDERGONE_NOUNS


def has_of(noun: Any) -> bool:
    """True when an "of" hangs on ``noun`` ("the arrest of Besigye")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def possessed_undergoers(noun: Any) -> list[Any]:
    """The possessor of an undergone noun, who undergoes it ("Bhutto's assassination", "his
    arrest"), unless an "of" names who does ("Israel's killing of its leader": Israel kills)."""
    if not undergone_noun(noun) or has_of(noun):
        return []
    return [c for c in noun.children if c.dep_ == "poss"]


def culprits(noun: Any) -> list[Any]:
    """Who a happening's noun is laid on: "Sudan's government is responsible for mass
    killings" -> the government (subject heads; [] for any other noun)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"for", "of"} or prep.head.lower_ not in CULPABLE_WORDS:
        return []
    return subjects(prep.head)[0]


#: verbs by which one has a thing of one's own done to one ("had his house raided")
HAVING_VERBS = {"have", "get"}


def haver_of_the_thing_done(verb: Any, subj: list[Any]) -> list[Any]:
    """The subject of "have" or "get" whose thing a participle was done to ("had his passport
    confiscated by the police", "had US$1.5 billion in assets seized"): who undergoes the act;
    [] where the participle is done to somebody ("had the rebels arrested": the rebels)."""
    if verb.tag_ != "VBN":
        return []
    have, things = verb.head, subj
    if verb.dep_ == "acl":  # "had [US$1.5 billion in [assets seized]]"
        cur, things = verb.head, [verb.head]
        while cur.dep_ in {"pobj", "prep"} and cur.head.i != cur.i:
            cur = cur.head
        have = cur.head if cur.dep_ in {"dobj", "obj"} else verb
    elif verb.dep_ not in {"ccomp", "xcomp"}:
        return []
    if have.lemma_.lower() not in HAVING_VERBS or not things:
        return []
    # one's own thing ("his passport", "its assets") or a sum ("US$1.5 billion in assets")
    owned = [t for t in things if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)]
    sums = [
        t
        for t in (*things, have)
        if t.ent_type_ == "MONEY"
        or any(c.ent_type_ == "MONEY" for c in t.children if c.dep_ in {"dobj", "obj"})
    ]
    if not (owned or sums) or any(names_people(t) or t.pos_ == "PROPN" for t in things):
        return []
    return subjects(have)[0]
