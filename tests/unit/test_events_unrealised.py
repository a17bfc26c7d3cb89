"""Acts a sentence names but does not tell as done, and acts told in the passive (#11, written
on sample K's leads, not on gold sentences).  The whole pipeline runs, with the Phoenix
dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

from typing import Any

from .test_events_generalise import _pipeline_events


def _flags(text: str, root: str) -> set[bool]:
    return {e.hypothetical for e in _pipeline_events(text) if e.cameo_code.startswith(root)}


def test_an_act_a_noun_plans_or_allows_is_hypothetical() -> None:
    assert _flags("North Korea announced its plans to launch a missile at Japan.", "19") == {True}
    assert _flags("The police, who have authority from a court to arrest the protesters, waited.", "17") == {
        True
    }


def test_an_act_ordered_or_due_is_hypothetical() -> None:
    assert _flags("Pakistani soldiers were told to shoot protesters in Karachi.", "19") == {True}
    assert _flags("Norway is to withdraw its troops from Iraq.", "08") == {True}


def test_an_act_asked_of_whoever_did_another_is_hypothetical() -> None:
    # the parser hangs the asked release on the relative clause of the kidnappers
    events = _pipeline_events(
        "The Romanian government asked the rebels who kidnapped three Romanian journalists in March "
        "to release the journalists."
    )
    assert {e.hypothetical for e in events if e.cameo_code == "084"} == {True}
    assert {e.hypothetical for e in events if e.cameo_code == "181"} == {False}


def test_an_act_done_by_the_means_used_is_told_as_done() -> None:
    assert _flags("Kim Beazley used Howard's comments to attack the government's policy.", "11") == {False}


def _pairs(events: list[Any], root: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.name if e.source else None, e.target.name if e.target else None)
        for e in events
        if e.cameo_code.startswith(root)
    }


def test_a_passive_takes_its_code_from_the_thing_done() -> None:
    events = _pipeline_events("New sanctions were imposed on Iran by the United States on Monday.")
    assert _pairs(events, "16") == {("United States", "Iran")}


def test_a_first_name_running_into_another_surname_is_another_person() -> None:
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


def test_beating_a_candidate_wins_a_race() -> None:
    assert not _pairs(
        _pipeline_events("In West Ham, Lyn Brown later beat the Respect candidate, Lindsey German."), "18"
    )
    won = _pipeline_events(
        "The MDC won the parliamentary elections and beat Mugabe's Zanu-PF in the first round."
    )
    assert not _pairs(won, "18")
    beaten = _pipeline_events("At least 40 monks were beaten to death by soldiers in Rangoon.")
    assert _pairs(beaten, "18")


def test_a_passive_mutual_act_names_its_parties_by_between() -> None:
    signed = _pipeline_events("A peace agreement between Sudan and Chad was signed on Friday.")
    assert _pairs(signed, "057") == {("Sudan", "Chad")}
    held = _pipeline_events("Talks were held between India and Pakistan in Delhi.")
    assert _pairs(held, "04") == {("India", "Pakistan")}
