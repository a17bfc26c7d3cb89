"""Framing: loaded terms, their categories, and the actor each is applied to."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsledger.config import StageOptions
from newsledger.errors import KnowledgeError
from newsledger.knowledge.framing import Lexicon, load_lexicon
from newsledger.models import Actor, AnalyzedArticle, Article, Mention
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.framing import frame, frame_terms
from newsledger.stages.nlp import sentences_of
from newsledger.text.quotes import quoted_spans

ACTORS = {
    "irngov": Actor("irngov", "Iranian government", "organization", "IRN", "GOV"),
    "iran": Actor("iran", "Iran", "country", "IRN"),
    "taliban": Actor("taliban", "Taliban", "group", "AFG", "INS"),
    "hezbollah": Actor("hezbollah", "Hezbollah", "group", "LBN", "INS"),
    "usa": Actor("usa", "United States", "country", "USA"),
}
SURFACE = {
    "Tehran": "iran",
    "Iran": "iran",
    "Taliban": "taliban",
    "Hezbollah": "hezbollah",
    "Washington": "usa",
    "Iranian government": "irngov",
}


def analyzed(nlp: Any, text: str, outlet_type: str = "advocacy") -> AnalyzedArticle:
    """An article with the doc parsed and every SURFACE name resolved, as the actors stage would."""
    item = AnalyzedArticle(Article("a-test", "t", text, "2021-01-29", outlet_type=outlet_type))
    item.doc = nlp(text)
    item.sentences = sentences_of(item.doc)
    for surface, actor_id in SURFACE.items():
        start = text.find(surface)
        while start >= 0:
            sent = item.sentence_at(start)
            item.mentions.append(
                Mention(start, start + len(surface), surface, "GPE", sent.index if sent else -1, actor_id)
            )
            start = text.find(surface, start + 1)
    item.actors = dict(ACTORS)
    return item


def terms_by_text(item: AnalyzedArticle) -> dict[str, list[tuple[str, str | None]]]:
    out: dict[str, list[tuple[str, str | None]]] = {}
    for term in frame_terms(item, load_lexicon()):
        out.setdefault(term.text.lower(), []).append((term.category, term.target))
    return out


def test_regime_in_a_country_is_its_government(nlp: Any) -> None:
    item = analyzed(nlp, "The regime in Tehran hosted a Taliban delegation last week.")
    assert terms_by_text(item)["regime"] == [("delegitimising", "irngov")]


def test_definite_description_points_back_to_the_government(nlp: Any) -> None:
    text = "Iran hosted a Taliban delegation. Critics say the mullahs cannot be trusted."
    assert terms_by_text(analyzed(nlp, text))["mullahs"] == [("delegitimising", "irngov")]


def test_terrorist_group_points_back_to_a_group_not_a_government(nlp: Any) -> None:
    text = "Iran praised the Taliban, and officials in Tehran met the terrorist group twice."
    assert terms_by_text(analyzed(nlp, text))["terrorist group"] == [("securitising", "taliban")]


def test_possessor_and_predicate_targets(nlp: Any) -> None:
    text = "Iran's meddling in Iraq worries Washington. Hezbollah is a terrorist organization."
    found = terms_by_text(analyzed(nlp, text))
    assert found["meddling"] == [("securitising", "iran")]
    assert found["terrorist organization"] == [("securitising", "hezbollah")]


def test_quoted_words_are_the_speakers_not_the_outlets(nlp: Any) -> None:
    text = "“The regime is a friend of ours,” the minister said. The regime in Tehran agreed."
    item = analyzed(nlp, text)
    found = frame_terms(item, load_lexicon())
    assert [(t.text, t.start) for t in found] == [("regime", text.rindex("regime"))]


def test_proper_names_are_not_framing(nlp: Any) -> None:
    text = "The National Council of Resistance of Iran said the Iranian Resistance would meet."
    assert "resistance" not in terms_by_text(analyzed(nlp, text))


def test_sympathetic_term_and_no_target_when_text_does_not_say(nlp: Any) -> None:
    text = "Thousands of freedom fighters gathered while appeasement continued."
    found = terms_by_text(analyzed(nlp, text))
    assert found["freedom fighters"][0][0] == "sympathetic"
    assert found["appeasement"] == [("loaded-label", None)]


def test_longest_term_wins_and_plural_matches(nlp: Any) -> None:
    text = "Officials called them terrorist groups and thugs."
    found = terms_by_text(analyzed(nlp, text))
    assert set(found) == {"terrorist groups", "thugs"}


def test_stage_fills_framing_with_outlet_type(nlp: Any) -> None:
    item = analyzed(nlp, "The regime in Tehran hosted the Taliban.", outlet_type="newspaper")
    frame(item, Resources(PipelineConfig()))
    assert item.framing is not None
    assert item.framing.article_id == "a-test"
    assert item.framing.outlet_type == "newspaper"
    assert [t.category for t in item.framing.terms] == ["delegitimising"]


def test_quoted_spans_straight_and_unclosed() -> None:
    text = 'He said "no deal" today.\n“This runs on\nand this is outside.'
    spans = quoted_spans(text)
    assert text[spans[0][0] : spans[0][1]] == '"no deal"'
    assert text[spans[1][0] : spans[1][1]] == "“This runs on"
    assert len(spans) == 2


def test_lexicon_rejects_unknown_category() -> None:
    with pytest.raises(KnowledgeError, match="category"):
        Lexicon.from_dict({"terms": [{"term": "x", "category": "rude"}]})


@pytest.mark.slow
def test_seed_article_regime_is_the_iranian_government(seed_article_path: Path) -> None:
    from newsledger.evaluate.contradictions import analyze_file

    result = analyze_file(seed_article_path)
    assert result.framing is not None and result.framing.outlet_type == "advocacy"
    actors = {a.actor_id: a for a in result.actors}
    regime = [t for t in result.framing.terms if t.text.lower() == "regime"]
    iranian = [t for t in regime if t.target in actors and actors[t.target].country == "IRN"]
    assert len(regime) >= 8 and len(iranian) >= len(regime) - 1, regime
    text = result.article.text
    quote = text.index("“According to")
    inside = [t for t in result.framing.terms if quote <= t.start < text.index("he emphasized", quote)]
    assert inside == []  # Zarif's "terrorist designation" is his framing, not the outlet's


def test_regime_as_a_set_of_rules_is_not_framing(nlp: Any) -> None:
    text = "Iran said the new sanctions regime would hurt trade."
    assert "regime" not in terms_by_text(analyzed(nlp, text))


def test_object_predicate_labels_the_object(nlp: Any) -> None:
    text = "Washington labelled Hezbollah a terrorist organization in 1997."
    assert terms_by_text(analyzed(nlp, text))["terrorist organization"] == [("securitising", "hezbollah")]


def test_a_user_lexicon_replaces_the_shipped_one(nlp: Any, tmp_path: Path) -> None:
    lexicon = tmp_path / "framing.yaml"
    lexicon.write_text("terms:\n  - {term: hardliners, category: delegitimising, refers_to: government}\n")
    item = analyzed(nlp, "Iran hosted talks. The hardliners in Tehran objected to the regime.")
    frame(item, Resources(PipelineConfig(options=StageOptions(framing_lexicon=str(lexicon)))))
    assert item.framing is not None
    assert [(t.text, t.target) for t in item.framing.terms] == [("hardliners", "irngov")]


def test_scare_quotes_are_not_the_outlets_words(nlp: Any) -> None:
    text = "Police refused the ‘thugs’ a way into the city, while other thugs waited in Tehran’s suburbs."
    found = [t.start for t in frame_terms(analyzed(nlp, text), load_lexicon())]
    assert found == [text.rindex("thugs")]
