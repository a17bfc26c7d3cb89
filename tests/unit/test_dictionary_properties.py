"""Property tests for the dictionary readers (hypothesis; deterministic profile in tests/conftest.py).

Whatever lines a dictionary holds, a reader either reads them or raises a KnowledgeError that
names the file and the line: never another exception, never a silent skip of a code block."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.errors import KnowledgeError
from newsledger.knowledge.cameo_dicts import (
    parse_actors,
    parse_agents,
    parse_day,
    parse_discards,
    parse_issues,
)
from newsledger.knowledge.petrarch_verbs import parse_petrarch_verbs

# Lines built from the characters and pieces the formats give meaning to, and random text.
PIECES = st.sampled_from(
    [
        "[", "]", "{", "}", "(", ")", "<", ">", "-", "--- ", " ---", "+", "_", "&", "~", "#", "!", "=",
        "*", "$", "%", "^", ":", "/", "\t", " ", "USAGOV", "IRN", "19820101", "2004017", "950601",
        "20121207-20120802", "<!--", "-->", "<ISSUE CATEGORY=\"X\">", "</ISSUE>", "n:", "MEET", "WITH",
        "[040]", "[:110]", "[---]", "[~GOV]", "[NGO~]", "!PERSON! = MAN, WOMAN", "\u00e9", "0",
    ]
)  # fmt: skip
LINE = st.one_of(st.lists(PIECES, max_size=8).map("".join), st.text(max_size=40))
TEXT = st.lists(LINE, max_size=12).map("\n".join)

READERS: dict[str, Callable[[str, str], Any]] = {
    "actors": parse_actors,
    "agents": lambda text, origin: parse_agents(text, origin, strict=True),
    "discards": parse_discards,
    "issues": parse_issues,
    "verbs": lambda text, origin: parse_petrarch_verbs(text, origin),
}


@pytest.mark.parametrize("kind", sorted(READERS))
@given(text=TEXT)
def test_random_lines_read_or_fail_with_file_and_line(kind: str, text: str) -> None:
    origin = f"random.{kind}.txt"
    try:
        READERS[kind](text, origin)
    except KnowledgeError as exc:
        assert exc.code.startswith("NL-E4")
        assert exc.origin == origin
        assert exc.line is not None and 1 <= exc.line <= max(1, len(text.splitlines()))


@given(digits=st.text(alphabet="0123456789", min_size=1, max_size=12))
def test_a_date_is_a_day_or_a_value_error(digits: str) -> None:
    try:
        day = parse_day(digits)
    except ValueError:
        return
    assert 1900 <= day.year <= 2099 or len(digits) >= 8


@given(
    year=st.integers(1900, 2029),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    sep=st.sampled_from(["-", " - "]),
)
def test_well_formed_ranges_read_back_exactly(year: int, month: int, day: int, sep: str) -> None:
    first = f"{year:04d}{month:02d}{day:02d}"
    entries = parse_actors(f"SOMEONE_\n\t[AAAGOV {first}{sep}{year + 1:04d}{month:02d}{day:02d}]\n", "x.txt")
    code = entries[0].codes[0]
    assert code.start == f"{year:04d}-{month:02d}-{day:02d}"
    assert code.end == f"{year + 1:04d}-{month:02d}-{day:02d}" and code.line == 2
