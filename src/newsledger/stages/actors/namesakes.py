"""Namesakes: a bare surname that several people named in the article share ("Hariri" where
both Rafik and Bahia Hariri are named) is one of them, never a third person.

Which one, in order: the one an honorific's gender fits ("Mrs. Quinn"); the one whose title
the word before it repeats ("Colonel Ferreira" for the colonel); the one the article last called
by the bare surname in this sentence or the one before ("how Mr. Schiavo felt ..., Schiavo was at
a loss for words"); else the one the article named
first: its subject, since news style introduces relatives and namesakes later and calls them by
their full or first names ("the sister of Hariri, MP Bahia Hariri ... Bahia said").  People with
different first names are never merged: only the bare surname is resolved, and a surname the
knowledge base or the article gives one person is not that person inside a name with another
first name (:func:`another_first_name`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...knowledge.actors import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, key
from .doc_index import is_initial
from .screen import title_words
from .words import FEMALE_TITLES, HONORIFICS, MALE_TITLES, NAME_PARTICLES, NAMED_AFTER_HEADS, ORG_WORDS

if TYPE_CHECKING:
    from ...models import Actor
    from .base import ResolverBase


def namesake(res: ResolverBase, i: int) -> str | None:
    """The person a bare surname at token ``i`` refers to, when people named in the article
    share it; None when it is nobody's shared surname."""
    word = key(res.ix.texts[i])
    sharing = [a for a in res.namesakes.get(word, ()) if _surname_of(res, a) == word]
    if len(sharing) < 2:
        return None
    firsts = {a: _first_mention(res, a) for a in sharing}
    sharing = [a for a in sharing if firsts[a] is not None]
    if not sharing:
        return None
    for narrow in (_by_honorific, _by_title, _by_last_surname):
        fits = narrow(res, i, sharing)
        if len(fits) == 1:
            return fits[0]
    return min(sharing, key=lambda a: firsts[a] or 0)


def _surname_of(res: ResolverBase, actor_id: str) -> str | None:
    actor = res.actor(actor_id)
    words = actor.name.split() if actor is not None and actor.name else []
    return key(words[-1]) if len(words) >= 2 else None


def _first_mention(res: ResolverBase, actor_id: str) -> int | None:
    """The first token of the person's first full-name mention (2+ tokens)."""
    starts = [m.start for m in res.found if m.actor_id == actor_id and m.end - m.start >= 2]
    return min(starts) if starts else None


def name_gender(res: ResolverBase, actor_id: str) -> str | None:
    """ "female"/"male" when the knowledge base or the first name says so."""
    known = res.kb.gender.get(actor_id) or res.genders.get(actor_id)
    if known:
        return known
    actor = res.actor(actor_id)
    first = actor.name.split()[0] if actor is not None and actor.name else ""
    if first in FEMALE_FIRST_NAMES:
        return "female"
    if first in MALE_FIRST_NAMES:
        return "male"
    return None


def _by_honorific(res: ResolverBase, i: int, sharing: list[str]) -> list[str]:
    word = res.ix.texts[i - 1].rstrip(".").lower() if i > 0 else ""
    gender = "female" if word in FEMALE_TITLES else "male" if word in MALE_TITLES else None
    if gender is None:
        return []
    return [a for a in sharing if name_gender(res, a) == gender]


def _by_title(res: ResolverBase, i: int, sharing: list[str]) -> list[str]:
    """ "Colonel Ferreira": the namesake whose title (a role, or the words before a full-name
    mention) holds the word before the surname."""
    word = res.ix.texts[i - 1].lower() if i > 0 else ""
    if not word.isalpha() or res.kb.agent(word) is None:
        return []
    fits = []
    for actor_id in sharing:
        actor = res.actor(actor_id)
        titles = [r.title.lower() for r in actor.roles] if actor is not None else []
        titles += [
            res.doc[m.title[0] : m.title[1]].text.lower()
            for m in res.found
            if m.actor_id == actor_id and m.title is not None
        ]
        if any(word in t.split() for t in titles):
            fits.append(actor_id)
    return fits


def _by_last_surname(res: ResolverBase, i: int, sharing: list[str]) -> list[str]:
    """The namesake that the last bare-surname mention in this sentence or the one before
    referred to (the article keeps calling the same person by it)."""
    begin = res.ix.sent_begin[i]
    before = max(res.ix.sent_begin[begin - 1] if begin > 0 else begin, 0)
    recent = [
        (m.start, m.actor_id)
        for m in res.found
        if m.actor_id in sharing and m.end - m.start == 1 and before <= m.start < i
    ]
    return [max(recent)[1]] if recent else []


def another_first_name(res: ResolverBase, start: int, actor: Actor, end: int | None = None) -> bool:
    """True for a known person's name (often a bare surname, "Trump") at token ``start`` that
    is the end of a longer name whose first name is none of that person's ("Circuit Judge
    Maryanne Trump Barry", "Ivanka Trump"): a relative or a namesake, read by the entity pass
    as a person of their own. The longer name is spaCy's person entity, or else a proper noun
    compounded onto the name; titles before the name do not count. A name that holds a first
    name of the person's own ("Barack Obama" after a stray capitalised word) is the person."""
    doc = res.doc
    own = {key(name.split()[0]) for name in (actor.name, *actor.aliases) if len(name.split()) > 1}
    if any(key(t.text) in own for t in doc[start : end or start + 1]):
        return False
    if doc[start].ent_type_ == "PERSON" and start in res.ent_span:
        e_start = res.ent_span[start][0]
        before = [t.text for t in doc[e_start:start]]
        first = e_start + title_words(res.kb, [*before, "_"])  # "_": the name ends the words
    else:
        first = start - 1
        prev = doc[first] if first >= 0 else None
        if prev is None or prev.tag_ != "NNP" or prev.dep_ != "compound" or prev.head.i < start:
            return False
    if first >= start or not _first_name_like(res, first):
        return False
    known = {k for name in (actor.name, *actor.aliases) for k in map(key, name.split())}
    return key(doc[first].text) not in known


def another_surname_follows(res: ResolverBase, i: int, actor_id: str) -> bool:
    """True when the first name at token ``i`` runs on into a proper noun that is no word of
    that person's names ("Tenzin Gyatso" beside "Tenzin Taklha", where the entity pass found
    neither as a person): another person who shares the first name."""
    doc, actor = res.doc, res.actor(actor_id)
    if actor is None or i + 1 >= len(doc):
        return False
    after = doc[i + 1]
    if after.pos_ != "PROPN" or not (after.is_alpha and after.text[:1].isupper()):
        return False
    known = {k for name in (actor.name, *actor.aliases) for k in map(key, name.split())}
    return key(after.text) not in known


def _first_name_like(res: ResolverBase, i: int) -> bool:
    """A word that can be a first name: capitalised, alphabetic, not an initial, an acronym, a
    particle, a title, a country or a nationality ("U.S.", "Senator", "American"); and a first
    name the knowledge base lists ("Bill", "Michelle") or no common English word ("Kojo", not "Democrat",
    "Candidate" or "Suspects")."""
    tok = res.doc[i]
    if not (tok.is_alpha and tok.text[:1].isupper() and tok.text[1:].islower()) or is_initial(tok.text):
        return False  # "PCdoB", "UNMIL": an acronym
    if tok.lower_ in NAME_PARTICLES or tok.lower_ in HONORIFICS or res.kb.agent(tok.text) is not None:
        return False
    if res.kb.lookup(tok.text) is not None:
        return False
    if tok.text in FEMALE_FIRST_NAMES or tok.text in MALE_FIRST_NAMES:
        return True
    common = res.common_words or frozenset()
    return tok.lower_ not in common and tok.lemma_.lower() not in common


def first_name_left_out(res: ResolverBase, start: int, end: int) -> bool:
    """True when spaCy's person entity ``[start, end)`` left out the first name right before it
    ("Ethiopians Dejene [Debela]", "Isabel [Martínez de Perón]"): a proper noun compounded onto
    the name, in no entity of its own, that can be a first name (see :func:`_first_name_like`).
    Without it the person would be known by the surname alone, and every person of that
    surname in the ledger would be one actor."""
    if start == 0:
        return False
    prev = res.doc[start - 1]
    if prev.ent_type_ or prev.pos_ != "PROPN" or prev.is_sent_start and prev.tag_ != "NNP":
        return False
    if prev.dep_ != "compound" or not start <= prev.head.i < end:
        return False
    if prev.i > 0 and not res.doc[prev.i - 1].whitespace_:
        return False  # "Jyllands-Posten Muhammad cartoons": the end of a hyphenated word
    return _first_name_like(res, start - 1)


#: how many capitalised words may follow a surname before the head of what is named after it
NAMED_AFTER_REACH = 4


def named_after(res: ResolverBase, i: int) -> bool:
    """True when the surname at token ``i`` opens the name of a thing named after someone, or
    after a firm ("the Forbes Global CEO Conference", "the Carter Center"): no mention of the
    person."""
    texts = res.ix.texts
    for j in range(i + 1, min(len(texts), i + 1 + NAMED_AFTER_REACH)):
        if not texts[j][:1].isupper():
            return False
        if texts[j].lower() in NAMED_AFTER_HEADS | ORG_WORDS:
            return True
    return False
