"""The deterministic dev / check split shared by every gold set.

A record belongs to the **check** part when ``sha256(id) mod 10 >= 8`` (about a fifth of the
records), to **dev** otherwise.  Rules are developed and errors read on ``dev`` only; ``check``
is measured before and after a change and never read, so that its figures say whether a change
generalises.  The id is the record's own identifier: the article id for gold_wikinews, the code
for the CAMEO codebook, ``id`` for PLOVER and PETRARCH records, ``doc`` for PolNeAR.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

from ..errors import EvaluationError

Part = Literal["dev", "check"]
PARTS: tuple[str, ...] = ("dev", "check", "all")

T = TypeVar("T")


def part_of(record_id: str) -> Part:
    """``"check"`` for about one record id in five (fixed by its SHA-256), else ``"dev"``."""
    digest = int(hashlib.sha256(str(record_id).encode("utf-8")).hexdigest(), 16)
    return "check" if digest % 10 >= 8 else "dev"


def check_part(part: object) -> str:
    """``part`` as given on the command line, validated: dev, check or all (None = all)."""
    value = "all" if part is None else str(part)
    if value not in PARTS:
        raise EvaluationError(f"unknown part {value!r}; choose one of {', '.join(PARTS)}")
    return value


def select(records: Iterable[T], part: object, key: Callable[[T], object]) -> list[T]:
    """The records of ``part`` ("dev", "check" or "all"), ``key`` giving each record's id."""
    wanted = check_part(part)
    if wanted == "all":
        return list(records)
    return [r for r in records if part_of(str(key(r))) == wanted]
