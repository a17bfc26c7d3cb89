"""Statements that are themselves acts: a clear criticism or praise of one actor is a 111/051
event from the speaker to that actor (stages/events/stances.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsledger.knowledge.actors import ActorKB
from newsledger.models import (
    AboutRef,
    Actor,
    AnalyzedArticle,
    Article,
    Event,
    Mention,
    Provenance,
    Statement,
)
from newsledger.stages.events.stances import stance_events

TEXT = 'Senator Vell said "the Duke of Arn has ruined the harbour and his plan is a disgrace."'
VELL = Actor("person:vell", "Vell", "person", "ARN", "LEG", "ARNLEG")
DUKE = Actor("person:duke", "Duke of Arn", "person", "ARN", "ELI", "ARNELI")
ARN = Actor("country:ARN", "Arn", "country", "ARN", None, "ARN")
ORBIA = Actor("country:ORB", "Orbia", "country", "ORB", None, "ORB")
CROWD = Actor("group:crowd", "Arnish civilians", "group", "ARN", "CVL", "ARNCVL")


def _item(*about: AboutRef, negated: bool = False, speaker: Actor = VELL) -> AnalyzedArticle:
    item = AnalyzedArticle(Article("a1", "t", TEXT, "2021-03-04"))
    for actor in (VELL, DUKE, ARN, ORBIA, CROWD):
        item.actors[actor.actor_id] = actor
    start = TEXT.index("the Duke")
    prov = Provenance("a1", 0, TEXT, (0, len(TEXT)), "newsledger.statements.v1", ())
    ref = speaker.ref_on("2021-03-04")
    item.statements = [
        Statement(
            "s1",
            prov,
            ref,
            speaker.name,
            (0, 13),
            "said",
            "direct",
            TEXT[start:-2],
            (start, len(TEXT) - 2),
            cue_span=(14, 18),
            date="2021-03-04",
            date_precision="day",
            about=about,
            negated=negated,
        )
    ]
    return item


def _dyads(events: list[Event]) -> list[tuple[str | None, str | None, str]]:
    return [(e.source and e.source.actor_id, e.target and e.target.actor_id, e.cameo_code) for e in events]


def test_a_statement_criticising_one_actor_is_a_criticism_by_its_speaker() -> None:
    (event,) = stance_events(_item(AboutRef("person:duke", "Duke of Arn", "critical")), [])
    assert _dyads([event]) == [("person:vell", "person:duke", "111")]
    assert event.provenance.reported_by[0].actor_id == "person:vell"  # the speaker's claim
    assert event.date == "2021-03-04" and not event.negated
    praise = stance_events(_item(AboutRef("person:duke", "Duke of Arn", "supportive")), [])
    assert _dyads(praise) == [("person:vell", "person:duke", "051")]


def test_a_speaker_of_unknown_country_praises_no_one() -> None:
    officials = Actor("group:---GOV", "unidentified government", "group", None, "GOV", "---GOV")
    praise = AboutRef("person:duke", "Duke of Arn", "supportive")
    assert stance_events(_item(praise, speaker=officials), []) == []


def test_unclear_or_unfit_targets_give_no_event() -> None:
    duke = AboutRef("person:duke", "Duke of Arn", "critical")
    assert stance_events(_item(AboutRef("person:duke", "Duke of Arn", "neutral")), []) == []
    assert stance_events(_item(duke, negated=True), []) == []  # "did not say"
    # two judged actors: which one the speaker criticises is not clear
    assert stance_events(_item(duke, AboutRef("country:ORB", "Orbia", "supportive")), []) == []
    # a generic group is no target; the speaker's own country is described, not criticised
    crowd = AboutRef("group:crowd", "Arnish civilians", "critical")
    assert _dyads(stance_events(_item(duke, crowd), [])) == [("person:vell", "person:duke", "111")]
    assert stance_events(_item(AboutRef("country:ARN", "Arn", "critical")), []) == []
    # the speaker is not judged by their own words
    assert stance_events(_item(AboutRef("person:vell", "Vell", "critical")), []) == []


def test_an_event_the_verbs_coded_between_the_same_actors_wins() -> None:
    item = _item(AboutRef("person:duke", "Duke of Arn", "critical"))
    prov = Provenance("a1", 0, TEXT, (20, 30), "newsledger.events.v1", ())
    vell, duke = VELL.ref_on(None), DUKE.ref_on(None)
    verb_coded = Event("ev1", prov, "ruined", "112", "11", 3, -2.0, None, None, vell, duke, None, "unknown")
    assert stance_events(item, [verb_coded]) == []


def test_states_gone_before_iso_lists_resolve_under_cameo_codes() -> None:
    """Events with Yugoslavia or East Germany were dropped: no actor resolved ("halted aid to
    Yugoslavia"); CAMEO codes them YUG and DDR."""
    kb = ActorKB.load()
    for name, actor_id in (
        ("Yugoslavia", "country:YUG"),
        ("Yugoslav", "country:YUG"),
        ("East Germany", "country:DDR"),
    ):
        hit = kb.lookup(name)
        assert hit is not None and hit.actor_id == actor_id, name
    assert kb.actors["country:YUG"].cameo_code == "YUG"


def test_a_source_cited_with_according_to_makes_a_claim_not_a_judgement() -> None:
    item = _item(AboutRef("person:duke", "Duke of Arn", "critical"))
    item.statements = [replace(item.statements[0], cue="according to")]
    assert stance_events(item, []) == []


def test_a_cue_that_informs_passes_news_on_and_judges_no_one() -> None:
    item = _item(AboutRef("person:duke", "Duke of Arn", "critical"))
    item.statements = [replace(item.statements[0], cue="announced")]
    assert stance_events(item, []) == []


def test_an_actor_named_only_as_the_place_of_a_happening_is_not_judged(nlp: Any) -> None:
    text = 'Vell said "the growing problem of piracy off Orbia is a disgrace."'
    item = _item(AboutRef("country:ORB", "Orbia", "critical"))
    item.article = Article("a1", "t", text, "2021-03-04")
    item.doc = nlp(text)
    orbia, content = text.index("Orbia"), text.index("the growing")
    item.mentions = [Mention(orbia, orbia + 5, "Orbia", "GPE", 0, "country:ORB", "country")]
    item.statements = [replace(item.statements[0], content_span=(content, len(text) - 2))]
    assert stance_events(item, []) == []
    judged = 'Vell said "Orbia has ruined the harbour and its plan is a disgrace."'
    item.doc = nlp(judged)
    item.article = Article("a1", "t", judged, "2021-03-04")
    orbia = judged.index("Orbia")
    item.mentions = [Mention(orbia, orbia + 5, "Orbia", "GPE", 0, "country:ORB", "country")]
    item.statements = [replace(item.statements[0], content_span=(orbia, len(judged) - 2))]
    assert _dyads(stance_events(item, [])) == [("person:vell", "country:ORB", "111")]


def test_the_outlet_a_speaker_talks_to_is_not_judged() -> None:
    outlet = Actor("org:wikinews", "Wikinews", "organization", None, "MED", "MED")
    item = _item(AboutRef("org:wikinews", "Wikinews", "critical"))
    item.actors[outlet.actor_id] = outlet
    assert stance_events(item, []) == []
