"""Reading roles off spaCy's dependency parse: subjects (through control and coordination),
coordinated actors, noun-phrase spans, candidate targets (nominal events' roles:
:mod:`.nominals`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...knowledge.wordlists import word_lists
from . import slips

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

__all__ = [
    "GROUP_NOUNS",
    "PEOPLE_SUFFIXES",
    "TEMPORAL_PREPS",
    "names_people",
    "agent_heads",
    "attributing",
    "SUBJ_DEPS",
    "conjuncts",
    "listy_modifier",
    "modified_noun",
    "np_span",
    "pobjs",
    "subjects",
    "target_heads",
]

SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: verbs whose object does what their infinitive says ("urged Bree to help", event_words.yaml)
OBJECT_CONTROL_VERBS = _WORDS.words("object_control_verbs")
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
    passive = passive or _gapped_passive(tok) or slips.participle_read_as_main_verb(tok)
    passive = passive or slips.headline_passive(tok)
    if slips.main_verb_read_as_participle(tok):
        return [tok.head], False  # "The bomb blast, blamed on militants, killed 100 civilians"
    subs = [
        slips.person_after_a_place(c) for c in tok.children if c.dep_ in SUBJ_DEPS
    ] or slips.stranded_subject(tok)
    subs = slips.without_qualifying_places(tok, subs)  # "visit to Baghdad, Iraq to meet"
    if subs:
        return subs, passive
    described = _described_doers(tok, depth)
    if described:
        return described, passive
    if tok.dep_ == "prep" and tok.lower_ in {"for", "of"} and tok.head.lower_ in CULPABLE_WORDS and depth < 4:
        return subjects(tok.head, depth + 1)  # "are guilty of violating": the guilty did it
    # "was hospitalized after being assaulted by two men"; not inside a reported clause, where
    # the parser hangs such a phrase on the wrong verb ("argued that the PM was not answering
    # his question before also being ordered out")
    being_done = (
        tok.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children)
        and tok.head.head.dep_ != "ccomp"
    )
    gerund = (
        tok.dep_ == "pcomp" and (tok.tag_ == "VBG" or being_done) and tok.lemma_.lower() not in GOING_VERBS
    )
    if gerund and tok.head.dep_ == "prep" and depth < 4:
        doers = _gerund_doers(tok.head, depth)
        if doers:
            return doers, passive
    if tok.dep_ in CLIMB_DEPS and tok.head != tok and depth < 4:
        if slips.belongs_to_the_clause_above(tok):  # "urged the public to support X and called on Y"
            return subjects(tok.head.head, depth + 1)
        if tok.dep_ == "advcl" and tok.tag_ == "VBG":
            return _participle_doers(tok, depth), passive
        if tok.dep_ == "advcl" and passive and _participial(tok):
            up, _ = subjects(tok.head, depth + 1)  # "shot one person after being attacked by a mob"
            return up, passive
        if tok.dep_ == "advcl" and not any(c.lower_ == "to" for c in tok.children):
            return [], passive
        if tok.dep_ == "xcomp":  # object control: "urged Bree to help" -> Bree
            objs = [c for c in tok.head.children if c.dep_ in {"dobj", "obj"}]
            if objs and tok.head.lemma_ in OBJECT_CONTROL_VERBS:
                return objs, passive
        up, up_passive = subjects(tok.head, depth + 1)
        # "were tied and assaulted by troops": a participle conjoined to a passive is passive too
        # (the parser tags some such participles adjectives: "tied and hooded and kicked")
        shared_passive = tok.dep_ == "conj" and up_passive and tok.tag_ in {"VBN", "JJ"} and not _has_aux(tok)
        # "has been reported killed by armed youths", "is believed kidnapped": so is the participle
        # a passive report verb takes
        told_passive = tok.dep_ == "xcomp" and up_passive and tok.tag_ == "VBN" and not _has_aux(tok)
        return up, passive or shared_passive or told_passive
    return [], passive


def _described_doers(tok: Any, depth: int) -> list[Any]:
    """The doers of a clause that describes a noun: the noun a relative clause or a participle
    is about ("a soldier shooting at a protester"), whoever issues a writing ("adopted a
    resolution calling for": the adopter), the owner of a noun's infinitive ("the Taliban's
    willingness to protect"); [] for any other verb."""
    if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return [tok.head]
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and _people_or_body(tok.head):
        return [tok.head]
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and _issued_writing(tok.head, tok) and depth < 4:
        return subjects(tok.head.head, depth + 1)[0]
    if tok.dep_ == "acl" and any(c.lower_ == "to" for c in tok.children):
        return [c for c in tok.head.children if c.dep_ == "poss"]
    return []


def _people_or_body(noun: Any) -> bool:
    """True for a noun of people or of a body that can act ("a soldier", "troops", "Hamas"), not
    a thing or a happening ("a resolution imposing sanctions", "the meeting congratulating")."""
    return names_people(noun) or noun.lemma_.lower() in GROUP_NOUNS or noun.ent_type_ in {"ORG", "GPE"}


def _for_clause(clause: Any) -> bool:
    """True for "for X to do": "called for Syria to cooperate" asks Syria."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


AUTHORED_NOUNS = _WORDS.words("authored_nouns")


#: what a writing does that is no act of its issuer's ("a statement containing instructions")
WRITING_CONTENT_VERBS = frozenset({"contain", "include", "detail", "describe", "show", "outline", "list"})


#: verbs whose subject issues the writing they take ("adopted a resolution"; not "dismissed a resolution")
ISSUING_VERBS = frozenset(
    _WORDS.words("making_verbs") | {"adopt", "pass", "write", "publish", "release", "approve"}
)


def _issued_writing(noun: Any, verb: Any) -> bool:
    """True for a writing that is the object of whoever issues it and that acts through the
    participle ``verb`` ("signed an open letter calling on"; not "a statement containing")."""
    return (
        noun.lemma_.lower() in AUTHORED_NOUNS
        and noun.dep_ in {"dobj", "obj"}
        and noun.head.lemma_.lower() in ISSUING_VERBS
        and verb.lemma_.lower() not in WRITING_CONTENT_VERBS
    )


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


#: verbs of going somewhere, no act on anyone ("after leaving Eriador", "before departing for
#: Washington")
GOING_VERBS = frozenset({"leave", "depart", "return", "go", "come", "head", "travel", "fly"})
#: prepositions whose gerund after a verb of accusing says what the verb's object did
#: ("arrested protesters for demonstrating", "accused him of lying", "charged them with
#: rioting"), or its subject where it has none ("was arrested for protesting")
OBJECT_GERUND_PREPS = {"for", "of", "with"}
#: verbs of accusing and punishing, whose object-gerund is an alleged act: event_words.yaml
ALLEGING_VERBS = _WORDS.words("alleging_verbs")
#: prepositions whose gerund is an act of the verb's subject, done before or while doing it
#: ("After meeting with Singh, Kumar left", "is on record as criticizing"); not "to", "from",
#: "in", "toward" ("dedicated his time to promoting", "kept them from moving")
SUBJECT_GERUND_PREPS = {"after", "before", "upon", "while", "since", "as"}
#: verbs whose "by" gerund is how the subject answers ("responded by expressing a willingness",
#: "reacted by ordering"); other verbs' "by" is a means too loose to code ("by helping", "by
#: agreeing to be my advisor")
ANSWERING_VERBS = {"respond", "react", "reply", "answer", "retaliate", "counter"}


def _gerund_doers(prep: Any, depth: int) -> list[Any]:
    """Who does what a gerund after a preposition says: for a verb of accusing or punishing,
    its object ("arrested protesters for demonstrating", "accused Turkey of shelling"), else its
    subject ("was jailed for taking part in a rally"); before, after or while a verb, or "by"
    one of answering, that verb's subject ("After meeting with Singh, Kumar left", "responded
    by expressing a willingness"); [] otherwise ("stood for withdrawing", "by helping")."""
    verb = prep.head
    lemma, word = verb.lemma_.lower(), prep.lower_
    alleged = word in OBJECT_GERUND_PREPS and lemma in ALLEGING_VERBS
    answered = word == "by" and lemma in ANSWERING_VERBS
    if verb.pos_ not in {"VERB", "AUX"} or not (alleged or answered or word in SUBJECT_GERUND_PREPS):
        return []
    if alleged:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
        if objects:
            return objects
    return subjects(verb, depth + 1)[0]


def _participle_doers(participle: Any, depth: int) -> list[Any]:
    """Who does what a participial adjunct with no subject of its own says ("attacked a village,
    killing 12", "shelled the town, leaving 3 dead"): the doer of the verb it hangs on, that is
    a passive's agent ("were attacked by protesters, wounding two": the protesters), never a
    passive's subject, who underwent the act ("were attacked, wounding two": nobody named)."""
    head = participle.head
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in head.children) and not _says_or_pledges(participle):
        return agent_heads(head)
    up, _ = subjects(head, depth + 1)
    return up


def _says_or_pledges(participle: Any) -> bool:
    """True for a participle with a clause of its own, what its subject says, pledges or asks
    ("was sworn in, pledging to make peace", "was arrested, saying that ..."), not a result of
    the act ("were attacked, wounding two")."""
    return any(c.dep_ in {"xcomp", "ccomp"} for c in participle.children)


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
    ("were arrested and beaten by police")."""
    for c in sharing_participles(tok):
        found = [
            o
            for x in c.children
            if x.dep_ == "agent" or (x.dep_ == "prep" and x.lower_ == "by")
            for o in pobjs(x)
        ]
        if found:
            return found
    return []


def sharing_participles(tok: Any) -> list[Any]:
    """The participles conjoined after a passive ``tok`` whose "by" and "in" phrases are its
    own too ("were arrested and beaten by police", "One was killed and 28 injured in an attack
    by insurgents"); none past a conjunct with a subject, object or auxiliary of its own ("was
    arrested, and police beat him", "and was put under investigation by a judge")."""
    out = []  # "was sentenced to eight months and fined US$21,000 by": "fined" tagged as a past
    participles = {"VBN", "VBD"} if any(c.dep_ == "nsubjpass" for c in tok.children) else {"VBN"}
    for c in tok.conjuncts:
        if c.i > tok.i and c.pos_ in {"NUM", "NOUN"}:
            c = _gapped_participle(c)  # "One was killed and 28 injured by insurgents"
        if c is None or c.i < tok.i or c.tag_ not in participles:
            continue
        if _has_aux(c) or any(x.dep_ in SUBJ_DEPS | {"dobj", "obj"} and not x.like_num for x in c.children):
            break  # "was arrested and was put under investigation by a judge": its own clause
        out.append(c)
    return out


def _gapped_participle(subject: Any) -> Any:
    """The participle a gapped conjunct's subject carries ("and 28 injured" parsed as "28"
    with "injured" hung on it), or None."""
    return next(
        (c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN" and not _has_aux(c)), None
    )


def _root(tok: Any) -> Any:
    """The root of ``tok``'s sentence, by its heads (``tok.sent`` searches the document)."""
    while tok.head.i != tok.i:
        tok = tok.head
    return tok


def conjuncts(tok: Any) -> list[Any]:
    """``tok`` and the members coordinated with it, including list members the parser hung as
    appositions ("Mordor, the Shire, Fornost and Bree")."""
    nominal = {"NOUN", "PROPN", "PRON"}
    if tok.dep_ in {"appos", "conj"} and tok.pos_ == "PROPN" and slips.stranded_subject(_root(tok)) == [tok]:
        return [tok]  # a subject the parser coordinated with a name in a phrase set before it
    out = [tok] + [c for c in tok.conjuncts if c.pos_ in nominal]
    for c in tok.children:  # "Arnor, Calenardhon and the evil Gondor": a list parsed as a modifier
        if listy_modifier(c):
            # "U.S. and Israeli officials": a nationality adjective is a member too
            out.extend([c] + [x for x in c.conjuncts if x.pos_ in nominal or x.ent_type_ in {"NORP", "GPE"}])
            out.extend(comma_listed_before(c))  # "French" of "French, German and Italian ministers"
    appos = [c for m in out for c in m.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}]
    for a in appos:
        members = [a] + [c for c in a.conjuncts if c.pos_ in nominal]
        # "X, a member of A and leader of B": one person's roles, not a list ("Mordor, the awful
        # Fornost, and Gondor" is one, whatever tag the parser gives "Fornost")
        described = len(out) == 1 and all(m.pos_ == "NOUN" for m in members)
        if (
            len(out) > 1 or len(members) > 1
        ) and not described:  # a list, not "Shamkhani, the Secretary of ..."
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
        if child.dep_ == "advmod" and child.i > tok.i:
            continue  # "a bombing in al Hilla, south of Baghdad": where, not who
        if child.dep_ in ("amod", "conj") and child.lower_ in ("based", "-based"):
            continue  # "the Qatar-based network": where, not who (the network is not the state)
        sub = list(child.subtree)
        if child.i < tok.i:
            start = min(start, sub[0].i)
        else:
            end = max(end, sub[-1].i + 1)
    return start, end


def direct_objects(tok: Any) -> list[Any]:
    """The direct objects of verb ``tok``, or where it has none those of the verb conjoined
    right after it ("have arrested and charged four men": the men are arrested too)."""
    return [c for c in tok.children if c.dep_ in {"dobj", "obj"}] or slips.shared_objects(
        tok, {"dobj", "obj"}
    )


def pobjs(prep: Any) -> list[Any]:
    out: list[Any] = []
    for c in prep.children:
        if c.dep_ in {"pobj", "pcomp"}:
            out.extend(conjuncts(c))
    return out


def prep_objects(heads: Iterable[Any], preps: set[str] | frozenset[str]) -> list[Any]:
    """The objects of the prepositions ``preps`` hung on any of ``heads``."""
    return [o for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps for o in pobjs(c)]


def of_objects(noun: Any) -> list[Any]:
    """What the "of" phrases of ``noun`` name ("members of the army": the army)."""
    return prep_objects([noun], {"of"})


def says_where(head: Any) -> bool:
    """True when ``head`` (or the list it is the last of) only says where an act took place
    ("met in Damascus", "a bus station in central Baghdad"), not who takes part."""
    cur = head
    while cur.dep_ in {"conj", "appos"} and cur.head is not cur:
        cur = cur.head
    return cur.dep_ == "pobj" and cur.head.lower_ in LOCATIVE_PREPS


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
    objects = [c for c in children if c.dep_ in OBJ_DEPS and c.i not in skip] or slips.shared_objects(
        tok, OBJ_DEPS
    )
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
    first_subject = min((c.i for c in children if c.dep_ in SUBJ_DEPS), default=tok.i)
    preps = [
        c
        for c in children
        if c.dep_ in {"prep", "agent"}
        and c.lower_ in TARGET_PREPS
        and c.i not in skip
        and (c.i > first_subject or not _fronted_setting(c))
        and not _a_penalty(c)
        and not attributing(c)
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
        elif c.dep_ == "xcomp" and slips.name_read_as_infinitive(c):
            groups.append([c])  # "The Cabinet apologizes to Denmark": "to Denmark" tagged a verb
    for c in children:
        if depth == 0 and _for_clause(c) and c.i > tok.i:  # "called for Syria to cooperate": Syria only
            groups.extend(conjuncts(s) for s in c.children if s.dep_ in SUBJ_DEPS)
        elif c.dep_ in {"ccomp", "xcomp"} and c.i > tok.i:  # "believes Dagolath and Osgiliath can cope"
            groups.extend(conjuncts(s) for s in c.children if s.dep_ in SUBJ_DEPS and s.i > tok.i)
            if depth < 2:  # "vowed to wage war on the Rohans"
                groups.extend(target_heads(c, skip, depth + 1))
    return [g for g in groups if g]


#: what one is sentenced or sent to as a penalty ("sentenced three teachers to prison"): Phoenix
#: reads PRISON as the police, who are not the ones sentenced
PENALTY_NOUNS = frozenset({"prison", "jail", "gaol", "death", "life", "imprisonment", "detention"})


def _a_penalty(prep: Any) -> bool:
    """True for "to prison", "to death", "to life in jail": a penalty, not a target."""
    return prep.lower_ == "to" and any(o.lemma_.lower() in PENALTY_NOUNS for o in pobjs(prep))


def _fronted_setting(prep: Any) -> bool:
    """True for a preposition set before the subject that says where the doer is from or where
    the act is done: "From the ruling party, Chen visited the fair" (who he is), "a video in
    which he thanked his supporters" (where); not "To the EU, I appeal" (whom)."""
    return prep.lower_ == "from" or (
        prep.lower_ in LOCATIVE_PREPS and any(o.tag_ in {"WDT", "WP"} for o in pobjs(prep))
    )


def attributing(prep: Any) -> bool:
    """ "according to X" ("to" hung on "according"), "in the presence of X", "on behalf of X":
    who says so, looks on or is spoken for, never whom it is done to."""
    witnessed = prep.lower_ in {"in", "before", "on"} and any(
        o.lemma_.lower() in WITNESS_NOUNS for o in pobjs(prep)
    )
    return bool(prep.lower_ == "to" and prep.head.lower_ == "according") or witnessed


#: "signed ... in the presence of Rice", "in front of the press": onlookers, not parties;
#: "pledged on behalf of the British Government": whom the doer speaks for
WITNESS_NOUNS = frozenset({"presence", "front", "view", "full view", "behalf"})


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


def _gapped_passive(verb: Any) -> bool:
    """True for a participle whose "are" is left out after a number: "20 protesters are dead,
    500 injured and 250 arrested" (the parser reads "500" as the subject of "injured")."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"parataxis", "conj"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        and any(c.dep_ == "nsubj" and c.like_num for c in verb.children)
    )


def conjoined_clause(verb: Any) -> bool:
    """True for a clause joined by "and" or "but" with a subject of its own ("coordinated the
    efforts, and the Committee called ..."); not a second complement ("suggested a truce and
    that Hamas should stop")."""
    return (
        verb.dep_ == "conj"
        and verb.pos_ in {"VERB", "AUX"}
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        and not any(c.dep_ == "mark" for c in verb.children)
    )
