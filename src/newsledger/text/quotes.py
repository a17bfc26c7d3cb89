"""The one quote finder: where the quotations of a text are, for every stage that asks.

Quotation marks are paired paragraph by paragraph (straight, curly, ''doubled'' and
headline-style ‘single’ marks; marks inside markup are ignored), so that one unbalanced mark
never spoils the rest of the document; a quote left open at the end of a paragraph continues
when the next paragraph opens with a mark (the newspaper convention for multi-paragraph
quotes).  A straight mark is read as a typesetter reads it: it opens after a space or the
paragraph start and closes before a space or punctuation, so a mixed pair ('a “fruit salad"
from which') or a lost mark closes where the words say it does and the rest of the paragraph
is not "in a quote"; a closing mark whose opening one was lost quotes back to its sentence's
start at most.  The statements stage attributes these quotes to speakers; the framing stage
leaves loaded terms inside them to their speakers; the actors stage masks them
(:func:`quote_mask`); the dates stage leaves a past act told inside one undated
(:func:`inside_quote`).  One finder means the stages agree on what is inside a quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "ALL_MARKS",
    "CLOSE_MARKS",
    "FILLER",
    "MIN_UNCUED_WORDS",
    "OPEN_MARKS",
    "SINGLE_MARKS",
    "STRAIGHT",
    "Quote",
    "find_quotes",
    "inside_quote",
    "paragraphs",
    "quote_mask",
    "quoted_spans",
]

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
ALL_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
FILLER = "\x01"  # stands in for the first half of a two-character mark ('' or ``)
SINGLE_MARKS = "‘’"
#: A closing mark with no opening one starts a quote at its paragraph start only when the
#: quote would be at least this long; the statements stage also uses it for uncued quotes.
MIN_UNCUED_WORDS = 4
_OPEN_BEFORE = set(" \t\n([{—–-/")  # a straight mark after these opens a quote
_CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-/")  # a straight mark before these closes one


@dataclass(slots=True)
class Quote:
    """One quotation: ``segments`` are the quoted text (marks excluded), possibly over paragraphs."""

    segments: list[tuple[int, int]]
    start: int  # the opening mark (or paragraph start when the mark is missing)
    end: int  # just after the closing mark (or the paragraph end when it is missing)
    para: int
    last_para: int
    open_end: bool = False  # no closing mark before the paragraph ended

    @property
    def content_start(self) -> int:
        return self.segments[0][0]

    @property
    def content_end(self) -> int:
        return self.segments[-1][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of ``text`` as ``[start, end)`` spans, surrounding blanks trimmed."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _mark_role(text: str, i: int, pstart: int, pend: int) -> str:
    """The role ("open", "close" or "either") of the mark at ``i``: a straight mark's by where
    it stands (a typesetter's reading), a curly one's by its shape unless where it stands says
    the typist took the wrong one ('”Fear. I am afraid' at a paragraph start opens;
    'decisions“.' closes)."""
    ch = text[i]
    if ch in OPEN_MARKS + CLOSE_MARKS:
        return _curly_role(text, i, pstart, pend)
    prev = text[i - 1] if i > pstart else " "
    if prev == FILLER:
        prev = text[i - 2] if i - 1 > pstart else " "
    nxt = text[i + 1] if i + 1 < pend else " "
    if nxt == FILLER and i + 2 < pend and text[i + 2] == '"':  # a closing '' right after
        nxt = '"'
    opens = prev in _OPEN_BEFORE or prev in OPEN_MARKS
    closes = nxt in _CLOSE_AFTER or nxt in CLOSE_MARKS
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _curly_role(text: str, i: int, pstart: int, pend: int) -> str:
    prev = text[i - 1] if i > pstart else " "
    nxt = text[i + 1] if i + 1 < pend else " "
    if text[i] in CLOSE_MARKS:
        return "open" if prev in _OPEN_BEFORE and nxt.isalnum() else "close"
    return "close" if prev.isalnum() and nxt in _CLOSE_AFTER else "open"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ALL_MARKS + FILLER):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ALL_MARKS + "," + FILLER):
        end -= 1
    return start, end


_MARKUP = re.compile(r"</?[A-Za-z][\w-]*(?:\s+[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>]+))*\s*/?>")


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks paragraph by paragraph; never give up on unbalanced marks.

    Every stage asks for the same article's quotes, so the last few texts' answers are kept."""
    return list(_find_quotes(text))


@lru_cache(maxsize=8)
def _find_quotes(text: str) -> tuple[Quote, ...]:
    original = text
    # ''doubled apostrophes'' and ``TeX-style'' marks (some archives) stand for straight marks,
    # and so does a straight mark typed twice (‘said, ""The …’): the first character becomes a
    # filler so that offsets do not move
    text = text.replace("''", FILLER + '"').replace("``", FILLER + '"').replace('""', FILLER + '"')
    quotes: list[Quote] = []
    # marks inside markup (<tweet author="…">) are attribute delimiters, not quotations
    markup = {i for m in _MARKUP.finditer(text) for i in range(m.start(), m.end())}
    for p, (pstart, pend) in enumerate(paragraphs(text)):
        opened: int | None = None
        last_end = pstart  # where the paragraph's last quote ended
        for i in range(pstart, pend):
            if text[i] not in ALL_MARKS or i in markup:
                continue
            role = _mark_role(text, i, pstart, pend)
            if opened is None:
                if role == "close":
                    lost = _lost_opening(text, pstart, last_end, i, p)
                    if lost is not None:
                        quotes.append(lost)
                        last_end = i + 1
                    continue
                opened = i
            elif role in ("close", "either") or (role == "open" and i + 1 < pend and text[i + 1] in " \t"):
                # (a curly opening mark typed where the closing one belongs: 'we go“ and')
                seg = _trim(text, opened + 1, i)
                if seg[1] > seg[0]:
                    quotes.append(Quote([seg], opened, i + 1, p, p))
                    last_end = i + 1
                opened = None
        if opened is not None:
            seg = _trim(text, opened + 1, pend)
            if seg[1] > seg[0]:
                quotes.append(Quote([seg], opened, pend, p, p, open_end=True))
    joined = _join_paragraphs(original, quotes)
    return tuple(sorted(joined + _single_quotes(original, joined), key=lambda q: q.start))


#: the end of a sentence: its stop (and a closing mark or bracket) and the space after it, before
#: a capital, a digit or a mark; a full stop after an initial or a short capitalised word is an
#: abbreviation's ("U.S. Supreme Court", "Mr. Smith", "Gen. Allen"), not a sentence's
_SENTENCE_END = re.compile(
    r"(?:(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.|[!?])[\"”’')\]]*\s+(?=[A-Z0-9\"“‘'])"
)


def _lost_opening(text: str, pstart: int, floor: int, close: int, para: int) -> Quote | None:
    """The quote a closing mark with no opening one ends: the source lost the opening mark, and
    the quote began at its sentence's start ('It will take time," he said'), never before
    ``floor`` (the paragraph start or the end of its last quote), so narration before the
    sentence is not taken for quoted words.  None when the words before it are too few to be a
    quote of their own or an earlier quote closed in the same sentence."""
    if text[close - 1].isdigit():
        return None  # 'a 5" gun', 'in 1\'52"': an inch or a second, not a quote's end
    lo = max(floor - 3, pstart)  # a stop just inside the last quote ('"We go." It will …') counts
    stops = [m.end() for m in _SENTENCE_END.finditer(text, lo, close) if m.end() >= floor]
    if not stops and floor > pstart:
        return None  # '"One," he said, and two more things," …': the earlier quote's sentence
    start = stops[-1] if stops else pstart
    seg = _trim(text, start, close)
    if len(text[seg[0] : seg[1]].split()) < MIN_UNCUED_WORDS:
        return None
    return Quote([seg], start, close + 1, para, para)


def _single_quotes(text: str, double: list[Quote]) -> list[Quote]:
    """‘Headline style’ single quotes outside any double-quoted stretch.  ’ is also the
    apostrophe, so a quote opens only at ‘ after a space and closes at the first ’ that is not
    followed by a letter ("Trump’s" never closes one)."""
    inside = [(q.start, q.end) for q in double]
    found: list[Quote] = []
    for p, (pstart, pend) in enumerate(paragraphs(text)):
        i = pstart
        while True:
            i = text.find("‘", i, pend)
            if i < 0:
                break
            prev = text[i - 1] if i > pstart else " "
            if (prev not in _OPEN_BEFORE and prev != ":") or any(s <= i < e for s, e in inside):
                i += 1
                continue
            j = i + 1
            close = -1
            while True:
                j = text.find("’", j, pend)
                if j < 0:
                    break
                nxt = text[j + 1] if j + 1 < pend else " "
                if not nxt.isalpha():
                    close = j
                    break
                j += 1
            if close < 0:
                break
            seg = _trim(text, i + 1, close)
            if seg[1] > seg[0] and not any(s < close and i < e for s, e in inside):
                found.append(Quote([seg], i, close + 1, p, p))
            i = close + 1
    return found


def _join_paragraphs(text: str, quotes: list[Quote]) -> list[Quote]:
    """A quote left open at a paragraph end goes on in the next paragraph that opens with a mark."""
    paras = paragraphs(text)
    joined: list[Quote] = []
    for q in quotes:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.open_end
            and q.para == prev.last_para + 1
            and q.start == paras[q.para][0]
        ):
            prev.segments.extend(q.segments)
            prev.end = q.end
            prev.last_para = q.last_para
            prev.open_end = q.open_end
            continue
        joined.append(Quote(list(q.segments), q.start, q.end, q.para, q.last_para, q.open_end))
    return joined


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Each quotation of ``text`` as ``[start, end)`` with its marks (the whole stretch from the
    opening to the closing mark; a multi-paragraph quote is one span)."""
    return [(q.start, q.end) for q in find_quotes(text)]


def quote_mask(text: str, quotes: Sequence[Quote] | None = None) -> bytearray:
    """One byte per character of ``text`` (and one past the end): 1 inside quoted words (marks
    excluded), else 0.  Index it with a token's offset to ask whether the token is quoted.
    ``quotes`` are :func:`find_quotes`'s answer for ``text`` where the caller has it already."""
    mask = bytearray(len(text) + 1)
    for q in find_quotes(text) if quotes is None else quotes:
        for s, e in q.segments:
            mask[s:e] = b"\x01" * (e - s)
    return mask


def inside_quote(text: str, offset: int) -> bool:
    """True when the character at ``offset`` is one of a quotation's words (marks excluded)."""
    return any(s <= offset < e for q in find_quotes(text) for s, e in q.segments)
