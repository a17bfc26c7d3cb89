"""Word lists the actor resolver reads: titles, name particles, organisation and agent words."""

from __future__ import annotations

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
GROUP_ALIAS_METHODS = {"agent"}  # "collective", "home-country": the surface ("the regime") names no one
#: Prepositions whose object is where something happens ("in the barracks", "at a hospital"):
#: an agent word there names a place, not an actor of unknown country.
LOCATIVE_PREPOSITIONS = {"in", "at", "inside", "outside", "near", "into", "onto", "within", "around"}
