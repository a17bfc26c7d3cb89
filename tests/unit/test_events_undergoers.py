"""Who an act is done to, and by whom, where the words for them are easy to misread (#11,
written on sample M's leads, not on gold sentences): a description set beside a name, one of
several people hurt, a person's lawyer, an inquiry into the subject's own role, a place's
possessive, and words that only look like acts ("release its decision", "the Popular
Mobilization Forces").  The whole pipeline runs, with the Phoenix dictionaries (the default).
Sentences written for these tests."""

from __future__ import annotations

from .test_events_telling import _coded


def _targets(text: str, root: str) -> set[str | None]:
    return {t for _, t, code in _coded(text) if code.startswith(root)}


def test_the_name_set_beside_a_description_is_the_one_acted_on() -> None:
    arrested = "The organizer of the march, Paul Zulkowitz, was arrested moments before it was dispersed."
    assert _targets(arrested, "17") == {"Paul Zulkowitz"}


def test_one_among_the_wounded_is_the_one_wounded() -> None:
    text = "Abu Rajab, the head of the intelligence service, was among 11 people wounded at his headquarters in Gaza."
    assert "Abu Rajab" in _targets(text, "19")


def test_a_person_s_lawyer_named_beside_is_the_lawyer() -> None:
    text = (
        "David Hicks was held at Guantanamo Bay. Mr Downer's claims were contradicted by Hicks' "
        "military lawyer, Major Michael Mori, on Monday."
    )
    assert {s for s, _, code in _coded(text) if code.startswith("11")} == {"Michael Mori"}


def test_an_inquiry_into_the_subject_s_own_role_is_not_the_subject_s() -> None:
    coded = _coded("Antonio Fazio has stepped down after an investigation into his role in a bank takeover.")
    assert "Antonio Fazio" not in {s for s, _, code in coded if code.startswith("09")}


def test_people_charged_at_a_place_are_not_the_place() -> None:
    text = (
        "Police say a 21-year-old woman has been charged in relation to the riots at Sydney's Cronulla Beach."
    )
    assert "Australia" not in _targets(text, "11")


def test_words_that_only_look_like_acts_code_nothing() -> None:
    released = _coded(
        "The Immigration and Refugee Board of Canada will release its decision on Jeremy Hinzman."
    )
    assert not {c for _, _, c in released if c.startswith(("084", "0353"))}
    named = _coded(
        "Al-Muhandis was the deputy commander of the Popular Mobilization Forces (PMF), an Iraqi militia."
    )
    assert not {c for _, _, c in named if c.startswith("15")}
    launched = _coded("Later this week, AOL will also release its new instant messenger client, Triton.")
    assert not {c for _, _, c in launched if c.startswith(("084", "0353"))}
    discharged = _coded("Ariel Sharon was treated and released on Tuesday, his doctors said.")
    assert not {c for _, _, c in discharged if c.startswith("084")}
    # people and property are still released
    freed = _coded("Iran released the British sailors on Friday.")  # the sailors: British civilians
    assert ("Iran", "084") in {(s, c) for s, t, c in freed if t is not None and "Brit" in t}
