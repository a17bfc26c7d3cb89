"""Titles that name a body of state but no country ("Foreign Ministry spokesman Qin Gang",
"health minister X"): when the article ties that body to exactly one country elsewhere ("China's
Foreign Ministry", "the Chinese foreign minister"), a person the knowledge base does not know gets
that country.  Two countries tied to the same body ("the Chinese and Japanese foreign ministers")
leave the person without one, and so does a body tied to a country the article is not mostly
about: a wrong country is worse than none.

A chamber named bare that a dictionary gives one country ("the Senate": Phoenix's United States
Congress) is, in an article that names the chamber of another country ("the Australian Senate")
or is mostly about another country, that country's legislature ("Robert Hill will retire from the
Senate" in an Australian report).  A body named by its last word alone after the article named it
in full ("the Singapore Navy ... the Navy") is that body."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...knowledge.actors import key
from ...knowledge.wordlists import word_lists
from ..nlp import lowers_of
from .base import ResolverBase

_WORDS = word_lists("actor_text_words.yaml")
BODY_NOUNS = _WORDS.words("state_body_nouns")
OFFICE_NOUNS = _WORDS.words("state_office_nouns")
NOT_DOMAINS = _WORDS.words("not_body_domains")
#: Spellings of one domain ("defence" / "defense").
_SAME_DOMAIN = {"defense": "defence"}
_COUNTRY_HOWS = ("country", "demonym")
#: Share of the article's country mentions the body's country must hold.
DOMINANT_SHARE = 0.5


#: how a country word before an organisation's name modifies it ("Thailand 's People's
#: Alliance", "the United States auto manufacturer Chrysler")
_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
#: how far before a name a country word that modifies it may stand
_MODIFIER_REACH = 5


def organisation_country(res: ResolverBase, start: int, end: int) -> str | None:
    """The country of an organisation the knowledge base does not know: the first country or
    nationality named inside its name ("United States Magistrate", "New Zealand Herald"), else
    a country or nationality that modifies the name from before it ("the Brazilian advertising
    executive Washington Olivetto", a person the tagger took for a body), else a capital inside
    it ("Washington Post")."""
    return (
        _country_named(res, start, end, _COUNTRY_HOWS)
        or _country_named(res, max(0, start - _MODIFIER_REACH), start, _COUNTRY_HOWS, (start, end))
        or _country_named(res, start, end, ("capital",))
        or _leaders_country(res, start, end)
    )


#: words of a government named after whoever leads it ("the Howard Government")
LED_GOVERNMENT_WORDS = {"government", "administration", "cabinet", "regime", "ministry"}


def _leaders_country(res: ResolverBase, start: int, end: int) -> str | None:
    """The country of a government named after its leader, a person the knowledge base knows
    by that surname ("the Howard Government": Australia's)."""
    doc = res.doc
    if end - start != 2 or doc[end - 1].lower_ not in LED_GOVERNMENT_WORDS:
        return None
    named = res.name_parts.get(key(doc[start].text))  # a person the article names in full
    leader = res.actor(named) if named else res.kb.person_by_surname(doc[start].text, res.day)
    return leader.country if leader is not None else None


def _country_named(
    res: ResolverBase, lo: int, hi: int, hows: tuple[str, ...], modified: tuple[int, int] | None = None
) -> str | None:
    """The country of the first name of one of ``hows`` in ``[lo, hi)`` (up to four words);
    with ``modified``, only one that modifies the name at that span (:func:`_modifies`)."""
    doc = res.doc
    for i in range(lo, hi):
        for j in range(min(hi, i + 4), i, -1):
            hit = res.kb.lookup(doc[i:j].text)
            if hit and hit.how in hows and (modified is None or _modifies(doc[i:j].root, *modified)):
                return res.kb.actors[hit.actor_id].country
    return None


def _modifies(tok: Any, start: int, end: int) -> bool:
    """True when ``tok`` modifies the name at ``start:end`` through a chain of noun modifiers
    standing before it, or the description the name is set beside ("the Brazilian executive
    Washington Olivetto")."""
    root = tok.doc[start:end].root
    described = root.head.i if root.dep_ == "appos" and root.head.i < start else None
    while (
        tok.dep_ in _MODIFIER_DEPS and tok.head.i < start and tok.head.i > tok.i and tok.head.i != described
    ):
        tok = tok.head
    return tok.dep_ in _MODIFIER_DEPS and (start <= tok.head.i < end or tok.head.i == described)


def _domain(word: str) -> str | None:
    word = word.lower()
    if not word.isalpha() or word in NOT_DOMAINS or word in BODY_NOUNS | OFFICE_NOUNS:
        return None
    return _SAME_DOMAIN.get(word, word)


def title_domain(title: str) -> str | None:
    """The domain of the first body of state a title names ("Foreign Ministry spokesman" ->
    "foreign"; "Prime Minister" -> None)."""
    words = title.split()
    for k in range(1, len(words)):
        if words[k].lower() in BODY_NOUNS | OFFICE_NOUNS:
            return _domain(words[k - 1])
    return None


def _owner_country(res: ResolverBase, i: int) -> tuple[str, int] | None:
    """The country named by the mention that ends at token ``i`` ("Chinese", "China" of "China's"),
    with the mention's first token."""
    if i >= 0 and res.doc[i].lower_ in ("'s", "’s"):
        i -= 1
    owner = res.owner.get(i) if i >= 0 else None
    found = res.found[owner] if owner is not None else None
    if found is None or found.how not in _COUNTRY_HOWS or found.end - 1 != i:
        return None
    actor = res.actor(found.actor_id)
    return (actor.country, found.start) if actor is not None and actor.country else None


def _owner_countries(res: ResolverBase, i: int) -> set[str]:
    """The countries of the mention ending at token ``i`` and of those conjoined before it
    ("the Chinese and Japanese foreign ministers": both)."""
    countries: set[str] = set()
    while (hit := _owner_country(res, i)) is not None:
        countries.add(hit[0])
        link = hit[1] - 1
        if link < 1 or res.doc[link].lower_ not in (",", "and", "or"):
            break
        i = link - 1
    return countries


def body_ties(res: ResolverBase) -> dict[str, set[str]]:
    """Domain -> the countries the article ties a body of that domain to ("China's Foreign
    Ministry", "Chinese foreign minister")."""
    ties: dict[str, set[str]] = {}
    doc: Any = res.doc
    for i, lower in enumerate(lowers_of(doc)):  # no Token object for the other words
        if lower not in BODY_NOUNS or i < 2:
            continue
        domain = _domain(doc[i - 1].text)
        countries = _owner_countries(res, i - 2) if domain else set()
        if domain and countries:
            ties.setdefault(domain, set()).update(countries)
    return ties


def settle_body_countries(res: ResolverBase) -> None:
    """Give the unknown people whose one title names a body of state with no country the country
    the article ties that body to, when it ties it to exactly one."""
    ties = body_ties(res)
    # the body's country must also be the one the article is mostly about: a report on two
    # countries ties one's ministry by name and gives the other's officials bare titles
    top = res._dominant_country(share=DOMINANT_SHARE, least=2) if ties else None
    if top is None:
        return
    for actor_id, actor in list(res.actors.items()):
        if actor.country or len(actor.roles) != 1 or not res._unknown_person(actor_id):
            continue
        role = actor.roles[0]
        domain = title_domain(role.title or "") if not role.country else None
        countries = ties.get(domain or "", set())
        if countries != {top}:
            continue
        (country,) = countries
        res.actors[actor_id] = replace(
            actor,
            country=country,
            cameo_code=f"{country}{actor.sector or ''}",
            roles=(replace(role, country=country),),
        )


#: the agent code of a legislature's chambers ("Senate", "Parliament")
LEGISLATURE_CODE = "LEG"


def _named_chamber_country(res: ResolverBase) -> str | None:
    """The one country whose legislature the article names with its country ("the Australian
    Senate", "Australia's parliament"); None when it names none or several."""
    countries = set()
    for m in res.found:
        actor = res.actor(m.actor_id) if m.how != "drop" and m.end - m.start > 1 else None
        if (
            actor is not None
            and actor.sector == LEGISLATURE_CODE
            and actor.country
            and res._a_state(actor.country)
        ):
            countries.add(actor.country)
    return countries.pop() if len(countries) == 1 else None


def home_chambers(res: ResolverBase) -> None:
    """Give a bare chamber's name that a dictionary ties to another country than the one the
    article names that chamber with ("the Australian Senate ... the Senate"), else than the one
    it is mostly about (module docstring), or that no one ties to a country ("called on
    Congress" in a report on the United States), the legislature of that country."""
    top = _named_chamber_country(res) or res._dominant_country(share=DOMINANT_SHARE, least=2)
    for m in res.found:
        if m.how == "drop" or m.end - m.start != 1 or m.method not in ("dictionary", "kb", "ner"):
            continue
        actor = res.actor(m.actor_id)
        agent = res.kb.agent(res.doc[m.start].text)
        country = _country_after_of(res, m.end) or top  # "the Senate of Belgium"
        if actor is None or agent is None or agent.code != LEGISLATURE_CODE or actor.country == country:
            continue
        if country is None or (actor.country is None) != (m.method == "ner"):
            continue  # a name the model read ("Congress") has no country; a dictionary's has one
        home = res.kb.group(country, LEGISLATURE_CODE)
        res.actors.setdefault(home.actor_id, home)
        m.actor_id = home.actor_id


def _country_after_of(res: ResolverBase, i: int) -> str | None:
    """The country named by "of <country>" at token ``i`` ("the Senate of Belgium")."""
    if i + 1 >= len(res.doc) or res.doc[i].lower_ != "of":
        return None
    first = i + 2 if i + 2 < len(res.doc) and res.doc[i + 1].lower_ == "the" else i + 1
    for end in range(min(len(res.doc), first + 3), first, -1):  # the name, however spaCy grouped it
        hit = res.kb.lookup_exact(res.doc[first:end].text)
        if hit is not None and hit.how in ("country", "demonym"):
            actor = res.kb.actors.get(hit.actor_id)
            return actor.country if actor is not None else None
    return None


def short_bodies(res: ResolverBase) -> None:
    """A body named by its last word alone ("the Navy") after the article named it in full with
    its country ("the Singapore Navy") is that body, when one such body was named; a bare word
    of a body of state no country goes with stays nobody's."""
    doc: Any = res.doc
    named: dict[str, set[str]] = {}  # last word -> the bodies with a country it ended so far
    for m in sorted(res.found, key=lambda d: d.start):
        if m.how == "drop":
            continue
        actor = res.actor(m.actor_id)
        word = doc[m.end - 1]
        if actor is None or not word.is_title:
            continue
        if m.end - m.start > 1 and actor.country and res._a_state(actor.country):
            named.setdefault(word.lower_, set()).add(m.actor_id)
            continue
        bodies = named.get(word.lower_, set())
        if m.end - m.start == 1 and actor.country is None and len(bodies) == 1 and res.kb.agent(word.text):
            m.actor_id = next(iter(bodies))


#: the sector of political parties
PARTY_CODE = "PTY"


def home_parties(res: ResolverBase) -> None:
    """A party named by one plain word the knowledge base gives another country ("the Greens and
    Democrats have both committed to an increase" in an Australian report: not the US
    Democrats) is a party of the country the article is mostly about, when the article never
    names the other country: the word is that country's party's, not a foreign one's."""
    top = res._dominant_country(share=DOMINANT_SHARE, least=2)
    if top is None:
        return
    named = {
        a.country for m in res.found if m.how in _COUNTRY_HOWS and (a := res.actor(m.actor_id)) is not None
    }
    for m in res.found:
        if m.how == "drop" or m.end - m.start != 1 or m.method not in ("dictionary", "kb"):
            continue
        actor = res.actor(m.actor_id)
        if (
            actor is None
            or actor.sector != PARTY_CODE
            or actor.country in (None, top)
            or actor.country in named
        ):
            continue
        home = res.kb.group(top, PARTY_CODE)
        res.actors.setdefault(home.actor_id, home)
        m.actor_id = home.actor_id
