"""How a PETRARCH/Phoenix dictionary entry's codes become an actor's roles and kind."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ...models import Role
from ..cameo_dicts import DatedCode, DictActor, is_null_code
from .words import AGENT_CODES, NOT_PERSON_WORDS, iso_country

__all__ = [
    "dated_role_codes",
    "is_time_marker",
    "latest_code",
    "looks_like_person",
    "no_null",
    "role_from_code",
    "roles_overlap",
]


_TIME_MARKER = re.compile(r"^(1[89]\d\d|20\d\d|(DAYS|WEEKS|MONTHS|YEARS) (AGO|LATER))$")


def is_time_marker(text: str) -> bool:
    """A year or "YEARS AGO": a discard that says "history", not "not news"."""
    return bool(_TIME_MARKER.match(text.strip().upper()))


def role_from_code(code: str, start: str | None = None, end: str | None = None, user: bool = True) -> Role:
    if not user and code[:3] in AGENT_CODES:
        return Role(code, None, None, code, start, end)
    return Role(code, None, iso_country(code[:3]), code[3:] or None, start, end)


def looks_like_person(entry: DictActor, dated: list[DatedCode]) -> bool:
    """The dictionaries do not say who is a person; an entry with dated roles (an office held
    for a time) named by two to five words none of which names an organisation or place is one
    ("HAMID_KARZAI_ [AFGGOV 011222-140929]")."""
    words = entry.phrases[0].words
    return bool(dated) and 2 <= len(words) <= 5 and not NOT_PERSON_WORDS.intersection(words)


def dated_role_codes(
    codes: Iterable[DatedCode], null: Callable[[str], bool] = is_null_code
) -> list[DatedCode]:
    """The dated codes that become roles (a dated ``[---]`` is a period with no code)."""
    return [c for c in codes if c.dated and not null(c.code)]


def no_null(code: str) -> bool:
    return False


def latest_code(codes: list[DatedCode]) -> str | None:
    """The code of the open-ended, else the latest-starting, dated code."""
    if not codes:
        return None
    return max(codes, key=lambda c: (c.end is None, c.start or "")).code


def roles_overlap(a: Role, b: Role) -> bool:
    return (a.start or "") <= (b.end or "9999") and (b.start or "") <= (a.end or "9999")
