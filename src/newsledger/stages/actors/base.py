"""The resolver's working state: the mentions found so far (token offsets), the actors they
refer to, and the look-ups every pass shares (agent phrases, the article's dominant country,
whose government "the government" is)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ...knowledge.actors import ActorKB, Agent, NameHit
from ...models import Actor, AnalyzedArticle, Mention
from .doc_index import DocIndex, doc_index

#: tags of a verb that heads its clause ("ousted" in "a general ousted the premier")
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


@dataclass
class Draft:
    """A mention under construction (token offsets)."""

    start: int
    end: int
    actor_id: str
    label: str
    method: str
    how: str = "actor"  # actor | country | demonym | capital | group | person
    title: tuple[int, int] | None = None


#: sectors of armed groups outside a state, which say nothing of whose government is meant
NON_STATE_ARMED = frozenset({"REB", "INS", "UAF", "CRM"})


class ResolverBase:
    """State and shared look-ups; the passes are layered on top of it (names, titles, agent
    phrases, pronouns), each module one layer, :class:`.resolver.Resolver` the whole."""

    def __init__(self, item: AnalyzedArticle, kb: ActorKB, keep: bool = False) -> None:
        self.item = item
        self.kb = kb
        self.doc: Any = item.doc
        self.day = item.date
        self.actors: dict[str, Actor] = dict(item.actors) if keep else {}
        self.found: list[Draft] = []
        self.owner: dict[int, int] = {}  # token index -> index in found (name mentions)
        self.name_parts: dict[str, str | None] = {}
        self.starts: dict[int, list[Draft]] = {}  # first token -> mentions starting there
        self.stems = False
        self.outlets: Any = None
        self.gazetteer: Any = None  # the places stage's gazetteer, for places inside titles
        #: the words English dictionaries list (None: unknown, and no agent is taken for a name)
        self.common_words: frozenset[str] | None = None
        self.adjectives: frozenset[str] | None = None  # English adjectives ("social", "free")
        self.genders: dict[str, str] = {}  # gender learnt from pronouns that referred to a person
        self.namesakes: dict[str, list[str]] = {}  # name word -> the people it is a part of (2+)
        self._last_method = "agent"  # how phrase_actors resolved its last phrase

    @cached_property
    def ix(self) -> DocIndex:
        return doc_index(self.item)

    @property
    def ent_span(self) -> dict[int, tuple[int, int]]:
        """Token -> its spaCy entity, trimmed."""
        return self.ix.ent_span

    @property
    def in_quote(self) -> bytearray:
        return self.ix.in_quote

    @property
    def lower_words(self) -> set[str]:
        return self.ix.lower_words

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
            self._add(Draft(span.start, span.end, m.actor_id, m.label, m.method, how))

    def actor(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id) or self.kb.actors.get(actor_id)

    def _add(self, m: Draft, actor: Actor | None = None) -> None:
        if actor is not None:
            first = self.actors.setdefault(actor.actor_id, actor)
            if not first.country and actor.country and actor.actor_id not in self.kb.actors:
                self.actors[actor.actor_id] = actor  # "Janjaweed militants", then "in Sudan": placed
        elif m.actor_id not in self.actors:
            known = self.kb.actors.get(m.actor_id)
            if known is not None:
                self.actors[m.actor_id] = known
        self._push(m)
        for i in range(m.start, m.end):
            self.owner.setdefault(i, len(self.found) - 1)

    def _push(self, m: Draft) -> None:
        """Record a mention; ``starts`` indexes them by first token for range queries."""
        self.found.append(m)
        self.starts.setdefault(m.start, []).append(m)

    def _free(self, start: int, end: int) -> bool:
        return all(i not in self.owner for i in range(start, end))

    def _unknown_person(self, actor_id: str) -> bool:
        """A person the knowledge base does not know (its id is made from the name)."""
        return actor_id.startswith("person:") and actor_id not in self.kb.actors

    def _kind(self, actor_id: str) -> str:
        actor = self.actor(actor_id)
        return actor.kind if actor else "group"

    def _dominant_country(self, share: float, least: int) -> str | None:
        """The country the article is about: named (as a country or a national group) at least
        ``least`` times and in at least ``share`` of all such mentions."""
        counts: Counter[str] = Counter()
        for m in self.found:
            actor = self.actor(m.actor_id)
            if m.how == "drop" or actor is None or actor.kind not in ("country", "group"):
                continue
            if actor.country is not None and self._a_state(actor.country):
                counts[actor.country] += 1
        if not counts:
            return None
        top, n = counts.most_common(1)[0]
        return top if n >= least and n >= share * sum(counts.values()) else None

    def _focus_country(self, before: int, word: str, among: frozenset[str] | None = None) -> str | None:
        """Whose government "the regime" is: the country of the last "<country> regime" before
        it, else the state its own sentence names before it ("In France, the government asked"),
        else the country whose government the text up to it names most, else the state it names
        most (an Australian speaker's "the government", though the article names Britain's
        government more later); the whole article's when the text before names none.  Only a country ``among`` counts when given (a federation for "the
        Federal Government"); armed groups never do (a rebel group the dictionaries misplace)."""
        same_word: str | None = None
        gov: Counter[str] = Counter()
        counts: Counter[str] = Counter()
        gov_before: Counter[str] = Counter()
        counts_before: Counter[str] = Counter()
        in_sentence: Counter[str] = Counter()  # "In France, the government asked citizens"
        sentence_start = self.doc[before].sent.start
        for m in sorted(self.found, key=lambda m: m.start):
            actor = self.actor(m.actor_id)
            if actor is None or not actor.country or actor.kind == "person" or m.how == "drop":
                continue
            if (among is not None and actor.country not in among) or (actor.sector or "") in NON_STATE_ARMED:
                continue
            if actor.kind in ("country", "group") and self._a_state(actor.country):
                counts[actor.country] += 1
                counts_before[actor.country] += m.start < before
                in_sentence[actor.country] += sentence_start <= m.start < before
                if actor.sector == "GOV":
                    gov[actor.country] += 1
                    gov_before[actor.country] += m.start < before
                    words = {t.lower_ for t in self.doc[m.start : m.end]}
                    if m.start < before and word in words:
                        same_word = actor.country
        if same_word:
            return same_word
        if +in_sentence:
            return (+in_sentence).most_common(1)[0][0]
        if +counts_before:
            gov, counts = +gov_before, +counts_before
        if gov:
            return gov.most_common(1)[0][0]
        return counts.most_common(1)[0][0] if counts else None

    def _a_state(self, code: str | None) -> bool:
        """True when ``code`` is a country's: not a region's states together ("African
        governments", AFR), an organisation's (IGO) or nobody's ("---")."""
        return code is not None and self.kb.country(code) is not None

    def _agent_at(self, start: int, end: int) -> tuple[int, Agent] | None:
        """Longest agent phrase ending at token ``end - 1`` and starting at or after ``start``."""
        ix = self.ix
        if end <= 0 or not ix.texts[end - 1].rstrip(".")[-1:].isalnum():  # "Sen.", "Sgt." end titles
            return None
        # a phrase does not cross a sentence start: it starts at or after the last one
        for s in range(max(start, end - 5, ix.sent_begin[end - 1]), end):
            if not ix.texts[s][:1].isalnum():
                continue
            agent = self.kb.agents.get(ix.span_key(s, end))
            if agent is not None and not self._clause_verb(s):
                return s, agent
        return None

    def _starts_agent_phrase(self, i: int) -> bool:
        n = len(self.ix.texts)
        return any(self.kb.agents.get(self.ix.span_key(i, e)) for e in range(i + 2, min(n, i + 4) + 1))

    def _in_agent_phrase(self, i: int) -> bool:
        """Whether token ``i`` opens or closes a longer agent phrase ("Defense" of "Defense
        Secretary", "Energy" of "Secretary of Energy"): the title pass reads it."""
        hit = self._agent_at(max(0, i - 4), i + 1)
        return self._starts_agent_phrase(i) or (hit is not None and hit[0] < i)

    def _clause_verb(self, i: int) -> bool:
        """True when token ``i`` is the verb of its clause, no word of a title: "An army general
        ousted Prime Minister X" (Phoenix lists "ousted prime minister")."""
        tok = self.doc[i]
        return bool(tok.tag_ in FINITE_VERB_TAGS and tok.dep_ not in ("amod", "compound"))

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
                if agent is not None and e == i + 1 and self._kind_of_case(i, agent):
                    agent = None  # "a criminal grand jury", "criminal charges": no criminals
                if agent is not None:
                    out.append((i, e, agent))
                    i = e
                    break
            else:
                i += 1
        return out

    def _kind_of_case(self, i: int, agent: Agent) -> bool:
        """True for "criminal" as an adjective: the kind of a case, court or charge."""
        return agent.code == "CRM" and self.doc[i].pos_ == "ADJ"

    def _common_word_of_a_name(self, i: int) -> bool:
        """True for an English word that ends a longer name ("Organization" in "World Trade
        Organization"), which a dictionary lists alone as some group's translated name; not a
        name's first word ("Senate" of "Senate Judiciary Committee"); nor a word capitalised
        only as it opens a sentence, in no name, that the article also writes in lower case
        ("Youth members of Nahdlatul Ulama ... the Muslim youth organization": no Gazteriak)."""
        common = self.common_words
        if common is None or self.ix.texts[i].lower() not in common:
            return False
        if i not in self.ent_span:
            return bool(self.ix.sent_start[i]) and self.ix.texts[i].lower() in self.lower_words
        e_start, e_end = self.ent_span[i]
        return e_start < i and e_end == i + 1

    def _not_that_place(self, start: int, end: int, hit: NameHit) -> bool:
        """True when a country's or capital's name here is another name ("Washington Post",
        "Bank of Japan"), a currency's ("US $5 million"), where a body is based ("the Qatar-based
        network", a nationality too: "U.S.-based") or a place the places stage found in another
        country ("San Jose, California", "Atlanta, Georgia"): no reference to that country."""
        if hit.how == "demonym":
            return self._based_in(end)  # "the Canadian Government": a nationality in a name counts
        if hit.how not in ("capital", "country"):
            return False
        if self._inside_larger_name(start, end) or self._a_currency(end) or self._based_in(end):
            return True
        cs, ce = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        places = [pm.place for pm in self.item.places if pm.place and pm.start <= cs and ce <= pm.end]
        actor = self.kb.actors.get(hit.actor_id)
        country = actor.country if actor is not None else None
        return any(
            p.country != country and p.feature not in ("country", "continent", "region")
            for p in places
            if country
        )

    def _based_in(self, end: int) -> bool:
        """ "the Qatar-based network", "a London-based group": where it is based, not who."""
        doc = self.doc
        if doc[end - 1].lower_ in ("-based", "based") or (end < len(doc) and doc[end].lower_ == "-based"):
            return True  # "US -based" (the text's own spacing), "U.S.-based" as one name
        return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based"

    def _a_currency(self, end: int) -> bool:
        """ "US $499,800", "NZ $41 million": the country names the money's currency."""
        doc = self.doc
        return doc[end - 1].ent_type_ == "MONEY" or (end < len(doc) and doc[end].tag_ == "$")

    def _inside_larger_name(self, start: int, end: int) -> bool:
        tok = self.doc[start]
        if tok.ent_type_ not in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "GPE", "LOC", "PERSON"):
            return False  # "New Jersey", "Northern Ireland" are not Jersey and Ireland
        if start not in self.ent_span:
            return False
        e_start, e_end = self.ent_span[start]  # trimmed: "the United States" is not larger
        return (e_start < start or e_end > end) and e_end - e_start > end - start


def pick_agent(chain: list[Agent]) -> Agent | None:
    """The agent that decides a title's sector: a group word before a person's title wins
    ("company president" -> BUS, "army commander" -> MIL), else the last specific word."""
    groups = [a for a in chain if not a.person and not a.inherit]
    if groups:
        return groups[-1]
    specific = [a for a in chain if not a.inherit]
    return specific[-1] if specific else (chain[-1] if chain else None)
