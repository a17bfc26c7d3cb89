"""Per-article lookups shared by both passes, and the attribution each pass produces."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ...models import AnalyzedArticle
from ...text.quotes import SINGLE_MARKS, Quote, find_quotes, paragraphs, quote_mask
from ..nlp import text_of, token_starts
from .lexicon import CueLexicon


@dataclass(slots=True)
class Attribution:
    cue: Any | None  # the cue token; None for a dash ("― Name") or a colon frame
    cue_span: tuple[int, int]
    cue_text: str
    speaker_head: Any | None
    speaker_span: tuple[int, int] | None
    kind: str
    content_span: tuple[int, int]
    parts: list[tuple[int, int]] = field(default_factory=list)  # the content pieces, in order
    quote: Quote | None = None
    inherited: bool = False  # speaker carried over from the quote before (no cue of its own)
    speaker_no: int = 0  # of conjoined speakers ("according to A and B"), which one this is

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [self.content_span]

    @property
    def cue_lemma(self) -> str:
        return str(self.cue.lemma_).lower() if self.cue is not None else ""

    def absorb(self, other: Attribution) -> None:
        """Take in the rest of a split quote ("…," he said, "…"); pieces that overlap (a partial
        quote's clause and the quotation inside it) become one, so no words are read twice."""
        self.parts = merge_spans([*self.parts, *other.parts])
        self.content_span = (self.parts[0][0], self.parts[-1][1])


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, with those that overlap joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


class Context:
    """Per-article lookups shared by both passes."""

    def __init__(self, item: AnalyzedArticle, lex: CueLexicon) -> None:
        self.item = item
        self.doc = item.doc
        self.text: str = text_of(item.doc)
        self.lex = lex
        self.paras = paragraphs(self.text)
        self.starts = token_starts(self.doc)
        self.quotes = find_quotes(self.text)
        self.single_marks = frozenset(
            k for q in self.quotes if self.text[q.start] in SINGLE_MARKS for k in (q.start, q.end - 1)
        )
        self.in_quote = quote_mask(self.text, self.quotes)

    def quoted(self, tok: Any) -> bool:
        return bool(self.in_quote[tok.idx])

    def para_of(self, offset: int) -> tuple[int, int]:
        for s, e in self.paras:
            if s <= offset < e:
                return s, e
        return 0, len(self.text)

    def tokens(self, start: int, end: int) -> list[Any]:
        """The tokens that overlap ``[start, end)``."""
        if end <= start or not len(self.doc):
            return []
        i = max(bisect_right(self.starts, start) - 1, 0)
        tok = self.doc[i]
        if tok.idx + len(tok) <= start:
            i += 1
        j = bisect_left(self.starts, end)
        return list(self.doc[i:j]) if j > i else []

    def sent_bounds(self, offset: int) -> tuple[int, int]:
        toks = self.tokens(offset, offset + 1)
        if not toks:
            return self.para_of(offset)
        sent = toks[0].sent
        return sent.start_char, sent.end_char
