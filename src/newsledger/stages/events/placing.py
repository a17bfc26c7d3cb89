"""Where an unidentified group that acts is from: the place where the event happens ("gunmen
attacked a bus in Quetta": Pakistani), unless the words before it spread it over many countries
("several governments", "foreign journalists") or a pronoun makes it someone's own ("the Israeli
military said their troops began an assault on Gaza": Israeli troops, wherever they act) or,
for soldiers or police who act, the force of their kind named just before ("The Israeli army ...
Soldiers entered the settlements"); and nationals counted, named by their trade or by where they
come from ("12 Ugandans", "a Ukrainian cameraman", "the Jordanian", "surfers from Australia", "a
Palestinian group"), who are their country's people, not the country."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...knowledge.wordlists import word_lists
from ...models import ActorRef
from .syntax import names_people

if TYPE_CHECKING:
    from .parties import Parties
    from .roles import Refs

__all__ = ["counted_nationals", "owners_country", "placed_unless_scattered"]

_WORDS = word_lists("event_words.yaml")

#: words that spread a plural polity over many countries ("several governments", "other
#: countries"), and the nouns they spread; "foreign" sets any plural apart from the article's
#: country ("foreign journalists") but "foreign ministers" are an office
SCATTERING_WORDS = {"several", "many", "numerous", "various", "other", "some", "most", "few"}
POLITY_NOUNS = {"government", "country", "nation", "state"}
FOREIGN_OFFICES = {"minister", "secretary", "ministry", "office", "affair", "policy", "correspondent"}
#: possessive pronouns that make a group the own people of an actor named before
OWNING_PRONOUNS = {"their", "its"}


def placed_unless_scattered(refs: Refs, actors: Parties, country: str | None, doers: bool = False) -> Refs:
    """``refs`` with each unidentified group placed in ``country`` (:meth:`.Parties.placed`),
    or in its owner's (:func:`owners_country`), or, for the ``doers`` of an act, with the force
    of its kind named just before (:func:`force_named_before`; a force acted on is rarely the
    one just named acting), except a plural spread over many countries (:func:`_scattered`)."""
    out: Refs = []
    for ref, h in refs:
        recalled = force_named_before(h, ref, actors) if doers else None
        home = None if _scattered(h) else owners_country(h, actors) or recalled or country
        out.append((actors.placed(ref, home) if home else ref, h))
    return out


def owners_country(head: Any, actors: Parties) -> str | None:
    """The country of the actor named before whose own ``head`` is: "their troops", "its
    forces" after "the Israeli military"; None when no possessive pronoun owns it."""
    owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ in OWNING_PRONOUNS]
    if not owners:
        return None
    found = actors.named_before(owners[0], set())
    return found[0][0].country if found else None


#: forces whose unnamed members are those of the force named just before
FORCE_SECTORS = frozenset({"MIL", "COP"})
#: how many sentences back the force may have been named
FORCE_WINDOW = 2


def force_named_before(head: Any, ref: ActorRef, actors: Parties) -> str | None:
    """The country of the force of the same kind named in the sentences just before an unnamed
    one ("The Israeli army has begun to remove settlers ... Soldiers entered the settlements":
    Israeli, not the country of the place they entered); None when there is none, or when the
    phrase says whose it is itself."""
    if (
        ref.country
        or ref.sector not in FORCE_SECTORS
        or any(c.dep_ in {"amod", "compound", "poss"} for c in head.children)
    ):
        return None
    item = actors.item
    sentence = item.sentence_at(head.idx)
    if sentence is None:
        return None
    for m in sorted(item.mentions, key=lambda m: -m.start):
        if m.start >= head.idx or m.sentence < sentence.index - FORCE_WINDOW or not m.actor_id:
            continue
        named = item.actors.get(m.actor_id)
        if named is not None and named.sector == ref.sector and named.country:
            return named.country
    return None


def _scattered(head: Any) -> bool:
    """True for a plural the words before it spread over many countries ("several governments
    and the UN expressed concern", "foreign journalists are banned"): not the article's
    country's, whatever the towns it names."""
    if head.tag_ not in {"NNS", "NNPS"}:
        return False
    lemma = head.lemma_.lower()
    words = {c.lower_ for c in head.children if c.dep_ in {"amod", "det", "nummod", "predet"}}
    return bool(words & SCATTERING_WORDS and lemma in POLITY_NOUNS) or (
        "foreign" in words and lemma not in FOREIGN_OFFICES
    )


#: nouns of bodies, which a nationality makes no civilians of ("a Philippine congressional committee")
BODY_WORDS = _WORDS.words("collective_nouns") - {"man", "woman", "doctor", "prisoner", "inmate", "student"}
#: words that count people: "some Iraqis", "many Ugandans"
COUNTING_WORDS = {"some", "many", "several", "few", "dozens", "hundreds", "thousands", "scores", "most"}
#: heads whose "of" counts the people it names ("tens of thousands of Venezuelans")
COUNTING_HEADS = frozenset(COUNTING_WORDS | {"tens", "millions"})


#: endings of nationality words that stand for a whole people after "the" ("the French",
#: "the Chinese", "the Swiss"), where "the Jordanian" is one person
PEOPLE_ENDINGS = ("sh", "ch", "ese", "ss")


def _the_one_national(head: Any) -> bool:
    """True for "the Jordanian", "the Iraqi" used as a noun: one person of the country."""
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    return (
        the
        and head.dep_ in {"nsubj", "nsubjpass", "dobj", "obj", "pobj"}
        and not head.lower_.endswith(PEOPLE_ENDINGS)
    )


#: words of a band of people the text does not name ("a Palestinian group", "an Iraqi cell")
UNNAMED_GROUPS = frozenset({"group", "faction", "cell"})
#: prepositions that say where people come from: "surfers from Australia", "tourists of Japan"
FROM_PREPS = frozenset({"from", "of"})


def people_from(place: Any, ref: ActorRef, is_agent: Callable[[Any], bool]) -> bool:
    """True for the country ``place`` that people named by what they do come from ("surfers from
    Australia and the United States", "students from Iran"): its civilians stand for them, not
    the country; not for officials or any other word an agent list types ("officials from
    Gondor": its government; ``is_agent`` tells such a word)."""
    while place.dep_ == "conj" and place.head is not place:  # "from Australia and the United States"
        place = place.head
    if not ref.actor_id.startswith("country:") or ref.sector or place.dep_ != "pobj":
        return False
    prep = place.head
    noun = prep.head
    if prep.lower_ not in FROM_PREPS or noun.pos_ != "NOUN" or noun.lemma_.lower() in BODY_WORDS:
        return False
    return names_people(noun) and not is_agent(noun)


def counted_nationals(head: Any, ref: ActorRef) -> bool:
    """True for nationals counted by a number or a quantifier ("12 Ugandans", "several
    Iraqis", "tens of thousands of Venezuelans") or one named by what they do ("a Ukrainian cameraman"): people of the country (its
    civilians, as an analyst codes them), as are bare plurals ("Peruvians living near the site"),
    not the country itself ("the Palestinians", "Iraq")."""
    if not ref.actor_id.startswith("country:") or ref.sector:
        return False
    lemma = head.lemma_.lower()  # not a body ("a congressional committee") nor money ("600 million kroner")
    if lemma in UNNAMED_GROUPS and any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in head.children):
        return True  # "a Palestinian group claimed the killing": some of its people, not the state
    by_trade = head.pos_ == "NOUN" and (names_people(head) or lemma.endswith(("man", "woman")))
    by_trade = by_trade and lemma not in BODY_WORDS and not any(c.dep_ == "nummod" for c in head.children)
    if by_trade and any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in head.children):
        return True
    if head.tag_ not in {"NNS", "NNPS"}:  # but "one American", "a Briton": one person
        one = any(c.dep_ in {"nummod", "det"} and c.lower_ in {"one", "a", "an"} for c in head.children)
        return (one or _the_one_national(head)) and head.ent_type_ in {
            "NORP",
            "PERSON",
        }  # "One Briton": PERSON
    # "tens of thousands of Venezuelans", "hundreds of Iraqis": counted by the "of" they hang on
    counter = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if counter is not None and (counter.like_num or counter.lower_ in COUNTING_HEADS):
        return True
    # a bare plural ("Peruvians living near the site", "nationalist Israelis rallied"): people;
    # "the Palestinians" may be their leaders
    bare = head.ent_type_ == "NORP" and not any(c.dep_ in {"det", "poss"} for c in head.children)
    return bare or any(c.dep_ == "nummod" or c.lower_ in COUNTING_WORDS for c in head.children)
