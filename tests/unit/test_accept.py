"""What an extracted record becomes: cleaned text, its language, or a reported non-article."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsledger.errors import NotAnArticleError
from newsledger.executors import get_executor
from newsledger.knowledge.outlets import OutletRegistry
from newsledger.models import RawDocument
from newsledger.pipeline import PipelineConfig, process_batch
from newsledger.runner import ingest
from newsledger.stages.accept import accept_article, has_sentence
from newsledger.stages.extract import extract_article
from newsledger.stages.ingest import sha256
from newsledger.store import SQLStore
from newsledger.text.language import detect_language

WIKI = (
    "Iran's foreign minister Mohammad Javad Zarif met [[Sergey Lavrov|the Russian foreign minister]] in "
    "[[Moscow]] on Monday.<!-- check date --> He said &quot;the talks went well&quot;. "
    "== Reactions == The [http://state.gov US State Department] criticised the meeting. "
    "{{Infobox|country=Iran}} == Related news == * Iran and Russia sign deal * Talks resume"
)
PERSIAN = (
    "وزیر امور خارجه ایران روز دوشنبه در مسکو با همتای روسی خود دیدار کرد. او گفت که مذاکرات "
    "به خوبی پیش رفت و دو کشور بر ادامه همکاری‌های اقتصادی و سیاسی تأکید کردند. وزارت خارجه "
    "آمریکا این دیدار را مورد انتقاد قرار داد."
)
PERSIAN_2 = (
    "مجلس ایران روز سه‌شنبه لایحه بودجه سال آینده را تصویب کرد. نمایندگان مخالف گفتند که این بودجه "
    "تورم را افزایش خواهد داد و دولت باید هزینه‌های خود را کاهش دهد. رئیس مجلس از تصویب لایحه دفاع کرد."
)
ARABIC = (
    "أعلنت الحكومة العراقية يوم الاثنين أن الانتخابات البرلمانية ستجرى في موعدها المحدد. وقال "
    "المتحدث باسم الحكومة إن الاستعدادات جارية في جميع المحافظات وإن الأمن سيكون مضمونا."
)
TEST_PAGE = "This is a test page! It should not be reviewed, or otherwise flagged as checked by anyone."
OUTLETS = OutletRegistry.load(None)


def _jsonl(path: Path, *records: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _raw(record: dict[str, str], line: int = 1) -> RawDocument:
    data = json.dumps(record).encode()
    return RawDocument("in.jsonl", line, "jsonl", data, sha256(data))


def test_jsonl_text_is_cleaned_and_the_cleaning_recorded() -> None:
    article = extract_article(_raw({"id": "1", "title": "Zarif &amp; Lavrov meet", "text": WIKI}), OUTLETS)
    assert article.title == "Zarif & Lavrov meet"
    assert article.text.startswith(
        "Iran's foreign minister Mohammad Javad Zarif met the Russian foreign minister"
    )
    assert (
        'He said "the talks went well".' in article.text and "US State Department criticised" in article.text
    )
    assert "Talks resume" not in article.text and "==" not in article.text and "[[" not in article.text
    cleaning = dict(article.cleaning)
    assert {"links", "comments", "entities", "headings", "external_links", "templates", "sections"} <= set(
        cleaning
    )
    assert cleaning["title_entities"] == 1 and article.analysed and article.language == "en"


def test_prose_with_brackets_is_stored_as_given(seed_article_path: Path) -> None:
    data = seed_article_path.read_bytes()
    article = extract_article(RawDocument(str(seed_article_path), None, "txt", data, sha256(data)), OUTLETS)
    assert "According to [the Iranian government’s] law" in article.text
    assert article.cleaning == () and article.analysed


def test_a_test_page_is_not_an_article() -> None:
    with pytest.raises(NotAnArticleError) as err:
        extract_article(
            _raw({"id": "t", "title": "TEST PAGE:Self-publish today", "text": TEST_PAGE}, 7), OUTLETS
        )
    assert err.value.code == "NL-E120" and err.value.origin == "in.jsonl" and err.value.line == 7
    assert "test page" in err.value.detail and "id::t" in err.value.detail


def test_a_page_with_no_sentence_after_cleaning_is_not_an_article() -> None:
    table = "{| class=wikitable |- | Party || Seats |- | Labour || 355 |- | Conservative || 198 |}"
    with pytest.raises(NotAnArticleError, match="no sentence"):
        extract_article(_raw({"id": "x", "title": "Results", "text": table + " " + table}), OUTLETS)
    assert not has_sentence("Results: Labour 355, Conservative 198")
    assert has_sentence("Labour won 355 seats on Thursday.")
    assert has_sentence(
        "The ambassador warned that relations could be strained if the government grants asylum to *"
    )
    assert not has_sentence("Discovery wins bid to buy Scripps Networks\n\nLogo of Discovery and Scripps")


@pytest.mark.parametrize(("text", "language"), [(PERSIAN, "fa"), (ARABIC, "ar")])
def test_other_languages_are_detected(text: str, language: str) -> None:
    assert detect_language(text).language == language


@pytest.mark.parametrize(
    "text",
    [
        "Iran",
        "Angela Merkel met Emmanuel Macron.",
        "Thailand's Queen Sirikit (Thai: สมเด็จพระนางเจ้าสิริกิติ์ พระบรมราชินีนาถ) attended the "
        "cremation of a protester killed in clashes with police last Tuesday.",
    ],
)
def test_short_english_and_english_quoting_other_scripts_stay_english(text: str) -> None:
    assert detect_language(text).language == "en"


def test_a_declared_language_is_trusted() -> None:
    article = extract_article(_raw({"id": "d", "title": "Talks", "text": WIKI, "language": "de"}), OUTLETS)
    assert article.language == "de" and not article.analysed


def test_other_languages_are_stored_not_analysed_and_counted(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "mixed.jsonl",
        {"id": "fa1", "title": "دیدار وزیران", "text": PERSIAN},
        {"id": "fa2", "title": "دیدار دوم", "text": PERSIAN_2},
        {"id": "ar1", "title": "الانتخابات", "text": ARABIC},
        {"id": "t", "title": "TEST PAGE:Self-publish today", "text": TEST_PAGE},
    )
    store = SQLStore(f"sqlite:///{tmp_path / 'l.db'}")
    summary = ingest(
        [str(path)], store=store, executor=get_executor("local"), config=PipelineConfig(stages=())
    )
    assert summary.articles == 3 and summary.not_analysed == {"fa": 2, "ar": 1}
    assert summary.not_analysed_line() == "3 articles not analysed: language fa ×2, ar ×1"
    assert [(e.origin, e.line, e.code) for e in summary.errors] == [(str(path), 4, "NL-E120")]
    store.close()
    with sqlite3.connect(tmp_path / "l.db") as db:
        rows = db.execute(
            "SELECT language, analysed, n_sentences, cleaning IS NULL FROM articles ORDER BY language"
        ).fetchall()
    assert rows == [("ar", 0, 0, 1), ("fa", 0, 0, 1), ("fa", 0, 0, 1)]  # nothing to clean: SQL NULL


def test_non_english_articles_never_reach_a_stage() -> None:
    article = accept_article(
        extract_article(_raw({"id": "fa", "title": "t", "text": PERSIAN}), OUTLETS), "jsonl"
    )
    results, errors = process_batch([article], PipelineConfig())
    assert not errors and results[0].n_sentences == 0 and not results[0].mentions and not results[0].events


def test_spans_point_into_the_cleaned_text() -> None:
    article = extract_article(_raw({"id": "1", "title": "Zarif meets Lavrov", "text": WIKI}), OUTLETS)
    [result], errors = process_batch([article], PipelineConfig())
    assert not errors and result.mentions
    for mention in result.mentions:
        assert article.text[mention.start : mention.end] == mention.text
    for record in (*result.events, *result.statements):
        start, end = record.provenance.span
        assert article.text[start:end] in record.provenance.sentence


@pytest.mark.slow
def test_no_english_wikinews_article_is_rejected_or_left_with_markup(shared_data: Path) -> None:
    """The whole corpus (5,847 English Wikinews records): every article stays English and
    analysed, none keeps markup, and only non-articles (a test page, a contributor box) are
    refused."""
    path = shared_data / "news_corpus" / "wikinews_en_politics_economy.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    refused: list[str] = []
    with path.open("rb") as fh:
        for number, line in enumerate(fh, start=1):
            try:
                article = extract_article(
                    RawDocument(str(path), number, "jsonl", line, sha256(line)), OUTLETS
                )
            except NotAnArticleError as err:
                refused.append(err.detail)
                continue
            assert article.analysed and article.language == "en", (number, article.title)
            assert not any(m in article.text for m in ("==", "<!--", "{{", "[[", "|")), (
                number,
                article.title,
            )
            assert "&quot;" not in article.title and "&amp;" not in article.title, number
    assert len(refused) <= 3 and any("test page" in r for r in refused), refused
