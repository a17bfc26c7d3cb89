"""The learned event-type model (issue #11.2): its training data keeps the check parts out, and
training is deterministic, saves and loads, and predicts what it was taught."""

from __future__ import annotations

import json
from pathlib import Path

from newsledger.evaluate.split import part_of
from newsledger.learn.compare import EVENT_KEY, event_filter_at, fallback_events, filter_at, rerank
from newsledger.learn.event_data import (
    ROOTS,
    Example,
    build_check_texts,
    build_examples,
    near_duplicate,
    norm,
    plover_roots,
    split_sentences,
    text_fold,
    word_set,
)
from newsledger.learn.event_filter import REAL, event_features
from newsledger.learn.event_model import load, predict, train
from newsledger.learn.train import LABELLED
from newsledger.models import Actor, ActorRef, Article, ArticleResult, Event, Mention, Provenance
from newsledger.stages.events.coder import code_fields

TINY = [
    Example("Protesters marched through the capital demanding reforms.", ("14",), "t:1", "train"),
    Example("Thousands of demonstrators rallied against the government.", ("14",), "t:2", "train"),
    Example("The army shelled the rebel positions overnight.", ("19",), "t:3", "train"),
    Example("Troops fired artillery at the insurgents.", ("19",), "t:4", "train"),
    Example("The weather was mild on Sunday.", (), "t:5", "train"),
]


def test_training_on_a_tiny_set_is_deterministic_and_the_saved_model_predicts(tmp_path: Path) -> None:
    first = train(TINY, epochs=15, seed=3)
    second = train(TINY, epochs=15, seed=3)
    probe = ["Demonstrators marched in the capital.", "The army fired artillery at rebel positions."]
    a, b = predict(first, probe), predict(second, probe)
    assert a == b
    assert set(a[0]) == set(ROOTS)
    first.to_disk(tmp_path / "model")
    loaded = predict(load(str(tmp_path / "model")), probe)
    assert loaded == a
    assert max(a[0], key=lambda r: a[0][r]) == "14"
    assert max(a[1], key=lambda r: a[1][r]) == "19"


def test_sentences_split_on_end_punctuation_and_paragraphs() -> None:
    text = 'He said "no." Then he left.\nA new paragraph! And a U.S. ally.'
    spans = [text[a:b] for a, b in split_sentences(text)]
    assert spans == ['He said "no."', "Then he left.", "A new paragraph!", "And a U.S. ally."]


def test_folds_are_fixed_by_the_text() -> None:
    assert text_fold("Iran  met Iraq.") == text_fold("iran met iraq.")
    assert norm(" A\tB ") == "a b"


def test_an_edited_copy_of_a_sentence_is_a_near_duplicate() -> None:
    codebook = word_set("Afghan rebels have kidnapped up to 16 Soviet civilian advisers from a town bazaar.")
    plover = word_set("Afghan rebels have kidnapped up to 16 Russian civilian advisers from a town bazaar.")
    assert near_duplicate(codebook, plover)
    assert not near_duplicate(codebook, word_set("The army shelled rebel positions in Kandahar on Monday."))


def test_the_training_data_holds_no_check_record_and_no_check_text(shared_data: Path) -> None:
    examples = build_examples(shared_data)
    assert {e.fold for e in examples} == {"train", "select"}
    assert all(set(e.roots) <= set(ROOTS) for e in examples)
    assert any(not e.roots for e in examples), "Wikinews sentences without an event are negatives"
    assert all(part_of(e.origin.split(":", 1)[1]) == "dev" for e in examples)
    texts = {norm(e.text) for e in examples}
    gold = (shared_data / "gold_wikinews" / "gold.jsonl").read_text().splitlines()
    for rec in (json.loads(line) for line in gold if line.strip()):
        if part_of(rec["id"]) == "check":
            assert not {norm(ev["sentence"]) for ev in rec["events"]} & texts
    # our own labelled Wikinews sentences join, none from a gold article, none near a check text
    with_own = build_examples(shared_data, LABELLED)
    own = [e for e in with_own if e.origin.startswith("labelled:")]
    assert len(own) > 150 and {e.fold for e in own} == {"train", "select"}
    check_words = [word_set(t) for t in build_check_texts(shared_data)]
    assert not [e.text for e in with_own if any(near_duplicate(word_set(e.text), c) for c in check_words)]
    table = plover_roots(shared_data / "event_coding" / "CAMEO2PLOVER-2021.txt")
    assert table["PROTEST"] == "14" and table["ASSAULT"] == "18"


def _result() -> ArticleResult:
    text = "Iran attacked Iraq on Monday. Russia and China spoke. The sun shone."
    article = Article("a1", "", text, "2020-01-02")
    iran = Actor("country:IRN", "Iran", "country", "IRN", None, "IRN")
    iraq = Actor("country:IRQ", "Iraq", "country", "IRQ", None, "IRQ")
    russia = Actor("country:RUS", "Russia", "country", "RUS", None, "RUS")
    china = Actor("country:CHN", "China", "country", "CHN", None, "CHN")
    ref = {a.actor_id: ActorRef(a.actor_id, a.name, a.country, a.sector, a.cameo_code) for a in (iran, iraq)}
    event = Event(
        event_id="ev_1",
        provenance=Provenance("a1", 0, "Iran attacked Iraq on Monday.", (5, 13), "newsledger.events.v1"),
        trigger="attacked",
        **code_fields("190"),
        source=ref["country:IRN"],
        target=ref["country:IRQ"],
        date=None,
        date_precision="unknown",
    )
    mentions = tuple(
        Mention(text.index(a.name), text.index(a.name) + len(a.name), a.name, "GPE", 0, a.actor_id)
        for a in (iran, iraq, russia, china)
    )
    return ArticleResult(article, 3, mentions, (iran, iraq, russia, china), (), (event,))


def test_the_filter_drops_events_the_model_doubts_and_the_fallback_adds_where_rules_found_none() -> None:
    result = _result()
    scores = {
        "Iran attacked Iraq on Monday.": {"19": 0.9, "04": 0.1},
        "Russia and China spoke.": {"04": 0.6, "19": 0.1},
        "The sun shone.": {"04": 0.9},  # no actor named: never an event
    }
    assert filter_at(0.5)(result, scores) == list(result.events)
    assert filter_at(0.95)(result, scores) == []
    added = fallback_events(result, scores, 0.5)
    assert [(e.cameo_root, e.source and e.source.name, e.target and e.target.name) for e in added] == [
        ("04", "Russia", "China")
    ]
    assert fallback_events(result, scores, 0.7) == []
    assert [e.confidence for e in rerank(result, scores)] == [0.9]


def test_the_event_filter_reads_what_the_rules_decided_and_drops_what_it_doubts() -> None:
    result = _result()
    (event,) = result.events
    features = event_features(event)
    assert features.startswith("R19 C190 T_attacked D11 ")
    assert features.endswith("| Iran attacked Iraq on Monday.")
    examples = [
        Example(features, (REAL,), "t:1", "train"),
        Example("R11 C111 T_said D10  | He said it was fine.", (), "t:2", "train"),
    ]
    nlp = train(examples, epochs=10, labels=(REAL,))
    assert set(predict(nlp, [features])[0]) == {REAL}
    scores = {EVENT_KEY: {features: 0.3}}
    assert event_filter_at(0.2)(result, scores) == list(result.events)
    assert event_filter_at(0.4)(result, scores) == []
