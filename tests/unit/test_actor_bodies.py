"""A title naming a body of state but no country takes the country the article ties that body
to ("China's Foreign Ministry ... Foreign Ministry spokesman X"), only when it ties it to one.
Every sentence here is written for the test."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsledger.models import AnalyzedArticle, Article, Sentence
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.actors import resolve_actors
from newsledger.stages.actors.bodies import title_domain


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(PipelineConfig())


def _country_of(nlp: Any, res: Resources, text: str, name: str) -> str | None:
    item = AnalyzedArticle(Article("t1", "title", text, "2016-05-02"))
    item.doc = nlp(text)
    item.sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(item.doc.sents)]
    resolve_actors(item, res)
    start = next(re.finditer(rf"\b{re.escape(name)}\b", text)).start()
    ref = item.actor_ref_at(start, start + len(name))
    assert ref is not None, f"{name!r} resolved to no actor"
    return ref.country


def test_a_ministry_tied_to_a_country_gives_its_spokesman_that_country(nlp: Any, res: Resources) -> None:
    text = (
        "China's Foreign Ministry protested on Monday against the visit. "
        "Foreign Ministry spokesman Lu Wenbo said the visit harmed relations."
    )
    assert _country_of(nlp, res, text, "Lu Wenbo") == "CHN"


def test_a_minister_takes_the_country_of_the_ministry_named_with_a_demonym(nlp: Any, res: Resources) -> None:
    text = (
        "The Chinese health ministry reported 40 new cases. "
        "Health minister Lu Wenbo said the outbreak was under control."
    )
    assert _country_of(nlp, res, text, "Lu Wenbo") == "CHN"


def test_a_body_tied_to_two_countries_gives_no_country(nlp: Any, res: Resources) -> None:
    text = (
        "The Chinese and Japanese foreign ministries issued statements on Monday. "
        "Foreign Ministry spokesman Lu Wenbo said the talks went well."
    )
    assert _country_of(nlp, res, text, "Lu Wenbo") is None


@pytest.mark.parametrize(
    ("title", "domain"),
    [
        ("Foreign Ministry spokesman", "foreign"),
        ("Deputy Defense Minister", "defence"),
        ("health minister", "health"),
        ("Prime Minister", None),
        ("spokesman", None),
    ],
)
def test_the_domain_of_a_title_is_the_word_before_its_body(title: str, domain: str | None) -> None:
    assert title_domain(title) == domain
