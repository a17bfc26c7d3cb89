"""Non-political senses of event verbs (stages/events/senses.py): a publication, a career step,
a presenter's show and a neutral report are no CAMEO act; the political sense stays coded."""

from __future__ import annotations

from typing import Any

from newsledger.knowledge.petrarch_verbs import default_verbs
from newsledger.models import AboutRef, Actor, AnalyzedArticle, Article, Mention, Provenance, Statement
from newsledger.stages.events import code_item
from newsledger.stages.events.modality import modality
from newsledger.stages.events.senses import non_political_sense
from newsledger.stages.events.stances import stance_events

from .test_events_reference import _item, _triples


def _codes(nlp: Any, text: str) -> set[str]:
    return {c for _, _, c in _triples(code_item(_item(nlp, text), default_verbs()))}


def _sense(nlp: Any, text: str, verb: str, code: str) -> bool:
    tok = next(t for t in nlp(text) if t.text == verb)
    return non_political_sense(tok, code)


def test_releasing_information_is_no_release_of_persons(nlp: Any) -> None:
    assert not any(c.startswith("084") for c in _codes(nlp, "Iran released photographs of the prisoners."))
    assert any(c.startswith("084") for c in _codes(nlp, "Iran released two prisoners to Russia."))


def test_withdrawing_a_bid_is_a_career_step_not_a_deescalation(nlp: Any) -> None:
    assert _sense(nlp, "Zarif withdrew his bid for the presidency.", "withdrew", "087")
    assert not _sense(nlp, "Russia withdrew its troops from Syria.", "withdrew", "087")


def test_hosting_a_show_is_no_visit_hosted(nlp: Any) -> None:
    assert _sense(nlp, "Zarif hosted a weekly radio program.", "hosted", "043")
    assert not _sense(nlp, "China hosted Zarif in Beijing.", "hosted", "043")


def test_a_resignation_yields_power_only_to_a_challenge(nlp: Any) -> None:
    assert _sense(nlp, "Zarif resigned a few weeks later to join a bank.", "resigned", "0831")
    assert not _sense(
        nlp, "Zarif resigned after weeks of protests demanding his removal.", "resigned", "0831"
    )


def test_telling_or_describing_judges_no_one_without_a_predicate(nlp: Any) -> None:
    assert _sense(nlp, "Zarif described the situation in Syria.", "described", "111")
    assert not _sense(nlp, "Zarif described the attack as a war crime.", "described", "111")
    assert not _sense(nlp, "Zarif described the situation in Syria.", "described", "040")


def test_a_denied_act_is_negated_and_an_alleged_act_hypothetical(nlp: Any) -> None:
    def verb(text: str, word: str) -> Any:
        return next(t for t in nlp(text) if t.text == word)

    denied = modality(verb("Israel denied that its troops had attacked the convoy.", "attacked"))
    assert denied.negated
    said = modality(verb("Israel said that its troops had attacked the convoy.", "attacked"))
    assert not said.negated and not said.hypothetical
    alleged = modality(verb("There are allegations that the minister raped a woman.", "raped"))
    assert alleged.hypothetical and not alleged.negated
    assert modality(verb("The minister allegedly raped a woman.", "raped")).hypothetical
    assert not modality(verb("The minister raped a woman.", "raped")).hypothetical


def _statement_item(nlp: Any, text: str, content: str, named: dict[str, Any]) -> AnalyzedArticle:
    item = AnalyzedArticle(Article("a1", "t", text, "2021-03-04"))
    item.doc = nlp(text)
    start = text.index(content)
    about = []
    for surface, (actor, stance) in named.items():
        item.actors[actor.actor_id] = actor
        at = text.index(surface)
        item.mentions.append(Mention(at, at + len(surface), surface, "NORP", 0, actor.actor_id, "test"))
        about.append(AboutRef(actor.actor_id, actor.name, stance))
    speaker = VELL.ref_on("2021-03-04")
    prov = Provenance("a1", 0, text, (0, len(text)), "newsledger.statements.v1", ())
    cue = text.index("said")
    span = (start, start + len(content))
    item.statements = [
        Statement(
            "s1",
            prov,
            speaker,
            "Vell",
            (0, 4),
            "said",
            "direct",
            content,
            span,
            cue_span=(cue, cue + 4),
            date="2021-03-04",
            date_precision="day",
            about=tuple(about),
        )
    ]
    return item


VELL = Actor("person:vell", "Vell", "person", "ORB", "LEG", "ORBLEG")


def test_a_nationality_of_people_or_the_speakers_companion_is_not_judged(nlp: Any) -> None:
    arn = Actor("country:ARN", "Britain", "country", "GBR", None, "GBR")
    jeri = Actor("person:jeri", "Jeri", "person", "ORB", None, None)
    people = 'Vell said "some want a war against British Muslims, a disgrace."'
    item = _statement_item(
        nlp, people, "some want a war against British Muslims, a disgrace.", {"British": (arn, "critical")}
    )
    assert stance_events(item, []) == []
    beside = 'Vell said "Jeri and I will always be grateful for your help."'
    item = _statement_item(
        nlp, beside, "Jeri and I will always be grateful for your help.", {"Jeri": (jeri, "supportive")}
    )
    assert stance_events(item, []) == []
    # the state itself judged stays a criticism
    state = 'Vell said "Britain has ruined the harbour, a disgrace."'
    item = _statement_item(
        nlp, state, "Britain has ruined the harbour, a disgrace.", {"Britain": (arn, "critical")}
    )
    assert [e.cameo_code for e in stance_events(item, [])] == ["111"]


def test_a_named_victim_of_a_passive_killing_is_a_targeted_killing(nlp: Any) -> None:
    from newsledger.stages.events.refine import refined_code

    def killed(text: str) -> Any:
        return next(t for t in nlp(text) if t.text == "killed")

    assert refined_code("190", killed("The deputy chief of Hamas was killed in Gaza.")) == "186"
    assert refined_code("190", killed("Three Hamas fighters were killed in Gaza.")) == "190"


def test_an_act_dated_after_the_article_is_never_told_as_done() -> None:
    from newsledger.models import Article
    from newsledger.pipeline import build_pipeline

    text = (
        "Mr. Dobrev said Iranian and Russian military officials will meet in Tehran Saturday "
        "to discuss the outcome of the inquiry."
    )
    [result], errors = build_pipeline().run([Article("a1", "t", text, "2021-01-28")])
    assert not errors
    later = [e for e in result.events if e.date and e.date > "2021-01-28"]
    assert {e.trigger for e in later} >= {"meet", "discuss"}  # "discuss" hangs under "will meet"
    assert all(e.hypothetical for e in later)


def test_a_past_act_read_as_dated_after_the_article_loses_the_date_not_its_reality(nlp: Any) -> None:
    from newsledger.stages.dates.dating import told_as_past

    doc = nlp("Protesters set fire to the embassy and the envoy was expelled, but talks were to resume.")
    by_word = {t.text: t for t in doc}
    assert told_as_past(by_word["set"]) and told_as_past(by_word["expelled"])
    assert not told_as_past(by_word["resume"])  # "were to resume": planned, not done
    assert not told_as_past(nlp("Iran will expel the envoy.")[2])


def test_a_noun_dated_by_a_future_clause_loses_the_date_and_a_verb_turns_hypothetical() -> None:
    from newsledger.stages.events.coder import not_yet_done

    saturday = {"date": "2021-01-30", "date_precision": "day", "hypothetical": False}
    assert not_yet_done(saturday, "2021-01-28", past_or_noun=False)["hypothetical"] is True
    noun = not_yet_done(saturday, "2021-01-28", past_or_noun=True)
    assert (noun["date"], noun["date_precision"], noun["hypothetical"]) == (None, "unknown", False)
    # the past, the day itself, a coarser date that includes it, and flagged acts are left alone
    for date in ("2021-01-27", "2021-01-28", "2021-01", "2021"):
        assert not_yet_done(saturday | {"date": date}, "2021-01-28", past_or_noun=True)["date"] == date
    flagged = saturday | {"hypothetical": True}
    assert not_yet_done(flagged, "2021-01-28", past_or_noun=True) == flagged
    assert not_yet_done(saturday | {"date": "2022"}, "2021-01-28", past_or_noun=False)["hypothetical"]
