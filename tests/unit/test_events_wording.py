"""News wording the default patterns code: verb classes, nominal events and their roles,
judgements that are no act, announced intents."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.knowledge.petrarch_verbs import default_verbs
from newsledger.stages.events import code_item

from .test_events_reference import _item, _triples


def _code(nlp: Any, text: str) -> set[tuple[str | None, str | None, str]]:
    return _triples(code_item(_item(nlp, text), default_verbs()))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia has put Hamas under pressure to leave Syria.", ("RUS", "PSEREB", "100")),
        ("Iran granted political asylum to Zarif.", ("IRN", "IRNGOV", "075")),
        ("Israel shared evidence with China about the attack.", ("ISR", "CHN", "064")),
        ("Israel has isolated Hamas for years.", ("ISR", "PSEREB", "160")),
    ],
)
def test_verb_classes(nlp: Any, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _code(nlp, text)


def test_a_nominal_event_that_came_from_someone_has_them_as_source(nlp: Any) -> None:
    events = _code(nlp, "A new invitation for talks with Hamas came from Russia.")
    assert ("RUS", "PSEREB", "036") in events


def test_opening_an_investigation_is_the_investigation(nlp: Any) -> None:
    events = _code(nlp, "Russia opened an investigation into Hamas.")
    assert {code[:2] for _, _, code in events} == {"09"}


def test_what_an_actor_deserves_is_a_judgement_not_an_act(nlp: Any) -> None:
    assert _code(nlp, "Zarif said Israel does not deserve to meet Hamas.") == set()
    assert _code(nlp, "Zarif said Israel will meet Hamas.") != set()


def test_wishing_to_do_is_an_intent(nlp: Any) -> None:
    events = _code(nlp, "Russia wishes to share its experience with Iran.")
    assert ("RUS", "IRN", "0314") in events
