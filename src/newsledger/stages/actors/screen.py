"""What is no actor, and what is no name of one: the screens applied to spaCy's entities before
they become new people or organisations, and to the aliases an actor collects.

Each screen is a property of the words, not a list of bad names: markup characters, digits in a
person's name, an acronym read as a person, a place or a deity read as a person, a single
unknown word that only modifies a common noun ("the Kyoto treaty", "Vioxx sales"), a name whose
head is a text, an event, a structure or a place ("Edmund Pettus Bridge", "Isle of Wight"), a
capital that names a text or talks ("the Doha Declaration"), names listed beside a word for a
settlement ("the two towns, Sanur and Homesh"), a title word taken for a name ("Senator"), a
bare agent word taken for an alias ("the government").
"""

from __future__ import annotations

import re
from typing import Any

from ...knowledge.actors import ActorKB
from ...knowledge.actors.words import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from ...knowledge.wordlists import word_lists
from ...models import Actor

__all__ = [
    "DEITIES",
    "another_party",
    "MARKUP_CHARS",
    "NOT_A_BODY",
    "generic_alias",
    "name_head",
    "named_settlement",
    "names_a_thing",
    "no_organization",
    "no_person",
    "only_modifier",
    "title_words",
]

#: first names, never a title word ("Christian Schwarz-Schilling")
FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
_WORDS = word_lists("actor_text_words.yaml")  # the word lists below; see the file's comments

MARKUP_CHARS = set("=|<>{}[]")
#: Names of gods: the subject of "God willing" is no actor of a news event.
DEITIES = _WORDS.words("deities")
#: Head words that make a name an event, a law or a contest, not a body that acts ("General
#: Election", "Kyoto Protocol", "World Cup").
NOT_A_BODY = _WORDS.words("not_a_body")
_ENTITY = re.compile(r"&[a-zA-Z]+;?|&#\d+;?")  # an HTML entity left in the text ("&mdash")
_DETERMINERS = _WORDS.words("determiners")
ORGANISATION_HEADS = _WORDS.words("organisation_heads")
STORM_WORDS = _WORDS.words("storm_words")
#: words for a settlement or an area: a name set beside one is a place (see the word list)
SETTLEMENT_WORDS = _WORDS.words("settlement_words")
#: texts and talks named after the city where they were made ("the Kyoto Protocol", "the Oslo
#: Accords", "the Geneva Conventions", "the Doha round")
PLACE_NAMED_TEXTS = frozenset(
    {"protocol", "accord", "accords", "convention", "conventions", "declaration", "round"}
)
LEGISLATIVE_ADJECTIVES = _WORDS.words("legislative_adjectives")


def no_person(kb: ActorKB, text: str) -> str | None:
    """Why ``text`` (an entity spaCy labelled PERSON) is no person's name, or None."""
    if any(c in MARKUP_CHARS for c in text) or _ENTITY.search(text):
        return "markup"
    if any(c.isdigit() for c in text):
        return "digits"  # "COVID-19", "WIDTH=25"
    if _cut_short(text):
        return "fragment"
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "acronym"  # "TOC", "NEMISIS": a person's name is not written in capitals here
    if text.lower() in DEITIES:
        return "deity"
    if _a_storm(text):
        return "storm"  # "Typhoon Phanfone", "Hurricane Katrina"
    if len(text.split()) > 1 and text.split()[-1].lower().strip(".,") in ORGANISATION_HEADS:
        return "organisation"  # "Bernard L. Madoff Investment", "Arthur Andersen LLP"
    if len(text.split()) == 1 and kb.agent(text) is not None:
        return "title"  # "King", "Bosses": a title or an agent word, not a name
    hit = kb.lookup(text)
    if hit is not None and hit.how in ("country", "capital", "demonym"):
        return "place"  # a place the name pass left alone because it sits in a larger name
    return None


def no_organization(text: str) -> str | None:
    """Why ``text`` (an entity spaCy labelled ORG) is no organisation's name, or None."""
    if any(c in MARKUP_CHARS for c in text) or _ENTITY.search(text):
        return "markup"
    if _cut_short(text):
        return "fragment"  # "the Forest and Elmwood Avenue intersection": "Forest and"
    if name_head(text) in NOT_A_BODY:
        return "thing"  # "United Kingdom General Election", "Isle of Wight"; not "Election Commission"
    return "storm" if _a_storm(text) else None


#: words no name ends in: a name the entity recogniser cut in the middle of a longer one
NO_LAST_WORDS = _WORDS.words("no_last_words")


def _cut_short(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and words[-1].lower() in NO_LAST_WORDS


def _a_storm(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and words[0].lower() in STORM_WORDS


def name_head(text: str) -> str:
    """The word a name is a name of, lower-cased: its last word, or the word before its first
    "of" ("Isle of Wight", "Bank of Japan")."""
    words = text.split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1].lower().strip(".,") if words else ""


def names_a_thing(last: Any, texts_only: bool = False, heads: frozenset[str] | None = None) -> bool:
    """True when the name ending at ``last`` modifies a word for a text, an event or a thing
    ("Doha Declaration", "Doha round", "Kyoto Protocol"): the name says where, not who.  With
    ``texts_only``, only texts and talks named after where they were made count (a country's
    name keeps its war, its elections and its rivers: "the Iraq war" is about Iraq); ``heads``, if
    given, are the words that count."""
    head = last.head
    if heads is None:
        heads = PLACE_NAMED_TEXTS if texts_only else NOT_A_BODY
    return last.dep_ in ("compound", "nmod", "amod") and head.i > last.i and head.lower_ in heads


def named_settlement(last: Any) -> bool:
    """True when the name ending at ``last`` is set beside a word for a settlement: "the two
    towns, Sanur and Homesh", "the village, Bil'in".  ("The town of Musa Qala" stays a name:
    what is captured there is the territory its name stands for.)"""
    head = last
    while head.dep_ == "conj" and head.head.i < head.i:
        if head.head.tag_ == "NNS" and head.head.lemma_.lower() in SETTLEMENT_WORDS:
            return bool(head.nbor(-1).text == ",")  # "the towns, Sanur and Homesh": a list as conj
        head = head.head
    return head.dep_ == "appos" and head.head.lemma_.lower() in SETTLEMENT_WORDS


def only_modifier(tok: Any) -> bool:
    """True for a one-word name that only modifies a common noun after it ("Kyoto treaty",
    "Vioxx recall", "NEMISIS database"): a product, a place or a brand used as a modifier."""
    head = tok.head
    return (
        tok.dep_ in ("compound", "amod", "nmod")
        and head.i > tok.i
        and head.pos_ == "NOUN"
        and head.text[:1].islower()
    )


def title_words(kb: ActorKB, words: list[str]) -> int:
    """How many leading words of a name are a title ("Senator Bernie Sanders" -> 1,
    "Foreign Minister Manouchehr Mottaki" -> 2); a title never takes the last word, nor a
    first name ("Christian Schwarz-Schilling": a name, not a Christian)."""
    n = 0
    while n < len(words) - 1 and words[n] not in FIRST_NAMES:
        for length in range(min(4, len(words) - 1 - n), 0, -1):
            if kb.agent(" ".join(words[n : n + length])) is not None:
                n += length
                break
        else:
            return n
    return n


def generic_alias(kb: ActorKB, alias: str) -> bool:
    """True for an alias that names a kind of actor, not one actor: every word an agent word,
    a determiner or lower case ("Senator", "the government", "authorities", "army")."""
    words = alias.split()
    if not words or kb.lookup(alias) is not None:
        return False
    if kb.agent(alias) is not None:
        return True  # "Foreign Ministers", "Upper House": a whole agent phrase
    return all(w.lower() in _DETERMINERS or w.islower() or kb.agent(w) is not None for w in words)


def another_party(
    kb: ActorKB, actor: Actor | None, doc: Any, start: int, adjectives: frozenset[str] | None, end: int = 0
) -> bool:
    """True when a party's name at ``start`` (to ``end``) follows a capitalised adjective that
    modifies it ("the Social Democrats", "the Free Democrats", "the National Democratic Party"
    of Azerbaijan): the words name another party. A body or a place before it ("Senate
    Democrats", "American Democrats") names the same one; so does an adjective of the
    legislature ("Congressional Democrats")."""
    if actor is None or actor.sector != "PTY" or start == 0 or adjectives is None:
        return False
    before = doc[start - 1]
    return (
        start <= before.head.i < max(end, start + 1)
        and before.dep_ in ("compound", "amod")
        and before.text[:1].isupper()
        and before.lower_ in adjectives
        and before.lower_ not in LEGISLATIVE_ADJECTIVES
        and kb.lookup(before.text) is None
    )


def of_another_country(kb: ActorKB, actor: Actor | None, doc: Any, end: int) -> bool:
    """True when a party's name ending at ``end`` goes on with "of" and a country other than its
    own ("the Democratic Party of Serbia" is not the US Democrats): the words name another party."""
    if actor is None or actor.sector != "PTY" or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return False  # a chamber keeps its name and takes the country ("the Senate of Belgium")
    place = kb.lookup(doc[end + 1].text)
    if place is None or place.how != "country":
        return False
    country = kb.actors.get(place.actor_id)
    national = actor.country in kb.country_ids  # not an international body ("ACLU of Montana")
    return national and country is not None and country.country != actor.country
