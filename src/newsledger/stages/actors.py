"""Resolve every reference to an actor: names, titles, collectives, NORP phrases and pronouns.

The stage ``newsledger.actors.v1`` reads the spaCy ``doc`` and writes ``mentions`` (one
:class:`Mention` per resolved reference, with ``actor_id`` and ``method``) and ``actors``
(one :class:`Actor` per canonical actor referred to, plus the article's outlet).

Resolution, in order:

1. **names** — the longest phrase the knowledge base knows (KB people and organisations,
   PETRARCH dictionary actors, countries, demonyms, capitals), then spaCy entities it does not
   know (new people and organisations, with stable ids from their normalised names);
2. **partial names** — a surname or first name of a person already named in the article
   ("Baradar", "Abdulghani"), whatever label spaCy gave it ("Shamkhani" tagged ORG);
3. **titles** — words before a name become the person's title and, for people the KB does not
   know, their role ("Taliban spokesperson Zabihollah Mojahed" -> AFG, INS, affiliated with the
   Taliban); a title without a name refers back to the person who holds it ("the Taliban deputy");
4. **agent phrases** — country/organisation + agent word ("Iranian regime officials" ->
   IRNGOV, "Gondor's main opposition group" -> GONMOP with PETRARCH dictionaries); definite
   collectives ("the regime", "the mullahs") -> the government of the article's focus country;
5. **pronouns** — "he"/"she"/"his"/"her" outside quotations -> the last person named before
   who is not known to be of the other gender and is not the subject of the pronoun's own clause;
   "it"/"its" -> the organisation or government last named as a subject; "they" -> a plural
   group; "who" -> the person its relative clause describes;
6. **definite descriptions** — "the group", "the agency" -> the organisation named last;
   "the Interior Ministry" -> the government of the country the article is about.

Every resolved reference becomes a :class:`Mention` (with ``method`` saying how), and every
actor referred to an :class:`Actor` in ``item.actors`` with the aliases seen and its roles.
:func:`resolve_phrase` gives other stages the actor of a noun phrase that has no mention.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from ..knowledge.actors import (
    FEMALE_FIRST_NAMES,
    MALE_FIRST_NAMES,
    ActorKB,
    Agent,
    NameHit,
    key,
    slug,
    with_aliases,
)
from ..knowledge.phoenix import actor_kb
from ..models import Actor, ActorRef, AnalyzedArticle, Mention, Role
from ..pipeline import Resources, stage
from .nlp import text_of

__all__ = ["NAME", "build_kb", "kb_for", "resolve_actors", "resolve_phrase"]

NAME = "newsledger.actors.v1"
KB_NOTE = "newsledger.actors.kb"
RESOLVER_NOTE = "newsledger.actors.resolver"  # resolve_phrase's resolver, once per article
DOC_INDEX_NOTE = "newsledger.actors.doc_index"  # quote mask, entity spans, lower-case words

MAX_NAME_TOKENS = 10
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
FEMALE_TITLES = {"mrs", "ms", "miss", "madam", "madame", "queen", "lady", "baroness", "princess", "dame"}
MALE_TITLES = {"mr", "sir", "king", "prince", "lord", "baron", "sheikh", "emir", "sultan", "mullah", "ayatollah"}  # fmt: skip
COLLECTIVE_GOV = {"regime", "government", "mullahs", "authorities", "administration", "leadership"}
TITLE_LINKS = {"for", "of", "'s", "’s"}
NAME_PARTICLES = {
    "-", "al", "el", "bin", "ibn", "bint", "abu", "da", "de", "do", "dos", "das", "del", "della",
    "di", "du", "la", "le", "van", "von", "der", "den", "ter", "y", "e", "ben",
}  # fmt: skip
ORG_WORDS = {
    "party", "council", "ministry", "agency", "bank", "group", "union", "organization",
    "organisation", "association", "committee", "court", "army", "front", "movement", "foundation",
    "institute", "university", "news", "times", "post", "journal", "press", "radio", "tv", "corp",
    "inc", "ltd", "company", "commission", "office", "department", "house", "senate", "assembly",
    "brigade", "forces", "guard", "league", "network", "service", "services", "centre", "center",
}  # fmt: skip
# Words in an organisation's name that say its sector ("San Gabriel Valley Tribune" -> MED).
ORG_SECTORS = {
    "tribune": "MED", "times": "MED", "news": "MED", "post": "MED", "journal": "MED", "herald": "MED",
    "gazette": "MED", "tv": "MED", "television": "MED", "radio": "MED", "press": "MED", "agency": "GOV",
    "bank": "BUS", "company": "BUS", "corp": "BUS", "corporation": "BUS", "inc": "BUS", "ltd": "BUS",
    "university": "EDU", "college": "EDU", "institute": "EDU", "ministry": "GOV", "department": "GOV",
    "army": "MIL", "navy": "MIL", "police": "COP", "court": "JUD", "parliament": "LEG",
    "assembly": "LEG", "senate": "LEG", "party": "PTY", "church": "REL", "union": "LAB",
    "front": "REB", "brigade": "REB", "brigades": "REB", "militia": "REB",
}  # fmt: skip
ABSTRACT_AGENT_WORDS = {"opposition", "resistance", "leadership", "government", "press", "media"}
GENERIC_ANAPHORS = {"group", "movement", "organization", "organisation", "militia", "terrorist group", "outfit"}  # fmt: skip
GROUP_ANAPHORS = GENERIC_ANAPHORS | {"agency", "company", "firm", "party", "committee", "network", "newspaper", "bank"}  # fmt: skip
NAME_STOP = {"MRS", "MISS", "SIR", "THE", "AND", "JR", "SR", "III", "MULLAH", "AYATOLLAH", "SHEIKH", "PRESIDENT"}  # fmt: skip
HONORIFICS = ("mr", "mrs", "ms", "miss", "dr", "sir", "madam", "madame", "mme", "m")
DOMESTIC_SECTORS = {"GOV", "LEG", "JUD", "PTY", "OPP"}
SPONSORED = {"backed", "sponsored", "supported", "funded", "allied", "aligned", "affiliated", "linked", "inspired"}  # fmt: skip
TOO_GENERIC = {"people", "families", "children", "women", "men", "population", "persons", "residents"}
POSSESSIVES = {"his", "her", "its", "their", "our", "my", "your"}
NON_AGENT_VERBS = {"be", "seem", "appear", "take", "remain", "become", "rain", "matter", "mean", "cost"}
BASE_HOWS = ("country", "demonym", "capital", "actor")
ALIAS_METHODS = {"kb", "kb-surname", "ner", "surname", "first-name", "dictionary", "country", "demonym", "capital"}  # fmt: skip
OUTLET_WORDS = {"news", "agency", "tv", "television", "radio", "newspaper", "daily", "online", "network"}
OUTLET_SECTORS = {"state_media": "GOVMED", "government": "GOV", "advocacy": "NGO"}
GROUP_ALIAS_METHODS = {"agent", "collective", "home-country"}
_QUOTE_OPEN = {"“", "«"}
_QUOTE_CLOSE = {"”", "»"}


def build_kb(actor_files: Iterable[str] = (), dictionaries: str | None = None) -> ActorKB:
    """The KB for a ``--dictionaries`` setting: the shipped Phoenix dictionaries by default
    (compiled and cached on disk), a user folder, or ``"none"``."""
    return actor_kb(actor_files, dictionaries)


def outlets_for(res: Resources) -> Any:
    """The outlet registry, shared with the other stages through the same cache key."""
    from ..knowledge.outlets import OutletRegistry

    user = res.config.outlet_registry
    try:
        return res.cached(f"outlets:{user}", lambda: OutletRegistry.load(user))
    except Exception:  # the outlet actor is a convenience; a broken registry must not stop the stage
        return None


def kb_for(res: Resources) -> ActorKB:
    cfg = res.config
    cache_key = f"actors.kb:{cfg.actor_files}:{cfg.dictionaries}"
    return res.cached(cache_key, lambda: build_kb(cfg.actor_files, cfg.dictionaries))


@stage(NAME, requires=("doc", "sentences"), assigns=("mentions", "actors"))
def resolve_actors(item: AnalyzedArticle, res: Resources) -> None:
    kb = kb_for(res)
    item.notes[KB_NOTE] = kb
    resolver = _Resolver(item, kb)
    resolver.outlets = outlets_for(res)
    resolver.stems = bool(res.config.option("actor_stems", False))  # PETRARCH itself does not stem
    resolver.run()


def resolve_phrase(item: AnalyzedArticle, start: int, end: int, kb: ActorKB | None = None) -> ActorRef | None:
    """The actor a noun phrase ``[start, end)`` refers to, even where no mention covers it
    ("Iranian officials" -> the Iranian government); adds the actor to ``item.actors``.
    ``kb``: the actor knowledge base (:func:`kb_for`); without it, the one this stage noted."""
    ref = item.actor_ref_at(start, end)
    if ref is not None:
        return ref
    kb = kb if kb is not None else item.notes.get(KB_NOTE)
    if kb is None or item.doc is None:
        return None
    span = item.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    resolver = _phrase_resolver(item, kb)
    actor = resolver.phrase_actor(span.start, span.end, in_article=True)
    if actor is None:
        return None
    item.actors.setdefault(actor.actor_id, actor)
    return item.actor_ref(actor.actor_id)


def _phrase_resolver(item: AnalyzedArticle, kb: ActorKB) -> _Resolver:
    """The resolver :func:`resolve_phrase` works with: rebuilt from the stage's mentions once
    per article (kept in ``item.notes``), not once per phrase. Resolving a phrase reads its
    working mentions and never changes them; only its view of ``item.actors`` is renewed, since
    other stages add actors between calls."""
    cached = item.notes.get(RESOLVER_NOTE)
    if isinstance(cached, _PhraseResolver) and cached.matches(item, kb):
        cached.resolver.actors = dict(item.actors)
        return cached.resolver
    resolver = _Resolver(item, kb, keep=True)
    resolver.restore(item.mentions)
    item.notes[RESOLVER_NOTE] = _PhraseResolver(resolver, item.doc, kb, item.mentions, len(item.mentions))
    return resolver


@dataclass
class _PhraseResolver:
    """A restored resolver and what it was restored from (to notice a change)."""

    resolver: _Resolver
    doc: Any
    kb: ActorKB
    mentions: list[Mention]
    n_mentions: int

    def matches(self, item: AnalyzedArticle, kb: ActorKB) -> bool:
        return (
            self.doc is item.doc
            and self.kb is kb
            and self.mentions is item.mentions
            and self.n_mentions == len(item.mentions)
        )


class _DocIndex:
    """What the resolver reads of a document many times, computed once per article: token
    attributes as plain lists (a spaCy ``doc[i]`` builds a new Token object on every access),
    sentence bounds, entity spans, the quote mask, lower-case words and noun chunks."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.text: str = text_of(doc)
        self.texts: list[str] = []
        self.idx: list[int] = []
        self.sent_start: list[bool] = []
        self.punct: list[bool] = []
        self.space: list[bool] = []
        self.alpha: list[bool] = []
        self.positions: dict[str, list[int]] = {}  # lower-case text -> token indexes
        if len(doc):  # one array call instead of a Token object per token and attribute
            rows = doc.to_array(["IDX", "LENGTH", "SENT_START", "IS_PUNCT", "IS_SPACE", "IS_ALPHA"]).tolist()
            text = self.text
            for i, (start, length, sent_start, punct, space, alpha) in enumerate(rows):
                word = text[start : start + length]
                self.texts.append(word)
                self.idx.append(start)
                self.sent_start.append(sent_start == 1)
                self.punct.append(bool(punct))
                self.space.append(bool(space))
                self.alpha.append(bool(alpha))
                self.positions.setdefault(word.lower(), []).append(i)
        n = len(self.texts)
        # next_sent[i]: the first sentence start after token i (n if none);
        # sent_begin[i]: the last sentence start at or before token i (-1 if none)
        self.next_sent: list[int] = [n] * n
        self.sent_begin: list[int] = [-1] * n
        last = -1
        for i in range(n):
            if self.sent_start[i]:
                last = i
            self.sent_begin[i] = last
        nxt = n
        for i in range(n - 1, -1, -1):
            self.next_sent[i] = nxt
            if self.sent_start[i]:
                nxt = i
        self.ent_span: dict[int, tuple[int, int]] = {}
        for ent in doc.ents:
            trimmed = _trim(ent)
            for i in range(ent.start, ent.end):
                self.ent_span[i] = trimmed
        # lookup keys drop everything but letters and digits, so a span's key is its tokens' keys
        # joined: names and agent phrases are looked up without slicing and normalising text
        self.keys: list[str] = [key(t) for t in self.texts]
        self.in_quote = _quote_mask(self.text)
        self.lower_words = {t for t in self.texts if t.islower()}
        self.chunks = [(chunk.start, chunk.root.i) for chunk in doc.noun_chunks]

    def tokens(self, lowers: Iterable[str]) -> Iterator[Any]:
        """The tokens whose lower-case text is one of ``lowers``, in document order."""
        found = sorted(i for low in lowers for i in self.positions.get(low, ()))
        return (self.doc[i] for i in found)

    def span_key(self, start: int, end: int) -> str:
        """``key(doc[start:end].text)``."""
        return self.keys[start] if end == start + 1 else "".join(self.keys[start:end])

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``end > start``) without building the span."""
        return self.text[self.idx[start] : self.idx[end - 1] + len(self.texts[end - 1])]


def _doc_index(item: AnalyzedArticle) -> _DocIndex:
    doc = item.doc
    cached = item.notes.get(DOC_INDEX_NOTE)
    if isinstance(cached, _DocIndex) and cached.doc is doc:
        return cached
    index = _DocIndex(doc)
    item.notes[DOC_INDEX_NOTE] = index
    return index


# --------------------------------------------------------------------------- resolver


@dataclass
class _M:
    """A mention under construction (token offsets)."""

    start: int
    end: int
    actor_id: str
    label: str
    method: str
    how: str = "actor"  # actor | country | demonym | capital | group | person
    title: tuple[int, int] | None = None


class _Resolver:
    def __init__(self, item: AnalyzedArticle, kb: ActorKB, keep: bool = False) -> None:
        self.item = item
        self.kb = kb
        self.doc: Any = item.doc
        self.day = item.date
        self.actors: dict[str, Actor] = dict(item.actors) if keep else {}
        self.found: list[_M] = []
        self.owner: dict[int, int] = {}  # token index -> index in found (name mentions)
        self.name_parts: dict[str, str | None] = {}
        self.starts: dict[int, list[_M]] = {}  # first token -> mentions starting there
        self.stems = False
        self.outlets: Any = None

    # ------------------------------------------------------------------ per-document indexes

    @cached_property
    def ix(self) -> _DocIndex:
        return _doc_index(self.item)

    @property
    def ent_span(self) -> dict[int, tuple[int, int]]:
        """Token -> its spaCy entity, trimmed."""
        return self.ix.ent_span

    @property
    def in_quote(self) -> list[bool]:
        return self.ix.in_quote

    @property
    def lower_words(self) -> set[str]:
        return self.ix.lower_words

    # ------------------------------------------------------------------ helpers

    def restore(self, mentions: Iterable[Mention]) -> None:
        """Rebuild the working mentions from the stage's output (for :func:`resolve_phrase`)."""
        hows = {"capital": "capital", "demonym": "demonym", "country": "country", "pronoun": "pronoun"}
        for m in mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand") if m.actor_id else None
            if span is None or len(span) == 0 or m.actor_id is None:
                continue
            actor = self.actor(m.actor_id)
            how = hows.get(m.method.split("+")[0]) or (
                "person" if actor and actor.kind == "person" else "actor"
            )
            if m.label == "GROUP":
                how = "group"
            self._add(_M(span.start, span.end, m.actor_id, m.label, m.method, how))

    def actor(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id) or self.kb.actors.get(actor_id)

    def _add(self, m: _M, actor: Actor | None = None) -> None:
        if actor is not None:
            self.actors.setdefault(actor.actor_id, actor)
        elif m.actor_id not in self.actors:
            known = self.kb.actors.get(m.actor_id)
            if known is not None:
                self.actors[m.actor_id] = known
        self._push(m)
        for i in range(m.start, m.end):
            self.owner.setdefault(i, len(self.found) - 1)

    def _push(self, m: _M) -> None:
        """Record a mention; ``starts`` indexes them by first token for range queries."""
        self.found.append(m)
        self.starts.setdefault(m.start, []).append(m)

    def _free(self, start: int, end: int) -> bool:
        return all(i not in self.owner for i in range(start, end))

    def _kind(self, actor_id: str) -> str:
        actor = self.actor(actor_id)
        return actor.kind if actor else "group"

    # ------------------------------------------------------------------ passes

    def run(self) -> None:
        doc = self.doc
        self._names()
        self._entities()
        self._partial_names()
        self._leftover_entities()
        self._titles()
        self._appositions()
        self._agent_phrases()
        self._pronouns()
        self._agent_phrases()  # "its diplomats": agent phrases whose base is a pronoun
        mentions = []
        aliases: dict[str, list[str]] = {}
        for m in sorted(self.found, key=lambda m: (m.start, -m.end)):
            if m.how == "drop":
                continue
            span = doc[m.start : m.end]
            sent = self.item.sentence_at(span.start_char)
            mentions.append(
                Mention(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    label=m.label,
                    sentence=sent.index if sent else -1,
                    actor_id=m.actor_id,
                    method=m.method,
                )
            )
            if m.method.split("+")[0] in ALIAS_METHODS:
                name_span = doc[m.title[1] : m.end] if m.title else span
                aliases.setdefault(m.actor_id, []).append(_surface(name_span.text))
            elif (
                m.label == "GROUP"
                and m.method.split("+")[0] in GROUP_ALIAS_METHODS
                and doc[m.start].lower_ not in POSSESSIVES
            ):
                aliases.setdefault(m.actor_id, []).append(_surface(span.text))  # "Iranian regime"
        self._settle_countries()
        actors: dict[str, Actor] = {}
        for mention in mentions:
            actor = self.actor(mention.actor_id or "")
            if actor is not None and actor.actor_id not in actors:
                actors[actor.actor_id] = with_aliases(actor, aliases.get(actor.actor_id, ()))
        outlet = self._outlet()
        if outlet is not None:
            actors.setdefault(outlet.actor_id, outlet)
        self.item.mentions = mentions
        self.item.actors = actors

    def _dominant_country(self, share: float, least: int) -> str | None:
        """The country the article is about: named (as a country or a national group) at least
        ``least`` times and in at least ``share`` of all such mentions."""
        counts: Counter[str] = Counter()
        for m in self.found:
            actor = self.actor(m.actor_id)
            if m.how == "drop" or actor is None or actor.kind not in ("country", "group"):
                continue
            if actor.country and len(actor.country) == 3 and actor.country.isalpha():
                counts[actor.country] += 1
        if not counts:
            return None
        top, n = counts.most_common(1)[0]
        return top if n >= least and n >= share * sum(counts.values()) else None

    def _settle_countries(self) -> None:
        """People the KB does not know whose title gave a sector but no country ("Senator Harry
        Reid") belong to the country the article is about, when one clearly dominates."""
        top = self._dominant_country(share=0.6, least=3)
        if top is None:
            return
        for actor_id, actor in list(self.actors.items()):
            if not actor_id.startswith("person:") or actor.country or len(actor.roles) != 1:
                continue
            role = actor.roles[0]
            if role.sector in DOMESTIC_SECTORS and not role.country and not actor.affiliation:
                self.actors[actor_id] = replace(actor, country=top, roles=(replace(role, country=top),))

    def _outlet(self) -> Actor | None:
        """The article's outlet as an actor (for "reported by"): the KB's organisation when it
        knows it (NCRI), else one built from the outlet registry (country; state media GOVMED)."""
        art = self.item.article
        registry = self.outlets
        outlet = None
        if registry is not None:
            try:
                outlet = registry.identify(site=art.site, name=art.outlet, text=art.text)
            except Exception:  # a broken user registry must not cost the actors
                outlet = None
        name = outlet.name if outlet is not None else art.outlet
        if not name:
            return None
        names = [name, *(outlet.names if outlet is not None else ()), *([art.outlet] if art.outlet else [])]
        for candidate in names:
            hit = self.kb.lookup(candidate)
            found = self.actor(hit.actor_id) if hit is not None else None
            if found is not None and found.kind == "organization":
                return found
        actor_id = f"org:{slug(name)}"
        known = self.actor(actor_id)
        if known is not None:
            return known
        country = outlet.country if outlet is not None else None
        sector = OUTLET_SECTORS.get(outlet.type if outlet is not None else "", "MED")
        code = f"{country or ''}{sector}"
        return Actor(actor_id, name, "organization", country, sector, code, tuple(dict.fromkeys(names)))

    def _names(self) -> None:
        """Longest known phrase at each token (KB, dictionaries, countries, capitals)."""
        doc = self.doc
        ix = self.ix
        texts, punct, space = ix.texts, ix.punct, ix.space
        n = len(texts)
        i = 0
        while i < n:
            text = texts[i]
            lower_the = text == "the"  # dictionary phrases may start with it: "THE_SHIRE"
            inner_cap = any(c.isupper() for c in text[1:]) or text in NAME_PARTICLES  # "al-Qaeda"
            if not (text[:1].isupper() or text[:1].isdigit() or lower_the or inner_cap) or space[i]:
                i += 1
                continue
            matched = 0
            # a name does not cross a sentence start: it ends at or before the next one
            for length in range(min(MAX_NAME_TOKENS, n - i, ix.next_sent[i] - i), 0, -1):
                end = i + length
                if punct[end - 1] or space[end - 1]:
                    continue
                known = ix.span_key(i, end) in self.kb.names  # most spans are nobody's name
                hit = self.kb.lookup_exact(ix.span_text(i, end)) if known else None
                if hit is None and self.stems and texts[end - 1][:1].isupper():  # TABARI-style stems
                    hit = self.kb.lookup_stem(doc[i : end - 1].text, texts[end - 1])
                if hit is None or (lower_the and (hit.source != "dict" or length == 1)):
                    continue
                if hit.how in ("capital", "country") and self._inside_larger_name(i, end):
                    continue  # "Washington Post", "Bank of Japan", "Nasser al-Shaer": another name
                head_word = doc[end - 1].dep_ not in ("compound", "amod", "nmod", "poss")
                indefinite = i > 0 and doc[i - 1].lower_ in ("a", "an") and head_word
                if indefinite and hit.how == "actor" and hit.source != "dict":
                    continue  # "an Islamic State" is a description, not the group
                self._add_hit(i, end, hit)
                matched = length
                break
            i += matched or 1

    def _backed(self, m: _M) -> bool:
        doc = self.doc
        if m.end + 1 < len(doc) and doc[m.end].text == "-":
            return doc[m.end + 1].lower_ in SPONSORED
        return m.end < len(doc) and doc[m.end].lower_.lstrip("-") in SPONSORED

    def _inside_larger_name(self, start: int, end: int) -> bool:
        tok = self.doc[start]
        if tok.ent_type_ not in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "GPE", "LOC", "PERSON"):
            return False  # "New Jersey", "Northern Ireland" are not Jersey and Ireland
        if start not in self.ent_span:
            return False
        e_start, e_end = self.ent_span[start]  # trimmed: "the United States" is not larger
        return (e_start < start or e_end > end) and e_end - e_start > end - start

    def _add_hit(self, start: int, end: int, hit: NameHit) -> None:
        if hit.how == "capital":
            country = self.kb.actors[hit.actor_id].country
            group = self.kb.group(country, "GOV")
            self._add(_M(start, end, group.actor_id, "GPE", "capital", "capital"), group)
            return
        if hit.how in ("country", "demonym"):
            label = "NORP" if hit.how == "demonym" else "GPE"
            self._add(_M(start, end, hit.actor_id, label, hit.how, hit.how))
            return
        actor = self.actor(hit.actor_id)
        kind = actor.kind if actor else "group"
        # dictionaries do not say who is a person; spaCy does ("HAMID_KARZAI_ [AFGGOV]")
        seen_as_person = end - start >= 2 and all(t.ent_type_ == "PERSON" for t in self.doc[start:end])
        if actor is not None and hit.source == "dict" and kind == "group" and seen_as_person:
            actor = self.actors[actor.actor_id] = replace(actor, kind="person")
            kind = "person"
        label = {"person": "PERSON", "country": "GPE"}.get(kind, "ORG")
        how = "person" if kind == "person" else "actor"
        self._add(_M(start, end, hit.actor_id, label, "dictionary" if hit.source == "dict" else "kb", how))
        for member in self.kb.members.get(hit.actor_id, ()):  # compound dictionary actors
            self._push(_M(start, end, member, label, "dictionary+member", "member"))
            self.actors.setdefault(member, self.kb.actors[member])
        if kind == "person" and actor is not None:
            self._remember_person(actor.actor_id, [actor.name, *actor.aliases])

    def _remember_person(self, actor_id: str, names: Iterable[str]) -> None:
        for name in names:
            parts = [p for p in re.split(r"[\s]+", name) if p]
            for part in parts:
                k = key(part)
                if len(k) < 3 or part[:1].islower() or k in NAME_STOP:
                    continue
                current = self.name_parts.get(k, actor_id)
                self.name_parts[k] = actor_id if current == actor_id else None

    def _entities(self) -> None:
        """spaCy entities the KB does not know: new people (2+ tokens) and organisations."""
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            start, end = _trim(ent)
            if end - start < 2 or not self._free(start, end):
                continue
            if ent.label_ == "ORG" and self._is_partial_person(start, end):
                continue
            ent_label = "PERSON" if ent.label_ == "ORG" and self._org_is_person(start, end) else ent.label_
            text = _surface(self.doc[start:end].text)
            if ent_label == "PERSON" and not _looks_like_name(self.doc[start:end]):
                continue
            if ent_label == "PERSON" and self.doc[end - 1].tag_ == "NNPS":
                continue  # "Pell Grants": a plural is not a person's name
            if ent_label == "PERSON":
                actor = self._new_person(text)
                self._add(_M(start, end, actor.actor_id, "PERSON", "ner", "person"), actor)
                self._remember_person(actor.actor_id, [text])
            elif self.kb.agent(text) is None:  # "Foreign Ministry" is an agent phrase, not one body
                actor = self._new_org(text, start, end)
                self._add(_M(start, end, actor.actor_id, "ORG", "ner", "actor"), actor)

    def _org_is_person(self, start: int, end: int) -> bool:
        """spaCy's small model often tags a name after a title as ORG ("Foreign Minister
        Nobutaka Machimura"): 2-3 capitalised words, none an organisation word, after a title."""
        span = self.doc[start:end]
        if not 2 <= len(span) <= 3 or not all(t.is_alpha and t.text[:1].isupper() for t in span):
            return False
        if any(t.lower_ in ORG_WORDS or self.kb.agent(t.text) for t in span):
            return False
        stop = start - 1 if start > 0 and self.doc[start - 1].text == "," else start  # "minister, NAME"
        prev = self._agent_at(max(0, stop - 3), stop) if stop > 0 else None
        return prev is not None and prev[1].person

    def _is_partial_person(self, start: int, end: int) -> bool:
        return all(self.name_parts.get(key(t.text)) for t in self.doc[start:end])

    def _new_person(self, name: str) -> Actor:
        """A person the KB does not know; the id is the name without middle initials, so that
        "Loretta E. Lynch" and "Loretta Lynch" are one person here and in every article."""
        words = name.split()
        core = [w for i, w in enumerate(words) if i in (0, len(words) - 1) or not _is_initial(w)]
        actor_id = f"person:{slug(' '.join(core))}"
        return self.actor(actor_id) or Actor(actor_id, name, "person", aliases=(name,))

    def _new_org(self, name: str, start: int, end: int) -> Actor:
        actor_id = f"org:{slug(name)}"
        found = self.actor(actor_id)
        if found is not None:
            return found
        country = None
        sector = None
        for tok in self.doc[start:end]:
            hit = self.kb.lookup(tok.text)
            if hit and hit.how in ("country", "demonym", "capital") and country is None:
                country = self.kb.actors[hit.actor_id].country
            agent = self.kb.agent(tok.text)
            if agent and not agent.inherit and not agent.person and sector != "MED":
                sector = agent.code
            if sector != "MED":  # "Islamic Republic News Agency" stays media
                sector = ORG_SECTORS.get(tok.lower_, sector)
        outlet = self._outlet_named(name)
        if outlet is not None:  # "Reuters", "Press TV": the outlet registry knows what they are
            country = outlet.country or country
            sector = OUTLET_SECTORS.get(outlet.type, "MED")
        code = f"{country or ''}{sector or ''}" or None
        return Actor(actor_id, name, "organization", country, sector, code, (name,))

    def _outlet_named(self, name: str) -> Any:
        """The registry's outlet for ``name`` or for its leading words ("Xinhua News Agency")."""
        if self.outlets is None:
            return None
        words = name.split()
        try:
            for n in range(len(words), 0, -1):
                outlet = self.outlets.by_name(" ".join(words[:n]))
                if outlet is not None and (n == len(words) or words[n].lower() in OUTLET_WORDS):
                    return outlet
        except Exception:  # a broken user registry must not cost the actors
            return None
        return None

    def _partial_names(self) -> None:
        """Surnames and first names of people named in the article, whatever spaCy's label."""
        texts = self.ix.texts
        for i, text in enumerate(texts):
            if i in self.owner or not text[:1].isupper():
                continue
            actor_id = self.name_parts.get(key(text))
            if not actor_id:
                continue
            start, end = i, i + 1
            if (
                end < len(texts)
                and end not in self.owner
                and self.name_parts.get(key(texts[end])) == actor_id
            ):
                end += 1
            method = "surname" if self._is_surname(actor_id, text) else "first-name"
            self._add(_M(start, end, actor_id, "PERSON", method, "person"))

    def _is_surname(self, actor_id: str, text: str) -> bool:
        actor = self.actor(actor_id)
        return actor is not None and bool(actor.name) and key(actor.name.split()[-1]) == key(text)

    def _leftover_entities(self) -> None:
        """Single-token PERSON/ORG entities that are nobody's partial name."""
        for ent in self.doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            start, end = _trim(ent)
            if end - start != 1 or not self._free(start, end):
                continue
            tok = self.doc[start]
            if not tok.text[:1].isupper() or tok.is_stop or tok.is_punct:
                continue
            if tok.lower_ in self.lower_words:
                continue  # "Election", "Lunch": a common word the article also writes in lower case
            text = _surface(tok.text)
            known = self.kb.person_by_surname(text, self.day) if ent.label_ == "PERSON" else None
            if known is not None:
                self._add(_M(start, end, known.actor_id, "PERSON", "kb-surname", "person"), known)
                self._remember_person(known.actor_id, [known.name, *known.aliases])
                continue
            if ent.label_ == "PERSON":
                actor = self._new_person(text)
                self._add(_M(start, end, actor.actor_id, "PERSON", "ner", "person"), actor)
            else:
                actor = self._new_org(text, start, end)
                self._add(_M(start, end, actor.actor_id, "ORG", "ner", "actor"), actor)

    # ------------------------------------------------------------------ titles before names

    def _agent_at(self, start: int, end: int) -> tuple[int, Agent] | None:
        """Longest agent phrase ending at token ``end - 1`` and starting at or after ``start``."""
        ix = self.ix
        if end <= 0 or not ix.texts[end - 1][-1:].isalnum():
            return None
        # a phrase does not cross a sentence start: it starts at or after the last one
        for s in range(max(start, end - 5, ix.sent_begin[end - 1]), end):
            if not ix.texts[s][:1].isalnum():
                continue
            agent = self.kb.agents.get(ix.span_key(s, end))
            if agent is not None:
                return s, agent
        return None

    def _titles(self) -> None:
        doc = self.doc
        for idx, m in enumerate(list(self.found)):
            if m.how != "person" or m.title is not None:
                continue
            j = m.start - 1
            first = m.start
            while j >= 0:
                tok = doc[j]
                if doc[j + 1].is_sent_start:
                    break
                owner = self.owner.get(j)
                if owner is not None and self.found[owner].how != "person":
                    first = self.found[owner].start
                    j = first - 1
                    continue
                if owner is not None:
                    break
                if tok.text.lower() in TITLE_LINKS and j > 0:
                    j -= 1
                    continue
                agent_here = self._agent_at(max(0, j - 4), j + 1)
                if agent_here is not None:
                    first = agent_here[0]
                    j = first - 1
                    continue
                if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ"):
                    first = j
                    j -= 1
                    continue
                break
            while first < m.start and doc[first].text.lower() in TITLE_LINKS | {"the"}:
                first += 1
            if first >= m.start or (self.in_quote and self.in_quote[doc[first].idx]):
                continue  # "“King James”" is a nickname, not a title
            has_agent = any(
                self._agent_at(s, e) for s in range(first, m.start) for e in range(s + 1, m.start + 1)
            )
            if not has_agent:
                continue
            m.title = (first, m.start)
            self._apply_title(idx, m)

    def _appositions(self) -> None:
        """ "Hu Jintao, the President of China" and "the President of Brazil, Lula": the
        appositive is a title of the person (and, for people the KB does not know, a role)."""
        doc = self.doc
        for m in [m for m in self.found if m.how == "person"]:
            inside = range(m.start, m.end)
            roots = [t for t in doc[m.start : m.end] if t.head.i not in inside or t.head.i == t.i]
            if not roots:
                continue
            root = roots[0]
            for child in root.children:
                if child.dep_ == "appos" and child.i >= m.end and child.i not in self.owner:
                    self._apposition(m, child)
            head = root.head
            if root.dep_ == "appos" and head.i < m.start and head.i not in self.owner:
                self._apposition(m, head)

    def _apposition(self, m: _M, root: Any) -> None:
        doc = self.doc
        if self._agent_at(max(root.left_edge.i, root.i - 4), root.i + 1) is None:
            return
        start = root.left_edge.i
        while start < root.i and (doc[start].pos_ == "DET" or doc[start].is_punct):
            start += 1
        end = root.i + 1
        for k in range(root.i + 1, root.right_edge.i + 1):
            tok = doc[k]
            stop = tok.is_punct or tok.is_sent_start or tok.pos_ in ("VERB", "AUX")
            if stop or (k in self.owner and self.found[self.owner[k]].how == "person"):
                break
            end = k + 1
        # the two must be adjacent, separated by a comma: "NAME, TITLE" or "TITLE, NAME"
        if start >= m.end:
            if not (start - 1 == m.end or (start - 2 == m.end and doc[start - 1].pos_ == "DET")):
                return
            if doc[m.end].text != ",":
                return
        elif not (end < m.start and doc[end].text == "," and end + 1 == m.start):
            return
        if any(i in self.owner and self.found[self.owner[i]].how == "person" for i in range(start, end)):
            return
        self._set_role(m.actor_id, start, end)
        self._add(_M(start, end, m.actor_id, "PERSON", "apposition", "titled", (start, end)))
        for i in range(start, end):
            self.owner[i] = len(self.found) - 1

    def _set_role(self, actor_id: str, t0: int, t1: int) -> None:
        """Give a person the KB does not know the role its title describes."""
        actor = self.actor(actor_id)
        if actor is None or actor.roles or not actor.actor_id.startswith(("person:", "dict:")):
            return
        if actor.actor_id.startswith("dict:") and actor.sector:
            return  # the dictionary's code already says what the person is
        country, sector, org = self._title_role(t0, t1)
        if not (country or sector or org):
            return
        role = Role(_surface(self.doc[t0:t1].text), org.name if org else None, country, sector)
        self.actors[actor.actor_id] = replace(
            actor,
            country=country or actor.country,
            roles=(role,),
            affiliation=org.actor_id if org else actor.affiliation,
        )

    def _apply_title(self, idx: int, m: _M) -> None:
        assert m.title is not None
        t0, t1 = m.title
        self._set_role(m.actor_id, t0, t1)
        for i in range(t0, t1):
            self.owner.setdefault(i, idx)
        # the mention now covers the title too ("Iranian Foreign Minister Mohammad Javad Zarif")
        self._push(_M(t0, m.end, m.actor_id, "PERSON", m.method + "+title", "titled", m.title))

    def _title_role(self, t0: int, t1: int) -> tuple[str | None, str | None, Actor | None]:
        country: str | None = None
        sector: str | None = None
        org: Actor | None = None
        for other in self.found:
            if t0 <= other.start and other.end <= t1 and other.how != "titled":
                a = self.actor(other.actor_id)
                if a is None:
                    continue
                if a.kind in ("organization", "group") and a.kind != "country":
                    org = a if a.kind == "organization" else org
                    ref = a.ref_on(self.day)
                    country = country or ref.country
                    sector = ref.sector if a.kind == "organization" else (sector or ref.sector)
                elif a.kind == "country":
                    country = country or a.country
        agent = _pick_agent([a for _, _, a in self._agent_chain(t0, t1) if not a.prefix])
        if agent is not None and not (agent.inherit and org is not None):
            sector = agent.code if not (agent.inherit and sector) else sector
        return country, sector, org

    # ------------------------------------------------------------------ agent phrases

    def _agent_phrases(self) -> None:
        doc = self.doc
        targets: list[tuple[int, int]] = []
        roots: set[int] = set()
        for chunk_start, root_i in self.ix.chunks:
            roots.add(root_i)
            targets.append((chunk_start, root_i + 1))
        # agent nouns inside other phrases: "[the Iranian government’s] law"
        agents = self.kb.agents
        for i, word_key in enumerate(self.ix.keys):
            if i in roots or agents.get(word_key) is None:
                continue
            tok = doc[i]
            if tok.pos_ in ("NOUN", "PROPN"):
                targets.append((max(tok.left_edge.i, tok.i - 6), tok.i + 1))
        for start, end in sorted(targets):
            if end - 1 in self.owner:
                continue
            # "Bree Prime Minister Romendacil": the name before the title belongs to it
            while start > 0 and not doc[start].is_sent_start and (start - 1) in self.owner:
                before = self.found[self.owner[start - 1]]
                head = doc[before.end - 1].head.i
                after = self.found[self.owner[end]] if end in self.owner else None
                near = start <= head < end or (after is not None and after.start == end and head < after.end)
                if before.how not in BASE_HOWS or before.end != start or not near:
                    break
                start = before.start
            # "Secretary of State": a longer agent phrase continues past the head noun
            alpha, sent_start = self.ix.alpha, self.ix.sent_start
            for longer in range(min(len(doc), end + 3), end, -1):
                if all(alpha[k] and not sent_start[k] for k in range(end, longer)):
                    hit = self._agent_at(max(start, end - 2), longer)
                    if hit is not None and hit[0] < end:
                        for k in range(end, longer):  # NER's "State" in "Secretary of State"
                            if k in self.owner and self.found[self.owner[k]].method == "ner":
                                self.found[self.owner[k]].how = "drop"
                        end = longer
                        break
            while start < end - 1 and (doc[start].pos_ in ("DET", "PUNCT") or doc[start].is_punct):
                start += 1
            results = self.phrase_actors(start, end, in_article=True)
            if not results:
                continue
            method = self._last_method
            for n, (actor, base) in enumerate(results):
                label = "PERSON" if actor.kind == "person" else "GROUP" if actor.kind == "group" else "ORG"
                if n == 0:
                    self._add(_M(start, end, actor.actor_id, label, method, "group"), actor)
                elif base is not None:
                    self._add(
                        _M(base.start, base.end, actor.actor_id, label, method + "+conj", "group"), actor
                    )
        # demonyms that modify something other than an agent word are not references
        for m in self.found:
            if m.how != "demonym":
                continue
            tok = self.doc[m.end - 1]
            if tok.pos_ == "ADJ" or tok.dep_ in ("amod", "compound") or tok.tag_ == "JJ":
                covering = [o for o in self.found if o is not m and o.start <= m.start and m.end <= o.end]
                if not covering:
                    m.how = "drop"

    def phrase_actor(self, start: int, end: int, in_article: bool = False) -> Actor | None:
        """The actor a noun phrase (token range) names by base + agent word, or by title."""
        results = self.phrase_actors(start, end, in_article)
        if results:
            return results[0][0]
        if not in_article:
            covering = [m for m in self.found if m.start >= start and m.end <= end and m.how != "drop"]
            if covering:
                return self.actor(covering[-1].actor_id)
        return None

    def _agent_chain(self, start: int, end: int) -> list[tuple[int, int, Agent]]:
        """Agent phrases in ``[start, end)``, longest first, skipping tokens of names."""
        out: list[tuple[int, int, Agent]] = []

        def named(k: int) -> bool:  # a token of a name (agent phrases found before do not count)
            return k in self.owner and self.found[self.owner[k]].how not in ("drop", "group")

        ix = self.ix
        n = len(ix.texts)
        i = start
        while i < end:
            if named(i) or ix.punct[i]:
                i += 1
                continue
            for e in range(min(end, i + 5), i, -1):
                if any(named(k) for k in range(i, e)):
                    continue
                agent = self.kb.agents.get(ix.span_key(i, min(e, n)))
                if agent is not None:
                    out.append((i, e, agent))
                    i = e
                    break
            else:
                i += 1
        return out

    def _bases_in(self, start: int, end: int) -> list[_M]:
        seen: dict[int, _M] = {}
        for m in (m for i in range(start, end) for m in self.starts.get(i, ())):
            inside = m.end <= end and (m.how in BASE_HOWS or m.method == "definite")
            if m.how == "pronoun" and m.end <= end:
                actor = self.actor(m.actor_id)
                inside = actor is not None and actor.kind != "person"
            if not inside or self._backed(m):
                continue  # "Iranian-backed militias" are not Iranian forces
            if m.start not in seen or m.end - m.start > seen[m.start].end - seen[m.start].start:
                seen[m.start] = m
        return [seen[k] for k in sorted(seen)]

    def phrase_actors(self, start: int, end: int, in_article: bool = False) -> list[tuple[Actor, _M | None]]:
        """Actors a noun phrase names by base + agent words: one per conjoined base
        ("the ambassadors of Arnor, Osgiliath and Gondor"), with the base each came from."""
        doc = self.doc
        self._last_method = "agent"
        chain = self._agent_chain(start, end)
        if not chain or chain[-1][1] != end:
            return []
        if end < len(doc) and doc[end].lower_ == "to" and doc[end - 1].lower_ in ABSTRACT_AGENT_WORDS:
            return []  # "its opposition to negotiations" is a stance, not the opposition
        root = doc[end - 1]
        a_start, _, agent = chain[-1]
        bases = [b for b in self._bases_in(start, end) if b.end <= a_start]
        region = (start, end)
        from_pp = not bases
        if not bases:
            bases = self._pp_bases(root)
        if not bases and end + 1 < len(doc) and doc[end].lower_ in ("of", "from", "in"):
            k = end + 1 + (doc[end + 1].lower_ == "the")  # "Soldiers from Gondor" misparsed
            owner = self.owner.get(k) if k < len(doc) else None
            if owner is not None and self.found[owner].how in BASE_HOWS and self.found[owner].start == k:
                bases = [self.found[owner]]
        own_det = any(t.dep_ == "det" and t.head.i == root.i for t in doc[max(0, start - 1) : end])
        if not bases and root.dep_ == "conj" and root.head.i < start and not own_det:
            head = root.head  # "Danish media and government": the government is Danish too
            region = (head.left_edge.i, head.i)
            bases = self._bases_in(*region)
            chain = [c for c in self._agent_chain(*region)] + chain
        if bases and not from_pp:
            # keep the base nearest the agent and those conjoined with it
            last = bases[-1]
            bases = [b for b in bases if b is last or self._conjoined(b, last)]
        former = any(t.lower_ == "former" for t in doc[start:end])
        prefixes = [a.code for _, _, a in chain if a.prefix]
        suffix = [a for _, _, a in chain if not a.prefix]
        specific = [a for a in suffix if not a.inherit]
        if any(not a.person for a in specific):  # "company president" is BUS, not BUSGOV
            specific = [a for a in specific if not a.person or a.source == "dict"]
        codes = [a.code for a in (specific or suffix[-1:])]
        if former:
            codes = ["ELI"]
        base_actors = [(self.actor(b.actor_id), b) for b in bases]
        if any(a is not None and a.kind == "person" for a, _ in base_actors):
            return []
        singular_title = agent.person and not agent.plural and root.tag_ not in ("NNS", "NNPS")
        modified = any(t.pos_ in ("NOUN", "PROPN") and not self.kb.agent(t.text) for t in doc[start:a_start])
        predicate = root.dep_ in ("attr", "oprd", "acomp", "xcomp") or (
            start > 0 and doc[start - 1].lower_ == "as"
        )
        if singular_title and in_article and not predicate and not (modified and not base_actors):
            first_base = base_actors[0][0] if base_actors else None
            # "the former secretary of state" is whoever held that title before
            person = None
            if a_start > start and not base_actors:  # "the Democratic presidential nominee"
                person = self._title_holder(doc[start:end].text, None, start, past=former)
            person = person or self._title_holder(doc[a_start:end].text, first_base, start, past=former)
            if person is not None:
                self._last_method = "title"
                return [(person, None)]
        if not base_actors:
            definite = (start > 0 and doc[start - 1].lower_ == "the") or doc[start].lower_ in (
                "mullahs",
                "the",
            )
            only_agents = all(t.i >= a_start or self.kb.agent(t.text) for t in doc[start:a_start])
            if in_article and definite and root.lower_ in GROUP_ANAPHORS and root.tag_ not in ("NNS", "NNPS"):
                org = self._recent_org(start, root.lower_)
                if org is not None:
                    self._last_method = "definite"
                    return [(org, None)]
            bare_plural = root.lower_ == "authorities" and start == a_start
            if in_article and root.lower_ in COLLECTIVE_GOV and (definite or bare_plural) and only_agents:
                country = self._focus_country(start, root.lower_)
                if country:
                    self._last_method = "collective"
                    return [(self.kb.group(country, "GOV"), None)]
            if agent.inherit or agent.prefix or not in_article or root.lower_ in COLLECTIVE_GOV:
                return []
            if root.lower_ in TOO_GENERIC and not self.kb.has_dictionaries:
                return []  # "people", "families": nobody in particular
            if root.dep_ in ("compound", "amod", "nmod", "poss"):
                return []  # "the television channel": the agent word only modifies another noun
            if any(t.lower_ in POSSESSIVES for t in doc[start:a_start]):
                return []  # "its diplomats": resolved once the pronoun is (second pass)
            if singular_title and definite:
                return []
            if start > 0 and doc[start - 1].lower_ == "as":
                return []  # "as minister": a role, not a reference
            if singular_title and not any(
                t.lower_ in ("a", "an", "one") for t in doc[max(0, start - 1) : a_start]
            ):
                return []  # a bare singular title ("minister") refers to no one in particular  # "the President" whom the article has not named: unknown, not anyone
            if any(
                (t.pos_ in ("NOUN", "PROPN") and not self.kb.agent(t.text)) or t.ent_type_ in ("NORP", "GPE")
                for t in doc[start:a_start]
            ):
                return []  # "company president", "Kurdish fighters": not a state actor of unknown country
            code = "".join(dict.fromkeys(codes))
            home = self._dominant_country(share=0.5, least=2) if definite and not agent.person else None
            if home is not None and not prefixes:  # "the Interior Ministry" of the country in the news
                self._last_method = "home-country"
                return [(self.kb.group(home, code), None)]
            self._last_method = "unknown-country"
            return [(self.kb.group(None, code, "".join(prefixes) + "---" + code), None)]
        out: list[tuple[Actor, _M | None]] = []
        for base_actor, base in base_actors:
            if base_actor is None:
                continue
            if not any(codes) and base_actor.kind != "organization":
                continue  # "Iran's proxy groups" are not Iran
            if base_actor.kind == "organization":  # a KB organisation (dictionary actors are groups)
                if not (agent.inherit or agent.code in ("GOV", "MIL", "", base_actor.sector)):
                    continue  # "the EU's citizens" are not the EU
                self._last_method = "org-agent"
                out.append((base_actor, base))
                continue
            ref = base_actor.ref_on(self.day)
            full = ref.cameo_code or ref.country or ""
            if base.how == "capital" and ref.country:
                full = ref.country  # "students in Moscow" are Russian students, not government ones
            for code in codes:
                if agent.inherit and not specific and base_actor.kind == "organization":
                    continue
                if not full.endswith(code):
                    full += code
            full = "".join(prefixes) + full
            country = ref.country
            sector = full[len(country) :] if country and full.startswith(country) else None
            out.append((self.kb.group(country, sector or None, full), base))
        return out

    def _conjoined(self, a: _M, b: _M) -> bool:
        """True when the heads of two base mentions are linked by conjunction ("Arnor and Gondor")."""
        ha, hb = self.doc[a.end - 1], self.doc[b.end - 1]
        seen = {ha.i}
        tok = ha
        while tok.dep_ == "conj" and tok.head.i not in seen:
            tok = tok.head
            seen.add(tok.i)
        tok = hb
        while True:
            if tok.i in seen:
                return True
            if tok.dep_ != "conj" or tok.head.i == tok.i:
                return False
            tok = tok.head

    def _recent_org(self, before: int, word: str = "group") -> Actor | None:
        """The organisation named last within the three sentences before ``before``; for a
        word other than "group" ("the agency", "the party"), one whose name or sector fits it."""
        first_sent = self.doc[before].sent.start
        for _ in range(3):
            if first_sent == 0:
                break
            first_sent = self.doc[first_sent - 1].sent.start
        best: _M | None = None
        for m in self.found:
            actor = self.actor(m.actor_id)
            if actor is None or actor.kind != "organization" or m.how == "drop":
                continue
            if word not in GENERIC_ANAPHORS:
                fits = word in actor.name.lower() or (ORG_SECTORS.get(word) or "-") == (actor.sector or "")
                if not fits:
                    continue
            if first_sent <= m.start < before and (best is None or m.start > best.start):
                best = m
        return self.actor(best.actor_id) if best else None

    def _pp_bases(self, root: Any) -> list[_M]:
        """ "activists in Arnor", "ambassadors of Arnor, Osgiliath and Gondor": the PP objects
        (with their conjuncts), also through a conjoined head ("lawmakers and officials in X")."""
        heads = [root, *(c for c in root.children if c.dep_ == "conj")]
        if root.dep_ == "conj":
            heads.append(root.head)
        out: list[_M] = []
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in ("of", "in", "from"):
                    continue
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    tokens = [obj, *obj.conjuncts]
                    k = obj.i + 1  # "in Fornost and Gondor" with "Gondor" misattached by the parser
                    while k + 1 < len(self.doc) and self.doc[k].lower_ in ("and", "or", ","):
                        k += 1
                        if k in self.owner and self.found[self.owner[k]].how in BASE_HOWS:
                            tokens.append(self.doc[k])
                            k = self.found[self.owner[k]].end
                        else:
                            break
                    for tok in tokens:
                        owner = self.owner.get(tok.i)
                        found = self.found[owner] if owner is not None else None
                        if found is not None and found.how in BASE_HOWS and found not in out:
                            out.append(found)
            if out:
                break
        return out

    def _title_holder(self, title: str, base: Actor | None, before: int, past: bool = False) -> Actor | None:
        """The person named earlier in the article whose title (or KB role) contains ``title``;
        with ``past``, roles that have ended count too ("the former secretary of state")."""
        words = key(title)
        best: Actor | None = None
        for m in sorted(self.found, key=lambda m: m.start):
            if m.how not in ("person", "titled") or m.start >= before:
                continue
            person = self.actor(m.actor_id)
            if person is None:
                continue
            active = [r.title for r in person.roles if r.active_on(self.day)]
            titles = [r.title for r in person.roles] if past or not active else active
            if m.title:
                titles.append(self.doc[m.title[0] : m.title[1]].text)
            if not any(words in key(t) for t in titles):
                continue
            if base is not None:
                ref = person.ref_on(self.day)
                if not (person.affiliation == base.actor_id or ref.country == base.country):
                    continue
            best = person
        return best

    def _focus_country(self, before: int, word: str) -> str | None:
        """Whose government "the regime" is: the country of the last "<country> regime" before
        it, else the country whose government the article names most, else the most named."""
        same_word: str | None = None
        gov: Counter[str] = Counter()
        counts: Counter[str] = Counter()
        for m in sorted(self.found, key=lambda m: m.start):
            actor = self.actor(m.actor_id)
            if actor is None or not actor.country or actor.kind == "person" or m.how == "drop":
                continue
            if actor.kind in ("country", "group") and len(actor.country) == 3:
                counts[actor.country] += 1
                if actor.sector == "GOV":
                    gov[actor.country] += 1
                    words = {t.lower_ for t in self.doc[m.start : m.end]}
                    if m.start < before and word in words:
                        same_word = actor.country
        if same_word:
            return same_word
        if gov:
            return gov.most_common(1)[0][0]
        return counts.most_common(1)[0][0] if counts else None

    # ------------------------------------------------------------------ pronouns

    def _gender_of(self, m: _M) -> str | None:
        """ "female"/"male" when the KB, a title ("Mrs", "Queen") or a first name says so."""
        known = self.kb.gender.get(m.actor_id) or self.genders.get(m.actor_id)
        if known:
            return known
        actor = self.actor(m.actor_id)
        first = actor.name.split()[0] if actor is not None and actor.name else ""
        if first in FEMALE_FIRST_NAMES:
            return "female"
        if first in MALE_FIRST_NAMES:
            return "male"
        start = m.title[0] if m.title else m.start
        for tok in self.doc[max(0, start - 2) : m.end]:
            word = tok.text.rstrip(".").lower()
            if word in FEMALE_TITLES:
                return "female"
            if word in MALE_TITLES:
                return "male"
        return None

    def _pronouns(self) -> None:
        """he/she/his/her outside quotations -> the last person named before, of a compatible
        gender (from the KB, titles, first names, or earlier pronouns that referred to them)."""
        self._relative_pronouns()  # "Shamkhani, who said he ...": "who" is a subject to refer back to
        persons = sorted(
            (m for m in self.found if m.how in ("person", "titled") or self._kind(m.actor_id) == "person"),
            key=lambda m: m.start,
        )
        self.genders: dict[str, str] = {}
        person_starts = [m.start for m in persons]
        for tok in self.ix.tokens(PERSON_PRONOUNS):
            if tok.i in self.owner or (tok.text.isupper() and len(tok.text) > 1):
                continue
            if tok.idx < len(self.in_quote) and self.in_quote[tok.idx]:
                continue
            wanted = "female" if tok.lower_ in FEMALE_PRONOUNS else "male"
            nearest = persons[
                max(0, bisect_left(person_starts, tok.i) - 40) : bisect_left(person_starts, tok.i)
            ]
            before = [m for m in nearest if not (self.in_quote and self.in_quote[self.doc[m.start].idx])]
            antecedent = self._cataphor(tok, persons, wanted)
            if not before and antecedent is None:
                continue
            clause_subject = self._clause_subjects(tok)
            if antecedent is None and tok.lower_ in ("he", "she"):
                antecedent = self._recent_subject(tok, before, wanted)
            for m in reversed(before if antecedent is None else []):  # the nearest compatible person
                if clause_subject & set(range(m.start, m.end)):
                    continue  # "Bennett told him": him is not Bennett
                gender = self._gender_of(m)
                if gender is None or gender == wanted:
                    antecedent = m
                    break
            if antecedent is None:
                continue
            if self._gender_of(antecedent) is None:
                self.genders[antecedent.actor_id] = wanted
            self._add(_M(tok.i, tok.i + 1, antecedent.actor_id, "PRON", "pronoun", "pronoun"))
        self._it_pronouns()
        self._they_pronouns()
        self._relative_pronouns()  # "which"/"that" for the organisations resolved since

    def _recent_subject(self, tok: Any, before: list[_M], wanted: str) -> _M | None:
        """ "Obama met Putin. He said ...": a subject pronoun prefers the person who was the
        subject of this or the previous sentence over a nearer object."""
        sent = tok.sent
        window = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        for m in reversed(before):
            if m.start < window:
                break
            if self._gender_of(m) not in (None, wanted):
                continue
            if any(
                t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")
                for t in self.doc[m.start : m.end]
            ):
                return m
        return None

    def _cataphor(self, tok: Any, persons: list[_M], wanted: str) -> _M | None:
        """ "In his speech, Biden said ...": a pronoun in a phrase fronted before its sentence's
        subject refers forward to that subject when the subject is a person."""
        root = tok.sent.root
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i]
        if not subjects or tok.dep_ in ("nsubj", "nsubjpass") or tok.head.i > subjects[0].i:
            return None
        if not any(a.dep_ in ("prep", "advcl", "npadvmod") for a in tok.ancestors if a.i < subjects[0].i):
            return None
        for m in persons:
            if m.start <= subjects[0].i < m.end and self._gender_of(m) in (None, wanted):
                return m
        return None

    def _clause_subjects(self, tok: Any) -> set[int]:
        """For an object pronoun ("him", objective "her"), the tokens of its clause's subject,
        which it cannot refer to; empty for subjects, possessives and reflexives."""
        if tok.tag_ != "PRP" or tok.lower_ not in ("him", "her", "them"):
            return set()
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        out: set[int] = set()
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                out |= {t.i for t in child.subtree}
        return out

    def _relative_pronouns(self) -> None:
        """ "Shamkhani, who said ...": "who" is the person (or body) its clause describes."""
        for tok in self.ix.tokens(("who", "which", "that")):
            if tok.i in self.owner:
                continue
            verb = tok.head
            if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "relcl":
                continue
            noun = verb.head
            owner = self.owner.get(noun.i)
            if owner is None and tok.lower_ == "who":
                # "John Bentel, a staffer who ..." and "Kaine is a lawyer who ...": the person
                # the described noun is in apposition to, or the subject it is predicated of
                if noun.dep_ == "appos":
                    owner = self.owner.get(noun.head.i)
                elif noun.dep_ == "attr":
                    subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
                    owner = self.owner.get(subjects[0].i) if subjects else None
                if owner is not None and self._kind(self.found[owner].actor_id) != "person":
                    owner = None
            if owner is None:
                continue
            antecedent = self.found[owner]
            if antecedent.how == "drop" or (
                tok.lower_ != "who" and self._kind(antecedent.actor_id) == "person"
            ):
                continue
            self._add(_M(tok.i, tok.i + 1, antecedent.actor_id, "PRON", "relative", "pronoun"))

    def _they_pronouns(self) -> None:
        """ "they"/"their" outside quotations -> the plural group or organisation named last as a
        subject in this sentence or the one before (never a single person)."""
        doc = self.doc
        for tok in self.ix.tokens(("they", "their", "them")):
            if tok.i in self.owner or tok.text.isupper():
                continue
            if tok.idx < len(self.in_quote) and self.in_quote[tok.idx]:
                continue
            sent = tok.sent
            window_start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
            candidates = []
            for m in self.found:
                if not (window_start <= m.start < tok.i) or m.how in ("drop", "demonym", "pronoun"):
                    continue
                actor = self.actor(m.actor_id)
                if actor is None or actor.kind == "person" or actor.kind == "country":
                    continue
                head = doc[m.end - 1]
                if (
                    actor.kind == "group"
                    and head.tag_ not in ("NNS", "NNPS")
                    and head.lower_ not in COLLECTIVE_GOV
                ):
                    continue
                if self.in_quote and self.in_quote[doc[m.start].idx]:
                    continue
                if any(
                    o is not m and o.start <= m.start and m.end <= o.end and o.how != "drop"
                    for o in self.found
                ):
                    continue
                candidates.append(m)
            if not candidates:
                continue
            candidates.sort(key=lambda m: m.start)
            subjects = [m for m in candidates if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
            if not subjects:
                continue  # "they" is too loose to guess from an object or an aside
            self._add(_M(tok.i, tok.i + 1, subjects[-1].actor_id, "PRON", "pronoun", "pronoun"))

    def _it_pronouns(self) -> None:
        """ "its" and "it" as the subject of a verb -> the organisation, government or country
        last named as a subject (in this sentence or the one before), else the last one named."""
        doc = self.doc
        for tok in self.ix.tokens(("it", "its")):
            if tok.i in self.owner or tok.text.isupper():
                continue  # "ITS" is an acronym here, not a pronoun
            if tok.idx < len(self.in_quote) and self.in_quote[tok.idx]:
                continue
            if tok.lower_ == "it":
                head = tok.head
                if tok.dep_ not in ("nsubj", "nsubjpass") or head.lemma_ in NON_AGENT_VERBS:
                    continue
                if any(c.dep_ in ("expl", "ccomp", "xcomp") and c.i > head.i for c in head.children) and (
                    head.lemma_ in ("be", "seem", "appear")
                ):
                    continue
            sent = tok.sent
            window_start = sent.start
            if sent.start > 0:
                window_start = doc[sent.start - 1].sent.start
            candidates = []
            for m in self.found:
                if not (window_start <= m.start < tok.i) or m.how in ("drop", "person", "titled", "demonym"):
                    continue
                actor = self.actor(m.actor_id)
                if actor is None or actor.kind == "person":
                    continue
                if self.in_quote and self.in_quote[doc[m.start].idx]:
                    continue
                if any(
                    o is not m and o.start <= m.start and m.end <= o.end and o.how != "drop"
                    for o in self.found
                ):
                    continue  # inside a larger mention ("Iranian" in "Iranian regime")
                candidates.append(m)
            if not candidates:
                continue
            candidates.sort(key=lambda m: m.start)
            subjects = [
                m
                for m in candidates
                if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
                and doc[m.end - 1].head.pos_ in ("VERB", "AUX")
            ]
            antecedent = (subjects or candidates)[-1]
            self._add(_M(tok.i, tok.i + 1, antecedent.actor_id, "PRON", "pronoun", "pronoun"))


# --------------------------------------------------------------------------- utilities


def _pick_agent(chain: list[Agent]) -> Agent | None:
    """The agent that decides a title's sector: a group word before a person's title wins
    ("company president" -> BUS, "army commander" -> MIL), else the last specific word."""
    groups = [a for a in chain if not a.person and not a.inherit]
    if groups:
        return groups[-1]
    specific = [a for a in chain if not a.inherit]
    return specific[-1] if specific else (chain[-1] if chain else None)


def _is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isalpha()


def _trim(ent: Any) -> tuple[int, int]:
    start, end = ent.start, ent.end
    doc = ent.doc
    drop = ("the", "a", "an", *HONORIFICS) if ent.label_ == "PERSON" else ("the", "a", "an")
    while start < end and (doc[start].lower_.rstrip(".") in drop or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _surface(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\xa0", " ")).strip()
    return re.sub(r"[’']s$", "", text).strip()


def _looks_like_name(span: Any) -> bool:
    return all(t.text[:1].isupper() or t.text in NAME_PARTICLES for t in span)


def _quote_mask(text: str) -> list[bool]:
    """True for characters inside a quotation (curly or straight quotes; reset per paragraph)."""
    mask = [False] * len(text)
    inside = False
    for i, ch in enumerate(text):
        if ch in _QUOTE_OPEN:
            inside = True
        elif ch in _QUOTE_CLOSE:
            mask[i] = inside
            inside = False
            continue
        elif ch == '"':
            inside = not inside
        elif ch == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            inside = False
        mask[i] = inside
    return mask
