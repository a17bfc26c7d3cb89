"""Titles: words before a name ("Iranian Foreign Minister X") and appositions ("X, the
President of China") become the title, and for people the knowledge base does not know, the role."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...knowledge.actors.ids import org_id
from ...models import Actor, Role
from .base import Draft, pick_agent
from .doc_index import surface
from .names import NamePasses
from .words import (
    BODY_NOUNS,
    HEAD_VERBS,
    NAME_PARTICLES,
    SERVE_VERBS,
    SUBJECT_NOUNS,
    TITLE_LINKS,
    TOPIC_HEADS,
)


class TitlePasses(NamePasses):
    def _titles(self) -> None:
        doc = self.doc
        for idx, m in enumerate(list(self.found)):
            if m.how != "person" or m.title is not None:
                continue
            if m.start > 0 and doc[m.start - 1].lower_ in ("for", "of", "to"):
                continue  # "a spokesman for al-Sadr", "an aide to Bush": someone else's title
            first = self._title_start(m.start)
            if first >= m.start:
                first = self._fronted_title(m.start)
            while first < m.start and doc[first].text.lower() in TITLE_LINKS | {"the"}:
                first += 1
            if first >= m.start or (self.in_quote and self.in_quote[doc[first].idx]):
                continue  # "“King James”" is a nickname, not a title
            has_agent = any(
                self._agent_at(s, e) for s in range(first, m.start) for e in range(s + 1, m.start + 1)
            )
            if not has_agent:
                self._nationality_before(m, first)
                continue
            m.title = (first, m.start)
            self._apply_title(idx, m)

    def _fronted_title(self, name: int) -> int:
        """Where a title that opens the sentence and is set off by a comma before the name at
        ``name`` starts ("United States Secretary of Energy, Samuel Bodman asked"); ``name``
        when there is none."""
        doc = self.doc
        comma = name - 1
        if comma < 1 or doc[comma].text != "," or doc[comma].is_sent_start:
            return name
        first = self._title_start(comma)
        opening = doc[name].sent.start
        opening += doc[opening].lower_ == "the"
        return first if first == opening and first < comma else name

    def _title_start(self, end: int) -> int:
        """Where the title before the person named at ``end`` starts (``end`` when none): agent words,
        the bodies and capitalised words they are of, and the links between them ("Minister of
        Foreign Affairs"), not another person's title past a link ("a former advisor for U.S.
        President Donald Trump": the title is "U.S. President")."""
        doc = self.doc
        j, first = end - 1, end
        adjectives = 0  # "top UN humanitarian official": a body named past its adjectives
        titled = False  # a person's title read: a "for" or "to" before it is someone else's
        while j >= 0 and not doc[j + 1].is_sent_start:
            tok = doc[j]
            owner = self.owner.get(j)
            if owner is not None and self.found[owner].how != "person":
                first = self.found[owner].start
                last_word = self.kb.agent(doc[self.found[owner].end - 1].text)
                titled = titled or (last_word is not None and last_word.person)  # "U.S. President"
                j = first - 1
                continue
            if owner is not None or (titled and tok.lower_ in ("for", "to")):
                break
            if tok.text.lower() in TITLE_LINKS and j > 0:
                j -= 1
                continue
            agent_here = self._agent_at(max(0, j - 4), j + 1)
            if agent_here is not None:
                first, titled = agent_here[0], titled or agent_here[1].person
                j = first - 1
                continue
            if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ"):
                first = j
                j -= 1
                continue
            if tok.pos_ == "ADJ" and tok.is_lower and adjectives < 2 and first < end:
                adjectives += 1  # crossed only when a body lies beyond: first moves then
                j -= 1
                continue
            break
        return first

    def _countries_before_names(self) -> None:
        """The words the parser hangs before a name say whose the person is: "Indian steel
        magnate X", "Pakistani nuclear scientist X", "Bolivia's defence minister X", "Former
        United States Central Intelligence Agency agent X". A person the KB does not know, still
        without a country, gets the one country (or body with a country) named there; the
        title pass reads only capitalised words and agent words, and stops at "magnate"."""
        for m in [m for m in self.found if m.how == "person"]:
            actor = self.actor(m.actor_id)
            if actor is None or actor.country or not self._unknown_person(actor.actor_id):
                continue
            if m.start > 0 and self._names_a_body(m, m.start - 1, m.start):
                body = self.actors[m.actor_id]  # "Greek daily Kathimerini": a body, of Greece
                country = body.country or self._premodifier_country(m)
                self.actors[m.actor_id] = replace(body, country=country)
                continue
            country = self._premodifier_country(m)
            if country is not None:
                roles = tuple(replace(r, country=r.country or country) for r in actor.roles)
                code = f"{country}{actor.sector or ''}"
                self.actors[actor.actor_id] = replace(actor, country=country, cameo_code=code, roles=roles)

    def _premodifier_country(self, m: Draft) -> str | None:
        """The country named in the words that modify the name ``m`` from the left (its
        syntactic left subtree), when they name exactly one."""
        doc = self.doc
        inside = range(m.start, m.end)
        root = next((t for t in doc[m.start : m.end] if t.head.i not in inside or t.head.i == t.i), None)
        if root is None:
            return None
        first = max(root.left_edge.i, self.ix.sent_begin[m.start])
        countries: set[str] = set()
        for other in self.found:
            if not (first <= other.start and other.end <= m.start) or other.how == "drop":
                continue
            country = self._modifier_country(other, m)
            if country is not None:
                countries.add(country)
        countries |= self._outlets_between(first, m.start)
        countries = {c for c in countries if f"country:{c}" in self.kb.actors}  # not "MNC", "IGO"
        return countries.pop() if len(countries) == 1 else None

    def _outlets_between(self, start: int, end: int) -> set[str]:
        """Countries of news outlets the registry knows, named by proper nouns no other pass
        took in ``[start, end)`` ("VOA reporter X")."""
        doc = self.doc

        def free(k: int) -> bool:  # a title's words belong to the person they precede, no name
            owner = self.found[self.owner[k]] if k in self.owner else None
            return doc[k].pos_ == "PROPN" and (owner is None or not owner.start <= k < owner.end)

        out: set[str] = set()
        i = start
        while i < end:
            if not free(i):
                i += 1
                continue
            j = i
            while j < end and free(j):
                j += 1
            outlet = self._outlet_named(doc[i:j].text)
            if outlet is not None and outlet.country:
                out.add(str(outlet.country))
            i = j
        return out

    def _modifier_country(self, other: Draft, m: Draft) -> str | None:
        """The country a mention before a name gives the person: a nationality, a country that
        is no topic ("Iraq war veteran"), a body with a country ("CIA agent"); none from inside
        a phrase about somewhere else ("ambassador to Iraq")."""
        doc = self.doc
        actor = self.actor(other.actor_id)
        if actor is None or actor.kind == "person" or not actor.country:
            return None
        if other.how not in ("country", "demonym", "actor", "group") or not actor.country.isalpha():
            return None
        if self._topic_country(other):
            return None
        tok = doc[other.end - 1]
        while tok.i not in range(m.start, m.end) and tok.head.i != tok.i:
            if tok.dep_ == "pobj" and tok.head.lower_ not in ("of", "from"):
                return None
            tok = tok.head
        country = actor.ref_on(self.day).country if actor.kind != "country" else actor.country
        return country if country and len(country) == 3 else None

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
                elif child.dep_ == "appos" and child.i >= m.end:
                    self._demonym_apposition(m, child)
                if child.dep_ == "appos" and child.i >= m.end and child.lower_ == "one":
                    self._one_of_apposition(m, child)
            head = root.head
            if root.dep_ == "appos" and head.i < m.start and head.i not in self.owner:
                self._apposition(m, head)

    def _relative_roles(self) -> None:
        """A relative clause that says what a person heads or serves as: "X, who heads the
        Canadian Recording Industry Association" (the organisation's country and the person's
        affiliation), "X, who has served as chair of the U.S. Commission on Civil Rights" (a
        title, read as an apposition's)."""
        doc = self.doc
        for m in [m for m in self.found if m.how == "person"]:
            root = doc[m.end - 1]
            for verb in root.children:
                if verb.dep_ != "relcl" or verb.i < m.end:
                    continue
                for child in verb.children:
                    if verb.lemma_ in HEAD_VERBS and child.dep_ == "dobj":
                        self._heads(m.actor_id, child.left_edge.i, child.i + 1)
                    elif verb.lemma_ in SERVE_VERBS and child.dep_ == "prep" and child.lower_ == "as":
                        title = next((c for c in child.children if c.dep_ == "pobj"), None)
                        if title is not None and self._agent_at(max(title.i - 4, 0), title.i + 1):
                            self._set_role(m.actor_id, title.left_edge.i, title.right_edge.i + 1)

    def _heads(self, actor_id: str, start: int, end: int) -> None:
        """The person heads the organisation named in ``[start, end)``: its country (of the
        organisation, or a nationality in its name) and, when known, the affiliation."""
        actor = self.actor(actor_id)
        if actor is None or actor.country or not self._unknown_person(actor_id):
            return
        country, _, org = self._title_role(start, end)
        if country is None and org is None:
            country = self._national_country(start, end)
        if country is None:
            return
        affiliation = org.actor_id if org is not None else actor.affiliation
        self.actors[actor_id] = replace(actor, country=country, affiliation=affiliation)

    def _national_country(self, start: int, end: int) -> str | None:
        """The country of the first country or nationality named in ``[start, end)``."""
        for other in self.found:
            if start <= other.start and other.end <= end and other.how in ("country", "demonym"):
                place = self.actor(other.actor_id)
                if place is not None and place.country:
                    return place.country
        return None

    def _demonym_apposition(self, m: Draft, root: Any) -> None:
        """ "Hassan Hashash, a Palestinian aged 15": an appositive that is a nationality gives
        a person the KB does not know that country (and no role: a nationality is no title)."""
        found = self.found[self.owner[root.i]]
        actor = self.actor(m.actor_id)
        if found.how != "demonym" or actor is None or actor.country or not self._unknown_person(m.actor_id):
            return
        if self.doc[m.end].text != ",":
            return  # "X, a Palestinian": adjacent, separated by a comma
        place = self.actor(found.actor_id)
        if place is not None and place.country:
            self.actors[m.actor_id] = replace(actor, country=place.country)

    def _one_of_apposition(self, m: Draft, one: Any) -> None:
        """ "Roberto Cipresso, one of Italy's most respected winemakers": the country or
        nationality that describes the group the person is one of."""
        actor = self.actor(m.actor_id)
        if actor is None or actor.country or not self._unknown_person(m.actor_id):
            return
        if one.i != m.end + 1 or self.doc[m.end].text != ",":
            return
        of = next((c for c in one.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if group is None or group.pos_ != "NOUN":
            return
        countries = {
            place.country
            for other in self.found
            if other.how in ("country", "demonym")
            and group.left_edge.i <= other.start
            and other.end <= group.i
            and not self._topic_country(other)
            and (place := self.actor(other.actor_id)) is not None
            and place.country
        }
        if len(countries) == 1:
            self.actors[m.actor_id] = replace(actor, country=countries.pop())

    def _apposition(self, m: Draft, root: Any) -> None:
        doc = self.doc
        if self._agent_at(max(root.left_edge.i, root.i - 4), root.i + 1) is None and not self._national(root):
            return
        start = root.left_edge.i
        while start < root.i and (
            doc[start].pos_ == "DET" or doc[start].is_punct or doc[start].tag_ == "PRP$"
        ):
            start += 1
        end = root.i + 1
        for k in range(root.i + 1, root.right_edge.i + 1):
            tok = doc[k]
            stop = (
                tok.is_punct or tok.is_sent_start or tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("WP", "WDT")
            )
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
        if start >= m.end and self._names_a_body(m, start, end):
            return  # "Rocca Tiles, his family business": the name was a body's, now retyped
        self._set_role(m.actor_id, start, end)
        self._add(Draft(start, end, m.actor_id, "PERSON", "apposition", "titled", (start, end)))
        for i in range(start, end):
            self.owner[i] = len(self.found) - 1

    def _nationality_before(self, m: Draft, first: int) -> None:
        """ "Australian Mamdouh Habib", "US Major Alan Kabakoff": a nationality or country
        that the parser attaches to the name (not a title word) gives a person the KB does
        not know a country, and no role."""
        actor = self.actor(m.actor_id)
        if actor is None or actor.country or not self._unknown_person(actor.actor_id):
            return
        for other in self.found:
            if not (first <= other.start and other.end <= m.start and other.how in ("demonym", "country")):
                continue
            if self._topic_country(other):
                continue
            head = self.doc[other.end - 1].head.i
            if self.doc[other.end - 1].dep_ in ("amod", "compound", "nmod") and first <= head < m.end:
                country = self.actor(other.actor_id)
                if country is not None and country.country:
                    self.actors[actor.actor_id] = replace(actor, country=country.country)
                return

    def _national(self, root: Any) -> bool:
        """True for a common noun described by a country or nationality ("his Iranian
        counterpart", "a Brazilian economist"): the appositive gives the person a country."""
        if root.pos_ != "NOUN" or not root.text.islower():
            return False
        return any(
            m.how in ("country", "demonym") and root.left_edge.i <= m.start and m.end <= root.i
            for m in self.found
        )

    def _set_role(self, actor_id: str, t0: int, t1: int) -> None:
        """Give a person the KB does not know the role its title describes."""
        actor = self.actor(actor_id)
        from_dictionary = actor is not None and actor.actor_id in self.kb.dictionary_ids
        if actor is None or not (self._unknown_person(actor.actor_id) or from_dictionary):
            return
        if actor.roles:
            self._second_title_country(actor, t0, t1)
            return
        if from_dictionary and actor.sector:
            return  # the dictionary's code already says what the person is
        country, sector, org = self._title_role(t0, t1)
        if not (country or sector or org):
            return
        role = Role(surface(self.doc[t0:t1].text), org.name if org else None, country, sector)
        country = country or actor.country
        sector = sector or actor.sector
        self.actors[actor.actor_id] = replace(
            actor,
            country=country,
            sector=sector,  # an undated role is always held: the record says what the title says
            cameo_code=f"{country or ''}{sector or ''}" or None,
            roles=(role,),
            affiliation=org.actor_id if org else actor.affiliation,
        )

    def _names_a_body(self, m: Draft, t0: int, t1: int) -> bool:
        """True (and the name retyped) when the title ``[t0, t1)`` of a name spaCy took for a
        person's ends in its head, a body noun: "the militant group X", "X, his family business"
        (not "the Party of President X", whose head is not its last word)."""
        actor = self.actor(m.actor_id)
        if actor is None or not self._unknown_person(m.actor_id) or actor.actor_id in self.kb.dictionary_ids:
            return False
        last = self.doc[t1 - 1]
        if last.lower_ not in BODY_NOUNS or t0 <= last.head.i < t1:
            return False
        self._retype_as_body(actor)
        return True

    def _retype_as_body(self, person: Actor) -> None:
        """A name spaCy took for a person's whose title says it is a body ("Rocca Tiles, his
        family business", "the militant group Bagong Alyansang Makabayan"): an organisation,
        under an organisation's id, in every mention and name part of it."""
        body = self.actor(org_id(person.name)) or Actor(
            org_id(person.name), person.name, "organization", aliases=person.aliases
        )
        self.actors.pop(person.actor_id, None)
        self.actors.setdefault(body.actor_id, body)
        for m in self.found:
            if m.actor_id == person.actor_id:
                m.actor_id, m.label = body.actor_id, "ORG"
                m.how = "actor" if m.how == "person" else m.how
        for part, owner in list(self.name_parts.items()):
            if owner == person.actor_id:
                self.name_parts[part] = None  # no longer a person's name part

    def _second_title_country(self, actor: Actor, t0: int, t1: int) -> None:
        """A second title of a person the KB does not know gives the country the first one
        lacked ("Lieutenant Colonel X, a Bulgarian defense ministry official"); the role the
        first title gave stays."""
        if actor.country or not self._unknown_person(actor.actor_id) or len(actor.roles) != 1:
            return
        country = self._title_role(t0, t1)[0]
        if country is None:
            return
        role = replace(actor.roles[0], country=actor.roles[0].country or country)
        code = f"{country}{actor.sector or ''}"
        self.actors[actor.actor_id] = replace(actor, country=country, cameo_code=code, roles=(role,))

    def _places_after_names(self) -> None:
        """ "Senator Jesse Helms of North Carolina", "Ali Hassan from Basra": a place the name
        is "of" or "from" gives a person the KB does not know its country."""
        for m in [m for m in self.found if m.how == "person"]:
            actor = self.actor(m.actor_id)
            if actor is None or actor.country or not self._unknown_person(actor.actor_id):
                continue
            country = self._country_after(m)
            if country is not None:
                roles = tuple(replace(r, country=r.country or country) for r in actor.roles)
                self.actors[actor.actor_id] = replace(actor, country=country, roles=roles)

    def _country_after(self, m: Draft) -> str | None:
        last = self.doc[m.end - 1]
        for prep in last.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from") or prep.i != m.end:
                continue
            for obj in prep.children:
                owner = self.owner.get(obj.i)
                found = self.found[owner] if owner is not None else None
                if found is not None and found.how in ("country", "capital", "demonym"):
                    place = self.actor(found.actor_id)
                    return place.country if place is not None else None
                if obj.dep_ == "pobj" and (found is None or found.how == "drop"):
                    return self._place_country(obj.left_edge.i, obj.i + 1)  # "from Basra"
        return None

    def _apply_title(self, idx: int, m: Draft) -> None:
        assert m.title is not None
        t0, t1 = m.title
        if self._names_a_body(m, t0, t1):
            return  # "the militant group X": the name was a body's, now retyped
        self._set_role(m.actor_id, t0, t1)
        for i in range(t0, t1):
            self.owner.setdefault(i, idx)
        # the mention now covers the title too ("Iranian Foreign Minister Mohammad Javad Zarif")
        self._push(Draft(t0, m.end, m.actor_id, "PERSON", m.method + "+title", "titled", m.title))

    def _title_role(self, t0: int, t1: int) -> tuple[str | None, str | None, Actor | None]:
        country: str | None = None
        sector: str | None = None
        org: Actor | None = None
        topic = False  # a country named as what the title is about ("Iran expert")
        # in order, a name read with its article counted ("the United States special envoy": the
        # title starts after "the")
        inside = [
            o
            for o in self.found
            if t0 - 1 <= o.start
            and o.end <= t1
            and o.how != "titled"
            and t0 <= o.start + (self.doc[o.start].lower_ == "the")
        ]
        for other in sorted(inside, key=lambda d: d.start):
            a = self.actor(other.actor_id)
            if a is None:
                continue
            if a.kind in ("organization", "group") and a.kind != "country":
                org = a if a.kind == "organization" else org
                ref = a.ref_on(self.day)
                country = country or ref.country or self._outlet_country(a)
                sector = ref.sector if a.kind == "organization" else (sector or ref.sector)
            elif a.kind == "country" and self._topic_country(other):
                topic = True
            elif a.kind == "country":
                country = country or a.country
        agent = pick_agent([a for _, _, a in self._agent_chain(t0, t1) if not a.prefix])
        if agent is not None and not (agent.inherit and org is not None):
            sector = agent.code if not (agent.inherit and sector) else sector
        if country is None and (sector or org) and not topic:  # "Archbishop of Rio de Janeiro"
            country = self._place_country(t0, t1)
        return country, sector, org

    def _topic_country(self, other: Draft) -> bool:
        """A country named (not a nationality) as what a title word is about: "Iran expert",
        "Iraq war veteran", "envoy for Ukraine", "ambassador to Iraq"; "Bolivia's minister" and
        "Iranian expert" are whose they are; a nationality that describes a field ("professor of
        Chinese history")."""
        last = self.doc[other.end - 1]
        if other.how == "demonym":  # "a professor of Chinese history", "Iraqi war veteran"
            after = self.doc[other.end] if other.end < len(self.doc) else last
            return after.lower_ in SUBJECT_NOUNS or (
                last.dep_ == "amod" and last.head.lower_ in SUBJECT_NOUNS
            )
        # "envoy for Ukraine", "ambassador to Iraq": where the post looks, not whose; not a country
        # that names a body ("a spokeswoman for the U.S. military": American)
        before = self.doc[other.start - 1] if other.start > 0 else last
        if other.how == "country" and before.lower_ in ("for", "to") and last.dep_ == "pobj":
            return True
        looks_at = any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in last.head.children)
        # ("the United States special envoy for Ukraine": the envoy looks at Ukraine, is American)
        return (
            other.how == "country"
            and last.dep_ != "poss"
            and last.head.lower_ in TOPIC_HEADS
            and not looks_at
        )

    def _outlet_country(self, org: Actor) -> str | None:
        """The country the outlet registry gives a news organisation the dictionaries code with
        no country ("BBC [MED]" -> GBR)."""
        if org.sector != "MED" and not (org.cameo_code or "").endswith("MED"):
            return None
        outlet = self._outlet_named(org.name) or next(
            (o for o in map(self._outlet_named, org.aliases) if o is not None), None
        )
        return str(outlet.country) if outlet is not None and outlet.country else None

    def _place_country(self, start: int, end: int) -> str | None:
        """The country of the first place the places stage found in tokens ``[start, end)``
        (read when that stage ran before this one; an empty list otherwise)."""
        if start >= end:
            return None
        cs, ce = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        for pm in self.item.places:
            if pm.place is not None and pm.place.country and cs <= pm.start and pm.end <= ce:
                return str(pm.place.country)
        return self._gazetteer_country(start, end)

    def _gazetteer_country(self, start: int, end: int) -> str | None:
        """The country of a place named after "of" in a title the places stage did not see as
        a place (spaCy took "Archbishop of Rio de Janeiro" as one organisation): the proper
        name after the last "of", resolved by the gazetteer with the article's countries as
        context."""
        if self.gazetteer is None:
            return None
        doc = self.doc
        of = max((k for k in range(start, end - 1) if doc[k].lower_ == "of"), default=None)
        if of is None:
            return None
        words = doc[of + 1 : end]
        while len(words) and words[0].pos_ == "DET":
            words = words[1:]
        if not len(words) or not all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in words):
            return None
        if any(i in self.owner for i in range(words.start, words.end)):
            return None  # an organisation or a person the other passes read
        context = [a.country for a in map(self.actor, {m.actor_id for m in self.found}) if a and a.country]
        place = self.gazetteer.resolve(words.text, context_countries=context)
        return str(place.country) if place is not None and place.country else None
