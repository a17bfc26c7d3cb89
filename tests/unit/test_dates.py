"""Time expressions: normalisation rules, the dates stage and dating of records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsledger.models import AnalyzedArticle, Article, Provenance, Statement
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.dates import (
    date_for_span,
    find_dates,
    is_background,
    normalize,
    normalize_timex,
    tag_dates,
    timeml_to_iso,
    updates_reference,
)
from newsledger.stages.nlp import sentences_of

PUB = "2021-01-29"  # a Friday


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("January 27", None, ("2021-01-27", "day")),
        ("Jan. 27", None, ("2021-01-27", "day")),
        ("on January 27th", None, ("2021-01-27", "day")),
        ("27 January 2020", None, ("2020-01-27", "day")),
        ("on Tuesday", None, ("2021-01-26", "day")),
        ("on Tuesday", "future", ("2021-02-02", "day")),
        ("Friday", None, ("2021-01-29", "day")),
        ("last Friday", None, ("2021-01-22", "day")),
        ("next Monday", None, ("2021-02-01", "day")),
        ("In December 2019", None, ("2019-12", "month")),
        ("December", None, ("2020-12", "month")),
        ("in the 1980s", None, ("198", "decade")),
        ("the mid-1990s", None, ("199", "decade")),
        ("2018", None, ("2018", "year")),
        ("yesterday", None, ("2021-01-28", "day")),
        ("tomorrow", None, ("2021-01-30", "day")),
        ("last month", None, ("2020-12", "month")),
        ("next year", None, ("2022", "year")),
        ("two years ago", None, ("2019", "year")),
        ("three days ago", None, ("2021-01-26", "day")),
        ("earlier this year", None, ("2021", "year")),
        ("this week", None, ("2021-01", "month")),
        ("the third quarter", None, ("2020", "year")),
        ("now", None, ("2021-01-29", "day")),
        ("recently", None, (None, "unknown")),
        ("three years", None, (None, "unknown")),
        ("a second", None, (None, "unknown")),
        ("daily", None, (None, "unknown")),
        ("Christmas", None, ("2020-12-25", "day")),
        ("nineteen ninety-six", None, ("1996", "year")),
    ],
)
def test_normalize(text: str, tense: str | None, expected: tuple[str | None, str]) -> None:
    assert normalize(text, PUB, tense=tense) == expected


def test_normalize_without_anchor_keeps_absolute_dates_only() -> None:
    assert normalize("March 3, 2015", None) == ("2015-03-03", "day")
    assert normalize("yesterday", None) == (None, "unknown")
    assert normalize("March 3", None) == (None, "unknown")


@pytest.mark.parametrize(
    ("text", "anchor", "kind", "expected"),
    [
        ("last week", "1998-01-14", None, "1998-W02"),
        ("this week", "1989-10-30", None, "1989-W44"),
        ("the 1990s", "1998-01-14", None, "199"),
        ("now", "1998-01-14", None, "PRESENT_REF"),
        ("the future", "1998-01-14", None, "FUTURE_REF"),
        ("recently", "1998-01-14", None, "PAST_REF"),
        ("every day", "1998-01-14", "SET", "P1D"),
        ("each Thursday", "1998-01-14", "SET", "XXXX-WXX-4"),
        ("the past two months", "1998-01-14", "DURATION", "P2M"),
        ("2 1/2 years", "1998-01-14", "DURATION", "P2Y6M"),
        ("twenty four hours", "1998-01-14", "DURATION", "PT24H"),
        ("five-hour", "1998-01-14", "DURATION", "PT5H"),
        ("third-quarter", "1989-10-26", None, "1989-Q3"),
        ("the fourth quarter", "1998-01-26", None, "1997-Q4"),
        ("last fall", "1999-04-10", None, "1998-FA"),
        ("this morning", "1998-02-06", "TIME", "1998-02-06TMO"),
        ("10 p.m. Wednesday", "1998-02-13", "TIME", "1998-02-11T22:00"),
        ("last night", "1998-01-20", "TIME", "1998-01-19TNI"),
        ("six weeks ago", "1998-03-01", None, "1998-W03"),
        ("the 20th century", "1998-02-13", None, "19"),
        ("Thanksgiving Day", "2000-01-07", None, "1999-11-25"),
    ],
)
def test_normalize_timex(text: str, anchor: str, kind: str | None, expected: str) -> None:
    assert normalize_timex(text, anchor, kind) == expected


def test_anaphora_follows_the_reference_quarter() -> None:
    assert normalize_timex("a year earlier", "1989-10-26", reference="1989-Q3") == "1988-Q3"
    assert normalize_timex("the quarter", "1989-10-26", reference="1989-Q2") == "1989-Q2"
    assert normalize_timex("a year earlier", "1989-10-26") == "1988"
    assert updates_reference("the third quarter", "1989-Q3")
    assert not updates_reference("a year earlier", "1988-Q3")
    assert not updates_reference("2018", "2018")


def test_timeml_to_iso_precisions() -> None:
    assert timeml_to_iso("2021-W04") == ("2021-01", "month")
    assert timeml_to_iso("2020-W53") == ("2020", "year")  # Dec 28 - Jan 3 straddles two months
    assert timeml_to_iso("1989-Q3") == ("1989", "year")
    assert timeml_to_iso("1998-02-06TMO") == ("1998-02-06", "day")
    assert timeml_to_iso("PRESENT_REF", PUB) == (PUB, "day")
    assert timeml_to_iso("PAST_REF", PUB) == (None, "unknown")
    assert timeml_to_iso("P2Y", PUB) == (None, "unknown")


def test_guards_against_non_dates() -> None:
    assert normalize("May", PUB) == (None, "unknown")  # the modal verb, not the month
    assert normalize("the committee", PUB) == (None, "unknown")
    assert normalize("", PUB) == (None, "unknown")


# --------------------------------------------------------------------------- stage


def _analyzed(nlp: Any, text: str, published: str | None = PUB) -> AnalyzedArticle:
    item = AnalyzedArticle(article=Article(article_id="a1", title="t", text=text, published=published))
    item.doc = nlp(text)
    item.sentences = sentences_of(item.doc)
    tag_dates(item, Resources(PipelineConfig()))
    return item


def test_stage_fills_times(nlp: Any) -> None:
    text = (
        "The delegation travelled to Tehran on January 27 to meet officials. "
        "The minister met the envoy on Tuesday. In December 2019, the deputy met the minister. "
        "Talks will resume next week."
    )
    item = _analyzed(nlp, text)
    by_text = {t.text: t for t in item.times}
    assert by_text["January 27"].value == "2021-01-27"
    assert by_text["January 27"].sentence == 0
    tuesday = next(t for t in item.times if "Tuesday" in t.text)
    assert (tuesday.value, tuesday.precision) == ("2021-01-26", "day")
    dec = next(t for t in item.times if "December 2019" in t.text)
    assert (dec.value, dec.precision) == ("2019-12", "month")
    assert all(t.kind in {"DATE", "TIME", "DURATION", "SET"} for t in item.times)


def test_find_dates_regex_adds_what_the_model_misses(nlp: Any) -> None:
    doc = nlp("Protesters gathered in 2018 and again last week, officials said.")
    texts = [t for _, _, t, _ in find_dates(doc)]
    assert any("2018" in t for t in texts)
    assert any("last week" in t for t in texts)
    assert not any(t.lower().startswith("in ") for t in texts)


def test_date_for_span_uses_the_sentence_date(nlp: Any) -> None:
    text = "The Taliban delegation travelled to Tehran on January 27. The minister criticised the plan."
    item = _analyzed(nlp, text)
    start = text.index("travelled")
    assert date_for_span(item, start, start + len("travelled")) == ("2021-01-27", "day")
    start = text.index("criticised")
    assert date_for_span(item, start, start + len("criticised")) == (PUB, "day")


def test_background_sentences_never_get_the_article_date(nlp: Any) -> None:
    text = (
        "The envoy had met the minister before the war. "
        "Iran has hosted such meetings since the talks began. "
        "The minister welcomed the delegation."
    )
    item = _analyzed(nlp, text)
    for trigger in ("met", "hosted"):
        start = text.index(trigger)
        assert date_for_span(item, start, start + len(trigger)) == (None, "unknown")
    start = text.index("welcomed")
    assert date_for_span(item, start, start + len("welcomed")) == (PUB, "day")


def test_is_background_cues(nlp: Any) -> None:
    assert is_background("In 2018, the spokesman released a statement.", PUB)
    assert is_background(nlp("The minister had visited Kabul.")[:], PUB)
    assert not is_background(nlp("The minister visits Kabul today.")[:], PUB)


def test_stage_without_publication_date(nlp: Any) -> None:
    item = _analyzed(nlp, "The talks began on March 3, 2015 and resumed yesterday.", published=None)
    values = {t.text: t.value for t in item.times}
    assert values.get("March 3, 2015") == "2015-03-03"
    assert all(v is None for k, v in values.items() if "yesterday" in k)


def test_seed_article_january_27(nlp: Any, seed_article_path: Path) -> None:
    text = seed_article_path.read_text(encoding="utf-8")
    item = _analyzed(nlp, text, published="2021-01-29")
    jan = [t for t in item.times if t.text == "January 27"]
    assert jan and jan[0].value == "2021-01-27" and jan[0].precision == "day"
    dec = [t for t in item.times if "December 2019" in t.text]
    assert dec and dec[0].value == "2019-12"
    start = text.index("traveled to Tehran")
    assert date_for_span(item, start, start + len("traveled")) == ("2021-01-27", "day")
    start = text.index("met with the regime")
    assert date_for_span(item, start, start + len("met")) == ("2019-12", "month")


def test_time_in_another_clause_does_not_date_the_trigger(nlp: Any) -> None:
    text = "Shamkhani said on Tuesday that the delegation had arrived in Tehran in December 2019."
    item = _analyzed(nlp, text)
    start = text.index("said")
    assert date_for_span(item, start, start + 4) == ("2021-01-26", "day")
    start = text.index("arrived")
    assert date_for_span(item, start, start + len("arrived")) == ("2019-12", "month")


def test_time_of_a_governing_clause_dates_the_trigger(nlp: Any) -> None:
    text = "On Tuesday, officials said they met the envoy."
    item = _analyzed(nlp, text)
    start = text.index("met")
    assert date_for_span(item, start, start + 3) == ("2021-01-26", "day")


def test_noun_modifier_years_are_not_event_dates(nlp: Any) -> None:
    text = "The regime lured the U.S. back into the 2015 nuclear deal."
    item = _analyzed(nlp, text)
    start = text.index("lured")
    assert date_for_span(item, start, start + 5) == (PUB, "day")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The regime wants to lure the U.S. back into the 2015 nuclear deal.", "lure"),
        ("Canada has yet to ratify the protocol.", "ratify"),
        ("Environmental groups may bring a case to federal court.", "bring"),
        ("Hamas says it won't negotiate with Israel.", "negotiate"),
        ("Both countries try to negotiate a peace with Abbas.", "negotiate"),
        ("The minister said he would visit Kabul.", "visit"),
    ],
)
def test_an_act_not_done_gets_no_default_date(nlp: Any, text: str, trigger: str) -> None:
    item = _analyzed(nlp, text)
    start = text.index(trigger)
    assert date_for_span(item, start, start + len(trigger)) == (None, "unknown")


def test_an_existential_perfect_is_a_state_not_the_news_of_the_day(nlp: Any) -> None:
    text = "There have been talks between Hamas leaders and the Turkish foreign minister."
    item = _analyzed(nlp, text)
    start = text.index("talks")
    assert date_for_span(item, start, start + 5) == (None, "unknown")
    text = "There were clashes between police and protesters."
    item = _analyzed(nlp, text)
    start = text.index("clashes")
    assert date_for_span(item, start, start + 7) == (PUB, "day")


def test_a_past_act_told_in_a_quote_is_not_the_news_of_the_day(nlp: Any) -> None:
    text = '"I asked for permission. But I was turned down," Carter said.'
    item = _analyzed(nlp, text)
    start = text.index("asked")
    assert date_for_span(item, start, start + 5) == (None, "unknown")
    cue = text.index("said")
    assert date_for_span(item, cue, cue + 4) == (PUB, "day")  # the saying is today's news


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a year outside [1800, publication year + 1] is refused, even for a planned act
        ("The minister said Iran will cut emissions by 2050.", "cut", (None, "unknown")),
        ("The minister said Iran will cut emissions by 2022.", "cut", ("2022", "year")),
        # a past act cannot happen after the article reporting it
        ("The ministers met in March 2021.", "met", (None, "unknown")),
        ("The ministers will meet in March 2021.", "meet", ("2021-03", "month")),
    ],
)
def test_implausible_dates_are_refused(
    nlp: Any, text: str, trigger: str, expected: tuple[str | None, str]
) -> None:
    item = _analyzed(nlp, text)
    start = text.index(trigger)
    assert date_for_span(item, start, start + len(trigger)) == expected


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("Iran has also hosted earlier meetings with the group.", True),
        ("The government has repeatedly stated its opposition.", True),
        ("The two sides have fought since the war began.", True),
        ("Since the regime wants leverage, it hosts the talks.", False),
        ("Once the deal is signed, sanctions will be lifted.", False),
        ("The minister was once a close ally of the president.", True),
        ("Protesters gathered outside the embassy earlier today.", False),
    ],
)
def test_background_cues_need_a_temporal_reading(nlp: Any, sentence: str, background: bool) -> None:
    assert is_background(nlp(sentence)[:], PUB) is background


def test_past_perfect_in_another_clause_does_not_make_background(nlp: Any) -> None:
    text = "The administration forced her out, announcing her replacement before she had actually resigned."
    item = _analyzed(nlp, text)
    start = text.index("forced")
    assert date_for_span(item, start, start + len("forced")) == (PUB, "day")
    start = text.index("resigned")
    assert date_for_span(item, start, start + len("resigned")) == (None, "unknown")


def test_relative_clause_does_not_inherit_the_main_clause_date(nlp: Any) -> None:
    text = "The report was submitted in December by a committee whose chair now leads the agency."
    item = _analyzed(nlp, text)
    start = text.index("submitted")
    assert date_for_span(item, start, start + len("submitted")) == ("2020-12", "month")
    start = text.index("leads")
    assert date_for_span(item, start, start + len("leads")) == (PUB, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in two weeks", ("2021-02", "month")),
        ("in 3 days", ("2021-02-01", "day")),
        ("the week of March 6", ("2021-03", "month")),
        ("27.01.2021", ("2021-01-27", "day")),
        ("Q3 2020", ("2020", "year")),
        ("in May", ("2021-05", "month")),  # the nearest May; the verb "may" is no date
        ("the day before yesterday", ("2021-01-27", "day")),
        ("a day earlier", ("2021-01-28", "day")),
        ("earlier in the day", ("2021-01-29", "day")),
        ("last Saturday night", ("2021-01-23", "day")),
    ],
)
def test_normalize_news_phrasings(text: str, expected: tuple[str | None, str]) -> None:
    assert normalize(text, PUB) == expected


def test_find_dates_skips_names(nlp: Any) -> None:
    doc = nlp("USA Today reported that the Sunday Times had published the letter on Monday.")
    texts = [t for _, _, t, _ in find_dates(doc)]
    if any(e.text == "USA Today" for e in doc.ents):
        assert "Today" not in texts
    assert any("Monday" in t for t in texts)


def test_participle_shares_the_date_of_its_clause(nlp: Any) -> None:
    text = "In 2018, the spokesman released a statement describing the talks."
    item = _analyzed(nlp, text)
    start = text.index("describing")
    assert date_for_span(item, start, start + len("describing")) == ("2018", "year")


def test_period_boundaries_and_unanchored_offsets(nlp: Any) -> None:
    text = "Thirty journalists have been kidnapped since April 2004. Three years later, the law changed."
    item = _analyzed(nlp, text)
    start = text.index("kidnapped")
    assert date_for_span(item, start, start + len("kidnapped")) == (None, "unknown")
    assert normalize("three years later", PUB) == (None, "unknown")
    assert normalize("February 11 of last year", PUB) == ("2020-02-11", "day")


def test_cues_in_a_subordinate_clause_stay_there(nlp: Any) -> None:
    text = "An alliance is demanding that the king give up the power he seized last year."
    item = _analyzed(nlp, text)
    start = text.index("demanding")
    assert date_for_span(item, start, start + len("demanding")) == (PUB, "day")
    text = "He crossed the floor, even though he was elected two weeks earlier as a Liberal."
    item = _analyzed(nlp, text)
    start = text.index("crossed")
    assert date_for_span(item, start, start + len("crossed")) == (PUB, "day")


def test_evaluate_scores_a_synthetic_gold_file(tmp_path: Path) -> None:
    import json

    from newsledger.evaluate.dates import canonical, evaluate

    text = "The talks ended last week. The ministers will meet again on March 3. Trade rose 5% in the 1990s."
    timexes = [
        {"tid": "t1", "start": text.index("last week"), "end": text.index("last week") + 9,
         "text": "last week", "type": "DATE", "value": "2021-W3"},
        {"tid": "t2", "start": text.index("March 3"), "end": text.index("March 3") + 7,
         "text": "March 3", "type": "DATE", "value": "2021-03-03"},
        {"tid": "t3", "start": text.index("the 1990s"), "end": text.index("the 1990s") + 9,
         "text": "the 1990s", "type": "DATE", "value": "1980"},  # deliberately wrong gold value
    ]  # fmt: skip
    doc = {"id": "d1", "dct": "2021-01-29", "text": text, "timexes": timexes}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    report = evaluate(str(gold), detect=False)
    assert report.metrics["n"] == 3
    assert report.metrics["accuracy"] == round(2 / 3, 4)
    assert report.breakdown["DATE"]["n"] == 3
    assert canonical("2021-W3") == "2021-W03" and canonical("199X") == "199"
    assert len(report.notes) == 1 and "1990s" in report.notes[0]


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the noun's own time dates the happening it names, not the clause around it
        ("Critics questioned last year's election.", "election", ("2020", "year")),
        ("The UN condemned last month's attack on the embassy.", "attack", ("2020-12", "month")),
        ("The UN condemned last month's attack on the embassy.", "condemned", (PUB, "day")),
        ("The 2015 nuclear deal was signed by Iran.", "deal", ("2015", "year")),
    ],
)
def test_a_time_modifying_the_trigger_noun_dates_it(
    nlp: Any, text: str, trigger: str, expected: tuple[str | None, str]
) -> None:
    item = _analyzed(nlp, text)
    start = text.index(trigger)
    assert date_for_span(item, start, start + len(trigger)) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # an act the text says did not happen has no day
        ("The prime minister did not receive the delegation.", "receive"),
        ("The minister never met the envoy.", "met"),
        ("The rebels did not agree to meet the mediators.", "meet"),
        # a count up to now sums acts over a past stretch
        ("So far only 10,000 troops have been deployed to the region.", "deployed"),
        ("The army has killed 40 militants to date.", "killed"),
        # a year written with its article still makes the sentence history
        ("After the 2011 uprising, protesters clashed with police.", "clashed"),
    ],
)
def test_acts_not_done_and_counts_up_to_now_take_no_default_date(nlp: Any, text: str, trigger: str) -> None:
    item = _analyzed(nlp, text)
    start = text.index(trigger)
    assert date_for_span(item, start, start + len(trigger)) == (None, "unknown")


def test_a_refusal_keeps_its_day_and_a_dated_negation_its_date(nlp: Any) -> None:
    text = "The office declined to comment on the meeting."
    item = _analyzed(nlp, text)
    start = text.index("declined")
    assert date_for_span(item, start, start + len("declined")) == (PUB, "day")
    text = "The minister did not attend the summit on Monday."
    item = _analyzed(nlp, text)
    start = text.index("attend")
    assert date_for_span(item, start, start + len("attend")) == ("2021-01-25", "day")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # a happening placed before or after a dated one does not take that day ...
        (
            "The envoy, who resigned Friday after the president called for it, left.",
            "called",
            (None, "unknown"),
        ),
        ("The minister resigned on Friday after the vote.", "vote", (None, "unknown")),
        ("The minister resigned on Friday after the vote.", "resigned", (PUB, "day")),
        # ... but a month or year around both dates it
        (
            "During the crisis in October 1970, the premier invoked the act after a diplomat was kidnapped.",
            "kidnapped",
            ("1970-10", "month"),
        ),
        # a condition, a bare infinitive under 'will', 'unable to': not done
        ("He refuses to talk unless we give in to his plan.", "give", (None, "unknown")),
        ("The government said it will only let the envoy meet the rebels again.", "meet", (None, "unknown")),
        ("The envoy was unable to provide proof.", "provide", (None, "unknown")),
        # a stretch up to now
        (
            "The government has been criticised over recent months for its failure.",
            "criticised",
            (None, "unknown"),
        ),
        # a past act told of a participant in a relative clause is background
        ("Carter met President Peres, who criticized the planned meeting.", "criticized", (None, "unknown")),
        ("Carter met President Peres, who criticized the planned meeting.", "met", (PUB, "day")),
    ],
)
def test_what_the_text_does_not_date(
    nlp: Any, text: str, trigger: str, expected: tuple[str | None, str]
) -> None:
    item = _analyzed(nlp, text)
    start = text.index(trigger)
    assert date_for_span(item, start, start + len(trigger)) == expected


def test_a_quote_typed_with_mixed_marks_closes(nlp: Any) -> None:
    text = 'This was not a \u201cfruit salad" to pick from. Meanwhile, the premier rejected the notion.'
    item = _analyzed(nlp, text)
    start = text.index("rejected")
    assert date_for_span(item, start, start + len("rejected")) == (PUB, "day")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # "the day before" is one expression, placed against the last date told
        ("The day before, police arrested 12 protesters.", "arrested", ("2021-01-28", "day")),
        # "since" as an adverb and an office held before tell history
        ("Hamas won the elections and has governed Gaza since.", "governed", (None, "unknown")),
        ("In his first term, the president imposed sanctions on Cuba.", "imposed", (None, "unknown")),
    ],
)
def test_more_background_wording(nlp: Any, text: str, trigger: str, expected: tuple[str | None, str]) -> None:
    item = _analyzed(nlp, text)
    start = text.index(trigger)
    assert date_for_span(item, start, start + len(trigger)) == expected


def test_the_day_before_a_named_happening_stays_the_day(nlp: Any) -> None:
    # TimeML marks "the day" in "the day before the vote": "before" starts a phrase of its own
    item = _analyzed(nlp, "Police arrested him the day before the vote.")
    assert [t.text for t in item.times] == ["the day"]


def test_a_clause_on_a_time_is_at_that_time(nlp: Any) -> None:
    text = "It followed a one-day strike Monday, when up to 800,000 teachers took to the streets."
    item = _analyzed(nlp, text)
    start = text.index("took")
    assert date_for_span(item, start, start + len("took")) == ("2021-01-25", "day")


def test_quotes_close_where_a_typesetter_closes_them(nlp: Any) -> None:
    # the source lost a quote's opening mark: an odd count of straight quotes stays balanced
    text = 'He said, "A deal is not near," added Kohona. It will take time." Mediators expressed concern.'
    item = _analyzed(nlp, text)
    start = text.index("expressed")
    assert date_for_span(item, start, start + len("expressed")) == (PUB, "day")


def test_narration_between_two_pieces_of_a_quote_is_no_quote(nlp: Any) -> None:
    text = '"We supported it," the statement said. Labor criticised Turnbull. "It was inadequate."'
    item = _analyzed(nlp, text)
    whole = (1, len(text) - 1)  # one statement joins both pieces of the speaker's quote
    prov = Provenance("a1", 0, text, whole, "test")
    item.statements = [Statement("s1", prov, None, "Labor", None, "said", "direct", "...", whole)]
    start = text.index("criticised")
    assert date_for_span(item, start, start + len("criticised")) == (PUB, "day")
    start = text.index("supported")
    assert date_for_span(item, start, start + len("supported")) == (None, "unknown")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # an undated act in the simple past goes on with the story's day; states do not move it
        (
            "Carter met the envoy on Tuesday. The envoy is a former minister. Carter laid a wreath.",
            "laid",
            ("2021-01-26", "day"),
        ),
        ("Carter met the envoy on Tuesday. He laid a wreath.", "laid", ("2021-01-26", "day")),
        # another doer's act may be today's news
        ("Carter met the envoy on Tuesday. The minister criticised the visit.", "criticised", (PUB, "day")),
        # a present perfect is told from today
        ("Carter met the envoy on Tuesday. His office has declined to comment.", "declined", (PUB, "day")),
        # a story day older than a week is background, not the day of the next act
        ("Carter met the envoy on January 4. Carter laid a wreath.", "laid", (PUB, "day")),
        # a new paragraph starts its own clock
        ("Carter met the envoy on Tuesday.\nCarter laid a wreath.", "laid", (PUB, "day")),
        # a past act without a day in between stops the look back
        ("Carter met the envoy on Tuesday. Hamas seized Gaza. Carter laid a wreath.", "laid", (PUB, "day")),
    ],
)
def test_the_story_day_carries_to_the_next_past_act(
    nlp: Any, text: str, trigger: str, expected: tuple[str | None, str]
) -> None:
    item = _analyzed(nlp, text)
    start = text.index(trigger)
    assert date_for_span(item, start, start + len(trigger)) == expected


def test_a_present_tense_with_a_time_ahead_is_scheduled(nlp: Any) -> None:
    text = "The prime minister flies tomorrow to meet the president."
    item = _analyzed(nlp, text)
    start = text.index("flies")
    assert date_for_span(item, start, start + len("flies")) == ("2021-01-30", "day")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # an act someone is told or asked to do is not done yet
        ("The president directed the ministry to track down the culprits.", "track"),
        ("The UN called on Sudan to release the prisoners.", "release"),
        # a conjunct shares the first one's modality ("hopes" is lemmatised "hop" by the model)
        ("He hopes to discuss food policies and to encourage these countries to do more.", "encourage"),
    ],
)
def test_directed_and_conjoined_intended_acts_take_no_default_date(nlp: Any, text: str, trigger: str) -> None:
    item = _analyzed(nlp, text)
    start = text.index(trigger)
    assert date_for_span(item, start, start + len(trigger)) == (None, "unknown")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The minister hopes to visit Kabul, and the army withdrew from the city.", "withdrew"),
        # a tensed conjunct has its own tense: the invitation is done
        ("The committee will hold a hearing, and has invited the senator.", "invited"),
    ],
)
def test_a_conjunct_with_its_own_subject_or_tense_keeps_its_own_modality(
    nlp: Any, text: str, trigger: str
) -> None:
    item = _analyzed(nlp, text)
    start = text.index(trigger)
    assert date_for_span(item, start, start + len(trigger)) == (PUB, "day")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # an alleged act: the allegation is the news, the act's day is not told
        ("Canada made accusations that the journalist was attacked in Iran.", "attacked", (None, "unknown")),
        ("The official allegedly paid bribes to the minister.", "paid", (None, "unknown")),
        # unless the text dates it
        ("Reports that the army shelled the town on Monday were denied.", "shelled", ("2021-01-25", "day")),
    ],
)
def test_an_alleged_act_takes_only_the_date_the_text_gives(
    nlp: Any, text: str, trigger: str, expected: tuple[str | None, str]
) -> None:
    item = _analyzed(nlp, text)
    start = text.index(trigger)
    assert date_for_span(item, start, start + len(trigger)) == expected
