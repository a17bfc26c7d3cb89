"""Acts told in the passive (#11, written on sample K's leads, not on gold sentences): the
subject that is the thing done ("new sanctions were imposed"), the parties named by "between",
and a past participle that modifies a party ("a soldier kidnapped by militants").  The whole
pipeline runs, with the Phoenix dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

from typing import Any

from .test_events_generalise import _pipeline_events


def _pairs(events: list[Any], root: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.name if e.source else None, e.target.name if e.target else None)
        for e in events
        if e.cameo_code.startswith(root)
    }


def test_a_passive_takes_its_code_from_the_thing_done() -> None:
    events = _pipeline_events("New sanctions were imposed on Iran by the United States on Monday.")
    assert _pairs(events, "16") == {("United States", "Iran")}


def test_a_passive_mutual_act_names_its_parties_by_between() -> None:
    signed = _pipeline_events("A peace agreement between Sudan and Chad was signed on Friday.")
    assert _pairs(signed, "057") == {("Sudan", "Chad")}
    held = _pipeline_events("Talks were held between India and Pakistan in Delhi.")
    assert _pairs(held, "04") == {("India", "Pakistan")}


def test_a_participle_that_modifies_a_party_is_a_passive() -> None:
    kidnapped = _pipeline_events(
        "The Israeli army searched Gaza for Gilad Shalit, an Israeli soldier kidnapped by Palestinian militants."
    )
    assert ("Palestinian rebels", "Gilad Shalit") in _pairs(kidnapped, "18")
    # a thing the participle modifies is no party acted on
    assert not _pairs(_pipeline_events("The Home Secretary acted on information provided by police."), "15")
