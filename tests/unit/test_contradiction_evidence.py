"""What a contradiction may rest on (stages/contradictions/evidence.py): asserted statements,
events told as having happened, one target on both sides, dates of one period.  The sentences
are written for these tests; the records are built by hand."""

from __future__ import annotations

from dataclasses import replace

from newsledger.models import AboutRef, Actor, Event
from newsledger.stages.contradictions import find_contradictions
from newsledger.stages.contradictions.evidence import about_agrees, asserted, dates_meet, event_asserted

from .test_contradictions import ACTORS, event, kinds, prov, said

LABEL = "The Northern Legion is a terrorist organisation."


def _told(ev: Event, sentence: str) -> Event:
    return replace(ev, provenance=replace(ev.provenance, sentence=sentence))


def test_a_question_asserts_nothing() -> None:
    assert not asserted(said("s1", "kessler", "Why would we ever talk to the Legion?", 1))
    assert not asserted(said("s1", "kessler", "whether the Legion can be trusted", 1))
    assert asserted(said("s1", "kessler", LABEL, 1))


def test_an_event_told_as_having_happened_is_evidence() -> None:
    met = event("e1", "zzagov", "legion", 1, "met")
    assert event_asserted(_told(met, "Zandian officials met Legion envoys in Ostia on Monday."))


def test_an_event_inside_a_denial_is_no_evidence() -> None:
    recognised = event("e1", "legion", "zzagov", 1, "recognised")
    sentence = "A Legion commander, Ivo Rask, denied that the new accord meant the group now recognised the government."
    assert not event_asserted(_told(recognised, sentence))


def test_a_conditional_or_intended_event_is_no_evidence() -> None:
    join = event("e1", "zandia", "legion", 1, "join")
    assert not event_asserted(
        _told(join, "Zandia said it would join talks with the Legion if the shelling stopped.")
    )
    meet = event("e1", "zandia", "legion", 1, "meet")
    assert not event_asserted(_told(meet, "Zandia agreed to meet the Legion next month."))


def test_an_appeal_for_an_event_is_no_evidence() -> None:
    recognise = event("e1", "legion", "zzagov", 1, "recognise")
    sentence = "Ostia repeated its call for the Legion to lay down arms and recognise the government."
    assert not event_asserted(_told(recognise, sentence))


def test_a_hedged_event_makes_no_statement_action_contradiction() -> None:
    s1 = said("s1", "kessler", LABEL, 1)
    hosted = _told(
        event("e1", "zzagov", "legion", 1, "hosted"), "The government hosted Legion envoys in the capital."
    )
    denied = _told(
        event("e2", "zzagov", "legion", 1, "hosted"),
        "The ministry denied reports that the government hosted Legion envoys in the capital.",
    )
    assert kinds(find_contradictions([s1], [hosted], ACTORS)) == {("statement-action", "s1", "e1")}
    assert find_contradictions([s1], [denied], ACTORS) == []


def test_the_events_other_party_must_be_the_target_itself_not_its_state() -> None:
    actors = dict(ACTORS)
    actors["legion-army"] = Actor("legion-army", "Legion Army", "group", "ZZB", "MIL")
    actors["zzb"] = Actor("zzb", "Zedland", "country", "ZZB")
    s1 = said("s1", "kessler", "The Legion Army is a terrorist organisation.", 1)
    day = s1.date or ""
    with_state = Event(
        "e1", prov(40, "Zandia met Zedland."), "met", "040", "04", 1, 1.0, None, None,
        actors["zandia"].ref_on(day), actors["zzb"].ref_on(day), day, "day",
    )  # fmt: skip
    assert find_contradictions([s1], [with_state], actors) == []


def test_words_and_deeds_years_apart_do_not_contradict() -> None:
    s1 = said("s1", "kessler", LABEL, 1)
    later = event("e1", "zzagov", "legion", 1, "hosted", date="2026-06-01")
    assert find_contradictions([s1], [later], ACTORS) == []
    assert dates_meet("2022-03-10", "2022-12-31")
    assert not dates_meet("2022-03-10", None)


def test_about_must_not_say_the_opposite_of_the_finding() -> None:
    st = said("s1", "kessler", LABEL, 1, about=(AboutRef("legion", "Northern Legion", "supportive"),))
    assert not about_agrees(st, "legion", "critical")
    assert about_agrees(st, "legion", "supportive")
    assert about_agrees(said("s2", "kessler", LABEL, 1), "legion", "critical")


def test_a_trigger_with_a_that_clause_is_a_judgement_not_an_act() -> None:
    concluded = event("e1", "zzagov", "legion", 1, "concluded")
    sentence = "The minister concluded that the talks with the Legion had helped to prevent attacks."
    assert not event_asserted(_told(concluded, sentence))
