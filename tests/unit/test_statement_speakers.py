"""Statements through the real stages (nlp, dates, actors, statements): who speaks when the text
names no one (titles, collectives, pronouns), and what a statement's date and flags come from.
Every sentence here is written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.models import Article, ArticleResult, Statement
from newsledger.pipeline import Pipeline, PipelineConfig, build_pipeline

STAGES = ("newsledger.nlp.v1", "newsledger.dates.v1", "newsledger.actors.v1", "newsledger.statements.v1")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline(PipelineConfig(stages=STAGES))


def _analyse(pipeline: Pipeline, text: str, date: str = "2016-05-02") -> ArticleResult:
    [result], errors = pipeline.run([Article("t1", "Title", text, date)])
    assert not errors
    return result


def _statement(result: ArticleResult, words: str) -> Statement:
    found = [s for s in result.statements if words in s.content]
    assert found, f"no statement with {words!r} in {[s.content for s in result.statements]}"
    return found[0]


def _speaker(pipeline: Pipeline, text: str, words: str, date: str = "2016-05-02") -> tuple[Any, ...]:
    sp = _statement(_analyse(pipeline, text, date), words).speaker
    return (sp.name, sp.country, sp.sector) if sp else (None, None, None)


# ------------------------------------------------------------------ collectives and their country


def test_the_embassy_is_the_embassy_named_before_not_the_place_it_is_in(pipeline: Pipeline) -> None:
    text = (
        "The U.S. embassy in India issued new rules for student visas on Monday. "
        "The embassy said that the rules would take effect in June."
    )
    assert _speaker(pipeline, text, "take effect")[1:] == ("USA", "GOV")


def test_a_collective_takes_the_country_of_its_modifier(pipeline: Pipeline) -> None:
    text = "Sudanese media states that ten lorries were wrecked beyond repair."
    assert _speaker(pipeline, text, "wrecked beyond repair")[1:] == ("SDN", "MED")


def test_unnamed_officials_speak_for_the_country_the_article_is_about(pipeline: Pipeline) -> None:
    text = (
        "Kenya held a general election on Monday, and Kenya's parliament met on Tuesday. "
        "Officials said that turnout was high in every county."
    )
    assert _speaker(pipeline, text, "turnout was high")[1:] == ("KEN", "GOV")


def test_union_leaders_speak_for_labour_not_the_government(pipeline: Pipeline) -> None:
    text = (
        "France's railway operator said on Monday that the strike had cost millions. "
        "Union leaders said that the fires were set by cowards."
    )
    assert _speaker(pipeline, text, "set by cowards")[1:] == ("FRA", "LAB")


def test_no_country_is_guessed_when_the_article_is_about_two(pipeline: Pipeline) -> None:
    text = (
        "Kenya and Uganda signed a trade treaty on Monday. "
        "Officials said that the border posts would stay open at night."
    )
    speaker = _speaker(pipeline, text, "border posts")
    assert speaker[1] is None


def test_a_spokesman_for_a_ministry_speaks_for_that_country(pipeline: Pipeline) -> None:
    text = "A spokesman for the Iranian foreign ministry said that the talks would resume in Vienna."
    assert _speaker(pipeline, text, "talks would resume")[1:] == ("IRN", "GOV")


# ------------------------------------------------------------------------ titles and pronouns


def test_a_title_of_a_country_is_its_holder_on_the_day(pipeline: Pipeline) -> None:
    text = "Iran's foreign minister said on Monday that the talks in Vienna had been useful."
    assert _speaker(pipeline, text, "had been useful", "2016-05-02")[0] == "Mohammad Javad Zarif"


def test_a_title_is_not_given_to_a_former_holder(pipeline: Pipeline) -> None:
    text = "Iran's foreign minister said on Monday that the talks in Vienna had been useful."
    assert _speaker(pipeline, text, "had been useful", "2023-05-01")[0] != "Mohammad Javad Zarif"


def test_their_blog_speaks_for_the_organisation_that_owns_it(pipeline: Pipeline) -> None:
    text = (
        "Reporters asked two charities, Oxfam and the Red Cross, about the dam. "
        'Oxfam pointed to a post on their staff blog, which said "the dam will drown forty villages."'
    )
    assert _speaker(pipeline, text, "drown forty villages")[0] == "Oxfam"


def test_he_is_the_subject_of_the_main_clause_not_of_the_clause_it_reports(pipeline: Pipeline) -> None:
    text = (
        "Mayor Albert Fenwick said in May that Oskar Lindqvist could expect an audit of his firm. "
        '"The audit is overdue," he said at a rally in the harbour district.'
    )
    assert _speaker(pipeline, text, "audit is overdue")[0] == "Albert Fenwick"


def test_he_goes_on_referring_to_the_person_an_earlier_he_referred_to(pipeline: Pipeline) -> None:
    text = (
        "Albert Fenwick beat Oskar Lindqvist by forty votes in the race for mayor. "
        "In his victory speech he thanked the volunteers of the campaign. "
        "He also acknowledged that the count had been close."
    )
    assert _speaker(pipeline, text, "count had been close")[0] == "Albert Fenwick"


def test_an_office_speaking_in_a_statement_says_what_the_statement_says(pipeline: Pipeline) -> None:
    text = (
        "Governor Mark Dalton of Ohio signed the bill on Tuesday. "
        "Governor Dalton's office said in a statement that the law would take effect in July."
    )
    st = _statement(_analyse(pipeline, text), "take effect in July")
    assert st.speaker is not None and st.speaker.name == "Mark Dalton's office"


@pytest.mark.parametrize(
    "text",
    [
        "Radio Kigali, as reported by BBC Monitoring, said that the talks had failed.",
        "BBC Monitoring reported that Radio Kigali said the talks had failed.",
    ],
)
def test_an_outlet_that_relays_a_statement_reports_it_and_does_not_speak(
    pipeline: Pipeline, text: str
) -> None:
    result = _analyse(pipeline, text)
    assert [s.speaker_text for s in result.statements] == ["Radio Kigali"]
    assert "BBC" in " ".join(r.name.upper() for r in result.statements[0].provenance.reported_by)


def test_a_spokesperson_for_an_organisation_speaks_for_it(pipeline: Pipeline) -> None:
    text = (
        "The state government said on Friday that tolls were being considered. "
        "A spokesperson for the Harbour Motorists Association, the largest drivers' group in the "
        "state, said that tolls should be a last resort."
    )
    assert _speaker(pipeline, text, "last resort")[0] == "Harbour Motorists Association"


def test_the_head_of_an_organisation_speaks_for_it_not_for_the_country(pipeline: Pipeline) -> None:
    text = (
        "The Belgian public channel Radio Lumen interrupted its programming. Belgium's prime "
        'minister was not amused. The head of news at Radio Lumen reacted: "We scared many people."'
    )
    assert _speaker(pipeline, text, "scared many people")[0] == "Radio Lumen"


def test_he_goes_on_with_a_spokesperson_who_is_not_named(pipeline: Pipeline) -> None:
    text = (
        "Transport minister Albert Fenwick said on Friday that tolls were being considered. "
        "A spokesperson for the Harbour Motorists Association said that tolls should be a last "
        "resort. He added that any toll should not exceed ten dollars."
    )
    assert _speaker(pipeline, text, "ten dollars")[0] == "Harbour Motorists Association"


def test_he_is_not_a_spokesperson_once_a_person_is_named_after_him(pipeline: Pipeline) -> None:
    text = (
        "A spokesperson for the Harbour Motorists Association said that tolls should be a last "
        "resort. Transport minister Albert Fenwick disagreed. He said that tolls were fair."
    )
    assert _speaker(pipeline, text, "tolls were fair")[0] == "Albert Fenwick"


# ------------------------------------------------------------------ dates and flags of speech


def test_a_year_in_the_content_does_not_date_the_statement(pipeline: Pipeline) -> None:
    text = "The minister said on Monday that the country would be carbon neutral by 2050."
    st = _statement(_analyse(pipeline, text, "2019-03-04"), "carbon neutral")
    assert st.date == "2019-03-04"


def test_a_past_year_in_the_content_does_not_date_the_statement(pipeline: Pipeline) -> None:
    text = "The minister said on Tuesday that the smelter had closed in 2012."
    st = _statement(_analyse(pipeline, text, "2019-03-06"), "smelter had closed")
    assert st.date == "2019-03-05"


def test_the_time_of_the_cue_dates_the_statement(pipeline: Pipeline) -> None:
    text = "In a speech in 2015, the minister said that the smelter would close."
    st = _statement(_analyse(pipeline, text, "2019-03-04"), "smelter would close")
    assert st.date == "2015"


@pytest.mark.parametrize(
    ("text", "words", "negated", "hypothetical"),
    [
        ("The minister does not indicate whether the smelter will close.", "smelter will close", True, False),
        ("The minister did not say when the smelter would close.", "smelter would close", True, False),
        ("The minister plans to say that the smelter will close.", "smelter will close", False, True),
        ("Inspectors found the smelter had been overloaded.", "had been overloaded", False, False),
    ],
)
def test_negated_and_planned_speech_is_flagged(
    pipeline: Pipeline, text: str, words: str, negated: bool, hypothetical: bool
) -> None:
    st = _statement(_analyse(pipeline, text), words)
    assert (st.negated, st.hypothetical) == (negated, hypothetical)


@pytest.mark.parametrize(
    "text",
    [
        "The union plans a strike at the smelter next week.",
        "The union is planning to strike at the smelter next week.",
        "The report does not indicate that the smelter closed.",
        "A leaked memo shows that the smelter lost money.",
        "The union opposes the closure of the smelter.",
        "The ministry offered the smelter a loan of ten million.",
        "Police found the two guards lying dead behind the smelter on Thursday.",
        "The court found him guilty of fraud at the smelter.",
        "Only the workers know whether the smelter will reopen.",
        'Note the question "Will the smelter close in June?" on the last page of the report.',
        "That said, the smelter lost money in every quarter of the year.",
        'Telling the guards about the closure would "cause panic at the smelter".',
        "The guards were helpful when asked to open the gates of the smelter.",
        'These young guards go against a long tradition of "quiet service" at the smelter.',
    ],
)
def test_plans_evidence_and_offers_are_not_statements(pipeline: Pipeline, text: str) -> None:
    assert _analyse(pipeline, text).statements == ()


def test_a_belief_inside_what_someone_said_is_part_of_that_statement(pipeline: Pipeline) -> None:
    text = "The plant manager, Rosa Lindgren, said she believed that the smelter would close in June."
    result = _analyse(pipeline, text)
    assert [s.cue for s in result.statements] == ["said"]


def test_what_a_framing_verb_introduces_after_a_colon_is_still_quoted(pipeline: Pipeline) -> None:
    text = 'Rosa Lindgren went on: "The smelter will close in June."'
    assert _statement(_analyse(pipeline, text), "smelter will close").kind == "direct"


# ------------------------------------------------------------------------- conjoined speakers


def test_each_of_two_conjoined_speakers_has_a_statement(pipeline: Pipeline) -> None:
    text = "Kenya and Uganda said on Monday that the border posts would stay open at night."
    result = _analyse(pipeline, text)
    said = [s for s in result.statements if "border posts" in s.content]
    assert sorted(s.speaker.name for s in said if s.speaker) == ["Kenya", "Uganda"]
    assert len({s.statement_id for s in said}) == 2


def test_official_reports_of_a_country_speak_for_its_government(pipeline: Pipeline) -> None:
    text = "According to official Chilean reports, copper exports fell by a third in March."
    assert _speaker(pipeline, text, "copper exports")[1:] == ("CHL", "GOV")


# --------------------------------------------------------------------------- documents that speak


def test_the_report_speaks_for_whoever_released_it(pipeline: Pipeline) -> None:
    text = (
        "Amnesty International released a report on Monday about prisons in Chad. "
        "The report said that beatings were common in two of them."
    )
    assert _speaker(pipeline, text, "beatings were common")[0] == "Amnesty International"


def test_a_statement_by_officials_speaks_for_them(pipeline: Pipeline) -> None:
    text = (
        "Pakistan's army lost a helicopter near Peshawar on Saturday. "
        "A statement by army officials said that the helicopter crashed at noon."
    )
    assert _speaker(pipeline, text, "crashed at noon")[1:] == ("PAK", "MIL")


def test_the_statement_issued_by_officials_keeps_its_author(pipeline: Pipeline) -> None:
    text = (
        "U.S. officials said in a statement that the strike used guided munitions. "
        "The statement added that three people died."
    )
    assert _speaker(pipeline, text, "three people died")[1:] == ("USA", "GOV")


# ------------------------------------------------------------------ speech relayed by an outlet


def _speaker_and_relay(pipeline: Pipeline, text: str, words: str) -> tuple[str | None, list[str]]:
    st = _statement(_analyse(pipeline, text), words)
    return (st.speaker.name if st.speaker else None), [r.name for r in st.provenance.reported_by]


@pytest.mark.parametrize(
    "text",
    [
        "The Guardian quoted Lena Hoffmann as saying that the dam would be finished in May.",
        "Lena Hoffmann was quoted by The Guardian as saying that the dam would be finished in May.",
        '"The dam will be finished in May," Lena Hoffmann was quoted by The Guardian as saying.',
    ],
)
def test_the_quoted_person_speaks_and_the_outlet_quoting_her_reports(pipeline: Pipeline, text: str) -> None:
    speaker, relays = _speaker_and_relay(pipeline, text, "finished in May")
    assert speaker == "Lena Hoffmann"
    assert relays[:1] == ["Guardian"] or relays[:1] == ["The Guardian"]


def test_according_to_after_a_statement_names_who_relays_it(pipeline: Pipeline) -> None:
    text = "Lena Hoffmann said the dam would be finished in May, according to The Guardian."
    result = _analyse(pipeline, text)
    dam = [s for s in result.statements if s.speaker and s.speaker.name == "Lena Hoffmann"]
    assert len(dam) == 1
    assert "finished in May" in dam[0].content
    assert "according" not in dam[0].content
    assert [r.name for r in dam[0].provenance.reported_by][:1] in (["Guardian"], ["The Guardian"])


def test_according_to_inside_what_was_said_stays_part_of_it(pipeline: Pipeline) -> None:
    text = "Lena Hoffmann said that, according to the engineers, the dam would be finished in May."
    speaker, relays = _speaker_and_relay(pipeline, text, "finished in May")
    assert speaker == "Lena Hoffmann"
    assert relays == []


def test_a_persons_office_speaks_for_the_person_but_is_not_the_person(pipeline: Pipeline) -> None:
    text = (
        "Former senator Walter Brennan visited Lagos on Monday. "
        "Brennan's office said that the visit was private."
    )
    st = _statement(_analyse(pipeline, text), "visit was private")
    assert st.speaker is not None
    assert st.speaker.name == "Walter Brennan's office"
    assert st.speaker.actor_id != "person:walter-brennan"


# ------------------------------------------------------------------ the speaker's stance (about)


def _stances(pipeline: Pipeline, text: str, words: str) -> dict[str, str]:
    return {a.name: a.stance for a in _statement(_analyse(pipeline, text), words).about}


def test_a_word_of_direction_is_no_stance(pipeline: Pipeline) -> None:
    text = 'Spokesman Tom Hale said "Governor Ann Price was on a flight back from Geneva on Monday."'
    assert set(_stances(pipeline, text, "flight back").values()) == {"neutral"}


def test_the_polarity_of_a_whole_statement_is_no_stance_toward_each_of_two_actors(pipeline: Pipeline) -> None:
    text = "Peter Hale said that Siemens met Alstom in Paris and that the talks were a disaster."
    stances = _stances(pipeline, text, "disaster")
    assert stances and set(stances.values()) == {"neutral"}


def test_a_collective_of_no_known_country_is_not_judged(pipeline: Pipeline) -> None:
    text = 'Peter Hale said "if I were a ruthless dictator, the phones would be gone by lunchtime."'
    about = _statement(_analyse(pipeline, text), "dictator").about
    assert all(a.stance == "neutral" for a in about if a.actor_id.startswith("group:---"))


def test_the_name_in_apposition_to_a_conjoined_title_speaks(pipeline: Pipeline) -> None:
    text = "Transport minister Albert Fenwick and his state counterpart Joe Marlow said that tolls were fair."
    speakers = {s.speaker.name for s in _analyse(pipeline, text).statements if s.speaker}
    assert speakers == {"Albert Fenwick", "Joe Marlow"}


def test_a_participle_after_a_comma_goes_with_the_subject_of_the_sentence(pipeline: Pipeline) -> None:
    text = (
        "Albert Fenwick went on to describe the financial problems of the people in the region, "
        'the "huge gap" between the cost of rebuilding and insurance payouts, also asking '
        '"Are we going to pay people nothing?"'
    )
    assert _speaker(pipeline, text, "pay people nothing")[0] == "Albert Fenwick"


def test_a_quote_outside_a_statement_stays_when_its_cue_is_inside_it(pipeline: Pipeline) -> None:
    text = (
        "The news prompted a response from the new Prime Minister - "
        '"Our country supports the plan in this direction", Marco Bellini, Prime Minister - '
        "after Mr Bellini said he would propose the withdrawal of the troops."
    )
    assert _statement(_analyse(pipeline, text), "supports the plan").kind == "direct"


# ------------------------------------------------------------------ speakers the parse hides


def _speaker_text(pipeline: Pipeline, text: str, words: str) -> str | None:
    return _statement(_analyse(pipeline, text), words).speaker_text


def test_a_participle_after_a_quote_speaks_for_who_said_the_quote(pipeline: Pipeline) -> None:
    # the parser hangs "calling" from the quoted verb, whose subject is the quote's "I"
    text = (
        'Trade Minister Anna Berg said, "I am asking every partner to wait for the report," '
        'while at the same time calling the tariff a "necessary" step.'
    )
    assert _speaker_text(pipeline, text, "tariff") == "Trade Minister Anna Berg"


def test_the_agent_of_a_passive_cue_is_its_speaker_wherever_the_parser_hung_it(pipeline: Pipeline) -> None:
    text = 'The outbreak was declared to be a "pandemic" by the World Health Organization on Friday.'
    assert _speaker_text(pipeline, text, "pandemic") == "the World Health Organization"


def test_a_pronoun_in_a_clause_under_a_cue_is_that_cue_s_speaker(pipeline: Pipeline) -> None:
    text = (
        "The court ruled on Monday. Election officials say the ballots will be counted again, "
        "as they claim that the first count was flawed."
    )
    [st] = [s for s in _analyse(pipeline, text).statements if s.cue == "claim"]
    assert st.speaker_text == "Election officials"


def test_a_stray_comma_between_a_name_and_its_cue_keeps_the_speaker(pipeline: Pipeline) -> None:
    text = 'On June 1st, 2005 Defense Secretary Ana Ruiz, said, "Our troops will come home soon."'
    assert _speaker_text(pipeline, text, "come home") == "Defense Secretary Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Chief Strategist at Northbank, Adrian Mowat, believes that rates will fall.", "Adrian Mowat"),
        ("One of the refugee leaders, Mohamed Sow, says he is studying law.", "Mohamed Sow"),
    ],
)
def test_the_person_named_beside_a_title_speaks(pipeline: Pipeline, text: str, speaker: str) -> None:
    words = text.split(" that ")[-1] if " that " in text else "studying law"
    assert _speaker_text(pipeline, text, words.rstrip(".")) == speaker


def test_a_document_issued_by_a_body_speaks_for_that_body(pipeline: Pipeline) -> None:
    text = (
        "A bomb exploded at a theatre in Doha, Qatar. "
        '"One person was killed and 12 were wounded," said a statement issued by the Interior Ministry.'
    )
    assert _speaker(pipeline, text, "12 were wounded")[1:] == ("QAT", "GOV")
