"""Doers the text names only by a word for their kind (#11, written on sample K's leads, not on
gold sentences): "a police raid", "student protests", "a suicide bomber", and victims who are no
doers ("killed in the attack").  The whole pipeline runs, with the Phoenix dictionaries (the
default).  Sentences written for these tests."""

from __future__ import annotations

from .test_events_generalise import _pipeline_events


def _doers(text: str, root: str) -> set[str | None]:
    return {
        e.source.name if e.source else None for e in _pipeline_events(text) if e.cameo_code.startswith(root)
    }


def test_a_group_word_before_an_act_names_its_doer() -> None:
    assert _doers("Five civilians were killed in a police raid in Karachi.", "19") == {"Pakistani police"}
    assert _doers("A rebel attack killed four soldiers in Goma.", "19") == {"Congolese rebels"}
    assert "Iranian academia" in _doers("Student protests spread across Tehran on Tuesday.", "14")


def test_the_victims_of_an_attack_did_not_attack() -> None:
    doers = _doers("Five civilians were killed in the attack in Karachi.", "19")
    assert "Pakistani civilians" not in doers and doers


def test_a_suicide_bomber_is_no_warplane() -> None:
    text = "A suicide bomber from the LTTE detonated a bomb inside the army headquarters in Colombo."
    assert _doers(text, "18") == {"Liberation Tigers of Tamil Eelam"}


def test_denying_an_accusation_is_a_denial() -> None:
    assert _doers("The Vatican has denied the accusation that it is shielding Ante Gotovina.", "016")
