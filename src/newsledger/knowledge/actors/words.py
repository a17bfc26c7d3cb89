"""Word lists the actor knowledge base is built from: sector names, demonyms, first names,
country names and capitals, and the words that tell a dictionary entry's kind.

The lists live in ``knowledge/data/actor_words.yaml`` (see its comments, and MANIFEST.yaml for
its source and licence); this module reads them once and checks their shape.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from ...errors import KnowledgeError
from ..files import safe_load

__all__ = [
    "AGENT_CODES",
    "CAPITAL_STOP",
    "COUNTRY_NAMES",
    "DEMONYMS",
    "EXTRA_CAPITALS",
    "FEMALE_FIRST_NAMES",
    "MALE_FIRST_NAMES",
    "NOT_PERSON_WORDS",
    "SECTOR_NAMES",
    "WORDS_FILE",
    "demonym_plurals",
    "iso_country",
    "word_set",
]

#: The shipped file, as provenance names it.
WORDS_FILE = "newsledger/knowledge/data/actor_words.yaml"


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


def _load() -> dict[str, Any]:
    text = resources.files("newsledger.knowledge").joinpath("data/actor_words.yaml").read_text("utf-8")
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"not valid YAML ({exc})", origin=WORDS_FILE) from exc
    if not isinstance(data, dict):
        raise KnowledgeError("expected a mapping of word lists", origin=WORDS_FILE)
    return data


def _section(data: dict[str, Any], name: str, kind: type) -> Any:
    value = data.get(name)
    if not isinstance(value, kind):
        raise KnowledgeError(f"section {name!r} must be a {kind.__name__}", origin=WORDS_FILE)
    return value


def _strings(mapping: dict[Any, Any], name: str) -> dict[str, str]:
    out = {str(k): str(v) for k, v in mapping.items()}
    if any(not k or not v for k, v in out.items()):
        raise KnowledgeError(f"section {name!r} has an empty name or value", origin=WORDS_FILE)
    return out


def _demonyms(cells: list[Any]) -> dict[str, str]:
    """``["IRN Iranian,Persian", ...]`` -> ``{"Iranian": "IRN", "Persian": "IRN", ...}`` (in order:
    a later cell wins a name)."""
    out: dict[str, str] = {}
    for cell in cells:
        code, _, names = str(cell).strip().partition(" ")
        if len(code) != 3 or not names.strip():
            raise KnowledgeError(f"demonym {cell!r}: write 'ISO Name,Name'", origin=WORDS_FILE)
        for name in names.split(","):
            out[name.strip()] = code
    return out


_DATA = _load()

#: CAMEO sector code -> the plural noun that names a group of it ("government", "rebels").
SECTOR_NAMES: dict[str, str] = _strings(_section(_DATA, "sectors", dict), "sectors")

#: Demonym (adjective or singular noun) -> alpha-3; plurals come from :func:`demonym_plurals`.
DEMONYMS: dict[str, str] = _demonyms(_section(_DATA, "demonyms", list))

FEMALE_FIRST_NAMES = word_set(_section(_DATA, "female_first_names", str))
MALE_FIRST_NAMES = word_set(_section(_DATA, "male_first_names", str))

#: Country names pycountry lacks (news usage, states gone before its list) -> alpha-3 / CAMEO code.
COUNTRY_NAMES: dict[str, str] = _strings(_section(_DATA, "country_names", dict), "country_names")

#: The dictionaries' own country codes -> ISO alpha-3 ("TMP": "TLS").
DICTIONARY_COUNTRY_CODES: dict[str, str] = _strings(
    _section(_DATA, "dictionary_country_codes", dict), "dictionary_country_codes"
)


def iso_country(code: str) -> str:
    """The ISO alpha-3 code of a dictionary's country code ("TMP" -> "TLS"; others unchanged)."""
    return DICTIONARY_COUNTRY_CODES.get(code, code)


#: Capitals that double as common words or names are not read as metonyms.
CAPITAL_STOP = frozenset(str(name) for name in _section(_DATA, "capital_stop", list))

EXTRA_CAPITALS: dict[str, str] = _strings(_section(_DATA, "extra_capitals", dict), "extra_capitals")

#: CAMEO agent (sector) codes: a dictionary code that starts with one has no country
#: ("REUTERS_ [MED]" is media of no country, not a country "MED").
AGENT_CODES = frozenset(SECTOR_NAMES) | word_set(_section(_DATA, "agent_codes", str))

#: Words that make a dictionary entry an organisation or a place, not a person.
NOT_PERSON_WORDS = word_set(_section(_DATA, "not_person_words", str))


def demonym_plurals(name: str) -> list[str]:
    if name.endswith(("ese", "ss", "sh", "ch", "i", "Swiss", "s")) and not name.endswith("i"):
        return []
    if name.endswith("man"):
        return [name[:-3] + "men"]
    return [name + "s"]
