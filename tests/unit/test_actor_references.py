"""What a pronoun, a counted group and a title stand for (#11, written on sample M's leads, not
on gold sentences): "its" for a person's administration, "him" never the subject of its clause
however that subject was named before, "two dozen protesters" a group, and a clause's verb
never part of the title after it.  The actors stage runs on spaCy's parse.  Sentences written
for these tests."""

from __future__ import annotations

from typing import Any

from .test_actor_quality import actor_of, res, run

__all__ = ["res"]  # the module-scoped fixture, shared


def test_its_may_stand_for_a_person_s_administration(nlp: Any, res: Any) -> None:
    item = run(
        nlp, res, "The Bush administration notified Congress on Monday of its intention to sell bombs."
    )
    assert actor_of(item, "its") == actor_of(item, "The Bush administration")
    assert actor_of(item, "its") != actor_of(item, "Congress")


def test_an_object_pronoun_is_not_its_clause_s_subject_named_before(nlp: Any, res: Any) -> None:
    item = run(nlp, res, "Barack Obama and John McCain met on Tuesday. McCain then accused him of lying.")
    assert actor_of(item, "him") == actor_of(item, "Barack Obama")


def test_a_counted_group_is_a_group(nlp: Any, res: Any) -> None:
    item = run(nlp, res, "Police in Cairo arrested two dozen protesters on Monday.")
    assert actor_of(item, "two dozen protesters") is not None


def test_a_clause_s_verb_is_no_word_of_a_title(nlp: Any, res: Any) -> None:
    # Phoenix lists "ousted prime minister"; here "ousted" is what the general did
    item = run(nlp, res, "An army general ousted Prime Minister Thaksin Shinawatra on Tuesday.")
    assert actor_of(item, "general") != actor_of(item, "Thaksin Shinawatra")


def test_an_english_word_inside_a_longer_name_is_no_dictionary_name(nlp: Any, res: Any) -> None:
    # Phoenix lists "Organization" alone as a translation of Tanzim, an armed group
    item = run(
        nlp, res, "The head of the International Trade Organization, Pascal Lamy, called for a meeting."
    )
    assert actor_of(item, "Organization") != "org:tanzim"


def test_an_agent_word_after_an_unknown_acronym_is_that_body(nlp: Any, res: Any) -> None:
    item = run(nlp, res, "KPLF soldiers attacked the village of Dara on Monday.")
    assert actor_of(item, "KPLF soldiers") is not None
