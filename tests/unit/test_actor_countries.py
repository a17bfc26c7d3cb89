"""Where a person the knowledge base does not know gets a country from the text, and where not
(issue #12, item 2): the words before a name, an appositive nationality, an outlet, a country
inside an organisation's name; no country from a topic ("Iraq war veteran"); no person from a
place after a locative preposition. Sentences written for these tests (no shared data)."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.models import AnalyzedArticle, Article, Sentence
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.actors import resolve_actors


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(PipelineConfig())


def run(nlp: Any, res: Resources, text: str) -> AnalyzedArticle:
    item = AnalyzedArticle(Article("t1", "title", text, "2008-03-01"))
    item.doc = nlp(text)
    item.sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(item.doc.sents)]
    resolve_actors(item, res)
    return item


def country_of(item: AnalyzedArticle, surname: str) -> str | None:
    found = [a for a in item.actors.values() if a.kind == "person" and a.name.endswith(surname)]
    assert found, f"no person named like {surname!r} in {sorted(item.actors)}"
    return found[0].country


@pytest.mark.parametrize(
    ("text", "surname", "country"),
    [
        ("The board opened talks with Indian steel magnate Laxminivas Mittal.", "Mittal", "IND"),
        (
            "Former United States Central Intelligence Agency agent Tony Mendez died Saturday.",
            "Mendez",
            "USA",
        ),
        ("Blair also mentioned Pakistani nuclear scientist A. Q Khan on Sunday.", "Khan", "PAK"),
        ("He tells VOA reporter Peter Clottey that the talks failed.", "Clottey", "USA"),
        ("The accused were held by United States Magistrate Judge Patty Shwartz in May.", "Shwartz", "USA"),
    ],
)
def test_the_words_before_a_name_give_its_country(
    nlp: Any, res: Resources, text: str, surname: str, country: str
) -> None:
    assert country_of(run(nlp, res, text), surname) == country


def test_a_country_as_topic_gives_no_country(nlp: Any, res: Resources) -> None:
    """ "Iraq war veteran", "Iran expert": the country is what the title is about."""
    assert (
        country_of(run(nlp, res, "Iraq war veteran John Smithers said the war was lost."), "Smithers") is None
    )
    item = run(nlp, res, "Leading Iran expert Karim Sadjadpour said the talks failed.")
    assert country_of(item, "Sadjadpour") is None


def test_two_nationalities_before_a_name_give_none(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "The Israeli-Palestinian peace negotiator Ahmed Qurei arrived on Monday.")
    assert country_of(item, "Qurei") is None


def test_an_appositive_nationality_gives_the_country(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "Hassan Hashash, a Palestinian aged 15, was detained by the Israeli military.")
    assert country_of(item, "Hashash") == "PSE"


def test_a_place_after_a_locative_preposition_is_no_person(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "Three people were killed in Khan Younis on Monday, officials said.")
    assert not [a for a in item.actors.values() if a.kind == "person"]
