"""Word lists the actor resolver reads: titles, name particles, organisation and agent words.

The words live in ``knowledge/data/actor_text_words.yaml`` (its comments say what each list is
for; MANIFEST.yaml its source and licence); the codes and method names below are the program's
own vocabulary and stay here.
"""

from __future__ import annotations

from typing import Any

from ...knowledge.wordlists import word_lists

_WORDS = word_lists("actor_text_words.yaml")

MAX_NAME_TOKENS = 10
PERSON_PRONOUNS = _WORDS.words("person_pronouns")
FEMALE_PRONOUNS = _WORDS.words("female_pronouns")
FEMALE_TITLES = _WORDS.words("female_titles")
MALE_TITLES = _WORDS.words("male_titles")
COLLECTIVE_GOV = _WORDS.words("collective_government")
#: words that say which government of its country a collective is ("the new government")
GOVERNMENT_QUALIFIERS = _WORDS.words("government_qualifiers")
FEDERAL_STATES = _WORDS.words("federal_states")
TITLE_LINKS = _WORDS.words("title_links")
NAME_PARTICLES = _WORDS.words("name_particles")
ORG_WORDS = _WORDS.words("organisation_words")
# Words in an organisation's name that say its sector ("San Gabriel Valley Tribune" -> MED).
ORG_SECTORS: dict[str, str] = _WORDS.table("organisation_sectors")
ABSTRACT_AGENT_WORDS = _WORDS.words("abstract_agent_words")
GENERIC_ANAPHORS = _WORDS.words("generic_anaphors")
GROUP_ANAPHORS = GENERIC_ANAPHORS | _WORDS.words("more_group_anaphors")
NAME_STOP = _WORDS.words("name_stop")
HONORIFICS = _WORDS.ordered("honorifics")
DOMESTIC_SECTORS = {"GOV", "LEG", "JUD", "PTY", "OPP"}
#: agents a people, faith or movement has without a state: rebels, insurgents, militias,
#: opposition, refugees, the faithful ("Kurdish rebels", "Shiite clerics"); not civilians, a
#: sector the dictionaries also give to places ("Jewish settlements", "Kurdish villages")
PEOPLE_GROUP_SECTORS = {"REB", "INS", "UAF", "OPP", "REF", "MUS", "CHR", "JEW", "HIN", "BUD", "RAD"}
SPONSORED = _WORDS.words("sponsored")
TOO_GENERIC = _WORDS.words("too_generic")
POSSESSIVES = _WORDS.words("possessives")
NON_AGENT_VERBS = _WORDS.words("non_agent_verbs")
BASE_HOWS = ("country", "demonym", "capital", "actor")
ALIAS_METHODS = {"kb", "kb-surname", "ner", "surname", "first-name", "dictionary", "country", "demonym", "capital", "parenthesis", "acronym"}  # fmt: skip
OUTLET_WORDS = _WORDS.words("outlet_words")
OUTLET_SECTORS = {"state_media": "GOVMED", "government": "GOV", "advocacy": "NGO"}
GROUP_ALIAS_METHODS = {"agent"}  # "collective", "home-country": the surface ("the regime") names no one
#: Prepositions whose object is where something happens ("in the barracks", "at a hospital"):
#: an agent word there names a place, not an actor of unknown country.
LOCATIVE_PREPOSITIONS = _WORDS.words("locative_prepositions")
#: Verbs of a relative clause that say what a person heads ("who heads the X Association")
#: and by which they hold a title ("who has served as chair of X").
HEAD_VERBS = _WORDS.words("head_verbs")
SERVE_VERBS = _WORDS.words("serve_verbs")
#: Nouns a country modifies as their topic ("Iraq war veteran", "Iran expert"): no nationality.
TOPIC_HEADS = _WORDS.words("topic_heads")
#: Fields a nationality describes ("professor of Chinese history"): no nationality of the person.
SUBJECT_NOUNS = _WORDS.words("subject_nouns")
#: Head nouns of a title that make the titled name a body's ("Rocca Tiles, his family business").
BODY_NOUNS = _WORDS.words("body_nouns")
PLACE_BODIES = _WORDS.words("place_bodies")
ARMED_ANAPHORS = _WORDS.words("armed_anaphors")
#: Credit-line words glued to a name before a colon ("Harry Browne Image: unknown").
CAPTION_WORDS = _WORDS.words("caption_words")
NAME_TITLES = _WORDS.words("name_titles")
POSTNOMINALS = _WORDS.words("postnominals")
GENERATIONAL_SUFFIXES = _WORDS.words("generational_suffixes")
NAMED_AFTER_HEADS = _WORDS.words("named_after_heads")

#: CAMEO's religion codes (Phoenix writes MUS for CAMEO's MOS): a faith is capitalised in English
#: ("Sunni militants", "Christian groups") without being the name of one group
FAITH_CODES = frozenset(code.upper() for code in _WORDS.words("faith_codes"))  # lists are lower case


def names_a_faith(code: str) -> bool:
    """True when one of the three-letter parts of ``code`` is a religion ("REBMUS", "CHR")."""
    return any(code[i : i + 3] in FAITH_CODES for i in range(0, len(code), 3))


#: Prefixes that make a country's name or demonym a stance toward it ("anti-Syrian", "pro-Russian").
STANCE_PREFIXES = frozenset({"anti", "pro"})


def stance_toward(doc: Any, i: int) -> bool:
    """True when token ``i`` follows "anti-" or "pro-": "former anti-Syrian Lebanese Prime Minister
    Rafik Hariri" is no Syrian, "pro-Russian separatists" are no Russians and an "anti-Israel
    rally" is not held by Israel."""
    if doc[i].text == "-":  # a name may be read from the hyphen on ("-Syrian")
        i += 1
    return i > 1 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES
