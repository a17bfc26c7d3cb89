"""Which words frame a quotation and who its speaker is, read from the parse: participles,
infinitives with an object, "as X put it", pronouns of a free relative. Every sentence here is
written for the test; the stages run in PolNeAR's attribution scope, as `evaluate statements`
runs them."""

from __future__ import annotations

import pytest

from newsledger.config import StageOptions
from newsledger.models import Article, ArticleResult, Statement
from newsledger.pipeline import Pipeline, PipelineConfig, build_pipeline

STAGES = ("newsledger.nlp.v1", "newsledger.dates.v1", "newsledger.actors.v1", "newsledger.statements.v1")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return build_pipeline(PipelineConfig(stages=STAGES, options=StageOptions(statement_scope="attribution")))


def _result(pipeline: Pipeline, text: str) -> ArticleResult:
    [result], errors = pipeline.run([Article("t1", "Title", text, "2016-09-30")])
    assert not errors
    return result


def _statement(result: ArticleResult, words: str) -> Statement:
    found = [s for s in result.statements if words in s.content]
    assert found, f"no statement with {words!r} in {[s.content for s in result.statements]}"
    return found[0]


def _speaker_words(pipeline: Pipeline, text: str, words: str) -> str:
    st = _statement(_result(pipeline, text), words)
    assert st.speaker_span is not None, f"no speaker for {words!r}"
    return text[st.speaker_span[0] : st.speaker_span[1]]


def _cue_words(pipeline: Pipeline, text: str, words: str) -> str:
    st = _statement(_result(pipeline, text), words)
    assert st.cue_span is not None
    return text[st.cue_span[0] : st.cue_span[1]]


def test_a_participle_after_the_object_of_of_is_that_objects_speech(pipeline: Pipeline) -> None:
    text = "The new advertisement uses footage of Mayor Linda Okafor asking, “Why are the buses always late?”"
    assert _speaker_words(pipeline, text, "buses always late") == "Mayor Linda Okafor"


def test_a_participle_clause_after_a_cue_speaks_for_the_cues_subject(pipeline: Pipeline) -> None:
    text = (
        "“The budget is a mess and the council knows it,” Okafor said, going on to say that the "
        "city has spent “far too much on consultants and far too little on the roads.”"
    )
    assert _speaker_words(pipeline, text, "too much on consultants") == "Okafor"


def test_the_object_of_led_does_the_infinitives_act(pipeline: Pipeline) -> None:
    text = "The closures have led Sam Brody, the union leader, to fear “a slow death of the valley.”"
    assert "Brody" in _speaker_words(pipeline, text, "slow death")


def test_a_dash_the_tagger_made_a_noun_is_no_subject(pipeline: Pipeline) -> None:
    text = (
        "The company paid no tax in the years when its books were made public ― Harlan boasted, "
        "“That makes me clever.”"
    )
    assert _speaker_words(pipeline, text, "makes me clever") == "Harlan"


def test_as_a_memo_put_it_frames_the_quote_before_it(pipeline: Pipeline) -> None:
    text = (
        "Several senators echo those concerns, because the main test for the permit is a "
        "“steady source of legal income,” as a Treasury memo put it."
    )
    assert _cue_words(pipeline, text, "steady source") == "put"
    assert _speaker_words(pipeline, text, "steady source") == "a Treasury memo"


def test_a_cue_right_after_the_quote_frames_it_even_with_a_clause_after_it(pipeline: Pipeline) -> None:
    text = (
        "“You should resign and you should give back every bonus you took,” Senator Mara Quist told "
        "the chief executive, after he admitted he had not yet been held accountable."
    )
    assert _speaker_words(pipeline, text, "give back every bonus") == "Senator Mara Quist"


def test_a_cue_after_when_is_not_the_quotes_frame(pipeline: Pipeline) -> None:
    text = (
        "The advertisement ends with footage of Harlan saying during the debate last week, “That "
        "makes me clever,” when his rival attacked him for paying no tax."
    )
    assert _cue_words(pipeline, text, "makes me clever") == "saying"
    assert _speaker_words(pipeline, text, "makes me clever") == "Harlan"


def test_a_cue_inside_what_is_said_does_not_frame_the_quote(pipeline: Pipeline) -> None:
    text = "Okafor mocked the complaint, saying anybody who complains about a microphone “is not having a good night.”"
    assert _speaker_words(pipeline, text, "good night") == "Okafor"


def test_the_pronoun_of_what_it_called_is_the_clauses_subject(pipeline: Pipeline) -> None:
    text = (
        "The Arctic Council on Friday condemned the spill and pledged new rules as a deterrence to "
        "what it called “a clear threat to the northern seas.”"
    )
    assert _speaker_words(pipeline, text, "northern seas") == "The Arctic Council"


def test_a_subject_the_parser_folded_into_a_fronted_phrase_speaks(pipeline: Pipeline) -> None:
    text = (
        "In a long meeting with the editorial board of the Daily Courier Okafor said that the city "
        "may need to cut its bus routes next year."
    )
    assert "Okafor" in _speaker_words(pipeline, text, "cut its bus routes")


def test_a_quote_with_no_cue_goes_on_from_the_sentence_before(pipeline: Pipeline) -> None:
    text = (
        "His former partner, Lena Vos, called him a master of impossible deals. \u201cHe showed again and "
        "again that he could close what nobody else could.\u201d  The firm, Mr. Harlan said, grew fast."
    )
    assert _speaker_words(pipeline, text, "close what nobody else could") == "Lena Vos"


def test_a_headline_with_a_name_and_a_colon_is_that_speakers(pipeline: Pipeline) -> None:
    title = "Okafor: The Buses Will Run on Time by Spring"
    text = title + ".\n\nMayor Linda Okafor spoke to reporters on Monday about the city's buses."
    [result], errors = pipeline.run([Article("t1", title, text, "2016-09-30")])
    assert not errors
    st = _statement(result, "Buses Will Run on Time")
    assert st.speaker is not None and st.speaker.name == "Linda Okafor"
    assert [s.speaker.name for s in result.statements if "Buses Will Run" in s.content and s.speaker] == [
        "Linda Okafor"
    ]  # a name inside the headline's claim is no second speaker


def test_a_dateline_is_no_speaker(pipeline: Pipeline) -> None:
    text = (
        "Title.\n\nWashington (AFP) – Senator Linda Okafor has taken a swipe at her rival's stance on "
        "trade, saying that “loud comments” do more harm than good."
    )
    assert _speaker_words(pipeline, text, "loud comments") == "Senator Linda Okafor"
    text = "Title.\n\nThe minister - a veteran of many budgets - said the plan would fail."
    assert _speaker_words(pipeline, text, "plan would fail") == "The minister"


def test_a_participle_takes_no_subject_after_it(pipeline: Pipeline) -> None:
    text = "Okafor went after Harlan at a town hall in Salem, calling him “a total stiff.”"
    assert _speaker_words(pipeline, text, "total stiff") == "Okafor"


def test_a_credit_line_after_a_dash_names_the_speaker(pipeline: Pipeline) -> None:
    text = "POLLS WERE NOT WRONG, JUST EARLY - Mara Quist: “The surveys ended a week before the vote and missed the late shift.”"
    assert _speaker_words(pipeline, text, "missed the late shift") == "Mara Quist"


def test_a_participle_after_a_long_phrase_speaks_for_the_clauses_subject(pipeline: Pipeline) -> None:
    text = (
        "Okafor seemed to be ready to joke about the incident at the rally in Salem, telling the "
        "crowd, “Some people get a little carried away, have you noticed that?”"
    )
    assert _speaker_words(pipeline, text, "carried away") == "Okafor"


def test_two_short_sentences_in_quotes_are_speech_not_a_title(pipeline: Pipeline) -> None:
    from newsledger.stages.statements import is_title

    assert is_title("Meet the Press,") and is_title("Mr. Smith Goes to Washington")
    assert not is_title("Like Salem. Or Ostia,")
    text = "Title.\n\n“Like Salem. Or Ostia,” Okafor said. “The crime numbers are worse.”"
    assert _speaker_words(pipeline, text, "Like Salem") == "Okafor"
