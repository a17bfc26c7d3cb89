"""One body, one actor: a dictionary body listed again with "the" before its name is the body
(issue #11), and "they" of a plural noun's own words is that noun's, not someone named before
it.  Sentences written for these tests (no shared data)."""

from __future__ import annotations

from typing import Any

from newsledger.stages.actors import kb_for

from .test_actor_countries import res, run

__all__ = ["res"]


def _ids(item: Any, text: str) -> list[str | None]:
    return [m.actor_id for m in item.mentions if m.text == text]


def test_the_un_and_the_united_nations_are_the_united_nations(nlp: Any, res: Any) -> None:
    item = run(
        nlp, res, "The UN in Congo said four people were killed. Later the United Nations condemned it."
    )
    assert {*_ids(item, "The UN"), *_ids(item, "United Nations")} == {"org:united-nations"}


def test_a_body_listed_with_the_is_folded_into_the_body(res: Any) -> None:
    kb = kb_for(res)  # the shipped dictionaries list THE_CARTER_CENTER and CARTER_CENTER apart
    with_the, without = kb.lookup("The Carter Center"), kb.lookup("Carter Center")
    assert with_the is not None and without is not None and with_the.actor_id == without.actor_id


def test_they_of_a_plural_nouns_own_words_is_that_noun(nlp: Any, res: Any) -> None:
    item = run(
        nlp,
        res,
        "The UN in Congo have said that four people may have been killed. A journalist saw bandaged "
        "protestors who said they had been beaten by police.",
    )
    assert _ids(item, "they") == _ids(item, "who") != ["org:united-nations"]
