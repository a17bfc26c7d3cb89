"""The learned event-type model (issue #11.2): its training data keeps the check parts out, and
training is deterministic, saves and loads, and predicts what it was taught."""

from __future__ import annotations

import json
from pathlib import Path

from newsledger.evaluate.split import part_of
from newsledger.learn.event_data import (
    ROOTS,
    Example,
    build_examples,
    norm,
    plover_roots,
    split_sentences,
    text_fold,
)
from newsledger.learn.event_model import load, predict, train

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
    table = plover_roots(shared_data / "event_coding" / "CAMEO2PLOVER-2021.txt")
    assert table["PROTEST"] == "14" and table["ASSAULT"] == "18"
