"""Decide what an extracted article becomes: cleaned text, its language, or a reported non-article.

Runs on every :class:`Article` right after extraction, before anything derives records from it:

* JSONL and TXT text is cleaned of HTML entities and wiki/HTML markup (:mod:`newsledger.text.clean`;
  trafilatura already gives HTML pages as text); titles of every format have their entities
  decoded.  The stored ``text`` is the cleaned one, so every span points into it, and
  ``cleaning`` says what was removed; the raw input is kept as read.
* A test page, or a record with no sentence left once the markup is gone, is not news: it is
  reported (``NL-E120``, naming the file and record) and skipped like any other bad input.
* The language is detected (:mod:`newsledger.text.language`); an article in another language is
  stored with ``analysed=False`` and the English pipeline never runs on it.
"""

from __future__ import annotations

import dataclasses
import re

from ..errors import NotAnArticleError
from ..models import Article
from ..text.clean import clean_text, clean_title
from ..text.language import DEFAULT_LANGUAGE, detect_language

__all__ = ["accept_article", "has_sentence"]

#: Fewer characters than this after cleaning is no article (as extraction's MIN_BODY_CHARS).
MIN_TEXT_CHARS = 40
_TEST_TITLE = re.compile(r"\s*(?:test(?:ing)?|sandbox)[\s_:-]*(?:page|article|post|edit)\b", re.IGNORECASE)
_TEST_TEXT = re.compile(
    r"\bthis (?:is|was) (?:only |just )?a test(?: page| article| post| edit)?\b", re.IGNORECASE
)
#: A sentence: four or more words, three of them with letters, ended by sentence punctuation.
_SENTENCE = re.compile(r"[^.!?。！？؟۔\n]+[.!?。！？؟۔]")
_WORD_WITH_LETTERS = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"[.!?。！？؟۔\n]")
#: Words with letters that make a sentence even without its full stop.
UNENDED_SENTENCE_WORDS = 12


def accept_article(article: Article, input_format: str) -> Article:
    """The article as the ledger stores it (see module doc); raises :class:`NotAnArticleError`."""
    removed: dict[str, int] = {}
    title = clean_title(article.title)
    text = article.text
    if input_format in ("jsonl", "txt"):
        cleaned = clean_text(text)
        text = cleaned.text
        removed.update(cleaned.removed)
    for kind, count in title.removed.items():
        removed[f"title_{kind}"] = count
    _check_is_article(title.text, text, article)
    language = _language_of(text, article.language)
    return dataclasses.replace(
        article,
        title=title.text or article.title,
        text=text,
        language=language,
        analysed=language == DEFAULT_LANGUAGE,
        cleaning=tuple(sorted(removed.items())),
    )


def has_sentence(text: str) -> bool:
    """At least one run of four or more words (three with letters) ending in sentence punctuation,
    or of twelve words with letters without it (an article cut off mid-sentence is still news)."""
    for match in _SENTENCE.finditer(text):
        words = match.group(0).split()
        if len(words) >= 4 and sum(1 for w in words if _WORD_WITH_LETTERS.search(w)) >= 3:
            return True
    return any(
        sum(1 for w in line.split() if _WORD_WITH_LETTERS.search(w)) >= UNENDED_SENTENCE_WORDS
        for line in _SENTENCE_END.split(text)
    )


def _check_is_article(title: str, text: str, article: Article) -> None:
    origin, line = article.origin or article.article_id, article.origin_line
    if _TEST_TITLE.match(title) or _TEST_TEXT.search(text[:500]):
        raise NotAnArticleError(
            f"record {article.source_key or article.article_id} is a test page ({title[:60]!r}), not news; "
            "it was skipped (remove it from the input to silence this)",
            origin=origin,
            line=line,
        )
    if len(text) < MIN_TEXT_CHARS or not _has_any_sentence(text):
        raise NotAnArticleError(
            f"record {article.source_key or article.article_id} has no sentence once wiki/HTML markup is "
            "removed (a table, a list of links or an empty page); it was skipped",
            origin=origin,
            line=line,
        )


def _has_any_sentence(text: str) -> bool:
    """Scripts without spaces between words (Chinese, Japanese, Thai) have no countable words:
    any text with a sentence mark counts there."""
    if has_sentence(text):
        return True
    letters = [c for c in text if c.isalpha()]
    spaced = text.count(" ") * 20 >= len(letters)
    return not spaced and _SENTENCE.search(text) is not None


def _language_of(text: str, declared: str) -> str:
    """A declared language other than English is trusted; otherwise the text decides."""
    declared = (declared or DEFAULT_LANGUAGE).lower()
    if declared.split("-")[0] != DEFAULT_LANGUAGE:
        return declared[:8]
    return detect_language(text).language
