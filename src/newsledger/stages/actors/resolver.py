"""The whole resolver: runs the passes in order and turns the working mentions into the
stage's :class:`Mention` and :class:`Actor` records."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ...knowledge.actors import with_aliases
from ...models import Actor, Mention
from .acronyms import link_acronyms
from .bodies import home_chambers, home_parties, settle_body_countries, short_bodies
from .doc_index import surface
from .pronouns import PronounPasses
from .same_person import merge_same_people
from .screen import generic_alias
from .words import ALIAS_METHODS, DOMESTIC_SECTORS, GROUP_ALIAS_METHODS, POSSESSIVES


class Resolver(PronounPasses):
    def run(self) -> None:
        doc = self.doc
        self._names()
        self._entities()
        self._partial_names()
        self._leftover_entities()
        link_acronyms(self)  # "Research In Motion Ltd. (RIM)": RIM is the company
        home_chambers(self)  # before titles: "Chairman of the Senate of Belgium" is Belgian
        self._titles()
        self._countries_before_names()
        self._appositions()
        self._relative_roles()
        self._places_after_names()
        self._agent_phrases()
        short_bodies(self)  # "the Navy" after "the Singapore Navy" (before "they" is resolved)
        self._pronouns()
        self._agent_phrases()  # "its diplomats": agent phrases whose base is a pronoun
        home_chambers(self)  # "the Senate" of an Australian report is not the U.S. Senate
        home_parties(self)  # nor its "Democrats" the US Democrats
        merge_same_people(self)  # "Kehn Thompson" named before "Jeri Kehn Thompson": one person
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
                aliases.setdefault(m.actor_id, []).append(surface(name_span.text))
            elif (
                m.label == "GROUP"
                and m.method.split("+")[0] in GROUP_ALIAS_METHODS
                and doc[m.start].lower_ not in POSSESSIVES
            ):
                aliases.setdefault(m.actor_id, []).append(surface(span.text))  # "Iranian regime"
        settle_body_countries(self)  # "Foreign Ministry spokesman X" after "China's Foreign Ministry"
        self._settle_surname_countries()
        self._settle_countries()
        actors: dict[str, Actor] = {}
        for mention in mentions:
            actor = self.actor(mention.actor_id or "")
            if actor is not None and actor.actor_id not in actors:
                names = [a for a in aliases.get(actor.actor_id, ()) if not generic_alias(self.kb, a)]
                actors[actor.actor_id] = with_aliases(actor, names)
        outlet = self._outlet()
        if outlet is not None:
            actors.setdefault(outlet.actor_id, outlet)
        self.item.mentions = mentions
        self.item.actors = actors

    def _settle_surname_countries(self) -> None:
        """A person named by one word only ("Cheney", "Papandreou", "Yadav") whom no pass
        placed: when every person of that surname in the knowledge base is of one country and
        the article names that country most often, the person is of it (the KB person is not assumed to
        be the one meant: a namesake of the same country is as likely)."""
        named = self._countries_named()
        if not named:
            return
        for actor_id, actor in list(self.actors.items()):
            if actor.country or not self._unknown_person(actor_id) or len(actor.name.split()) != 1:
                continue
            countries = set(self.kb.surname_countries(actor.name))
            if len(countries) == 1 and (country := countries.pop()) in named:
                roles = tuple(replace(r, country=r.country or country) for r in actor.roles)
                self.actors[actor_id] = replace(actor, country=country, roles=roles)

    def _countries_named(self) -> set[str]:
        """The countries the article names most often (as countries, nationalities or national
        groups): one, or several tied."""
        counts: Counter[str] = Counter()
        for m in self.found:
            actor = self.actor(m.actor_id)
            if m.how != "drop" and actor is not None and actor.kind in ("country", "group") and actor.country:
                counts[actor.country] += 1
        most = max(counts.values(), default=0)
        return {c for c, n in counts.items() if n == most}

    def _settle_countries(self) -> None:
        """People the KB does not know whose title gave a state sector but no country ("Senator
        Harry Reid") belong to the country the article is about, when one clearly dominates;
        people with no title at all only when it dominates the article (a report about one
        country names mostly its own people; foreigners are usually introduced by a title or a
        demonym, which gives them their own country)."""
        # (a looser threshold, share 0.5 of 2+ mentions, gave 26 more people of a 300-article
        # sample a country, 16 of them wrong: US soldiers in Iraq coded IRQ, Qin Gang USA)
        top = self._dominant_country(share=0.6, least=3)
        if top is None:
            return
        strong = self._dominant_country(share=0.75, least=4)
        for actor_id, actor in list(self.actors.items()):
            if (
                not self._unknown_person(actor_id)
                or actor.country
                or actor.affiliation
                or len(actor.roles) > 1
            ):
                continue
            if not actor.roles:
                if strong is not None:
                    self.actors[actor_id] = replace(actor, country=strong)
                continue
            role = actor.roles[0]
            if role.sector in DOMESTIC_SECTORS | {"MIL", "COP"} and not role.country:
                self.actors[actor_id] = replace(
                    actor,
                    country=top,
                    cameo_code=f"{top}{actor.sector or ''}",
                    roles=(replace(role, country=top),),
                )
