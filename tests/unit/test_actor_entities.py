"""One actor per real entity (#12.2), continued: people are never names of organisations (nor
organisations of people), namesakes in one article stay apart, and a person's country comes
from what the article says of them. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.actors import kb_for

from .test_actor_quality import actor_of, people, run


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(PipelineConfig())


def test_a_groups_names_are_not_its_leaders(res: Resources) -> None:
    """Phoenix's HEZBOLLAH_ entry lists Nasrallah among its names; our entry for him must not
    take the group's other names ("Hizbullah", "Party of God") through it."""
    kb = kb_for(res)
    for name in ("Hizbullah", "Party of God"):
        hit = kb.lookup(name)
        assert hit is not None and kb.actors[hit.actor_id].kind != "person", name
    nasrallah = kb.lookup("Hassan Nasrallah")
    assert nasrallah is not None
    assert kb.actors[nasrallah.actor_id].kind == "person"
    aliases = {a.lower() for a in kb.actors[nasrallah.actor_id].aliases}
    assert not aliases & {"hizbullah", "islamic jihad", "party of god"}


def test_a_member_listed_under_a_group_is_a_person_of_that_group(nlp: Any, res: Resources) -> None:
    """ISIL's dictionary entry lists members' names; a member named in the text is a person
    affiliated with the group, and the group keeps its kind."""
    text = (
        "Iraqi police said on Tuesday that Abu Omar al-Kurdi had been captured in Baghdad. "
        "Officials said Abu Omar al-Kurdi was accused of many bombings."
    )
    item = run(nlp, res, text, day="2005-01-20")
    member = actor_of(item, "Abu Omar al-Kurdi")
    assert member is not None and member.startswith("person:")
    actor = item.actors[member]
    assert actor.kind == "person"
    group = kb_for(res).actors[actor.affiliation or ""]
    assert group.kind != "person"
    assert actor.country == group.ref_on("2005-01-20").country
    assert actor_of(item, "Abu Omar al-Kurdi", 1) == member
    assert len(people(item)) == 1


def test_namesakes_stay_apart_and_a_bare_surname_is_one_of_them(nlp: Any, res: Resources) -> None:
    """Two people with one surname are two actors; "Hariri" alone is one of them (the one the
    article is about, named first), never a third person."""
    text = (
        "Thousands marched in Beirut to mourn Rafik Hariri, the former prime minister. "
        "His sister, Bahia Hariri, addressed the crowd. "
        "The killing of Hariri has shaken the country."
    )
    item = run(nlp, res, text)
    rafik, bahia = actor_of(item, "Rafik Hariri"), actor_of(item, "Bahia Hariri")
    assert rafik and bahia and rafik != bahia
    assert actor_of(item, "Hariri", 2) == rafik
    assert len(people(item)) == 2


def test_an_honorific_picks_the_namesake_of_its_gender(nlp: Any, res: Resources) -> None:
    text = (
        "Michael Smith and his wife Susan Smith were questioned by the police on Monday. "
        "Officers later said Mrs. Smith had been released."
    )
    item = run(nlp, res, text)
    assert actor_of(item, "Smith", 2) == actor_of(item, "Susan Smith")
    assert actor_of(item, "Michael Smith") != actor_of(item, "Susan Smith")


def test_a_bare_surname_keeps_to_the_namesake_just_called_by_it(nlp: Any, res: Resources) -> None:
    text = (
        "Mary Smith, who founded the charity, died in 2001. Her husband John Smith now runs it. "
        "Asked how Mr. Smith felt about the ruling, Smith said he was disappointed."
    )
    item = run(nlp, res, text)
    john = actor_of(item, "John Smith")
    assert actor_of(item, "Smith", 2) == john
    assert actor_of(item, "Smith", 3) == john
