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


def country_of(item: Any, name: str) -> str | None:
    actor_id = actor_of(item, name)
    return item.actors[actor_id].country if actor_id else None


def test_a_place_inside_a_title_gives_the_country(nlp: Any, res: Resources) -> None:
    """spaCy may read "Archbishop of Rio de Janeiro" as one organisation; it is the person's
    title, and the gazetteer places the city."""
    text = "Cardinal Dom Eusébio Oscar Scheid, Archbishop of Rio de Janeiro, criticised the plan on Tuesday."
    item = run(nlp, res, text)
    assert country_of(item, "Dom Eusébio Oscar Scheid") == "BRA"
    assert not any(a.name.startswith("Archbishop") for a in item.actors.values())


def test_a_second_title_gives_the_country_the_first_lacked(nlp: Any, res: Resources) -> None:
    text = "According to Lieutenant Colonel Stefan Dimitrov, a Bulgarian defence ministry official, the convoy was hit."
    item = run(nlp, res, text)
    actor = item.actors[actor_of(item, "Stefan Dimitrov") or ""]
    assert actor.country == "BGR"
    assert actor.sector == "MIL"


def test_a_name_cut_by_brackets_or_split_in_two_is_one_person(nlp: Any, res: Resources) -> None:
    text = "The minister, Daniel [Kowalczyk, said the protest was illegal. Kowalczyk later resigned."
    item = run(nlp, res, text)
    whole = actor_of(item, "Daniel [Kowalczyk")
    assert whole is not None and item.actors[whole].name == "Daniel Kowalczyk"
    assert actor_of(item, "Kowalczyk", 1) == whole
    assert len(people(item)) == 1


def test_what_a_person_heads_or_serves_as_gives_the_country(nlp: Any, res: Resources) -> None:
    text = (
        '"This is good news," said Graham Henderson, who heads the Canadian Recording Industry Association. '
        "The report was written by Mary Frances Berry, who has served as chair of the U.S. Commission on Civil Rights."
    )
    item = run(nlp, res, text)
    assert country_of(item, "Graham Henderson") == "CAN"
    assert country_of(item, "Mary Frances Berry") == "USA"


def test_a_director_takes_the_sector_and_country_of_the_body_named(nlp: Any, res: Resources) -> None:
    """A director of the BBC is media of Britain (the outlet registry knows the BBC's country,
    the dictionaries do not); a managing director is business; a bare director is no official."""
    text = (
        "Helen Boaden, director of news at the BBC, refused to apologise. "
        "Robert Broad, managing director of Acme Consulting Ltd., said prices would rise. "
        "The film's director, Ann Lee, thanked the jury."
    )
    item = run(nlp, res, text)
    boaden = item.actors[actor_of(item, "Helen Boaden") or ""]
    assert (boaden.country, boaden.sector) == ("GBR", "MED")
    assert item.actors[actor_of(item, "Robert Broad") or ""].sector == "BUS"
    assert item.actors[actor_of(item, "Ann Lee") or ""].sector != "GOV"


def test_a_name_in_brackets_after_a_name_is_the_same_person(nlp: Any, res: Resources) -> None:
    text = (
        "Prince Rainier III (Rainier Louis Henri Maxence Bertrand Grimaldi) of Monaco has died. "
        "Prince Rainier had reigned for almost 56 years."
    )
    item = run(nlp, res, text)
    prince = actor_of(item, "Rainier III")
    assert actor_of(item, "Rainier Louis Henri Maxence Bertrand Grimaldi") == prince
    assert actor_of(item, "Rainier", 2) == prince
    assert len(people(item)) == 1


def test_a_place_spacy_calls_a_person_is_no_person(nlp: Any, res: Resources) -> None:
    from newsledger.stages.places import locate

    text = "The three leaders will meet next Tuesday in Ciudad Guayana, Venezuela, the minister said."
    item = run(nlp, res, text, before=locate)
    assert not any("Guayana" in a.name for a in item.actors.values())


def test_environmental_groups_are_ngos_environmentalists_env(res: Resources) -> None:
    """The gold protocol's sectors have no ENV and Phoenix codes green organisations NGO first
    (GREENPEACE_ [NGOENV]); Phoenix's agents code environmentalists ~ENV."""
    kb = kb_for(res)
    groups, people_ = kb.agent("environmental groups"), kb.agent("environmentalists")
    assert groups is not None and groups.code == "NGO"
    assert people_ is not None and people_.code == "ENV"


def test_a_dictionary_name_inside_a_longer_persons_name_is_not_that_entry(nlp: Any, res: Resources) -> None:
    """Phoenix's ABU_MUSAB_ (an Abu Sayyaf figure) and ISIL's alias ZARQAWI_ are parts of "Abu
    Musab al-Zarqawi": the whole name is one person, and "Zarqawi" alone is him too."""
    text = (
        "An internet posting by the Jordanian militant Abu Musab al-Zarqawi claimed the attacks. "
        "Zarqawi is the most wanted man in Iraq."
    )
    item = run(nlp, res, text, day="2004-12-30")
    whole = actor_of(item, "Abu Musab al-Zarqawi")
    assert whole is not None and item.actors[whole].kind == "person"
    assert item.actors[whole].name == "Abu Musab al-Zarqawi"
    assert actor_of(item, "Zarqawi", 1) == whole
    assert item.actors[whole].country == "JOR"


def test_a_party_in_brackets_after_a_name_is_no_other_name(nlp: Any, res: Resources) -> None:
    text = "Four candidates ran in 2002: Lionel Jospin (PS), Robert Hue (PC), Noël Mamère (Les Verts) and others."
    item = run(nlp, res, text)
    mamere = actor_of(item, "Noël Mamère")
    assert mamere is not None
    assert "Les Verts" not in item.actors[mamere].aliases


def test_an_abbreviation_in_brackets_is_the_organisation_named_before_it(nlp: Any, res: Resources) -> None:
    """(#12.2) one actor per entity: "(HCRC)" and its later uses are the council, not an
    "org:hcrc" of their own; a bracketed word whose letters are not the name's initials is not."""
    text = (
        "The Harbour City Regional Council (HCRC) voted on Monday to close the port. "
        "The HCRC said the vote was final. Senator Jane Doe (R) and the Treasury (UK) objected."
    )
    item = run(nlp, res, text)
    council = actor_of(item, "Harbour City Regional Council")
    assert council is not None and council.startswith("org:")
    assert actor_of(item, "HCRC") == actor_of(item, "HCRC", 1) == council
    assert actor_of(item, "R") != council and actor_of(item, "UK") != council
