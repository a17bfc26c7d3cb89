"""Acts a sentence names but does not tell as done (#11, written
on sample K's leads, not on gold sentences).  The whole pipeline runs, with the Phoenix
dictionaries (the default).  Sentences written for these tests."""

from __future__ import annotations

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


def test_a_goal_and_a_pledge_s_second_act_are_hypothetical() -> None:
    # "it is a priority (for us) to": the infinitive is a goal (sample M)
    assert _flags('"It is a huge priority for us to capture Osama bin Laden," Bush said.', "17") == {True}
    # the second of two pledged acts is pledged too
    assert _flags("Uribe pledged to improve the economy and make peace with the FARC rebels.", "0") == {True}
