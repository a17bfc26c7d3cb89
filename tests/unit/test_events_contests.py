"""Contests won are no assaults (#11, written on sample K's leads, not on gold sentences):
"beat" and "defeat" beside words of an election.  The whole pipeline runs, with the Phoenix
dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

from .test_events_generalise import _pipeline_events


def _assaults(text: str) -> list[str]:
    return [e.trigger for e in _pipeline_events(text) if e.cameo_code.startswith("18")]


def test_beating_a_candidate_wins_a_race() -> None:
    assert not _assaults("In West Ham, Lyn Brown later beat the Respect candidate, Lindsey German.")
    assert not _assaults(
        "The MDC won the parliamentary elections and beat Mugabe's Zanu-PF in the first round."
    )
    assert _assaults("At least 40 monks were beaten to death by soldiers in Rangoon.")
