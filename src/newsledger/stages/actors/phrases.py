"""Agent phrases: a country or organisation with an agent word ("Iranian regime officials" ->
IRNGOV), titles without a name (the person holding it), definite collectives ("the regime")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...knowledge.actors import Agent, key
from ...knowledge.actors.groups import named_group
from ...models import Actor
from .base import Draft
from .doc_index import surface
from .recent import RecentPasses
from .words import (
    ABSTRACT_AGENT_WORDS,
    ARMED_ANAPHORS,
    BASE_HOWS,
    COLLECTIVE_GOV,
    FEDERAL_STATES,
    GOVERNMENT_QUALIFIERS,
    GROUP_ANAPHORS,
    LOCATIVE_PREPOSITIONS,
    PEOPLE_GROUP_SECTORS,
    POSSESSIVES,
    TOO_GENERIC,
    names_a_faith,
)


def _acronym(tok: Any) -> bool:
    """True for a body's acronym ("OPP", "SPLA"), not a place's ("US", "NYC") nor a word in
    capitals of a headline."""
    shaped = 2 <= len(tok.text) <= 6 and tok.text.isupper() and tok.text.isalpha()
    return shaped and tok.pos_ == "PROPN" and tok.ent_type_ not in ("GPE", "NORP", "LOC")


def _named_beside(noun: Any) -> list[Any]:
    """The name set beside a common noun ("the Basque nationalist group ETA"): the body a
    phrase "of" it is of."""
    if noun.pos_ != "NOUN":
        return []
    return [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"]


#: nouns that count the people an agent word names ("two dozen protesters"), no kind of them
COUNTING_NOUNS = frozenset({"dozen", "hundred", "thousand", "million", "score", "couple", "handful"})


class PhrasePasses(RecentPasses):
    def _agent_phrases(self) -> None:
        for start, end in self._phrase_targets():
            if end - 1 in self.owner:
                continue
            start = self._extend_left(start, end)
            end = self._extend_right(start, end)
            while start < end - 1 and (self.doc[start].pos_ in ("DET", "PUNCT") or self.doc[start].is_punct):
                start += 1
            results = self.phrase_actors(start, end, in_article=True)
            method = self._last_method
            for n, (actor, base) in enumerate(results):
                label = "PERSON" if actor.kind == "person" else "GROUP" if actor.kind == "group" else "ORG"
                if n == 0:
                    self._add(Draft(start, end, actor.actor_id, label, method, "group"), actor)
                elif base is not None:
                    self._add(
                        Draft(base.start, base.end, actor.actor_id, label, method + "+conj", "group"), actor
                    )
        self._drop_modifying_demonyms()

    def _phrase_targets(self) -> list[tuple[int, int]]:
        """Noun chunks, and agent nouns inside other phrases ("[the Iranian government’s] law")."""
        targets: list[tuple[int, int]] = []
        roots: set[int] = set()
        for chunk_start, root_i in self.ix.chunks:
            roots.add(root_i)
            targets.append((chunk_start, root_i + 1))
        agents = self.kb.agents
        for i, word_key in enumerate(self.ix.keys):
            if i in roots or agents.get(word_key) is None:
                continue
            tok = self.doc[i]
            if tok.pos_ in ("NOUN", "PROPN"):
                targets.append((max(tok.left_edge.i, tok.i - 6), tok.i + 1))
        return sorted(targets)

    def _extend_left(self, start: int, end: int) -> int:
        """ "Bree Prime Minister Romendacil": the name before the title belongs to it."""
        doc = self.doc
        while start > 0 and not doc[start].is_sent_start and (start - 1) in self.owner:
            before = self.found[self.owner[start - 1]]
            head = doc[before.end - 1].head.i
            after = self.found[self.owner[end]] if end in self.owner else None
            near = start <= head < end or (after is not None and after.start == end and head < after.end)
            if before.how not in BASE_HOWS or before.end != start or not near:
                break
            start = before.start
        return start

    def _extend_right(self, start: int, end: int) -> int:
        """ "Secretary of State": a longer agent phrase continues past the head noun."""
        alpha, sent_start = self.ix.alpha, self.ix.sent_start
        for longer in range(min(len(self.doc), end + 3), end, -1):
            if not all(alpha[k] and not sent_start[k] for k in range(end, longer)):
                continue
            hit = self._agent_at(max(start, end - 2), longer)
            if hit is not None and hit[0] < end:
                for k in range(end, longer):  # NER's "State" in "Secretary of State"
                    if k in self.owner and self.found[self.owner[k]].method == "ner":
                        self.found[self.owner[k]].how = "drop"
                return longer
        return end

    def _drop_modifying_demonyms(self) -> None:
        """Demonyms that modify something other than an agent word are not references, nor
        those that say where a thing was made ("Chinese-made missiles")."""
        for m in self.found:
            if m.how != "demonym":
                continue
            tok = self.doc[m.end - 1]
            made = tok.dep_ == "npadvmod" and tok.head.tag_ == "VBN"
            if tok.pos_ == "ADJ" or tok.dep_ in ("amod", "compound") or tok.tag_ == "JJ" or made:
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

    def _bases_in(self, start: int, end: int) -> list[Draft]:
        seen: dict[int, Draft] = {}
        # a name read with its article ("the U.S." of "the U.S. embassies") starts before the phrase
        first = start - 1 if start > 0 and self.doc[start - 1].pos_ == "DET" else start
        for m in (m for i in range(first, end) for m in self.starts.get(i, ())):
            inside = m.end <= end and (m.how in BASE_HOWS or m.method == "definite")
            if m.how == "pronoun" and m.end <= end:
                actor = self.actor(m.actor_id)
                inside = actor is not None and actor.kind != "person"
            if not inside or self._backed(m):
                continue  # "Iranian-backed militias" are not Iranian forces
            if m.start not in seen or m.end - m.start > seen[m.start].end - seen[m.start].start:
                seen[m.start] = m
        return [seen[k] for k in sorted(seen)]

    def phrase_actors(
        self, start: int, end: int, in_article: bool = False
    ) -> list[tuple[Actor, Draft | None]]:
        """Actors a noun phrase names by base + agent words: one per conjoined base
        ("the ambassadors of Arnor, Osgiliath and Gondor"), with the base each came from."""
        doc = self.doc
        self._last_method = "agent"
        chain = self._agent_chain(start, end)
        if not chain or chain[-1][1] != end:
            return []
        # "its opposition to negotiations" is a stance, not the opposition ("asked the government
        # to commit": an infinitive's "to", the government)
        stance = end < len(doc) and doc[end].lower_ == "to" and doc[end].pos_ == "ADP"
        if stance and doc[end - 1].lower_ in ABSTRACT_AGENT_WORDS:
            return []
        bases, chain = self._phrase_bases(start, end, chain)
        phrase = _Phrase.of(doc, start, end, chain)
        base_actors = [(self.actor(b.actor_id), b) for b in bases]
        if any(a is not None and a.kind == "person" for a, _ in base_actors):
            return []
        if phrase.singular_title and in_article:
            person = self._apposed_person(phrase) or self._titled_person(phrase, base_actors)
            if person is not None:
                self._last_method = "title"
                return [(person, None)]
        proper = self._proper_agent(chain)
        if base_actors:
            found = self._based_actors(phrase, base_actors)
        else:
            found = self._baseless_actor(phrase, in_article, proper[:2] if proper else None)
        if proper is None:
            return found
        # "Janjaweed militants": the group the dictionary's agent makes, called by its name
        known = self._known_organisation(proper[2])
        return [
            (named_group(a, proper[2], known) if a.actor_id.startswith("group:") else a, b) for a, b in found
        ]

    def _known_organisation(self, name: str) -> Actor | None:
        """The knowledge base's organisation or group of this name, if it has one."""
        hit = self.kb.lookup(name)
        actor = self.actor(hit.actor_id) if hit is not None and hit.how == "actor" else None
        return actor if actor is not None and actor.kind in ("organization", "group") else None

    def _proper_agent(self, chain: list[tuple[int, int, Agent]]) -> tuple[int, int, str] | None:
        """Where and what the words are of a dictionary agent that the article writes as a
        proper name ("Janjaweed" of "Janjaweed militants"): capitalised inside a sentence, never
        in lower case, not part of a longer entity ("Harvard University"), no English word
        ("Foreign Office"), and no religion ("Sunni militants"), title or abbreviation ("Lt",
        "TV"), which English capitalises without naming one group."""
        ix, common = self.ix, self.common_words
        if common is None:
            return None
        for s, e, agent in chain:
            if agent.source != "dict" or agent.person or agent.prefix or names_a_faith(agent.code):
                continue
            words = ix.texts[s:e]
            if not all(len(w) > 3 and w[0].isupper() and w[1:].islower() for w in words):
                continue
            if any(w.lower() in ix.lower_words for w in words) or self._inside_longer_entity(s, e):
                continue
            if any(_english_word(t, common) for t in self.doc[s:e]):
                continue  # "Foreign Office", "Prince", "Airways": English words, capitalised
            mid_sentence = [k for k in ix.positions.get(words[0].lower(), ()) if not ix.sent_start[k]]
            if mid_sentence and all(ix.texts[k] == words[0] for k in mid_sentence):
                return s, e, " ".join(words)
        return None

    def _inside_longer_entity(self, start: int, end: int) -> bool:
        spans = {self.ix.ent_span.get(k) for k in range(start, end)} - {None}
        return any(span[0] < start or span[1] > end for span in spans if span is not None)

    def _phrase_bases(
        self, start: int, end: int, chain: list[tuple[int, int, Agent]]
    ) -> tuple[list[Draft], list[tuple[int, int, Agent]]]:
        """The bases an agent phrase is built on (countries, organisations before the agent
        word, or in a prepositional phrase after it), and the agent chain, longer when the
        bases come from a conjoined head."""
        doc = self.doc
        root = doc[end - 1]
        a_start = chain[-1][0]
        bases = [b for b in self._bases_in(start, end) if b.end <= a_start]
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
            chain = [*self._agent_chain(*region), *chain]
        if bases and not from_pp:
            # keep the base nearest the agent and those conjoined with it
            last = bases[-1]
            bases = [b for b in bases if b is last or self._conjoined(b, last)]
        return bases, chain

    def _apposed_person(self, phrase: _Phrase) -> Actor | None:
        """The person a singular title is set beside ("the Prime Minister of Turkey, Recep Tayyip
        Erdogan, paid a visit"): who holds it, named after it."""
        head = phrase.root.head if phrase.root.dep_ == "compound" else phrase.root
        # the parser reads "the Prime Minister of Turkey, Recep Tayyip Erdogan paid" as a list
        listed = not any(c.dep_ == "cc" for c in head.children)
        beside = [c for c in head.children if c.dep_ == "appos" or (listed and c.dep_ == "conj")]
        # or hung on the country the title is of ("the Prime Minister of the United Kingdom, Tony Blair")
        ofs = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        beside += [a for o in ofs for a in o.children if a.dep_ == "appos" and a.ent_type_ == "PERSON"]
        for c in (c for c in beside if c.left_edge.i > 0 and self.doc[c.left_edge.i - 1].text == ","):
            for m in self.starts.get(c.left_edge.i, ()):
                actor = self.actor(m.actor_id) if m.how != "drop" and m.start <= c.i < m.end else None
                if actor is not None and actor.kind == "person":
                    return actor
        return None

    def _titled_person(self, phrase: _Phrase, base_actors: list[tuple[Actor | None, Draft]]) -> Actor | None:
        """The person named earlier who holds the singular title the phrase is ("the minister")."""
        doc, start, end, a_start = self.doc, phrase.start, phrase.end, phrase.a_start
        modified = any(t.pos_ in ("NOUN", "PROPN") and not self.kb.agent(t.text) for t in doc[start:a_start])
        if phrase.predicate or (modified and not base_actors):
            return None
        first_base = base_actors[0][0] if base_actors else None
        # "the former secretary of state" is whoever held that title before
        person = None
        if a_start > start and not base_actors:  # "the Democratic presidential nominee"
            person = self._title_holder(doc[start:end].text, None, start, past=phrase.former)
        return person or self._title_holder(doc[a_start:end].text, first_base, start, past=phrase.former)

    def _baseless_actor(
        self, phrase: _Phrase, in_article: bool, proper: tuple[int, int] | None = None
    ) -> list[tuple[Actor, Draft | None]]:
        """An agent phrase with no country or organisation in it: an organisation or government
        named before ("the group", "the regime"), the home country's body, or an unknown one.
        ``proper``: the tokens of an agent that is a proper name, which the tagger may call a
        nationality ("Janjaweed militants")."""
        doc, start, a_start, root, agent = self.doc, phrase.start, phrase.a_start, phrase.root, phrase.agent
        if in_article:
            found = self._anaphoric_body(phrase)
            if found is not None:
                return [(found, None)]
        if in_article and a_start > start and doc[a_start - 1].lower_ == "other":
            kin = self._same_kind_before(start, "".join(dict.fromkeys(phrase.codes)))
            if kin is not None:  # "two other soldiers": more of those named just before; not
                # "other world leaders" nor "other international forces"
                self._last_method = "definite"
                return [(kin, None)]
        if agent.inherit or agent.prefix or not in_article or root.lower_ in COLLECTIVE_GOV:
            return []
        if not self._specific_enough(phrase):
            return []
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS:
            return []  # "stay in the barracks", "at a hospital": a place the sentence is about
        own = range(*proper) if proper else range(0)
        blockers = [
            t
            for t in doc[start:a_start]
            if (
                t.pos_ in ("NOUN", "PROPN")
                and not self.kb.agent(t.text)
                and t.lemma_.lower() not in COUNTING_NOUNS
            )
            or (t.ent_type_ in ("NORP", "GPE") and t.i not in own)
        ]
        if blockers and all(_acronym(t) and t.i not in self.owner for t in blockers):
            return self._acronym_body(phrase, blockers)  # "OPP officers": the police of the OPP
        if blockers:  # "company president", "Kurdish fighters": not a state actor of unknown country
            return self._people_group(phrase, blockers)
        code = "".join(dict.fromkeys(phrase.codes))
        home = self._dominant_country(share=0.5, least=2) if phrase.definite and not agent.person else None
        if home is not None and not phrase.prefixes:  # "the Interior Ministry" of the country in the news
            self._last_method = "home-country"
            return [(self.kb.group(home, code), None)]
        self._last_method = "unknown-country"
        return [(self.kb.group(None, code, "".join(phrase.prefixes) + "---" + code), None)]

    def _acronym_body(self, phrase: _Phrase, blockers: list[Any]) -> list[tuple[Actor, Draft | None]]:
        """An agent word after a body's acronym the knowledge base does not know ("OPP
        officers", "FDA official"): that body, typed by the agent word, of the country the
        article is about when one stands out."""
        codes = [c for c in phrase.codes if c]
        if not codes:
            return []
        code = "".join(dict.fromkeys(codes))
        name = surface(self.ix.span_text(blockers[0].i, phrase.end))
        home = self._dominant_country(share=0.5, least=2)  # the body of the country in the news
        self._last_method = "acronym-group"
        group = self.kb.group(home, code) if home else self.kb.group(None, code, "---" + code)
        return [(named_group(group, name), None)]

    def _people_group(self, phrase: _Phrase, blockers: list[Any]) -> list[tuple[Actor, Draft | None]]:
        """A non-state agent word after a people's name the knowledge base has no country for
        ("Kurdish rebels", "Chechen separatists", "Shiite militiamen", "Islamist militants"):
        the group those words name, of no country, typed by the agent, not nobody.  Not a state
        body ("Kurdish troops" may be a region's forces) nor a place's people ("Darfur rebels":
        a place the gazetteer did not know)."""
        codes = [c for c in phrase.codes if c]
        if not codes or not all(t.ent_type_ == "NORP" and t.text[:1].isupper() for t in blockers):
            return []
        if any(code[-3:] not in PEOPLE_GROUP_SECTORS for code in codes):
            return []
        code = "".join(dict.fromkeys(codes))
        name = surface(self.ix.span_text(blockers[0].i, phrase.end))
        self._last_method = "people-group"
        return [(named_group(self.kb.group(None, code, "---" + code), name), None)]

    def _anaphoric_body(self, phrase: _Phrase) -> Actor | None:
        """ "the group" -> the organisation named last; "the regime" -> the focus country's
        government; "militants", "the rebels" -> the one armed group named before."""
        doc, start, a_start, root = self.doc, phrase.start, phrase.a_start, phrase.root
        bare = all(t.lower_ == "the" for t in doc[start:a_start])
        if bare and root.lemma_.lower() in ARMED_ANAPHORS and root.tag_ == "NNS":
            armed = self._recent_armed_group(start)
            if armed is not None:
                self._last_method = "definite"
                return armed
        if phrase.definite and root.lower_ in GROUP_ANAPHORS and root.tag_ not in ("NNS", "NNPS"):
            org = self._recent_org(start, root.lower_)
            if org is not None:
                self._last_method = "definite"
                return org
        only_agents = all(  # "the new government", "the Labour government": the country's
            t.i >= a_start or self.kb.agent(t.text) or t.lower_ in GOVERNMENT_QUALIFIERS
            for t in doc[start:a_start]
        )
        bare_plural = root.lower_ == "authorities" and start == a_start
        if root.lower_ in COLLECTIVE_GOV and (phrase.definite or bare_plural) and only_agents:
            federal = any(t.lower_ == "federal" for t in doc[start : phrase.end])  # "the Federal Government"
            country = self._focus_country(start, root.lower_, FEDERAL_STATES if federal else None)
            if country:
                self._last_method = "collective"
                return self.kb.group(country, "GOV")
        return None

    def _specific_enough(self, phrase: _Phrase) -> bool:
        """False for phrases that name nobody in particular ("people", "as minister", "the
        television channel", "its diplomats" before its pronoun is resolved)."""
        doc, start, a_start, root = self.doc, phrase.start, phrase.a_start, phrase.root
        if root.lower_ in TOO_GENERIC and not self.kb.has_dictionaries:
            return False  # "people", "families": nobody in particular
        if root.dep_ in ("compound", "amod", "nmod", "poss"):
            return False  # "the television channel": the agent word only modifies another noun
        if any(t.lower_ in POSSESSIVES for t in doc[start:a_start]):
            return False  # "its diplomats": resolved once the pronoun is (second pass)
        if phrase.singular_title and phrase.definite:
            return False  # "the President" whom the article has not named: unknown, not anyone
        if start > 0 and doc[start - 1].lower_ == "as":
            return False  # "as minister": a role, not a reference
        # a bare singular title ("minister") refers to no one in particular
        return not phrase.singular_title or any(
            t.lower_ in ("a", "an", "one") for t in doc[max(0, start - 1) : a_start]
        )

    def _based_actors(
        self, phrase: _Phrase, base_actors: list[tuple[Actor | None, Draft]]
    ) -> list[tuple[Actor, Draft | None]]:
        """One actor per base: its organisation, or the group its code and the agent's make."""
        agent = phrase.agent
        out: list[tuple[Actor, Draft | None]] = []
        for base_actor, base in base_actors:
            if base_actor is None:
                continue
            if not any(phrase.codes) and base_actor.kind != "organization":
                continue  # "Iran's proxy groups" are not Iran
            # a KB organisation (dictionary actors are groups), or a group with its own sector whose
            # agent word takes that sector ("the Security Council members": the Council)
            if base_actor.kind == "organization" or (
                agent.inherit and base_actor.kind == "group" and base_actor.sector
            ):
                if not (agent.inherit or agent.code in ("GOV", "MIL", "", base_actor.sector)):
                    continue  # "the EU's citizens" are not the EU
                self._last_method = "org-agent"
                out.append((base_actor, base))
                continue
            ref = base_actor.ref_on(self.day)
            full = ref.cameo_code or ref.country or ""
            if base.how == "capital" and ref.country:
                full = ref.country  # "students in Moscow" are Russian students, not government ones
            for code in phrase.codes:
                if not full.endswith(code):
                    full += code
            full = "".join(phrase.prefixes) + full
            country = ref.country
            sector = full[len(country) :] if country and full.startswith(country) else None
            out.append((self.kb.group(country, sector or None, full), base))
        return out

    def _conjoined(self, a: Draft, b: Draft) -> bool:
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

    def _pp_bases(self, root: Any) -> list[Draft]:
        """ "activists in Arnor", "ambassadors of Arnor, Osgiliath and Gondor": the PP objects
        (with their conjuncts), also through a conjoined head ("lawmakers and officials in X")."""
        heads = [root, *(c for c in root.children if c.dep_ == "conj")]
        if root.dep_ == "conj":
            heads.append(root.head)
        out: list[Draft] = []
        for head in heads:
            for child in head.children:
                if child.dep_ != "prep" or child.lower_ not in ("of", "in", "from"):
                    continue
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    tokens = [obj, *obj.conjuncts, *_named_beside(obj)]
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


@dataclass
class _Phrase:
    """An agent phrase ``[start, end)`` and what its words say: the last agent word (from
    ``a_start``), the codes it contributes, whether it is definite, a singular title, former."""

    start: int
    end: int
    a_start: int
    agent: Agent
    root: Any
    codes: list[str]
    prefixes: list[str]
    former: bool
    definite: bool
    singular_title: bool
    predicate: bool

    @classmethod
    def of(cls, doc: Any, start: int, end: int, chain: list[tuple[int, int, Agent]]) -> _Phrase:
        root = doc[end - 1]
        a_start, _, agent = chain[-1]
        former = any(t.lower_ == "former" for t in doc[start:end])
        suffix = [a for _, _, a in chain if not a.prefix]
        specific = [a for a in suffix if not a.inherit]
        if any(not a.person for a in specific):  # "company president" is BUS, not BUSGOV
            specific = [a for a in specific if not a.person or a.source == "dict"]
        codes = ["ELI"] if former else [a.code for a in (specific or suffix[-1:])]
        after_the = start > 0 and doc[start - 1].lower_ == "the"
        return cls(
            start=start,
            end=end,
            a_start=a_start,
            agent=agent,
            root=root,
            codes=codes,
            prefixes=[a.code for _, _, a in chain if a.prefix],
            former=former,
            definite=after_the or doc[start].lower_ in ("mullahs", "the"),
            singular_title=agent.person and not agent.plural and root.tag_ not in ("NNS", "NNPS"),
            predicate=root.dep_ in ("attr", "oprd", "acomp", "xcomp")
            or (start > 0 and doc[start - 1].lower_ == "as"),
        )


def _english_word(tok: Any, common: frozenset[str]) -> bool:
    """True when ``tok``, or its singular, is a word English dictionaries list ("Airways")."""
    lower = tok.lower_
    forms = {lower, tok.lemma_.lower(), lower[:-1] if lower.endswith("s") else lower}
    return not forms.isdisjoint(common)
