"""The framing lexicon: loaded terms an outlet chooses, and the stance cues speakers use.

The shipped lexicon (``data/framing.yaml``) is read once per process; a user file with the same
layout can replace it (``Lexicon.load(path)``).  Matching is case-insensitive on whole words, a
trailing plural (``-s``/``-es``) included, and the longest term wins where terms overlap
("terrorist group" over "terrorist").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError
from ..text.normalize import norm_key
from .files import load_yaml

CATEGORIES = ("delegitimising", "securitising", "loaded-label", "sympathetic", "euphemistic")
REFERS_TO = ("government", "group", "any", "none")

__all__ = [
    "CATEGORIES",
    "REFERS_TO",
    "Lexicon",
    "TermEntry",
    "TermMatch",
    "cached_pattern",
    "load_lexicon",
    "phrase_pattern",
]


@dataclass(frozen=True, slots=True)
class TermEntry:
    term: str
    category: str
    refers_to: str = "any"


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int
    end: int
    text: str
    entry: TermEntry


@dataclass(frozen=True)
class Lexicon:
    terms: tuple[TermEntry, ...]
    critical: frozenset[str] = frozenset()
    supportive: frozenset[str] = frozenset()
    hostile_labels: frozenset[str] = frozenset()
    opposed_by: frozenset[str] = frozenset()
    struggle: frozenset[str] = frozenset()
    cooperation: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    antonyms: tuple[tuple[str, str], ...] = ()
    _by_key: dict[str, TermEntry] = field(default_factory=dict, repr=False, compare=False)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key = {norm_key(e.term): e for e in self.terms}
        self._by_key.update(by_key)
        object.__setattr__(self, "_pattern", phrase_pattern(by_key))

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: str | Path | None = None) -> Lexicon:
        data, origin = load_yaml(path, "framing.yaml", "framing lexicon")
        return cls.from_dict(data, origin)

    @classmethod
    def from_dict(cls, data: Any, origin: str = "<dict>") -> Lexicon:
        if not isinstance(data, dict):
            raise KnowledgeError("framing lexicon must be a mapping with a 'terms' list", origin=origin)
        entries = []
        for number, item in enumerate(data.get("terms") or (), start=1):
            if not isinstance(item, dict) or not item.get("term") or not item.get("category"):
                raise KnowledgeError(f"term {number} needs 'term' and 'category'", origin=origin)
            category = str(item["category"])
            refers_to = str(item.get("refers_to", "any"))
            if category not in CATEGORIES:
                raise KnowledgeError(
                    f"term {number} ({item['term']}) has category {category!r}; use one of "
                    f"{', '.join(CATEGORIES)}",
                    origin=origin,
                )
            if refers_to not in REFERS_TO:
                raise KnowledgeError(
                    f"term {number} ({item['term']}) has refers_to {refers_to!r}; use one of "
                    f"{', '.join(REFERS_TO)}",
                    origin=origin,
                )
            entries.append(TermEntry(str(item["term"]).lower(), category, refers_to))
        stance = data.get("stance") or {}
        antonyms = []
        for pair in data.get("antonyms") or ():
            if not isinstance(pair, list | tuple) or len(pair) != 2:
                raise KnowledgeError(f"antonym entry {pair!r} must be a pair [word, opposite]", origin=origin)
            antonyms.append((str(pair[0]).lower(), str(pair[1]).lower()))
        return cls(
            terms=tuple(entries),
            critical=_words(stance.get("critical")),
            supportive=_words(stance.get("supportive")),
            hostile_labels=_words(data.get("hostile_labels")),
            opposed_by=_words(data.get("opposed_by")),
            struggle=_words(data.get("struggle")),
            cooperation=_words(data.get("cooperation")),
            negations=_words(data.get("negations")),
            antonyms=tuple(antonyms),
        )

    # ------------------------------------------------------------------ matching

    def find_terms(self, text: str) -> list[TermMatch]:
        """Every loaded term in ``text``, longest first where they overlap, in text order."""
        if self._pattern is None:
            return []
        out = []
        for m in self._pattern.finditer(text):
            entry = self._by_key.get(norm_key(_singular(m.group(0), self._by_key)))
            if entry is not None:
                out.append(TermMatch(m.start(), m.end(), m.group(0), entry))
        return out

    def antonym_map(self) -> dict[str, str]:
        pairs: dict[str, str] = {}
        for a, b in self.antonyms:
            pairs.setdefault(a, b)
            pairs.setdefault(b, a)
        return pairs


def phrase_pattern(phrases: Any) -> re.Pattern[str] | None:
    """One case-insensitive regex for whole-word ``phrases``; longer phrases are tried first."""
    keys = sorted({norm_key(p) for p in phrases if p}, key=len, reverse=True)
    if not keys:
        return None
    parts = []
    for key in keys:
        body = r"\s+".join(re.escape(w) for w in key.split(" "))
        body = body.replace("'", "['’]")
        parts.append(body)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?:e?s)?(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1024)
def cached_pattern(phrases: frozenset[str] | tuple[str, ...]) -> re.Pattern[str] | None:
    """:func:`phrase_pattern` for a hashable collection, compiled once per process."""
    return phrase_pattern(phrases)


def _singular(found: str, keys: dict[str, TermEntry]) -> str:
    norm = norm_key(found)
    if norm in keys:
        return norm
    for cut in (1, 2):
        if norm_key(norm[:-cut]) in keys:
            return norm[:-cut]
    return norm


def _words(items: Any) -> frozenset[str]:
    return frozenset(norm_key(str(w)) for w in items or ())


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The lexicon at ``path`` (the shipped one when ``None``), read once per process."""
    return Lexicon.load(path)
