"""Reading roles off spaCy's dependency parse: subjects (through control and coordination),
coordinated actors, noun-phrase spans, candidate targets, nominal events' roles."""

from __future__ import annotations

from typing import Any

from ...knowledge.petrarch_verbs import verb_forms
from ...knowledge.wordlists import word_lists

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

__all__ = [
    "EVENT_CONTEXT_PREPS",
    "GROUP_NOUNS",
    "PEOPLE_SUFFIXES",
    "TEMPORAL_PREPS",
    "names_people",
    "agent_heads",
    "LIGHT_VERBS",
    "is_light_verb",
    "SUBJ_DEPS",
    "clause_depth",
    "conjuncts",
    "culprits",
    "listy_modifier",
    "modified_noun",
    "nominal_roles",
    "np_span",
    "pobjs",
    "subjects",
    "target_heads",
]

SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJ_DEPS = {"dobj", "obj", "dative", "attr", "oprd"}
CLIMB_DEPS = {"xcomp", "conj", "acomp", "advcl", "pcomp"}
#: "X is responsible for the killings", "X is guilty of violating the truce": X did it
CULPABLE_WORDS = {"responsible", "guilty", "culpable", "accountable"}
TARGET_PREPS = _WORDS.words("target_prepositions")
#: prepositions that usually say where an act took place: their objects are targets last
LOCATIVE_PREPS = {"in", "at", "near"}
#: prepositions that name the partner or the adversary of an act
PARTNER_PREPS = {"with", "against"}
#: endings of nouns that name people by what they do: seeker, protester, activist, civilian
PEOPLE_SUFFIXES = ("er", "or", "ist", "ian", "ee")
#: nouns ending like an agent that name things ("order", "letter", "water"): event_words.yaml
THING_NOUNS = _WORDS.words("thing_nouns")
#: nouns for people and for bodies of them ("residents", "the delegation", "a coalition")
GROUP_NOUNS = _WORDS.words("people_nouns") | _WORDS.words("collective_nouns")
#: prepositions that say when an act happened: their objects are neither its partner nor its
#: target ("called for calm following the announcement by the election commission")
TEMPORAL_PREPS = {"following", "after", "before", "during", "since", "until", "amid", "amidst", "ahead"}
NP_CUT_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj", "prep", "advcl", "ccomp"}


def subjects(tok: Any, depth: int = 0) -> tuple[list[Any], bool]:
    """Subject heads of a verb (climbing through xcomp/conj/...), and whether it is passive."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) and not _stative(tok)
    subs = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
    if subs:
        return subs, passive
    if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return [tok.head], passive
    if tok.dep_ == "acl" and any(c.lower_ == "to" for c in tok.children):
        owners = [c for c in tok.head.children if c.dep_ == "poss"]  # "the Taliban's willingness to protect"
        if owners:
            return owners, passive
    if tok.dep_ == "prep" and tok.lower_ in {"for", "of"} and tok.head.lower_ in CULPABLE_WORDS and depth < 4:
        return subjects(tok.head, depth + 1)  # "are guilty of violating": the guilty did it
    if tok.dep_ in CLIMB_DEPS and tok.head != tok and depth < 4:
        if tok.dep_ == "advcl" and tok.tag_ == "VBG":
            return _participle_doers(tok.head, depth), passive
        if tok.dep_ == "advcl" and passive and _participial(tok):
            up, _ = subjects(tok.head, depth + 1)  # "shot one person after being attacked by a mob"
            return up, passive
        if tok.dep_ == "advcl" and not any(c.lower_ == "to" for c in tok.children):
            return [], passive
        if tok.dep_ == "xcomp":  # object control: "urged Bree to help" -> Bree
            objs = [c for c in tok.head.children if c.dep_ in {"dobj", "obj"}]
            if objs and tok.head.lemma_ in {
                "urge",
                "ask",
                "force",
                "order",
                "persuade",
                "encourage",
                "invite",
            }:
                return objs, passive
        up, up_passive = subjects(tok.head, depth + 1)
        # "were tied and assaulted by troops": a participle conjoined to a passive is passive too
        # (the parser tags some such participles adjectives: "tied and hooded and kicked")
        shared_passive = tok.dep_ == "conj" and up_passive and tok.tag_ in {"VBN", "JJ"} and not _has_aux(tok)
        return up, passive or shared_passive
    return [], passive


#: participles of a state the subject is in, not an act done to it: "was opposed to the plan"
#: (the subject opposes)
STATIVE_PARTICIPLES = {"oppose"}


def _stative(tok: Any) -> bool:
    """True for "X is opposed to Y": X holds the stance, no one did anything to X."""
    if tok.lemma_.lower() not in STATIVE_PARTICIPLES or any(c.dep_ == "agent" for c in tok.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)


def owned_by(head: Any, pos: str) -> bool:
    """True when ``head`` has a possessor of part of speech ``pos``: "its troops" ("PRON"),
    "Nkunda's rebels" ("PROPN")."""
    return any(c.dep_ == "poss" and c.pos_ == pos for c in head.children)


def relative_antecedents(clause: Any, subj: list[Any]) -> list[Any]:
    """The subjects of a relative clause with its pronoun replaced by what it stands for
    ("beef, which was banned": beef); ``subj`` unchanged for any other clause."""
    if clause.dep_ == "relcl" and any(h.tag_ in {"WDT", "WP"} for h in subj):
        return [clause.head]
    return subj


def _has_aux(tok: Any) -> bool:
    """True when a verb has an auxiliary of its own ("and has asked", "and was put"): a clause
    of its own, not a participle sharing the voice and the "by" of the verb before it."""
    return any(c.dep_ in {"aux", "auxpass"} for c in tok.children)


def _participial(tok: Any) -> bool:
    """True for a passive adjunct with no finite verb of its own: "after being attacked",
    "while being questioned" (its undergoer is the subject of the clause it hangs on)."""
    auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    return bool(auxes) and all(a.lower_ == "being" for a in auxes)


def _participle_doers(head: Any, depth: int) -> list[Any]:
    """Who does what a participial adjunct with no subject of its own says ("attacked a village,
    killing 12", "shelled the town, leaving 3 dead"): the doer of the verb it hangs on, that is
    a passive's agent ("were attacked by protesters, wounding two": the protesters), never a
    passive's subject, who underwent the act ("were attacked, wounding two": nobody named)."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in head.children):
        return agent_heads(head)
    up, _ = subjects(head, depth + 1)
    return up


def agent_heads(tok: Any) -> list[Any]:
    """The doers named by "by" of a passive verb, also where the parser hung the "by" phrase on
    the verb's object ("were denied visas by the High Commission")."""
    heads = [o for c in tok.children if c.dep_ == "agent" for o in pobjs(c)]
    if not heads and tok.tag_ == "VBN":
        heads = _shared_agent(tok)  # "were arrested and beaten by police": both by the police
    if heads or not any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        return heads
    for obj in tok.children:
        if obj.dep_ in {"dobj", "obj"}:
            heads += [
                o for p in obj.children if p.dep_ in {"agent", "prep"} and p.lower_ == "by" for o in pobjs(p)
            ]
    return heads


def _shared_agent(tok: Any) -> list[Any]:
    """The "by" phrase of the next participle conjoined after a passive ``tok`` that has none
    ("were arrested and beaten by police"); none past a conjunct with a subject, object or
    auxiliary of its own ("was arrested, and police beat him", "and was put under investigation
    by a judge")."""
    for c in tok.conjuncts:
        if c.i < tok.i or c.tag_ != "VBN":
            continue
        if _has_aux(c) or any(x.dep_ in SUBJ_DEPS | {"dobj", "obj"} for x in c.children):
            return []  # "was arrested and was put under investigation by a judge": its own clause
        found = [o for x in c.children if x.dep_ == "agent" for o in pobjs(x)]
        if found:
            return found
    return []


def conjuncts(tok: Any) -> list[Any]:
    """``tok`` and the members coordinated with it, including list members the parser hung as
    appositions ("Mordor, the Shire, Fornost and Bree")."""
    nominal = {"NOUN", "PROPN", "PRON"}
    out = [tok] + [c for c in tok.conjuncts if c.pos_ in nominal]
    for c in tok.children:  # "Arnor, Calenardhon and the evil Gondor": a list parsed as a modifier
        if listy_modifier(c):
            # "U.S. and Israeli officials": a nationality adjective is a member too
            out.extend([c] + [x for x in c.conjuncts if x.pos_ in nominal or x.ent_type_ in {"NORP", "GPE"}])
            out.extend(comma_listed_before(c))  # "French" of "French, German and Italian ministers"
    appos = [c for m in out for c in m.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}]
    for a in appos:
        members = [a] + [c for c in a.conjuncts if c.pos_ in nominal]
        if len(out) > 1 or len(members) > 1:  # a list, not "Shamkhani, the Secretary of ..."
            out.extend(members)
    seen: set[int] = set()
    uniq = []
    for t in sorted(out, key=lambda t: t.i):
        if t.i not in seen:
            seen.add(t.i)
            uniq.append(t)
    return uniq


MODIFIER_DEPS = {"nmod", "compound", "amod"}


def _named_modifier(c: Any) -> bool:
    named = c.pos_ == "PROPN" or (c.dep_ == "amod" and c.ent_type_ in {"NORP", "GPE"})  # "Russian and ..."
    return c.dep_ in MODIFIER_DEPS and named


def listy_modifier(c: Any) -> bool:
    return _named_modifier(c) and any(x.dep_ == "conj" for x in c.children)


def comma_listed_before(c: Any) -> list[Any]:
    """Named modifiers of the same noun listed before ``c`` with commas, which the parser hangs
    on the noun, not on the coordination: "French" of "French, German and Italian ministers"."""
    out: list[Any] = []
    doc, cur = c.doc, c
    while cur.left_edge.i >= 2 and doc[cur.left_edge.i - 1].text == ",":
        before = doc[cur.left_edge.i - 2]
        while before.head.i != c.head.i and before.head.i < c.i and before.head.i != before.i:
            before = before.head  # "South" of "South African": its head is the member
        if before.head.i != c.head.i or not _named_modifier(before) or before.i in {x.i for x in out}:
            break
        out.append(before)
        cur = before
    return out


def modified_noun(tok: Any) -> Any | None:
    """The common noun that ``tok`` modifies as one member of a list of named modifiers ("U.S."
    and "Israeli" of "U.S. and Israeli officials", "French" of "French, German and Italian
    ministers"); None when ``tok`` is no such member."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if not _named_modifier(first) or first.head.pos_ != "NOUN":
        return None
    if first is tok and not listy_modifier(tok):
        listed = [c for c in tok.head.children if listy_modifier(c) and tok in comma_listed_before(c)]
        if not listed:
            return None
    return first.head


def np_span(tok: Any) -> tuple[int, int]:
    """Token span of the noun phrase headed by ``tok``, without clauses, appositions and PPs."""
    start, end = tok.i, tok.i + 1
    for child in tok.children:
        if child.dep_ in NP_CUT_DEPS or listy_modifier(child):
            continue
        sub = list(child.subtree)
        if child.i < tok.i:
            start = min(start, sub[0].i)
        else:
            end = max(end, sub[-1].i + 1)
    return start, end


def direct_objects(tok: Any) -> list[Any]:
    """The direct objects of verb ``tok``."""
    return [c for c in tok.children if c.dep_ in {"dobj", "obj"}]


def pobjs(prep: Any) -> list[Any]:
    out: list[Any] = []
    for c in prep.children:
        if c.dep_ in {"pobj", "pcomp"}:
            out.extend(conjuncts(c))
    return out


def _clause_targets(clause: Any) -> list[list[Any]]:
    """Subjects, agents and objects of a clause that hangs on an object ("hopes that X could",
    "memos sent by Bree", "roads leading into Mordor")."""
    groups: list[list[Any]] = []
    for s in clause.children:
        if s.dep_ in SUBJ_DEPS:
            groups.append(conjuncts(s))
    for s in clause.children:
        if s.dep_ == "agent" or (s.dep_ == "prep" and s.lower_ in TARGET_PREPS):
            groups.append(pobjs(s))
        elif s.dep_ in {"dobj", "obj"}:
            groups.append(conjuncts(s))
    return groups


def target_heads(tok: Any, skip: set[int], depth: int = 0) -> list[list[Any]]:
    """Candidate target groups in order of preference: objects, then prepositional objects."""
    children = list(tok.children)
    objects = [c for c in children if c.dep_ in OBJ_DEPS and c.i not in skip]
    groups: list[list[Any]] = []
    for c in objects:
        for p in c.children:  # "condemned an attack by Osgiliath soldiers": the attackers
            if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by"):
                groups.append(pobjs(p))
        groups.append(conjuncts(c))
    for c in objects:  # "restore ties with Gondor", "an attack by X"
        # "reject asylum-seekers who are not vetted by the UNHCR": a clause describing the
        # people acted on names no one else acted on
        groups.extend(
            _modifier_targets(c, {"acl", "ccomp"} if names_people(c) else {"acl", "relcl", "ccomp"})
        )
    # "meet in Cairo, Egypt with X": where it happened is a place, the partner comes first
    preps = [
        c
        for c in children
        if c.dep_ in {"prep", "agent"}
        and c.lower_ in TARGET_PREPS
        and c.i not in skip
        and not _attribution(c)
    ]
    preps.sort(key=lambda c: c.lower_ in LOCATIVE_PREPS)
    for c in preps:
        if c.lower_ in LOCATIVE_PREPS:  # "meet in Damascus, Syria with X": "with" hung on the place
            groups.extend(pobjs(d) for d in c.subtree if d.dep_ == "prep" and d.lower_ in PARTNER_PREPS)
        groups.append(pobjs(c))
        for obj in pobjs(c):  # "clashed over the efforts of Eriadori"
            groups.extend(_modifier_targets(obj, {"acl", "relcl"}))
    for c in children:
        if c.dep_ == "prt":
            groups.extend(pobjs(p) for p in c.children if p.dep_ == "prep")
    for c in children:
        if c.dep_ in {"ccomp", "xcomp"} and c.i > tok.i:  # "believes Dagolath and Osgiliath can cope"
            groups.extend(conjuncts(s) for s in c.children if s.dep_ in SUBJ_DEPS and s.i > tok.i)
            if depth < 2:  # "vowed to wage war on the Rohans"
                groups.extend(target_heads(c, skip, depth + 1))
    return [g for g in groups if g]


def _attribution(prep: Any) -> bool:
    """ "according to X" ("to" hung on "according"): who says so, never whom it is done to."""
    return bool(prep.lower_ == "to" and prep.head.lower_ == "according")


def names_people(noun: Any) -> bool:
    """True for a noun that names people by what they do or are ("asylum-seekers", "the
    protesters", "two Iraqis"), rather than a thing or a happening."""
    if noun.ent_type_ in {"PERSON", "NORP"}:
        return True
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "NOUN"
        and len(lemma) > 4
        and lemma.endswith(PEOPLE_SUFFIXES)
        and lemma not in THING_NOUNS
    )


def _modifier_targets(noun: Any, clause_deps: set[str]) -> list[list[Any]]:
    """Target groups in a noun's prepositional phrases, agents and clauses."""
    groups: list[list[Any]] = []
    for p in noun.children:
        if (p.dep_ == "prep" and p.lower_ in TARGET_PREPS) or p.dep_ == "agent":
            groups.append(pobjs(p))
        elif p.dep_ in clause_deps:
            groups.extend(_clause_targets(p))
    return groups


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


def _carries_act(verb: Any) -> bool:
    """True when ``verb`` is a light verb whose object is the act it reports, not a load it
    moves ("carried food aid to the port" is a ship's cargo; "carried out raids on" an act)."""
    if verb.lemma_.lower() == "carry":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return is_light_verb(verb)


EVENT_CONTEXT_PREPS = {"after", "during", "before", "at", "in", "following", "since"}
TIME_PREPS = {"after", "during", "before", "following", "since"}


#: verbs of harm whose passive subject underwent the assault its "in" names ("were killed in
#: the attack"), and the assaults, not fights one takes part in ("injured in clashes")
HARM_VERBS = {"kill", "wound", "injure", "hurt", "shoot", "maim"}
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


def _harmed_by(verb: Any, noun: Any) -> bool:
    """True when the passive ``verb`` says its subject was harmed in the assault ``noun``
    names ("five civilians were killed in the attack": not the attackers)."""
    return verb.lemma_.lower() in HARM_VERBS and noun.lemma_.lower() in ASSAULT_NOUNS


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
        elif (
            c.head.i == tok.i
            and c.dep_ == "prep"
            and c.lower_ in {"with", "to", "against", "on", "in", "at", "for", "of"}
        ):
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
    received = tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in RECEIVING_VERBS
    if received:
        # "Israel faced condemnation from the U.N.", "the book has drawn criticism from the White
        # House": who sends it is the doer, who receives it (or owns what receives it) the target
        sources += [o for p in (*tok.children, *tok.head.children) if _from(p) for o in pobjs(p)]
        takers = subjects(tok.head)[0]
        targets.append([p for t in takers for p in t.children if p.dep_ == "poss"] or takers)
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
    if not sources or all(h.pos_ == "PRON" for h in sources):
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in EVENT_CONTEXT_PREPS:
            # "After the meeting with the Taliban, Shamkhani continued ..."; who acts before,
            # during or after an assault did not commit it, who is engaged in it did
            head = head.head if context_doer or head.lower_ not in TIME_PREPS else None
        elif not (tok.dep_ in {"dobj", "obj"} and is_light_verb(head)):
            head = None  # "held talks with": the verb's subject; otherwise no source
        if head is not None and head.pos_ in {"VERB", "AUX"}:
            doers, passive = subjects(head)  # "Israel mounted its invasion": Israel
            sources = sources + ([] if passive and _harmed_by(head, tok) else doers)
    return sources, targets, False


def _from(prep: Any) -> bool:
    return bool(prep.dep_ == "prep" and prep.lower_ == "from")


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
