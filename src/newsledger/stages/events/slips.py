"""Where spaCy's parse slips around a verb's arguments: a subject hung in a phrase set before
the verb ("As part of the truce brokered by Abbas and Sharon, Israel has released ..."), a state
or country read as a second subject where it only qualifies a place ("Mark Vandermaas of London,
Ontario was arrested"), a finite verb conjoined to an infinitive it is not part of ("urged the
public to support his policies and called on ..."), and a name read as a bare infinitive after
"to" ("apologizes to Denmark"), and a speech act conjoined to the clause its speaker reports
("remarked that Zimbabwe and Iran made a friendship ..., and accused the West"), an object
of two verbs hung on the second only ("have arrested and charged four men"), and a particle that
starts a number or a hyphenated word ("taking over 100 of their officers", "given in-principle
support"), and a participle describing the subject read as the main verb ("The three Romanian
journalists kidnapped in Iraq on March 28 arrived in Bucharest": the journalists were kidnapped),
the reverse, a main verb hung on its subject as a participle ("The bomb blast, blamed on Sunni
militants, killed at least 100": "killed" made to describe "blast"), and a passive told without
its auxiliary, as leads do ("Tom DeLay indicted by a grand jury")."""

from __future__ import annotations

from typing import Any

from ...knowledge.wordlists import word_lists

__all__ = [
    "belongs_to_the_clause_above",
    "finite_after_infinitive",
    "name_read_as_infinitive",
    "particle_misread",
    "headline_passive",
    "main_verb_read_as_participle",
    "participle_read_as_main_verb",
    "qualifying_place",
    "shared_objects",
    "stranded_subject",
    "without_qualifying_places",
]


def stranded_subject(verb: Any) -> list[Any]:
    """The subject of a main verb that the parser hung, as an apposition or a conjunct, in a
    phrase set before it ("As part of the truce brokered by Abbas and Sharon, Israel has
    released ...", "In an interview with the paper X, Sheikh Tantawi, Grand Imam of Y,
    demanded ..."): the name whose phrase ends just before the verb; [] when there is none."""
    if verb.dep_ != "ROOT" or verb.pos_ not in {"VERB", "AUX"}:
        return []
    if not any(c.dep_ == "prep" and c.i < verb.i for c in verb.children):
        return []
    j = verb.i - 1
    doc = verb.doc
    while j > 0 and doc[j].head.i == verb.i and doc[j].dep_ in {"aux", "auxpass", "neg", "advmod", "punct"}:
        j -= 1
    found: list[Any] = []
    for cand in [doc[j], *doc[j].ancestors]:
        if cand.i == verb.i:
            break
        after_comma = cand.left_edge.i > 0 and doc[cand.left_edge.i - 1].text == ","
        if cand.dep_ in {"appos", "conj"} and cand.pos_ == "PROPN" and cand.right_edge.i == j and after_comma:
            found = [cand]  # the outermost: "Sheikh Tantawi, Grand Imam of Al-Azhar,"
    return found


def qualifying_place(tok: Any) -> bool:
    """True for a state or country the parser took for a second subject, where it only says
    where the place before it lies ("Mark Vandermaas of London, Ontario was arrested", "the
    main library in Bristol, United Kingdom has been closed")."""
    doc = tok.doc
    first = tok.left_edge.i  # "United" of "United Kingdom"
    return bool(
        tok.ent_type_ == "GPE"
        and first >= 2
        and doc[first - 1].text == ","
        and doc[first - 2].ent_type_ == "GPE"
        and doc[first - 2].dep_ == "pobj"
    )


def without_qualifying_places(verb: Any, subjects: list[Any]) -> list[Any]:
    """``subjects`` without a state or country that only qualifies a place (see
    :func:`qualifying_place`), where another subject or an infinitive shows it is none ("a visit
    to Baghdad, Iraq to meet"); where it is the only one, the noun the parser left hanging before
    it whose phrase holds the place ("Lawmakers from 46 countries meeting in Strasbourg, France
    asked": the lawmakers, not France)."""
    if len(subjects) > 1 or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return [s for s in subjects if not qualifying_place(s)]
    if len(subjects) != 1 or not qualifying_place(subjects[0]):
        return subjects
    place = verb.doc[subjects[0].left_edge.i - 2]
    hanging = [
        c
        for c in verb.children
        if c.dep_ == "npadvmod" and c.pos_ in {"NOUN", "PROPN"} and c.i < place.i <= c.right_edge.i
    ]
    return hanging or subjects


def person_after_a_place(subject: Any) -> Any:
    """The person the parser set in apposition to a place that opens the sentence and only says
    where they are from ("Houston, Texas representative Al Edwards proposed a bill": Edwards,
    not Houston); ``subject`` itself otherwise."""
    if subject.ent_type_ != "GPE" or subject.i != subject.sent.start:
        return subject
    people = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    return people[0] if people else subject


def finite_after_infinitive(tok: Any) -> bool:
    """True for a finite verb the parser conjoined to an infinitive it is not part of ("urged
    the public to support his policies and called on politicians": "called" is his)."""
    head = tok.head
    return bool(
        tok.dep_ == "conj"
        and tok.tag_ in {"VBD", "VBZ"}
        and head.tag_ == "VB"
        and head.dep_ == "xcomp"
        and any(c.lower_ == "to" for c in head.children)
    )


#: verbs of a speaker's own act of speech ("... and accused the West of seeking control")
SPEECH_ACT_VERBS = frozenset(
    {"accuse", "criticize", "criticise", "condemn", "urge", "warn", "praise", "blame", "deny"}
    | {"reject", "demand", "call", "add", "say", "insist", "vow", "pledge", "promise", "threaten"}
)


def belongs_to_the_clause_above(tok: Any) -> bool:
    """True for a verb conjoined to a clause it is not part of, whose doer is that of the
    clause above ("urged the public to support X and called on Y", "remarked that Zimbabwe
    and Iran made a friendship, and accused the West")."""
    return finite_after_infinitive(tok) or speech_after_reported_clause(tok)


def speech_after_reported_clause(tok: Any) -> bool:
    """True for a speech act the parser conjoined, after a comma and "and", to the clause a
    speaker reports: "The Iranian president remarked that Zimbabwe and Iran made a friendship
    ..., and accused the West": the president accuses, not Zimbabwe and Iran."""
    head, doc = tok.head, tok.doc
    return bool(
        tok.dep_ == "conj"
        and head.dep_ == "ccomp"
        and tok.lemma_.lower() in SPEECH_ACT_VERBS
        and tok.i >= 2
        and doc[tok.i - 1].lower_ == "and"
        and doc[tok.i - 2].text == ","
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children)
    )


#: entity types of a name the tagger may take for a bare infinitive after "to"
NAME_ENTITY_TYPES = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def name_read_as_infinitive(tok: Any) -> bool:
    """True for a name parsed as the verb of an infinitive ("to Denmark" as "to go")."""
    return tok.ent_type_ in NAME_ENTITY_TYPES and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )


def shared_objects(verb: Any, deps: set[str]) -> list[Any]:
    """The objects of the verb conjoined right after ``verb`` ("have arrested and charged four
    men": the men are arrested too), when ``verb`` has none of its own; [] otherwise."""
    if any(c.dep_ in deps for c in verb.children):
        return []
    doc = verb.doc
    nxt = verb.i + 2
    if (
        nxt >= len(doc)
        or doc[verb.i + 1].dep_ != "cc"
        or doc[nxt].dep_ != "conj"
        or doc[nxt].head.i != verb.i
    ):
        return []
    return [c for c in doc[nxt].children if c.dep_ in deps]


def particle_misread(verb: Any) -> bool:
    """True when what the parser took for the particle of ``verb`` starts a number it counts
    ("taking over 100 of their officers as hostages": more than 100, no "take over") or a
    hyphenated modifier ("has given in-principle support": no "give in")."""
    doc = verb.doc
    for c in verb.children:
        nxt = doc[c.i + 1] if c.i + 1 < len(doc) else None
        counted = c.lower_ == "over" and nxt is not None and nxt.like_num and verb.lemma_.lower() == "take"
        if c.dep_ == "prt" and nxt is not None and (counted or nxt.text == "-"):
            return True  # not "handed over 700 kg of medicine": a load handed over is counted so too
    return False


#: tags of a finite verb
FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def participle_read_as_main_verb(verb: Any) -> bool:
    """True for a past participle the parser made the main verb of its noun ("journalists
    kidnapped in Iraq arrived in Bucharest": "kidnapped ... arrived" with "arrived" conjoined),
    when it has no auxiliary and no object of its own and a finite verb with no subject of its
    own follows it with no "and" between, or the parser made it, with its noun, the subject of
    the verb after ("journalists kidnapped in Iraq were freed"): the noun is what the
    participle was done to."""
    if verb.tag_ != "VBN" or verb.dep_ not in {"ROOT", "csubj", "csubjpass"}:
        return False
    kids = list(verb.children)
    if any(c.dep_ in {"aux", "auxpass", "dobj", "cc"} for c in kids) or not any(
        c.dep_ == "nsubj" for c in kids
    ):
        return False
    if verb.dep_ != "ROOT":
        return True  # "journalists kidnapped in Iraq were freed": made the subject of "freed"
    return any(
        c.dep_ == "conj" and _finite(c) and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
        for c in kids
    )


def headline_passive(verb: Any) -> bool:
    """True for a passive told without its auxiliary, as headlines and leads do ("Tom DeLay
    indicted by a grand jury on two new charges"): a past participle with a subject and a "by"."""
    kids = list(verb.children)
    return (
        verb.tag_ == "VBN"
        and any(c.dep_ == "agent" for c in kids)
        and any(c.dep_ == "nsubj" for c in kids)
        and not any(c.dep_ in {"aux", "auxpass"} for c in kids)
    )


#: verbs whose passive keeps an object ("a soldier awarded a medal", "the man given a
#: sentence"): their participle with an object may well describe its noun
TWO_OBJECT_VERBS = word_lists("event_words.yaml").words("two_object_verbs")


def main_verb_read_as_participle(verb: Any) -> bool:
    """True for the main verb of a sentence the parser made a participle describing its subject,
    leaving a noun as the sentence's root ("The bomb blast, blamed on Sunni militants, killed at
    least 100 Iraqi civilians": "killed" hung on "blast"): a past form with an object of its own,
    no auxiliary and no "by", whose noun heads a sentence with no verb of its own."""
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"} or verb.lemma_.lower() in TWO_OBJECT_VERBS:
        return False
    noun = verb.head
    if noun.dep_ != "ROOT" or noun.pos_ not in {"NOUN", "PROPN"} or verb.i < noun.i:
        return False
    kids = list(verb.children)
    if any(c.dep_ in {"aux", "auxpass", "agent"} for c in kids) or not any(
        c.dep_ in {"dobj", "obj"} for c in kids
    ):
        return False
    # the last participle on the noun: "the blast, blamed on militants, killed": not "blamed"
    return not any(c.dep_ == "acl" and c.i > verb.i for c in noun.children)


def _finite(verb: Any) -> bool:
    """True for a finite verb, or one with a finite auxiliary ("are not considered")."""
    auxiliaries = (c for c in verb.children if c.dep_ in {"aux", "auxpass"})
    return verb.tag_ in FINITE_TAGS or any(a.tag_ in FINITE_TAGS | {"MD"} for a in auxiliaries)
