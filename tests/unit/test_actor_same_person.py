"""One person, one actor in an article (#12.2): a shorter form of a name met anywhere in the
article, a name with a title or an honour glued to it, is the person named in full; people who
only share a word stay apart. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.pipeline import PipelineConfig, Resources

from .test_actor_quality import actor_of, people, run


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources(PipelineConfig())


def test_a_short_form_before_the_full_name_is_that_person(nlp: Any, res: Resources) -> None:
    """The short form comes first and shares "Thompson" with another man of the article."""
    text = (
        "Dana Kehn Thompson spoke to reporters in Nashville on Monday. "
        "Her husband, Fred Thompson, was not there. "
        "Kehn Thompson said the campaign would go on."
    )
    item = run(nlp, res, text)
    full = actor_of(item, "Dana Kehn Thompson")
    assert full is not None
    assert actor_of(item, "Kehn Thompson", 1) == full
    assert actor_of(item, "Fred Thompson") != full


def test_a_title_read_into_a_name_is_no_second_person(nlp: Any, res: Resources) -> None:
    text = (
        "Haj Sheikh Karim Nasseri led the Friday prayers in Tehran. "
        "Karim Nasseri told worshippers that the talks had failed."
    )
    item = run(nlp, res, text)
    assert actor_of(item, "Karim Nasseri", 1) is not None
    assert len(people(item)) == 1


def test_a_first_name_shared_by_two_people_stays_apart(nlp: Any, res: Resources) -> None:
    """ "Tom" beside two Toms is neither of them; the two full names stay two people."""
    text = (
        "Tom Brannigan and Tom Whitcombe met in Denver on Friday. "
        "Tom Brannigan said the talks went well. Tom Whitcombe did not comment."
    )
    item = run(nlp, res, text)
    assert actor_of(item, "Tom Brannigan") != actor_of(item, "Tom Whitcombe")
    assert len(people(item)) >= 2


def test_a_surname_held_by_two_people_is_merged_into_neither(nlp: Any, res: Resources) -> None:
    """ "Ortega" ends one name and stands inside the other: it may be either man."""
    text = (
        "Luis Ortega Vargas and Mateo Salas Ortega signed the agreement in Bogota on Friday. "
        "Ortega said the vote would be held in May."
    )
    item = run(nlp, res, text)
    first, second = actor_of(item, "Luis Ortega Vargas"), actor_of(item, "Mateo Salas Ortega")
    assert first != second
    bare = actor_of(item, "Ortega", 2)
    assert bare is None or bare not in (first, second) or bare == first


def test_a_generational_suffix_makes_another_person(nlp: Any, res: Resources) -> None:
    text = (
        "Harold Brisco founded the party in 1971 and led it for thirty years. "
        "Harold Brisco Jr praised his father on Sunday."
    )
    item = run(nlp, res, text)
    assert actor_of(item, "Harold Brisco Jr") != actor_of(item, "Harold Brisco")


def test_an_honorific_and_a_surname_tagged_as_a_body_is_the_person(nlp: Any, res: Resources) -> None:
    """spaCy labels "Ms Fotyga" an organisation; it is the foreign minister named before."""
    text = "The minister, Anna Fotyga, met her German counterpart. Ms Fotyga said the talks were useful."
    item = run(nlp, res, text)
    minister = actor_of(item, "Anna Fotyga")
    assert minister is not None and minister.startswith("person:")
    assert actor_of(item, "Fotyga", 1) == minister
    assert not any(a.startswith("org:") for a in item.actors)


def test_a_fathers_name_after_his_sons_is_the_father(nlp: Any, res: Resources) -> None:
    text = (
        "Harold Brisco Jr praised his father on Sunday. "
        "Harold Brisco founded the party in 1971 and led it for thirty years."
    )
    item = run(nlp, res, text)
    assert actor_of(item, "Harold Brisco Jr") != actor_of(item, "Harold Brisco", 1)


def test_a_known_persons_surname_inside_another_full_name_is_not_that_person(
    nlp: Any, res: Resources
) -> None:
    """The knowledge base knows "Trump" as Donald Trump's name; a judge whose middle name is
    Trump, with a title before her name, is someone else."""
    text = (
        "District Judge Helen Trump Carver refused the request on Thursday. "
        "President Donald Trump criticised her ruling."
    )
    item = run(nlp, res, text)
    judge = actor_of(item, "Helen Trump Carver")
    assert judge is not None and judge != actor_of(item, "Donald Trump")
    assert judge in people(item) and "Carver" in item.actors[judge].name


def test_relatives_sharing_a_known_persons_surname_are_other_people(nlp: Any, res: Resources) -> None:
    text = (
        "President Donald Trump flew to Ohio. His brother Robert Trump stayed in New York. "
        "Barack Obama spoke in Chicago. Michelle Obama spoke later."
    )
    item = run(nlp, res, text)
    assert actor_of(item, "Robert Trump") not in (None, actor_of(item, "Donald Trump"))
    assert actor_of(item, "Michelle Obama") not in (None, actor_of(item, "Barack Obama"))


def test_a_common_word_before_a_known_surname_is_no_first_name(nlp: Any, res: Resources) -> None:
    """A party label or a common noun before a surname is no other first name: the person stays."""
    text = "Barack Obama spoke in Chicago. Democrat Obama said the vote would be close."
    item = run(nlp, res, text)
    assert actor_of(item, "Obama", 1) == actor_of(item, "Barack Obama")


def test_a_first_name_the_tagger_left_out_is_part_of_the_name(nlp: Any, res: Resources) -> None:
    """spaCy's small model tags "Debela" alone after a nationality: the person is Dejene Debela,
    not a "Debela" whom every Debela of the ledger would share."""
    text = "He was followed closely by Ethiopians Dejene Debela and Asefa Mengstu in the race."
    item = run(nlp, res, text)
    debela = actor_of(item, "Debela")
    assert debela is not None and item.actors[debela].name == "Dejene Debela"


def test_a_first_name_running_into_another_surname_is_another_person() -> None:
    # a first name that runs on into a surname none of that person's is another person (#11)
    from newsledger.models import Article
    from newsledger.pipeline import build_pipeline

    text = (
        "Tenzin Gyatso, the Dalai Lama, has vowed to step down. His secretary Tenzin Taklha said it "
        "would be impossible for him to resign."
    )
    [result], errors = build_pipeline().run([Article("a1", "t", text, "2010-05-04")])
    assert not errors
    taklha = {m.start for m in result.mentions if m.actor_id == "person:tenzin-taklha"}
    assert taklha and min(taklha) >= text.index("secretary")
