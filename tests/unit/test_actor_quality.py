"""One actor per entity (#12.2): partial names link to the full name, titles of someone else or
rank words never become people, places never become actors, and an unknown person takes the
country and sector the article gives. Sentences written for these tests."""

from __future__ import annotations

import re
from typing import Any

import pytest

from newsledger.models import AnalyzedArticle, Article, Sentence
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.actors import kb_for, resolve_actors
from newsledger.stages.actors.screen import generic_alias


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(PipelineConfig())


def run(nlp: Any, res: Resources, text: str, day: str = "2006-05-31", before: Any = None) -> AnalyzedArticle:
    """The actors stage on ``text``; ``before``: a stage to run first (the places stage)."""
    item = AnalyzedArticle(Article("q1", "title", text, day))
    item.doc = nlp(text)
    item.sentences = [Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(item.doc.sents)]
    if before is not None:
        before(item, res)
    resolve_actors(item, res)
    return item


def actor_of(item: AnalyzedArticle, text: str, nth: int = 0) -> str | None:
    start = [m.start() for m in re.finditer(rf"\b{re.escape(text)}\b", item.article.text)][nth]
    ref = item.actor_ref_at(start, start + len(text))
    return ref.actor_id if ref else None


def people(item: AnalyzedArticle) -> set[str]:
    return {a for a, actor in item.actors.items() if actor.kind == "person"}


def test_a_run_of_a_full_names_words_is_that_person(nlp: Any, res: Resources) -> None:
    text = (
        "Tewolde Berhan Gebre Egziabher, head of Ethiopia's environmental agency, criticised the deal. "
        "Tewolde Berhan said rich countries had failed."
    )
    item = run(nlp, res, text)
    assert actor_of(item, "Tewolde Berhan", 1) == actor_of(item, "Tewolde Berhan Gebre Egziabher")
    assert len(people(item)) == 1


def test_surnames_with_particles_and_short_surnames(nlp: Any, res: Resources) -> None:
    text = (
        "Chinese President Hu Jintao met Brazilian President Luiz Inácio Lula da Silva. "
        "Hu said trade would grow. Da Silva said Brazil would buy more."
    )
    item = run(nlp, res, text)
    assert actor_of(item, "Hu") == actor_of(item, "Hu Jintao")
    assert actor_of(item, "Da Silva") == actor_of(item, "Luiz Inácio Lula da Silva")
    assert len(people(item)) == 2


def test_a_rank_is_a_title_not_a_name(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "Sergeant Gardi Gardev was killed in Karbala. Sergeant Gardev had served two tours.")
    (gardev,) = people(item)
    assert actor_of(item, "Gardev", 1) == gardev
    actor = item.actors[gardev]
    assert "Sergeant" not in actor.aliases and actor.roles and actor.roles[0].sector == "MIL"


def test_someone_elses_title_does_not_make_the_named_person(nlp: Any, res: Resources) -> None:
    text = (
        "Shiite cleric Muqtada al-Sadr called for calm. A spokesman for al-Sadr said the talks would go on."
    )
    item = run(nlp, res, text)
    sadr = actor_of(item, "Muqtada al-Sadr")
    spokesman = text.index("spokesman")
    assert all(not (m.start <= spokesman < m.end and m.actor_id == sadr) for m in item.mentions), (
        "the spokesman is not al-Sadr"
    )
    assert actor_of(item, "al-Sadr", 1) == sadr


def test_an_unknown_person_takes_country_and_sector_from_the_article(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "Bolivia's defence minister Gonzalo Mendez said the talks had failed.")
    mendez = item.actors[actor_of(item, "Gonzalo Mendez") or ""]
    assert (mendez.country, mendez.sector) == ("BOL", "GOV")
    item = run(
        nlp, res, "Senator Jesse Helms of North Carolina opposed the treaty. Helms said it was flawed."
    )
    helms = item.actors[actor_of(item, "Jesse Helms") or ""]
    assert (helms.country, helms.sector) == ("USA", "LEG")
    assert actor_of(item, "Helms", 1) == helms.actor_id


def test_a_place_named_by_an_agent_word_is_no_actor(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "The soldiers said they would stay in the barracks until Friday.")
    barracks = item.article.text.index("barracks")
    assert item.mention_at(barracks, barracks + 8) is None


def test_generic_aliases(res: Resources) -> None:
    kb = kb_for(res)
    for alias in ("Senator", "army", "the government", "Foreign Ministers", "authorities"):
        assert generic_alias(kb, alias), alias
    for alias in ("Taliban", "Jesse Helms", "Iranian government"):
        assert not generic_alias(kb, alias), alias


def test_a_title_word_is_no_part_of_a_name(nlp: Any, res: Resources) -> None:
    text = "Prime Minister Ariel Sharon met Defense Secretary Donald Rumsfeld. Rumsfeld praised the Defense Department."
    item = run(nlp, res, text)
    names = {alias for actor in item.actors.values() for alias in actor.aliases}
    assert not {"Prime", "Defense"} & names
    defense = text.index("Defense Secretary")
    assert all(m.text != "Defense" for m in item.mentions if m.start == defense)


def test_a_place_after_the_name_gives_the_country(nlp: Any, res: Resources) -> None:
    item = run(nlp, res, "Karim Nourani from Basra said the police had arrested his son.")
    assert item.actors[actor_of(item, "Karim Nourani") or ""].country == "IRQ"
