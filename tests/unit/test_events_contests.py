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


def test_a_leader_defeated_in_a_vote_is_no_assault() -> None:
    from .test_events_telling import _coded

    text = "The party's current leader, Prime Minister Miyeegombiin Enkhbold, was defeated by Sanj Bayar in a 377-289 vote."
    assert not {code for _, _, code in _coded(text) if code[:2] in {"18", "19", "20"}}
