"""News wording the default patterns code: verb classes, nominal events and their roles,
judgements that are no act, announced intents."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.knowledge.actors import ActorKB
from newsledger.knowledge.petrarch_verbs import default_verbs
from newsledger.models import Mention
from newsledger.stages.events import code_item, merge_mentions

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
        ("Russia will prohibit all aid to Hamas.", ("RUS", "PSEREB", "1311")),
        ("Hamas supporters threw stones at Israel's embassy.", ("PSEREB", "ISR", "145")),
        ("Iran submitted petitions to Russia.", ("IRN", "RUS", "020")),
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


def test_beating_up_is_an_assault(nlp: Any) -> None:
    assert ("ISR", "PSEREB", "182") in _code(nlp, "Israel routinely beat up Hamas members.")


def test_people_killed_without_a_name_are_civilians(nlp: Any) -> None:
    events = code_item(_item(nlp, "Hamas killed 23 people on Sunday."), default_verbs())
    assert [(e.source and e.source.cameo_code, e.target and e.target.sector) for e in events] == [
        ("PSEREB", "CVL")
    ]


def test_a_nationality_alone_is_the_doer_of_a_nominal_event(nlp: Any) -> None:
    kb = ActorKB.load()
    events = code_item(_item(nlp, "Palestinian riots against Israel continued."), default_verbs(), kb=kb)
    assert {(e.source and e.source.country, e.cameo_code) for e in events} == {("PSE", "145")}


def test_refusing_to_comment_is_declining_comment(nlp: Any) -> None:
    events = _code(nlp, "Zarif refused to comment on the visit.")
    assert {code for _, _, code in events} == {"011"}


def test_where_a_meeting_took_place_is_not_its_partner(nlp: Any) -> None:
    assert {t for _, t, _ in _code(nlp, "Zarif met Baradar in Syria.")} == {"AFGINS"}
    assert _code(nlp, "Zarif met in Syria.") == set()


def test_a_later_mention_naming_only_the_doer_joins_the_happening(nlp: Any) -> None:
    text = "Russia invited Hamas for talks on Monday. The Russian invitation was the first one."
    item = _item(nlp, text)
    item.mentions.append(
        Mention(
            text.index("Russian"), text.index("Russian") + 7, "Russian", "NORP", 1, "country:RUS", "demonym"
        )
    )
    events = merge_mentions(code_item(item, default_verbs()))
    assert [(e.cameo_code, e.mentions) for e in events] == [("036", 2)]


def test_reinforcing_forces_is_a_military_build_up(nlp: Any) -> None:
    assert {code for _, _, code in _code(nlp, "Russia has strengthened its forces near Iran.")} == {"154"}


def test_a_verb_class_with_patterns_codes_nothing_without_them(nlp: Any) -> None:
    assert _code(nlp, "Hamas broke the law and threw a party for Russia.") == set()


def test_sealing_off_is_a_blockade_and_sealing_a_deal_an_agreement(nlp: Any) -> None:
    assert ("ISR", "SYR", "191") in _code(nlp, "Israel has sealed off the border with Syria.")
    assert ("ISR", "SYR", "057") in _code(nlp, "Israel sealed a deal with Syria.")


def test_releasing_a_publication_is_no_release_of_persons(nlp: Any) -> None:
    assert _code(nlp, "Russia released its findings on Iran.") == set()
    assert ("RUS", "IRN", "0841") in _code(nlp, "Russia released prisoners to Iran.")


def test_an_act_done_to_oneself_has_no_target(nlp: Any) -> None:
    assert _code(nlp, "Israel defended itself in the debate.") == set()


def test_a_doer_only_mention_of_another_code_stays_its_own_record(nlp: Any) -> None:
    text = "Zarif laid a wreath at Iran's memorial on Monday. Zarif declined to comment on the talks."
    events = merge_mentions(code_item(_item(nlp, text), default_verbs()))
    assert {e.cameo_code for e in events} == {"017", "011"}


def test_being_forced_to_do_by_nobody_named_is_no_coercion(nlp: Any) -> None:
    assert {code for _, _, code in _code(nlp, "Zarif was forced to resign in May.")} == set()
    assert ("RUS", "IRNGOV", "170") in _code(nlp, "Russia forced Zarif to resign.")


def test_who_one_is_invited_to_meet_is_the_one_inviting(nlp: Any) -> None:
    assert ("RUS", "PSEREB", "036") in _code(nlp, "Hamas has been invited to meet with Russia.")
    assert ("IRN", "PSEREB", "036") in _code(nlp, "Hamas was invited to visit Iran next month.")
