"""The day a news story is at: "Carter met with Shaer on Tuesday. During a visit to the West Bank,
Carter laid a wreath" -- the second act, told in the simple past with no time of its own, goes on
with the day the sentence before it gave its main act.  A story's clock moves only when the text
moves it, so an undated act told next in the simple past happened that day too, not on the
publication day it would otherwise default to."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...models import AnalyzedArticle
from ..nlp import span_at
from .governing import adverbial, clause_of, dated_times, governing_time

__all__ = ["story_day"]

#: How many days before its publication a story's day may lie (the news of the week).
STORY_WEEK_DAYS = 7
#: How many sentences back a story's day is looked for, over sentences that tell no past act.
STORY_LOOKBACK = 3


def story_day(item: AnalyzedArticle, sent: Any, focus: Any) -> str | None:
    """The day the last sentence before ``sent`` that tells a past act (within the paragraph,
    :data:`STORY_LOOKBACK` sentences at most: "Shaer is a former minister" tells none) gave its
    main act, when the trigger ``focus`` is the act of ``sent``'s main clause told in the simple
    past by the same doer (:func:`_same_doer`); None otherwise.  Only a day within :data:`STORY_WEEK_DAYS` before publication counts (older
    ones are background, which the next sentence need not continue), and a present perfect
    ("has declined to comment") is told from today, not from the story's day."""
    if focus is None or item.doc is None or not item.date or sent.index == 0:
        return None
    verb = clause_of(focus)
    if verb.dep_ != "ROOT" or verb.tag_ != "VBD":
        return None
    day = root = None
    for back in range(1, STORY_LOOKBACK + 1):  # sentences that tell no past act keep the clock
        before = _sentence(item, sent.index - back)
        if before is None or _new_paragraph(item.article.text[before.start : sent.start]):
            return None  # the article's start or a new paragraph
        root = _root_of(item, before)
        day = _main_act_day(item, before, root)
        if day is not None or _tells_a_past_act(root):
            break
    if day is None or not _same_doer(verb, root):
        return None
    try:
        days_back = (dt.date.fromisoformat(item.date[:10]) - dt.date.fromisoformat(day)).days
    except ValueError:
        return None
    return day if 0 < days_back <= STORY_WEEK_DAYS else None


def _new_paragraph(between: str) -> bool:
    """True when the whitespace that ends ``between`` (a sentence and what follows it up to the
    next) holds a line break."""
    return "\n" in between[len(between.rstrip()) :]


def _sentence(item: AnalyzedArticle, index: int) -> Any:
    """The article's sentence ``index``, or None."""
    if index < 0 or index >= len(item.sentences):
        return None
    found = item.sentences[index]
    return found if found.index == index else None


def _root_of(item: AnalyzedArticle, sent: Any) -> Any:
    """The root token of the article's sentence ``sent`` (None without a parse)."""
    span = span_at(item.doc, sent.start, sent.end)
    return span.root if span is not None else None


def _tells_a_past_act(root: Any) -> bool:
    """True when a sentence's ``root`` (:func:`_root_of`) is in the simple past ("Hamas seized
    Gaza"), not a state told in the present ("Shaer is a former minister")."""
    return root is not None and root.tag_ == "VBD"


def _same_doer(verb: Any, before: Any) -> bool:
    """True when ``verb``'s subject goes on with the doer of ``before`` (the story's main act):
    a personal pronoun, or the same name ("Carter met ... Carter laid"); another doer's act
    ("The delegation travelled on Monday. The minister criticised the plan") may be today's."""
    mine = _subject(verb)
    if mine is None or before is None:
        return False
    if mine.pos_ == "PRON" and mine.lower_ in {"he", "she", "they", "it", "we"}:
        return True
    theirs = _subject(before)
    return theirs is not None and mine.lower_ == theirs.lower_


def _subject(verb: Any) -> Any:
    """The head of ``verb``'s subject, or None."""
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _main_act_day(item: AnalyzedArticle, sent: Any, root: Any) -> str | None:
    """The day a time expression of ``sent`` gives the act of its main clause (``root``, the
    sentence's :func:`_root_of`), if any."""
    if root is None:
        return None
    times = [t for t in dated_times(item, sent.index) if t.precision == "day" and adverbial(item, t)]
    if not times:
        return None
    chosen = governing_time(item, root.idx, root.idx + len(root.text), times)
    return chosen.value[:10] if chosen is not None and chosen.value else None
