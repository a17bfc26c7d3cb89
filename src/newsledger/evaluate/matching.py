"""Matching system records to hand-coded gold records: actors by name, sentences by overlap,
and one-to-one pairs within an article.

Used by ``newsledger evaluate ledger`` (gold_wikinews, see its PROTOCOL.md).  Actor matching is
fair but strict:

* a gold actor ``{text, name, country, sector}`` matches a system actor when a normalised form
  of the gold ``name`` or ``text`` equals the system actor's name or any of its aliases
  (pronouns in the gold ``text`` never count: "he" says nothing about who was resolved);
* else, for collective actors only (neither side a person), when country and sector are the
  same and not both unknown: "the government" coded USA GOV is the system's "U.S. government".
  The gold codes one primary sector from a fixed list (GOV, NGO, ...), so a compound CAMEO
  sector of the system ("NGOENV", Phoenix's code for environmental groups) is read by its
  primary part.

Pairs are taken by a maximum bipartite matching, so several system records for one gold
happening give one match and false positives for the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "SystemActor",
    "actor_matches",
    "max_matching",
    "norm_name",
    "overlaps",
    "sentence_span",
]

PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "itself",
        "himself",
        "herself",
        "themselves",
        "ourselves",
    ]
)
_LEADING = re.compile(r"^(?:the|a|an)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True, slots=True)
class SystemActor:
    """What the ledger says about one actor of a record: name, aliases, country, sector, kind."""

    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    kind: str | None = None  # person | organization | country | group (None when unknown)


def norm_name(text: str | None) -> str:
    """Lower case, accents and punctuation folded, a leading article and a possessive dropped:
    "the U.S. Department of Justice's" and "U.S. Department of Justice" are alike."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower().strip()
    folded = _POSSESSIVE.sub("", folded)
    folded = re.sub(r"(?<=\w)\.(?=\w)|\.$", "", folded)  # U.S. -> US
    folded = re.sub(r"[^\w\s-]", " ", folded)
    folded = re.sub(r"\s+", " ", folded).strip()
    return _LEADING.sub("", folded)


def _gold_names(gold: Mapping[str, Any]) -> set[str]:
    names = {norm_name(gold.get("name"))}
    text = norm_name(gold.get("text"))
    if text and text not in PRONOUNS:
        names.add(text)
    names.discard("")
    return names


def actor_matches(gold: Mapping[str, Any] | None, system: SystemActor | None, gold_kind: str | None) -> bool:
    """True when ``system`` is the gold actor (see the module doc); None matches only None."""
    if gold is None or system is None:
        return gold is None and system is None
    system_names = {norm_name(system.name), *(norm_name(a) for a in system.aliases)}
    system_names.discard("")
    if _gold_names(gold) & system_names:
        return True
    if "person" in (gold_kind, system.kind):
        return False
    country, sector = gold.get("country") or None, gold.get("sector") or None
    if country is None and sector is None:
        return False
    return (country, sector) == (system.country or None, _primary_sector(system.sector))


def _primary_sector(sector: str | None) -> str | None:
    """The first three-letter code of a compound CAMEO sector ("NGOENV" -> "NGO")."""
    return sector[:3] if sector else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when the half-open character ranges share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def sentence_span(text: str, sentence: str, near: int | None = None) -> tuple[int, int] | None:
    """Where ``sentence`` stands in ``text``: the occurrence that holds ``near`` when given (a
    sentence may repeat), else the first; whitespace differences are tolerated."""
    starts = [m.start() for m in re.finditer(re.escape(sentence), text)]
    if starts:
        length = len(sentence)
        if near is not None:
            for start in starts:
                if start <= near < start + length:
                    return (start, start + length)
        return (starts[0], starts[0] + length)
    words = sentence.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    found = re.search(pattern, text)
    return (found.start(), found.end()) if found else None


def _best_first(row: list[int], g: int, prefer: Callable[[int, int], int]) -> list[int]:
    return sorted(row, key=lambda s: -prefer(g, s))


def max_matching(
    n_gold: int,
    n_system: int,
    ok: Callable[[int, int], bool],
    prefer: Callable[[int, int], int] | None = None,
) -> list[tuple[int, int]]:
    """A maximum one-to-one set of (gold, system) pairs for which ``ok`` holds (Kuhn's
    augmenting paths; articles hold tens of records, so this is instant).  Each gold record
    tries its candidates best first by ``prefer`` (higher first), then in system order."""
    edges = [[s for s in range(n_system) if ok(g, s)] for g in range(n_gold)]
    if prefer is not None:
        edges = [_best_first(row, g, prefer) for g, row in enumerate(edges)]
    owner: dict[int, int] = {}  # system index -> gold index

    def augment(g: int, seen: set[int]) -> bool:
        for s in edges[g]:
            if s in seen:
                continue
            seen.add(s)
            if s not in owner or augment(owner[s], seen):
                owner[s] = g
                return True
        return False

    for g in range(n_gold):
        augment(g, set())
    return sorted((g, s) for s, g in owner.items())
