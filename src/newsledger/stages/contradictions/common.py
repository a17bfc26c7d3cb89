"""Constants, word tokens and dates shared by the contradiction modules."""

from __future__ import annotations

from functools import lru_cache

from ...knowledge.wordlists import word_lists

STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "JUD", "LEG"})

#: How strongly two records belong to one voice, by what they share.
W_ACTOR, W_ORG, W_GOV = 1.0, 0.9, 0.8

#: Two claims this similar (0-1, after removing negations) and of opposite polarity conflict.
CLAIM_SIMILARITY = 0.72
MIN_CLAIM_WORDS = 3


#: Function words left out when two claims are compared (knowledge/data/contradiction_words.yaml).
_STOP = word_lists("contradiction_words.yaml").words("stop_words")


def _days_apart(a: str | None, b: str | None) -> int:
    """Days between two ISO dates of any precision (a year counts as its 1 July); large if unknown."""
    first, second = _day_number(a), _day_number(b)
    return 10**6 if first is None or second is None else abs(first - second)


@lru_cache(maxsize=4096)
def _day_number(value: str | None) -> int | None:
    if not value:
        return None
    parts = [int(p) for p in value[:10].split("-") if p.isdigit()]
    if not parts:
        return None
    year, month, day = (parts + [7, 1])[:3] if len(parts) == 1 else (parts + [15])[:3]
    return year * 372 + month * 31 + day


#: CAMEO roots of cooperation that involve both sides whoever is coded the source: meetings,
#: visits and hosting (04), material cooperation (06).  Verbal support (05: praise) is one-sided.


def _time_factor(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 1.0
    try:
        gap = abs(int(a[:4]) - int(b[:4]))
    except ValueError:
        return 1.0
    return 1.0 if gap <= 1 else 0.85 if gap <= 3 else 0.7
