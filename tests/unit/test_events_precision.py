"""Precision on random news (stages/events senses and conventions): wording that looks like an
event verb but tells no act between actors is not coded; the act next to it stays coded."""

from __future__ import annotations

from typing import Any

from newsledger.knowledge.petrarch_verbs import default_verbs
from newsledger.stages.events import code_item

from .test_events_reference import _item, _triples


def _code(nlp: Any, text: str) -> set[tuple[str | None, str | None, str]]:
    return _triples(code_item(_item(nlp, text), default_verbs()))


def _roots(nlp: Any, text: str) -> set[str]:
    return {c[:2] for _, _, c in _code(nlp, text)}


def test_a_promise_or_appeal_to_no_one_of_nothing_is_no_event(nlp: Any) -> None:
    assert "03" not in _roots(nlp, "Four prosecutors resigned over the promises made by Zarif.")
    assert "03" not in _roots(nlp, "Zarif said that if Iran agrees, it will anger many people.")
    assert "03" not in _roots(nlp, "Zarif agreed.")
    # what is promised or asked is said: an intent or an appeal, even with no one addressed
    assert "03" in _roots(nlp, "Zarif promised to discontinue the practice.")
    assert "02" in _roots(nlp, "Zarif called for people to gather on Monday.")
    assert "03" in _roots(nlp, "Zarif's proposals were to limit the size of banks.")
