"""Verb classes and syntax the CAMEO codebook's usage notes ask for (``evaluate codebook``):
phrasal verbs with their particle after the object, "cease-fire" as the parser splits it,
reinforcing forces, considering options, wanting another party to act."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.knowledge.petrarch_verbs import default_verbs
from newsledger.stages.events import code_item

from .test_events_reference import _item, _triples


def _codes(nlp: Any, text: str) -> set[tuple[str | None, str | None, str]]:
    return _triples(code_item(_item(nlp, text), default_verbs()))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Israel routinely beat up Hamas detainees in Gaza.", "182"),
        ("Israel beat the Hamas detainees up in Gaza.", "182"),
        ("Syria forced Hamas out of the country.", "166"),
        ("Hamas declared a cease-fire with Israel on Sunday.", "0871"),
        ("Russia has strengthened its forces in Syria.", "154"),
        ("China is exploring the possibility of sanctions against Iran.", "014"),
    ],
)
def test_verb_classes_of_the_codebook(nlp: Any, text: str, code: str) -> None:
    assert code in {c for _, _, c in _codes(nlp, text)}


def test_a_particle_we_do_not_list_still_blocks_the_bare_verb(nlp: Any) -> None:
    # "gave up" is not "gave": the separable particle only completes entries that name it
    assert not any(c.startswith("07") for _, _, c in _codes(nlp, "Iran gave the Syria plan up last year."))


def test_wanting_another_party_to_act_is_an_appeal_to_it(nlp: Any) -> None:
    events = _codes(nlp, "Iran wants Syria to release the prisoners.")
    assert ("IRN", "SYR", "020") in events
    assert not any(src == "SYR" for src, _, _ in events)  # not Syria's own release


def test_wanting_to_act_oneself_stays_an_intent(nlp: Any) -> None:
    events = _codes(nlp, "Iran wants to meet Syria next week.")
    assert {c[:2] for _, _, c in events} == {"03"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia and China agreed that there was an urgent need for a settlement.", "019"),
        ("Israel killed the deputy chief of Hamas in Gaza.", "186"),
        ("Israel forced out more than 1,000 refugees from their homes in Syria.", "201"),
        ("Hamas blew up three power lines in Israel.", "1712"),
        ("Israel has been holding hundreds of Syrian civilians as human shields in Syria.", "184"),
    ],
)
def test_codes_the_codebook_usage_notes_choose(nlp: Any, text: str, code: str) -> None:
    assert code in {c for _, _, c in _codes(nlp, text)}


@pytest.mark.parametrize(
    ("text", "general"),
    [
        ("Russia and China agreed that they should cooperate.", "019"),  # an intent, not accord
        ("Israel killed three Hamas fighters in Gaza.", "186"),  # unnamed victims: no assassination
        ("Israel forced Hamas out of Syria.", "201"),  # an organisation, not a population
        ("Hamas blew up a bus in Israel.", "1712"),  # a bus is no structure here
    ],
)
def test_usage_notes_leave_the_general_code_alone(nlp: Any, text: str, general: str) -> None:
    assert general not in {c for _, _, c in _codes(nlp, text)}


def test_a_counted_crowd_is_somebody(nlp: Any) -> None:
    events = _codes(nlp, "Tens of thousands of students staged demonstrations against Zarif.")
    assert any(c[:2] == "14" and tgt == "IRNGOV" for _, tgt, c in events)


def test_a_meeting_held_by_an_unnamed_group_is_kept(nlp: Any) -> None:
    events = _codes(nlp, "A group of diplomats held their first meeting with Zarif.")
    assert any(c[:2] == "04" and tgt == "IRNGOV" for _, tgt, c in events)


def test_easing_a_curfew_eases_the_people(nlp: Any) -> None:
    events = _codes(nlp, "Syria lifted the curfew on Monday.")
    assert ("SYR", "SYRCVL", "0813") in events


def test_who_is_responsible_for_a_happening_did_it(nlp: Any) -> None:
    assert ("RUS", "SYR", "190") in _codes(nlp, "Russia is responsible for the attack on Syria.")
    events = _codes(nlp, "Both Israel and Hamas are guilty of violating the ceasefire.")
    assert {("ISR", "PSEREB", "196"), ("PSEREB", "ISR", "196")} <= events


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Israel and Syria reached a consensus to exchange information on water.", "030"),
        ("China is ready to contribute 4,000 troops to a peacekeeping force in Syria.", "0334"),
    ],
)
def test_intent_classes(nlp: Any, text: str, code: str) -> None:
    assert code in {c for _, _, c in _codes(nlp, text)}


def test_a_renewed_appeal_is_the_appeal_of_who_renews_it(nlp: Any) -> None:
    # renew, repeat, reiterate, issue, lodge, file, submit carry the act their object names
    assert ("RUS", "SYR", "020") in _codes(nlp, "Russia renewed an appeal to Syria on Monday.")
    assert ("IRN", "SYR", "114") in _codes(nlp, "Iran lodged a complaint with Syria.")
