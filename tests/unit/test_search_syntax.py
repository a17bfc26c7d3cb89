"""The search syntax (store/fts.py): what each construct finds in a real FTS5 index, what is
refused and how, and -- a hypothesis property -- that no text whatever makes the builder write
an expression FTS5 rejects: a query is either read or refused with SearchQueryError."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.errors import SearchQueryError
from newsledger.store.fts import MAX_DEPTH, MAX_TERMS, fts5_query, parse, plain_words

DOCS = {
    1: "Zarif called the Taliban a terrorist entity in Tehran",
    2: "The entity said terrorist attacks rose; officials in Kabul disagreed",
    3: "Iran hosted a Taliban delegation for talks on terrorism",
    4: "Trade talks between Iran and China resumed",
}

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
SYNTAX = st.lists(
    st.sampled_from(
        ['"', "*", "(", ")", ":", "^", "-", "+", "AND", "OR", "NOT", "NEAR", "iran", "Zarif", "x", "-x",
         "terror*", '"a b', "''", "\\", "{", "}", "col:", "NEAR(", "\x00", "é", "日本"]
    ),
    max_size=16,
).map(" ".join)  # fmt: skip


@pytest.fixture(scope="module")
def index() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='porter unicode61')")
    conn.executemany("INSERT INTO docs (rowid, body) VALUES (?, ?)", DOCS.items())
    yield conn
    conn.close()


def _found(index: sqlite3.Connection, q: str) -> set[int]:
    return {r for (r,) in index.execute("SELECT rowid FROM docs WHERE docs MATCH ?", (fts5_query(q),))}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("terrorist entity", {1, 2}),  # every word, anywhere
        ('"terrorist entity"', {1}),  # the phrase
        ("terror*", {1, 2, 3}),  # a prefix
        ("Taliban OR China", {1, 3, 4}),
        ("Taliban AND Iran", {3}),
        ("talks NOT China", {3}),
        ("talks -China", {3}),
        ("(Kabul OR Tehran) terrorist", {1, 2}),
        ("Iran talks NOT (China OR delegation)", set()),
        ('"terrorist entity', {1}),  # an unclosed quote runs to the end
        ("Tehran.", {1}),  # punctuation is not syntax
        ("terrorist-entity", {1}),  # the index splits words at punctuation: a phrase
        ("and", {4}),  # lower case: a word, not an operator
        ("NEAR(Iran", None),  # NEAR is a word here; the '(' is not closed
    ],
)
def test_the_syntax_finds_what_it_says(index: sqlite3.Connection, q: str, expected: set[int] | None) -> None:
    if expected is None:
        with pytest.raises(SearchQueryError, match="is not closed"):
            fts5_query(q)
    else:
        assert _found(index, q) == expected


@pytest.mark.parametrize(
    ("q", "problem"),
    [
        ("OR", "OR needs"),
        ("Iran OR", "OR needs"),
        ("AND Iran", "AND needs"),
        ("Iran AND", "AND needs"),
        ("Iran NOT", "NOT needs"),
        ("NOT Iran", "only exclusions"),
        ("-Iran -China", "only exclusions"),
        ("(Iran", "is not closed"),
        ("Iran)", "closes no"),
        ("(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1), "nested"),
        ("x " * (MAX_TERMS + 1), "terms"),
    ],
)
def test_a_broken_query_is_refused_with_what_is_wrong(q: str, problem: str) -> None:
    with pytest.raises(SearchQueryError, match=problem) as caught:
        fts5_query(q)
    assert caught.value.code == "NL-E601" and '"quoted phrases"' in str(caught.value)


@pytest.mark.parametrize("q", ["", "   ", '""', "-", "*", "()", '"(*', "!!"])
def test_nothing_to_look_for_is_an_empty_expression(q: str) -> None:
    assert fts5_query(q) == ""


def test_the_phrase_boost_reads_the_words_of_an_and_query_only() -> None:
    assert plain_words(parse("terrorist entity")) == ["terrorist", "entity"]
    assert plain_words(parse('"terrorist entity" Iran')) == ["terrorist", "entity", "Iran"]
    assert plain_words(parse("terrorist OR entity")) == []
    assert plain_words(parse("terror* entity")) == []


@given(q=st.one_of(TEXT, SYNTAX))
def test_any_text_is_read_into_valid_fts5_or_refused_by_name(index: sqlite3.Connection, q: str) -> None:
    try:
        match = fts5_query(q)
    except SearchQueryError as exc:
        assert "could not be parsed" in str(exc)
        return
    if match:
        index.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()  # no syntax error
    else:
        assert parse(q) is None
