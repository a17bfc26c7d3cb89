"""Names: the longest phrase the knowledge base knows, then spaCy entities it does not know
(new people and organisations), partial names of people named before, the article's outlet."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from spacy.tokens import Span

from ...knowledge.actors import NameHit, key
from ...knowledge.actors.ids import org_id, person_id
from ...models import Actor
from .base import Draft, ResolverBase
from .bodies import organisation_country
from .doc_index import is_initial, looks_like_name, surface, trim_entity
from .namesakes import another_first_name, another_surname_follows, first_name_left_out, named_after, namesake
from .screen import (
    another_party,
    named_settlement,
    names_a_thing,
    no_organization,
    no_person,
    of_another_country,
    only_modifier,
    title_words,
)
from .words import (
    CAPTION_WORDS,
    GENERATIONAL_SUFFIXES,
    HONORIFICS,
    LOCATIVE_PREPOSITIONS,
    MAX_NAME_TOKENS,
    NAME_PARTICLES,
    NAME_STOP,
    ORG_SECTORS,
    ORG_WORDS,
    OUTLET_SECTORS,
    OUTLET_WORDS,
    SPONSORED,
    stance_toward,
)

log = logging.getLogger(__name__)

_PARTICLED = re.compile(r"^[a-z]{1,3}-[A-Z]")


def _name_words(name: str) -> set[str]:
    """The words of a name, lower-case, without particles ("al-", "the")."""
    words = {w.lower().removeprefix("al-") for w in re.split(r"[\s_]+", name) if w}
    return words - NAME_PARTICLES - {"the", "of", "and"}


def _inner_capital(text: str) -> bool:
    """A capital after the first letter ("al-Qaeda"), or a name particle (``islower`` answers
    at once for the common all-lower-case word)."""
    rest = text[1:]
    return (not rest.islower() and any(c.isupper() for c in rest)) or text in NAME_PARTICLES


class NamePasses(ResolverBase):
    def _outlet(self) -> Actor | None:
        """The article's outlet as an actor (for "reported by"): the KB's organisation when it
        knows it (NCRI), else one built from the outlet registry (country; state media GOVMED)."""
        art = self.item.article
        registry = self.outlets
        outlet = None
        if registry is not None:
            try:
                outlet = registry.identify(site=art.site, name=art.outlet, text=art.text)
            except Exception:  # a broken user registry must not cost the actors, but it is said
                log.warning(
                    "outlet registry failed on %s; the article gets no outlet actor",
                    art.article_id,
                    exc_info=True,
                )
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
        actor_id = org_id(name)
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
            if space[i] or not (
                text[:1].isupper() or text[:1].isdigit() or lower_the or _inner_capital(text)
            ):
                i += 1
                continue
            matched = 0
            # a name does not cross a sentence start: it ends at or before the next one
            for length in range(min(MAX_NAME_TOKENS, n - i, ix.next_sent[i] - i), 0, -1):
                end = i + length
                if punct[end - 1] or space[end - 1]:
                    continue
                # most spans are nobody's name; none spans a comma ("Asmar, a" keys as "Asmara")
                known = "," not in texts[i + 1 : end] and ix.span_key(i, end) in self.kb.names
                hit = self.kb.lookup_exact(ix.span_text(i, end)) if known else None
                if hit is None and self.stems and texts[end - 1][:1].isupper():  # TABARI-style stems
                    hit = self.kb.lookup_stem(doc[i : end - 1].text, texts[end - 1])
                if hit is None or (lower_the and (hit.source != "dict" or length == 1)):
                    continue
                if self._not_that_place(i, end, hit):
                    continue  # "Washington Post", "Bank of Japan", "Nasser al-Shaer": another name
                if hit.how in ("capital", "country", "demonym") and stance_toward(doc, i):
                    continue  # "anti-Syrian", "pro-Russian separatists": a stance, no nationality
                if length == 1 and hit.source == "dict" and self._common_word_of_a_name(i):
                    continue  # "Organization" of "World Trade Organization": a translated alias
                if hit.how in ("capital", "country") and names_a_thing(doc[end - 1], hit.how == "country"):
                    continue  # "the Doha round", "the Kyoto Protocol": a text or talks, not Qatar or Japan
                if self._part_of_longer_person(i, end, hit):
                    continue  # "Abu Musab" of "Abu Musab al-Zarqawi", "Trump" of "Ivanka Trump"
                if another_party(self.kb, self.actor(hit.actor_id), doc, i, self.adjectives, end):
                    continue  # "the Social Democrats (SPD)" are not the "Democrats"
                if of_another_country(self.kb, self.actor(hit.actor_id), doc, end):
                    continue  # "the Democratic Party of Serbia" is not the US Democrats
                head_word = doc[end - 1].dep_ not in ("compound", "amod", "nmod", "poss")
                indefinite = i > 0 and doc[i - 1].lower_ in ("a", "an") and head_word
                if indefinite and hit.how == "actor" and hit.source != "dict":
                    continue  # "an Islamic State" is a description, not the group
                self._add_hit(i, end, hit)
                matched = length
                break
            i += matched or 1

    def _backed(self, m: Draft) -> bool:
        doc = self.doc
        if m.end + 1 < len(doc) and doc[m.end].text == "-":
            return doc[m.end + 1].lower_ in SPONSORED
        return m.end < len(doc) and doc[m.end].lower_.lstrip("-") in SPONSORED

    def _part_of_longer_person(self, start: int, end: int, hit: NameHit) -> bool:
        """A dictionary name that is only a part of a longer person's name spaCy found ("ABU_MUSAB_"
        in "Abu Musab al-Zarqawi", ISIL's "ZARQAWI_" in it): the whole name is someone else, read
        by the entity pass. Words before the name do not make it longer ("Prime Minster Abdullah
        Badawi"); a person the knowledge base knows keeps a partial name unless another first
        name stands before it (see :meth:`_another_first_name`)."""
        actor = self.actor(hit.actor_id)
        if actor is not None and actor.kind == "person":
            return another_first_name(self, start, actor, end)
        if actor is None or actor.kind != "group" or self.doc[start].ent_type_ != "PERSON":
            return False
        if start not in self.ent_span:
            return False
        e_start, e_end = self.ent_span[start]
        pieces = {self.doc[start].text, self.doc[start - 1].text} if start > 0 else set()
        cut_surname = e_start < start and bool(pieces & (NAME_PARTICLES | {"-"}))
        # "Margaret Hassan" is not Phoenix's one-word "HASSAN_" (Prince Hassan of Jordan)
        surname = end - start == 1 and e_start < start and another_first_name(self, start, actor, end)
        return e_end > end or cut_surname or surname  # the name goes on, or the hit is "(al-)Zarqawi"

    def _add_hit(self, start: int, end: int, hit: NameHit) -> None:
        if hit.how == "capital":
            country = self.kb.actors[hit.actor_id].country
            group = self.kb.group(country, "GOV")
            self._add(Draft(start, end, group.actor_id, "GPE", "capital", "capital"), group)
            return
        if hit.how in ("country", "demonym"):
            label = "NORP" if hit.how == "demonym" else "GPE"
            self._add(Draft(start, end, hit.actor_id, label, hit.how, hit.how))
            return
        actor = self.actor(hit.actor_id)
        kind = actor.kind if actor else "group"
        method = "dictionary" if hit.source == "dict" else "kb"
        if actor is not None and hit.source == "dict" and kind == "group":
            person = self._group_member(start, end, actor)
            if person is not None:  # "Abu Omar al-Kurdi" under ISIL's entry: a person of it
                self._add(
                    Draft(start, end, person.actor_id, "PERSON", method + "+affiliate", "person"), person
                )
                self._remember_person(person.actor_id, [person.name])
                return
            # dictionaries do not say who is a person; spaCy does ("HAMID_KARZAI_ [AFGGOV]")
            if self._seen_as_person(start, end):
                actor = self.actors[actor.actor_id] = replace(actor, kind="person")
                kind = "person"
        label = {"person": "PERSON", "country": "GPE"}.get(kind, "ORG")
        how = "person" if kind == "person" else "actor"
        self._add(Draft(start, end, hit.actor_id, label, method, how))
        for member in self.kb.members.get(hit.actor_id, ()):  # compound dictionary actors
            self._push(Draft(start, end, member, label, "dictionary+member", "member"))
            self.actors.setdefault(member, self.kb.actors[member])
        if kind == "person" and actor is not None:
            self._remember_person(actor.actor_id, [actor.name, *actor.aliases])

    def _seen_as_person(self, start: int, end: int) -> bool:
        return end - start >= 2 and all(t.ent_type_ == "PERSON" for t in self.doc[start:end])

    def _group_member(self, start: int, end: int, group: Actor) -> Actor | None:
        """A person that a group's dictionary entry lists among the group's names (Phoenix
        gives ISIL's entry its leaders' names, Hezbollah's Nasrallah): a name spaCy reads as a
        person's and that shares no word with the group's own name is a member, not the group.
        The member is coded as the dictionary codes the group on the article's date; a later
        bare surname of a member ("Zarqawi" after "Abu Musab al-Zarqawi") is the member too."""
        text = surface(self.doc[start:end].text)
        if end - start == 1:
            owner = self.name_parts.get(key(text))
            known = self.actor(owner) if owner else None
            return known if known is not None and known.affiliation == group.actor_id else None
        if not self._seen_as_person(start, end) or _name_words(text) & _name_words(group.name):
            return None
        ref = group.ref_on(self.day)
        person = self._new_person(text)
        if person.actor_id in self.kb.actors:
            return person
        return replace(
            person,
            country=person.country or ref.country,
            sector=person.sector or ref.sector,
            cameo_code=person.cameo_code or ref.cameo_code,
            affiliation=group.actor_id,
        )

    def _remember_person(self, actor_id: str, names: Iterable[str]) -> None:
        for name in names:
            parts = [p for p in re.split(r"[\s]+", name) if p]
            parts = parts[self._title_end(parts) :]  # "Former Defense Secretary X": no "Defense"
            for part in parts:
                k = key(part)
                particled = bool(_PARTICLED.match(part))  # "al-Sadr" is a surname, "al" is not
                if len(k) < 2 or (part[:1].islower() and not particled) or k in NAME_STOP:
                    continue
                if part.lower() in NAME_PARTICLES or part.lower().rstrip(".") in HONORIFICS:
                    continue  # "Da" in "Lula da Silva", "Mr" in "Mr Blair": nobody's partial name
                if part is not parts[-1] and self.kb.agent(part) is not None:
                    continue  # "Senator" in "Senator Bernie Sanders" is nobody's partial name
                for part_key in (k, key(part.split("-", 1)[1])) if particled else (k,):
                    self._name_part(part_key, actor_id)  # "al-Zarqawi" is also "Zarqawi"

    def _name_part(self, k: str, actor_id: str) -> None:
        """Record a word of a person's name; a word two people share names neither alone."""
        current = self.name_parts.get(k, actor_id)
        if current != actor_id:  # two people share the word: "Rafik" and "Bahia Hariri"
            sharing = self.namesakes.setdefault(k, [])
            sharing.extend(a for a in (current, actor_id) if a and a not in sharing)
        self.name_parts[k] = actor_id if current == actor_id else None

    def _title_end(self, parts: list[str]) -> int:
        """How many leading words of a name are its title, with what qualifies the title
        ("Former", "American"): the words up to the last agent phrase, the last word kept."""
        end = title_words(self.kb, parts)
        for i in range(len(parts) - 1):
            for j in range(min(len(parts) - 1, i + 4), i + 1, -1):
                if self.kb.agent(" ".join(parts[i:j])) is not None:
                    end = max(end, j)
                    break
        return end

    def _entities(self) -> None:
        """spaCy entities the KB does not know: new people (2+ tokens) and organisations."""
        for ent in self._joined_entities():
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            start, end = self._entity_bounds(ent)
            if end - start < 2 or not self._free(start, end):
                continue
            if ent.label_ == "ORG" and (self._is_partial_person(start, end) or self._is_title(start, end)):
                continue
            ent_label = "PERSON" if ent.label_ == "ORG" and self._org_is_person(start, end) else ent.label_
            text = surface(self.doc[start:end].text)
            if ent_label == "PERSON" and no_person(self.kb, text) == "organisation":
                ent_label = "ORG"  # "Bernard L. Madoff Investment": a body named after a person
            if ent_label == "PERSON" and not looks_like_name(self.doc[start:end]):
                continue
            if ent_label == "PERSON" and self.doc[end - 1].tag_ == "NNPS":
                continue  # "Pell Grants": a plural is not a person's name
            placed = self._placed(start, end) or self._located(start, end)
            if self._screened(text, ent_label) or (ent_label == "PERSON" and placed):
                continue
            if named_settlement(self.doc[end - 1]):
                continue  # "the two West Bank towns, Sanur and Homesh": places, whatever the label
            in_brackets = self._bracketed_name_of(start, end) if ent_label == "PERSON" else None
            known = self._partial_owner(start, end) if ent_label == "PERSON" else None
            if in_brackets:  # "Prince Rainier III (Rainier Louis Henri Maxence Bertrand Grimaldi)"
                self._add(Draft(start, end, in_brackets, "PERSON", "parenthesis", "person"))
                self._remember_person(in_brackets, [text])
            elif known:  # "al-Sadr" after "Muqtada al-Sadr", "Tewolde Berhan" after his full name
                self._add(Draft(start, end, known, "PERSON", "surname", "person"))
            elif ent_label == "PERSON":
                actor = self._new_person(text)
                self._add(Draft(start, end, actor.actor_id, "PERSON", "ner", "person"), actor)
                self._remember_person(actor.actor_id, [text])
            elif self.kb.agent(text) is None:  # "Foreign Ministry" is an agent phrase, not one body
                actor = self._new_org(text, start, end)
                self._add(Draft(start, end, actor.actor_id, "ORG", "ner", "actor"), actor)

    def _joined_entities(self) -> list[Any]:
        """spaCy's entities, with a person's name it cut in two joined again: two PERSON
        entities with nothing between them but editorial brackets ("Dom Eusébio" "Oscar
        Scheid", "Daniel [Kowalczyk") are one name."""
        doc = self.doc
        out: list[Any] = []
        for ent in doc.ents:
            if ent.label_ == "ORG" and self._addressed_person(ent.start, ent.end):
                ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Ms Fotyga" tagged ORG
            if ent.label_ == "PERSON" and first_name_left_out(self, ent.start, ent.end):
                ent = Span(doc, ent.start - 1, ent.end, label="PERSON")  # "Dejene [Debela]"
            prev = out[-1] if out else None
            between = doc[prev.end : ent.start] if prev is not None else None
            if (
                prev is not None
                and between is not None
                and prev.label_ == ent.label_ == "PERSON"
                and all(t.text in ("[", "]") for t in between)
                and not doc[ent.start].is_sent_start
            ):
                out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
                continue
            out.append(ent)
        return out

    def _addressed_person(self, start: int, end: int) -> bool:
        """An honorific and one or two capitalised words that name no organisation ("Ms
        Fotyga", "Mr Mirko Bagaric"): a person however spaCy labelled it, never a body."""
        doc = self.doc
        if not 2 <= end - start <= 3 or doc[start].lower_.rstrip(".") not in HONORIFICS:
            return False
        rest = doc[start + 1 : end] if doc[start + 1].text != "." else doc[start + 2 : end]
        return len(rest) > 0 and all(
            t.is_alpha and t.text[:1].isupper() and t.lower_ not in ORG_WORDS and not self.kb.agent(t.text)
            for t in rest
        )

    def _entity_bounds(self, ent: Any) -> tuple[int, int]:
        """An entity's tokens without articles and honorifics, and for a person without the
        title spaCy took into the name ("Senator Bernie Sanders": the title is read by the
        titles pass, and "Senator" never becomes a part of the name)."""
        start, end = trim_entity(ent)
        if ent.label_ == "PERSON" and end - start >= 2:
            start += title_words(self.kb, [t.text for t in self.doc[start:end]])
        if ent.label_ == "PERSON":  # "Renae Lawrence - Life in prison": a name ends at a spaced dash
            doc = self.doc
            dash = next(
                (
                    k
                    for k in range(start + 1, end)
                    if doc[k].text in ("-", "–", "—") and doc[k - 1].whitespace_
                ),
                end,
            )
            end = dash
            if (
                end - start >= 2
                and end < len(doc)
                and doc[end].text == ":"
                and doc[end - 1].lower_ in CAPTION_WORDS
            ):
                end -= 1  # "Harry Browne Image: unknown": the credit line of a picture
        return start, end

    def _placed(self, start: int, end: int) -> bool:
        """True for a name the places stage resolved as a place ("the air base at Kant"): no person."""
        cs, ce = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        return any(pm.place is not None and pm.start <= cs and ce <= pm.end for pm in self.item.places)

    def _located(self, start: int, end: int) -> bool:
        """True for a name the gazetteer knows as a place after a locative preposition ("killed in
        Khan Younis"): no person, whatever spaCy's label; "at Smith's house" keeps its name."""
        doc = self.doc
        last = doc[end - 1]
        head = last.head
        if self.gazetteer is None or last.dep_ != "pobj" or head.lower_ not in LOCATIVE_PREPOSITIONS:
            return False
        if head.i >= start or any(t.dep_ == "case" for t in last.children):
            return False
        try:
            return self.gazetteer.resolve(doc[start:end].text) is not None
        except Exception:  # the gazetteer is a help here; a failure must not cost the article
            log.warning("gazetteer failed on %r", doc[start:end].text, exc_info=True)
            return False

    def _screened(self, text: str, label: str) -> bool:
        """True for an entity that is no actor (see :mod:`.screen`)."""
        why = no_person(self.kb, text) if label == "PERSON" else no_organization(text)
        return why is not None

    def _bracketed_name_of(self, start: int, end: int) -> str | None:
        """The person whose name stands right before this one in parentheses, when the two share
        a word: the second is the first's full name ("Prince Rainier III (Rainier Louis Henri
        Maxence Bertrand Grimaldi)"). A bracketed name sharing none is more often the person's
        party that spaCy read as a name ("Noël Mamère (Les Verts)")."""
        doc = self.doc
        if start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
            return None
        owner = self.owner.get(start - 2)
        if owner is None or self.found[owner].how != "person":
            return None
        first = self.found[owner]
        words = {key(t.text) for t in doc[first.start : first.end]} - {""}
        return first.actor_id if words & {key(t.text) for t in doc[start:end]} else None

    def _is_title(self, start: int, end: int) -> bool:
        """ "Archbishop of Rio de Janeiro" beside a person's name, set off by a comma: the
        person's title (read by the apposition pass), not an organisation."""
        doc = self.doc
        first_of = next((k for k in range(start + 1, end) if doc[k].lower_ == "of"), None)
        if first_of is None or first_of - start > 3 or self._agent_at(start, first_of) is None:
            return False
        before = start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ == "PERSON"
        after = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON"
        return before or after

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

    def _partial_owner(self, start: int, end: int) -> str | None:
        """The person named before whose name holds this run of words ("Tewolde Berhan" of
        "Tewolde Berhan Gebre Egziabher", "Da Silva" of "Lula da Silva", "al-Sadr" in several
        tokens): every word that can be a part of a name belongs to that one person."""
        whole = self.name_parts.get(self.ix.span_key(start, end))
        if whole:
            return None if self._parent_of(whole, start, end) else whole
        owners = {
            self.name_parts.get(key(t.text))
            for t in self.doc[start:end]
            if t.text.lower() not in NAME_PARTICLES and not t.is_punct
        }
        if len(owners) != 1:
            return None
        owner = owners.pop()
        return None if owner and self._parent_of(owner, start, end) else owner

    def _parent_of(self, actor_id: str, start: int, end: int) -> bool:
        """True for a name of two words or more that is a person's full name without its
        generational suffix ("Harold Brisco" after "Harold Brisco Jr"): the father, not the son."""
        actor = self.actor(actor_id)
        words = (actor.name or "").split() if actor is not None else []
        if len(words) < 3 or words[-1].lower().rstrip(".") not in GENERATIONAL_SUFFIXES:
            return False
        span = [key(t.text) for t in self.doc[start:end] if not t.is_punct]
        return span == [key(w) for w in words[:-1]]

    def _is_partial_person(self, start: int, end: int) -> bool:
        return all(self.name_parts.get(key(t.text)) for t in self.doc[start:end])

    def _new_person(self, name: str) -> Actor:
        """A person the KB does not know; the id is the name without middle initials, so that
        "Loretta E. Lynch" and "Loretta Lynch" are one person here and in every article."""
        words = name.split()
        core = [w for i, w in enumerate(words) if i in (0, len(words) - 1) or not is_initial(w)]
        actor_id = person_id(" ".join(core))
        return self.actor(actor_id) or Actor(actor_id, name, "person", aliases=(name,))

    def _new_org(self, name: str, start: int, end: int) -> Actor:
        actor_id = org_id(name)
        found = self.actor(actor_id)
        if found is not None:
            return found
        country = organisation_country(self, start, end)
        sector = None
        for tok in self.doc[start:end]:
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
        except Exception:  # a broken user registry must not cost the actors, but it is said
            log.warning("outlet registry failed on the name %r", " ".join(words), exc_info=True)
            return None
        return None

    def _partial_names(self) -> None:
        """Surnames and first names of people named in the article, whatever spaCy's label."""
        self._relink_surnames()
        texts = self.ix.texts
        for i, text in enumerate(texts):
            if i in self.owner or not text[:1].isupper():
                continue
            actor_id = self.name_parts.get(key(text)) or namesake(self, i)
            if not actor_id:
                continue
            if len(key(text)) < 3 and self.doc[i].ent_type_ != "PERSON":
                continue  # "Hu" of "Hu Jintao" where spaCy sees a person, not any "Hu" or "Wu"
            if self._starts_agent_phrase(i) or named_after(self, i):
                continue  # "Prime" of "Prime Minister", "Forbes" of "the Forbes Global CEO Conference"
            owner = self.actor(actor_id)
            if owner is not None and another_first_name(self, i, owner):
                continue  # "Ivanka Trump" after "Donald Trump": another person of that surname
            start, end = i, i + 1
            if (
                end < len(texts)
                and end not in self.owner
                and self.name_parts.get(key(texts[end])) == actor_id
            ):
                end += 1
            method = "surname" if self._is_surname(actor_id, text) else "first-name"
            if method == "first-name" and another_surname_follows(self, i, actor_id):
                continue  # "Tenzin Gyatso" beside "Tenzin Taklha"
            self._add(Draft(start, end, actor_id, "PERSON", method, "person"))

    def _relink_surnames(self) -> None:
        """A one-word dictionary name of a group that is the surname of a person named in full
        in the article ("Zarqawi", an alias of ISIL's entry, after "Abu Musab al-Zarqawi") is
        that person: the name pass read it before the entity pass found the person."""
        for m in self.found:
            actor = self.actor(m.actor_id)
            if m.end - m.start != 1 or m.method != "dictionary" or actor is None or actor.kind != "group":
                continue
            person = self.name_parts.get(self.ix.keys[m.start])
            if person and person != m.actor_id and self._is_surname(person, self.ix.texts[m.start]):
                m.actor_id, m.label, m.method, m.how = person, "PERSON", "surname", "person"

    def _is_surname(self, actor_id: str, text: str) -> bool:
        actor = self.actor(actor_id)
        if actor is None or not actor.name:
            return False
        last = actor.name.split()[-1]  # "al-Sadr": "Sadr" too
        return key(text) in (key(last), key(last.split("-", 1)[-1]))

    def _leftover_entities(self) -> None:
        """Single-token PERSON/ORG entities that are nobody's partial name."""
        for ent in self._joined_entities():
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            start, end = self._entity_bounds(ent)
            if end - start != 1 or not self._free(start, end):
                continue
            tok = self.doc[start]
            if not tok.text[:1].isupper() or tok.is_stop or tok.is_punct:
                continue
            placed = self._placed(start, end) or self._located(start, end)
            if self._screened(tok.text, ent.label_) or (ent.label_ == "PERSON" and placed):
                continue
            if tok.lower_ in self.lower_words:
                continue  # "Election", "Lunch": a common word the article also writes in lower case
            if self._in_agent_phrase(start):
                continue
            text = surface(tok.text)
            known = self.kb.person_by_surname(text, self.day) if ent.label_ == "PERSON" else None
            if known is not None:
                self._add(Draft(start, end, known.actor_id, "PERSON", "kb-surname", "person"), known)
                self._remember_person(known.actor_id, [known.name, *known.aliases])
                continue
            if only_modifier(tok):
                continue  # "the Kyoto treaty", "Vioxx sales": a thing or place, not an actor
            if ent.label_ == "PERSON" and not (start > 0 and self.doc[start - 1].lower_ == "the"):
                actor = self._new_person(text)
                self._add(Draft(start, end, actor.actor_id, "PERSON", "ner", "person"), actor)
            else:  # "interviewed by the Chronicle": a one-word name after "the" is no person
                actor = self._new_org(text, start, end)
                self._add(Draft(start, end, actor.actor_id, "ORG", "ner", "actor"), actor)
