"""Precision on random news (stages/events senses and conventions): wording that looks like an
event verb but tells no act between actors is not coded; the act next to it stays coded."""

from __future__ import annotations

from typing import Any

from newsledger.knowledge.petrarch_verbs import default_verbs
from newsledger.models import ActorRef
from newsledger.stages.events import code_item
from newsledger.stages.events.nonparties import names_a_thing
from newsledger.stages.events.senses import non_political_sense

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


def test_an_order_or_a_wish_addressed_to_no_one_is_no_demand_or_appeal(nlp: Any) -> None:
    assert "10" not in _roots(nlp, "Zarif ordered a by-election for the 2nd of October.")
    assert "02" not in _roots(nlp, "Zarif said they want to be heard.")
    assert "02" not in _roots(nlp, "Economists expect the number of jobless to grow.")
    assert ("IRNGOV", "RUS", "020") in _code(nlp, "Zarif wants Russia to take part in the talks.")


def test_telling_is_no_aid_and_showing_or_falling_no_protest_or_rejection(nlp: Any) -> None:
    assert "07" not in _roots(nlp, "Zarif gave his reaction to Russia.")
    assert "07" in _roots(nlp, "Zarif gave food to Russia.")
    assert not _sense(nlp, "Students demonstrated in the capital.", "demonstrated", "140")
    assert _sense(nlp, "The site demonstrates that the law is not sustainable.", "demonstrates", "140")
    assert _sense(nlp, "The dollar declined slightly against most currencies.", "declined", "120")
    assert not _sense(nlp, "Zarif declined the offer from Russia.", "declined", "120")
    assert not _sense(nlp, "Zarif declined to comment.", "declined", "120")


def _sense(nlp: Any, text: str, verb: str, code: str) -> bool:
    tok = next(t for t in nlp(text) if t.text == verb)
    return non_political_sense(tok, code)


def test_what_a_proposal_or_refusal_asks_for_is_its_content_not_an_act(nlp: Any) -> None:
    proposed = _code(nlp, "Zarif proposed that Russia help China.")
    assert any(c.startswith("03") for _, _, c in proposed)
    assert not any(s == "RUS" for s, _, _ in proposed)
    refused = _code(nlp, "Zarif was known for his refusal to grant any concessions to Russia.")
    assert not any(c.startswith("07") for _, _, c in refused)


def test_a_law_a_document_or_a_place_with_no_actor_code_is_no_party() -> None:
    assert names_a_thing(ActorRef("org:inspections-bill", "Inspections Bill"))
    assert names_a_thing(ActorRef("person:nabatieh-governorate", "Nabatieh Governorate"))
    assert not names_a_thing(ActorRef("org:labour", "Labour Party"))
    assert not names_a_thing(ActorRef("org:un-center", "UN Regional Center", None, "IGO", "IGO"))
    assert not names_a_thing(ActorRef("org:bill", "Bill"))  # one word: a name, not a kind
    assert not names_a_thing(ActorRef("person:john-stuart-mill", "John Stuart Mill"))


def test_concluding_signs_only_an_agreement_and_swearing_promises_only_what_is_sworn(nlp: Any) -> None:
    assert _sense(nlp, "It is concluded that the oath of office is unconstitutional.", "concluded", "057")
    assert _sense(nlp, "Russia concluded an inquest into the attack.", "concluded", "057")
    assert not _sense(nlp, "Russia concluded a trade agreement with China.", "concluded", "057")
    assert _sense(nlp, "Zarif swore an affidavit describing the talks.", "swore", "030")
    assert not _sense(nlp, "Zarif swore to avenge the attack.", "swore", "030")


def test_a_warning_to_no_one_is_no_threat_and_a_talk_given_no_aid(nlp: Any) -> None:
    assert "13" not in _roots(nlp, "Zarif warned that the amount could rise before March.")
    assert "13" in _roots(nlp, "Zarif warned Russia that Iran would attack.")
    assert "07" not in _roots(nlp, "The slip occurred during a talk Zarif was giving to Russia.")


def test_an_announced_act_still_needs_its_recipient(nlp: Any) -> None:
    assert "03" not in _roots(nlp, "Zarif will protect the content from unpaid exploitation.")
    assert ("IRNGOV", "RUS") in {
        (s, t) for s, t, c in _code(nlp, "Zarif will protect Russia.") if c[:2] == "03"
    }
