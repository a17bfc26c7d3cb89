"""Phrases that name no party to an act: a thing the knowledge gives no code whose name ends in
a word for a law, a document, a programme or a place ("the Inspections Bill"), a place named
only as where the act is done ("sued in Austria", "opposes the tax in Toronto") and a name no one
knows told only as where ("shut down a reactor at Yongbyon"), a time or a currency ("11:45 GMT",
"local time (1730 UTC)", "US $499,800"); the coder drops such targets; and the phrases beside an act that name who says so or looks on ("according to
X", "with X saying")."""

from __future__ import annotations

import re
from typing import Any

from ...knowledge.wordlists import word_lists
from ...models import ActorRef
from ..actors.screen import PLACE_NAMED_TEXTS
from ..actors.screen import names_a_thing as named_after_a_place
from .nominals import armed_word
from .syntax import GROUP_NOUNS, attributing, names_people, pobjs, says_where

__all__ = [
    "sent_things",
    "PERSON_ACT_CODES",
    "claim_contents",
    "names_a_thing",
    "nonparty_tokens",
    "only_where",
    "travellers_only",
    "made_known_on",
    "names_a_law",
    "names_a_currency",
    "names_a_time",
    "based_in",
    "unknown_place",
]

#: last words of a name that make it a thing or a place (event_words.yaml)
THING_NAME_HEADS = word_lists("event_words.yaml").words("thing_name_heads")


def names_a_thing(ref: ActorRef, heads: frozenset[str] = THING_NAME_HEADS) -> bool:
    """True for an actor the knowledge gives no code whose name ends in a word for a law, a
    document, a programme or a place (``heads``: "the Inspections Bill", "Appropriation Bills",
    "Rambam Medical Center", "Nabatieh Governorate"): what an act is done on or where, no party
    to it."""
    words = ref.name.split()
    if ref.cameo_code or ref.country or len(words) < 2:
        return False  # "Bill": a name, not a kind of thing
    last = words[-1].lower()
    return last in heads or (last.endswith("s") and last[:-1] in heads)


#: last words of a name of a law or a writing, which never acts (event_words.yaml)
LAW_NAME_HEADS = word_lists("event_words.yaml").words("law_name_heads")


def names_a_law(ref: ActorRef) -> bool:
    """True for an actor named as a law or a writing ("Appropriation Bills"): no doer."""
    return names_a_thing(ref, LAW_NAME_HEADS)


#: prepositions that say where an act is done ("agreed in Oran", "sued in Austria", "went on
#: strike in Victoria"), and the roots whose acts are done to a place named so: a visit
#: ("arrived in New Zealand"), economic cooperation ("investment in Turkey"), aid ("food aid to
#: refugees in Liberia", "troops to a peacekeeping force in Yugoslavia"), easing ("lifted
#: its blockade of crossings in the Gaza Strip"), a protest against the place's government
#: ("demonstrated in Baku"), force, occupation or a blockade ("occupation in Lebanon")
WHERE_PREPS = {"in", "at", "near", "inside", "throughout", "across", "within"}
PLACE_TARGET_ROOTS = {"04", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}
#: coerce (17): done to someone or something at a place, not to the place unless named so
COERCION_ROOT = "17"
#: acts done to people only, whatever their root: arrest, expulsion, abduction, physical assault,
#: assassination
#: ("any foreigner kidnapped in the Gaza Strip": not Gaza)
PERSON_ACT_CODES = ("173", "174", "181", "182", "186")
#: making or hosting a visit
VISIT_CODES = ("042", "043", "044")


#: sectors of the unnamed whose travel may be a visit of state: officials, lawmakers, judges
VISITING_SECTORS = ("GOV", "LEG", "JUD", "ELI", "IGO")


def travellers_only(sources: list[tuple[ActorRef, Any]], code: str) -> bool:
    """True for a visit made by unnamed people of no office ("a Kenyan woman who had just arrived
    from India", "pilgrims travelling to holy sites", "the four soldiers were traveling in a
    convoy"): travel, no visit of state (CAMEO 042)."""
    return (
        code.startswith("042")  # not a welcome ("Palestinians ... welcomed Mr. Bush's visit": 051)
        and bool(sources)
        and all(
            ref.actor_id.startswith("group:") and not (ref.sector or "").startswith(VISITING_SECTORS)
            for ref, _ in sources
        )
    )


def only_where(head: Any, code: str, trigger: Any) -> bool:
    """True when the target phrase headed by ``head`` is a place named only as where the act of
    ``code`` is done ("met in Damascus" aside, which consultations already skip): its
    preposition hangs on the trigger, on a clause above it ("sued in Austria") or on a thing
    ("opposes the tax in Toronto"), not on the act a refusal or demand is about ("refused to
    deploy peacekeepers in Iraq"): no party."""
    cur = head
    while cur.dep_ in {"conj", "appos", "compound"} and cur.head is not cur:
        cur = cur.head
    if code.startswith(VISIT_CODES) and cur.dep_ == "pobj" and cur.head.lower_ == "from":
        return True  # "had just arrived from India": where the visitor came from
    place_target = code[:2] in PLACE_TARGET_ROOTS and not code.startswith(PERSON_ACT_CODES)
    if place_target or head.ent_type_ not in {"GPE", "LOC", "FAC"}:
        return False
    if cur.dep_ != "pobj" or cur.head.lower_ not in WHERE_PREPS:
        return False
    on = cur.head.head
    if on.pos_ in {"NOUN", "PROPN"}:
        # "a tax in Toronto", "the crisis in North Korea": where a thing is; but "peacekeepers in
        # Iraq", "parties to the conflict in Iraq": the place stands for the people there
        return not _people_of_the_place(on)
    return on.i == trigger.i or any(a.i == on.i for a in trigger.ancestors)


_GROUP_NOUNS = GROUP_NOUNS | {"party", "side", "faction", "force", "troop", "unit"}


def _people_of_the_place(noun: Any) -> bool:
    """True when ``noun``, or the noun whose prepositional phrase it ends ("parties to the
    conflict"), names people or a body of them."""
    for _ in range(3):
        if noun.ent_type_ == "ORG" or noun.lemma_.lower() in _GROUP_NOUNS or names_people(noun):
            return True
        if noun.dep_ != "pobj" or noun.head.head.pos_ not in {"NOUN", "PROPN"}:
            return False
        noun = noun.head.head
    return False


def _absolute(prep: Any) -> bool:
    """ "with X saying …", "with X adding …": a clause of its own beside the act, whose subject
    is no party to it ("rejected Western calls, with spokesman Khumalo saying he is irritated")."""
    if prep.lower_ != "with" or prep.i == 0 or prep.nbor(-1).text != ",":
        return False  # set off by a comma: "clashed with protesters carrying banners" stays
    clauses = [c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"]
    clauses += [a for o in pobjs(prep) for a in o.children if a.dep_ == "acl" and a.tag_ == "VBG"]
    return any(any(g.dep_ in ("nsubj", "ccomp", "dobj") for g in c.children) for c in clauses)


def nonparty_tokens(tok: Any) -> set[int]:
    """The tokens of ``tok``'s phrases that name no party to its act, whatever else finds them:
    who says so or looks on ("according to X", "in the presence of X", "with X saying"), the
    channel it was made known on ("on national television"), and what
    a claim the act answers says ("denied the Dalai Lama's accusations that the government is
    ...": the act is aimed at the accuser, :func:`claim_contents`)."""
    beside = {
        x.i for c in tok.children if c.dep_ == "prep" and (attributing(c) or _absolute(c)) for x in c.subtree
    }
    # the parser hangs a channel on the nearest noun as often as on the verb
    channels = {x.i for c in tok.subtree if c.dep_ == "prep" and made_known_on(c) for x in c.subtree}
    return beside | channels | claim_contents(tok) | _contents_of_the_thing_given(tok)


#: channels an act is made known on (event_words.yaml)
BROADCAST_CHANNELS = word_lists("event_words.yaml").words("broadcast_channels")


def made_known_on(prep: Any) -> bool:
    """ "on national television", "via Twitter", "over the radio" beside an act: the channel it
    was made known on, not a party; not after a particle ("cracked down on the internet")."""
    if prep.lower_ not in ("on", "via", "over") or any(c.dep_ == "prt" for c in prep.head.children):
        return False
    return any(o.lemma_.lower() in BROADCAST_CHANNELS for o in pobjs(prep))


#: nouns of a claim an act may answer (event_words.yaml)
CLAIM_NOUNS = word_lists("event_words.yaml").words("claim_nouns")


def claim_contents(tok: Any) -> set[int]:
    """The tokens of the content clauses of the claims ``tok``'s objects are ("rejected claims
    by X that the army killed 100 people": not the army); a clause with a subject of its own, not
    a phrase of what the claim is about ("investigating allegations surrounding Livedoor")."""
    verbs = [tok, *(x for x in tok.children if x.dep_ == "xcomp")]  # "refuses to accept the notion"
    claims = [
        c for v in verbs for c in v.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in CLAIM_NOUNS
    ]
    contents = [cl for c in claims for cl in c.children if cl.dep_ in ("acl", "ccomp") and _told(cl)]
    return {x.i for cl in contents for x in cl.subtree}


def _told(clause: Any) -> bool:
    """True for a clause that tells something: a subject of its own, or "that"."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") or (c.dep_ == "mark" and c.lower_ == "that")
        for c in clause.children
    )


#: time zones: "ambushed their convoy around 11:45 GMT" names a time, not an actor
TIME_ZONES = word_lists("event_words.yaml").words("time_zones")
UTC_OFFSET = re.compile(r"^(?:utc|gmt)[+\-\u2212]\d")  # "(UTC-4)"
CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")


def names_a_time(head: Any) -> bool:
    """True when ``head`` names a time or date ("11:45 GMT", "last week"): never an actor."""
    if head.ent_type_ in {"DATE", "TIME"} or head.lower_ in TIME_ZONES or UTC_OFFSET.match(head.lower_):
        return True
    if head.pos_ == "NOUN" and head.lemma_.lower() == "time":
        return True  # "at 10:30 pm local time (1730 UTC)": not the time zone's
    return any(c.dep_ == "nummod" and CLOCK.match(c.text) for c in head.children)


def names_a_currency(head: Any) -> bool:
    """ "donate US $499,800": a country's name before a money sign names the currency."""
    return bool(head.i + 1 < len(head.doc) and head.doc[head.i + 1].tag_ == "$")


def based_in(doc: Any, end_char: int) -> bool:
    """ "the Qatar-based network": a place named right before "-based" (ending at character
    ``end_char``) says where a body is based, not who it is."""
    return bool(doc.text[end_char : end_char + 8].lower().lstrip().startswith("-based"))


def names_talks_or_a_text(doc: Any, end_char: int) -> bool:
    """ "the Doha trade talks", "the Kyoto Protocol", "the Annapolis conference": a town whose name
    ends at ``end_char`` and modifies a word for talks or a text says where they were held or made,
    not who is a party (a country's name does: "the Iran talks" are talks with Iran)."""
    span = doc.char_span(max(0, end_char - 1), end_char, alignment_mode="expand")
    return span is not None and len(span) > 0 and place_named_text(span[-1])


#: what is named after the town where it was held or made: texts, rounds and talks
TOWN_NAMED = PLACE_NAMED_TEXTS | {"talks", "negotiations", "summit", "conference"}


def place_named_text(last: Any) -> bool:
    """True for the last word of a name that modifies talks or a text named after a place."""
    return named_after_a_place(last, heads=TOWN_NAMED)


def unknown_place(ref: ActorRef, head: Any, code: str) -> bool:
    """True for a name of no known country or kind told only as where the act was ("shut down a
    reactor on Monday at Yongbyon", "greeted him in Farsi"): a place or a thing the knowledge
    does not know, not a party; kept where a place is what the act is done to (a visit, a
    surrender, violence: "a patrol was attacked near Duluiyah", :data:`PLACE_TARGET_ROOTS`), but
    for coercion ("shut down a reactor at Yongbyon", "was detained at Arana")."""
    if code[:2] in PLACE_TARGET_ROOTS - {COERCION_ROOT}:
        return False
    return says_where(head) and ref.country is None and not ref.sector and head.pos_ == "PROPN"


#: verbs whose passive subject is what is sent, not whom it goes to ("the jets will be
#: delivered in 2014", "a destroyer was dispatched to the scene"; "was given aid" is the giver's
#: receiver and stays)
SENDING_VERBS = frozenset({"deliver", "dispatch", "ship", "send", "supply", "export", "transfer", "sell"})


def sent_things(verb: Any, subjects: list[Any], sender_named: bool) -> bool:
    """True when the passive ``verb`` sends its subjects and they are things, not people or a
    named party ("The first jets will be delivered in 2014"), or forces someone named sends
    ("Howard announced 450 troops will be sent to Iraq"): no one it is done to.  Forces sent
    by no one named ("riot police were sent in") stay, as the only party to their own move."""

    def a_thing(s: Any) -> bool:
        force = armed_word(s)  # "riot police were sent in": the force moved, which conventions read
        return (
            s.ent_type_ not in {"PERSON", "NORP", "ORG", "GPE"}
            and not names_people(s)
            and (sender_named or not force)
        )

    return verb.lemma_.lower() in SENDING_VERBS and all(a_thing(s) for s in subjects)


#: verbs whose object is a thing given, not whom it is given to
GIVING_VERBS = frozenset({"provide", "give", "offer", "supply", "deliver", "send", "ship", "sell"})


def _contents_of_the_thing_given(tok: Any) -> set[int]:
    """The words inside a thing given that say what it holds ("providing full episodes of many
    classic shows, such as Beetlejuice and Lois and Clark"): no one it is given to."""
    if tok.lemma_.lower() not in GIVING_VERBS:
        return set()
    things = [
        c for c in tok.children if c.dep_ in {"dobj", "obj"} and c.pos_ == "NOUN" and not names_people(c)
    ]
    # not "to" or "for", which the parser hangs on the thing as often as on the verb
    return {
        x.i
        for t in things
        for p in t.children
        if p.dep_ == "prep" and p.lower_ not in {"to", "for"}
        for x in p.subtree
    }
