"""The parse stage: long texts are parsed in pieces but keep their exact text and offsets."""

from __future__ import annotations

import pytest

from newsledger.models import AnalyzedArticle, Article
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages import nlp as nlp_stage


def test_pieces_concatenate_back_and_respect_the_size() -> None:
    text = ("Zarif met Lavrov in Moscow. " * 30 + "\n") * 40
    parts = nlp_stage.pieces(text, size=500)
    assert "".join(parts) == text
    assert all(len(p) <= 500 for p in parts) and len(parts) > 1
    assert all(p.endswith(("\n", " ")) for p in parts[:-1])
    assert nlp_stage.pieces("x" * 12, size=5) == ["xxxxx", "xxxxx", "xx"]  # no break point: cut hard
    assert nlp_stage.pieces("short text", size=50) == ["short text"]


def test_pieces_end_at_a_paragraph_then_a_sentence_before_a_word() -> None:
    paragraph = "The minister said talks would resume. They did not say when. " * 5 + "\n"
    parts = nlp_stage.pieces(paragraph * 20, size=1000)
    assert "".join(parts) == paragraph * 20
    assert all(p.endswith("\n") for p in parts[:-1])  # the last space in a window came later

    prose = "The minister said talks would resume. " * 60  # no line breaks at all
    parts = nlp_stage.pieces(prose, size=500)
    assert "".join(parts) == prose
    assert all(p.endswith(". ") for p in parts[:-1])


def test_a_long_article_is_parsed_in_pieces_with_offsets_intact() -> None:
    mp = pytest.MonkeyPatch()
    mp.setattr(nlp_stage, "LONG_TEXT", 300)
    mp.setattr(nlp_stage, "PIECE", 200)
    try:
        paragraph = "Iranian Foreign Minister Mohammad Javad Zarif met Sergei Lavrov in Moscow on Monday.\n"
        text = paragraph * 12
        item = AnalyzedArticle(article=Article("a1", "t", text, "2021-01-29"))
        nlp_stage.parse([item], Resources(PipelineConfig()))
    finally:
        mp.undo()
    assert item.doc.text == text
    assert len(item.sentences) == 12
    zarifs = [e for e in item.doc.ents if e.text == "Mohammad Javad Zarif"]
    assert len(zarifs) == 12 and all(text[e.start_char : e.end_char] == e.text for e in zarifs)
