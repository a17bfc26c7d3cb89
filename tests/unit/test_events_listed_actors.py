"""Actors named by a list of countries on one noun (#11.2): "French, German and Italian
ministers" are three actors, each with the noun's sector, and the coder codes one event per
actor, as the gold convention codes conjoined actors."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.models import Article, Event


def _events(text: str) -> list[Event]:
    from newsledger.pipeline import build_pipeline

    [result], errors = build_pipeline().run([Article("a1", "t", text, "2021-01-28")])
    assert not errors
    return list(result.events)


def _dyads(text: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.cameo_code if e.source else None, e.target.cameo_code if e.target else None)
        for e in _events(text)
    }


@pytest.mark.parametrize(
    ("text", "dyads"),
    [
        # a list with commas: the first member hangs on the noun, not on the coordination
        (
            "French, German and Italian ministers criticized Turkey.",
            {("FRAGOV", "TUR"), ("DEUGOV", "TUR"), ("ITAGOV", "TUR")},
        ),
        # a country beside an organisation: the organisation stays itself
        ("The US and EU governments condemned Russia.", {("USAGOV", "RUS"), ("IGOEEC", "RUS")}),
        # the sector comes from the noun, a two-word country stays whole
        ("South African and Kenyan troops attacked Somalia.", {("ZAFMIL", "SOM"), ("KENMIL", "SOM")}),
        # as targets too
        (
            "Hamas criticized British, French and Israeli officials.",
            {("PSEREB", c) for c in ("GBRGOV", "FRAGOV", "ISRGOV")},
        ),
    ],
)
def test_countries_listed_on_one_noun_are_one_actor_each(text: str, dyads: set[tuple[str, str]]) -> None:
    assert _dyads(text) == dyads


def test_a_single_country_or_an_unlisted_modifier_is_left_as_it_was(nlp: Any) -> None:
    from newsledger.stages.events.syntax import modified_noun

    def members(text: str) -> set[str]:
        return {t.text for t in nlp(text) if modified_noun(t) is not None}

    assert members("French, German and Italian ministers criticized Turkey.") == {
        "French",
        "German",
        "Italian",
    }
    assert not members("Russian Gazprom officials met Israeli officials.")
    assert _dyads("Israeli officials condemned Iran.") == {("ISRGOV", "IRN")}


def _actors(text: str) -> dict[str, str]:
    """Every actor of the events of ``text``: id -> name."""
    return {ref.actor_id: ref.name for e in _events(text) for ref in (e.source, e.target) if ref is not None}


def test_a_dictionary_agent_written_as_a_proper_name_names_its_group() -> None:
    # the dictionary's JANJAWEED [~UAF]: the codes it gave, the name the text gives
    text = "Janjaweed militants attacked a village in Darfur. Witnesses said Janjaweed fighters came at dawn."
    assert _actors(text)["org:janjaweed"] == "Janjaweed"
    named = _actors("Sudan said Janjaweed militants attacked a village in Darfur.")
    assert named["org:janjaweed"] == "Janjaweed"
    from newsledger.knowledge.actors.ids import is_actor_id

    assert all(is_actor_id(i) for i in named)


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked a village in Darfur. The police arrested the militants.",  # generic words
        "Sudan said Marauders attacked a village, where marauders are common.",  # lower case seen
        "Moscow said the Foreign Office had asked Russia for a response.",  # English words
    ],
)
def test_generic_agents_keep_their_descriptive_name(text: str) -> None:
    assert all(actor_id.startswith(("group:", "country:")) for actor_id in _actors(text))  # no named org


def test_a_named_group_is_one_record_per_name_and_code() -> None:
    from newsledger.knowledge.actors import ActorKB
    from newsledger.knowledge.actors.groups import named_group

    kb = ActorKB.load()
    first, again = (named_group(kb.group("SDN", "UAFREB"), "Janjaweed") for _ in range(2))
    assert first == again and first.actor_id == "org:janjaweed"
    assert (first.country, first.sector, first.cameo_code) == ("SDN", "UAFREB", "SDNUAFREB")
