"""What the resolver reads of a document many times, computed once per article, and small
helpers over spaCy spans (trimming an entity, the surface form of a name)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ...knowledge.actors import key
from ...models import AnalyzedArticle
from ...text.quotes import quote_mask
from ..nlp import noun_chunks_of, text_of
from .words import HONORIFICS, NAME_PARTICLES

DOC_INDEX_NOTE = "newsledger.actors.doc_index"  # quote mask, entity spans, lower-case words


class DocIndex:
    """What the resolver reads of a document many times, computed once per article: token
    attributes as plain lists (a spaCy ``doc[i]`` builds a new Token object on every access),
    sentence bounds, entity spans, the quote mask, lower-case words and noun chunks."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.text: str = text_of(doc)
        self.texts: list[str] = []
        self.idx: list[int] = []
        self.sent_start: list[bool] = []
        self.punct: list[bool] = []
        self.space: list[bool] = []
        self.alpha: list[bool] = []
        if len(doc):  # one array call instead of a Token object per token and attribute
            columns = doc.to_array(["IDX", "LENGTH", "SENT_START", "IS_PUNCT", "IS_SPACE", "IS_ALPHA"])
            self.idx = columns[:, 0].tolist()
            text = self.text
            self.texts = [text[s : s + n] for s, n in zip(self.idx, columns[:, 1].tolist(), strict=True)]
            self.sent_start = (columns[:, 2] == 1).tolist()
            self.punct, self.space, self.alpha = ((columns[:, k] != 0).tolist() for k in (3, 4, 5))
        self.positions: dict[str, list[int]] = {}  # lower-case text -> token indexes
        for i, word in enumerate(self.texts):
            self.positions.setdefault(word.lower(), []).append(i)
        n = len(self.texts)
        # next_sent[i]: the first sentence start after token i (n if none);
        # sent_begin[i]: the last sentence start at or before token i (-1 if none)
        self.next_sent: list[int] = [n] * n
        self.sent_begin: list[int] = [-1] * n
        last = -1
        for i in range(n):
            if self.sent_start[i]:
                last = i
            self.sent_begin[i] = last
        nxt = n
        for i in range(n - 1, -1, -1):
            self.next_sent[i] = nxt
            if self.sent_start[i]:
                nxt = i
        self.ent_span: dict[int, tuple[int, int]] = {}
        for ent in doc.ents:
            trimmed = trim_entity(ent)
            for i in range(ent.start, ent.end):
                self.ent_span[i] = trimmed
        # lookup keys drop everything but letters and digits, so a span's key is its tokens' keys
        # joined: names and agent phrases are looked up without slicing and normalising text
        keys: dict[str, str] = {}  # a word's key, once per distinct word
        self.keys: list[str] = [keys[t] if t in keys else keys.setdefault(t, key(t)) for t in self.texts]
        self.in_quote = quote_mask(self.text)  # the one quote finder, shared with statements
        self.lower_words = {t for t in self.texts if t.islower()}
        self.chunks = [(start, root) for start, _, root in noun_chunks_of(doc)]

    def tokens(self, lowers: Iterable[str]) -> Iterator[Any]:
        """The tokens whose lower-case text is one of ``lowers``, in document order."""
        found = sorted(i for low in lowers for i in self.positions.get(low, ()))
        return (self.doc[i] for i in found)

    def span_key(self, start: int, end: int) -> str:
        """``key(doc[start:end].text)``."""
        return self.keys[start] if end == start + 1 else "".join(self.keys[start:end])

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``end > start``) without building the span."""
        return self.text[self.idx[start] : self.idx[end - 1] + len(self.texts[end - 1])]


def doc_index(item: AnalyzedArticle) -> DocIndex:
    doc = item.doc
    cached = item.notes.get(DOC_INDEX_NOTE)
    if isinstance(cached, DocIndex) and cached.doc is doc:
        return cached
    index = DocIndex(doc)
    item.notes[DOC_INDEX_NOTE] = index
    return index


def is_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[:1].isalpha()


def trim_entity(ent: Any) -> tuple[int, int]:
    start, end = ent.start, ent.end
    doc = ent.doc
    drop = ("the", "a", "an", *HONORIFICS) if ent.label_ == "PERSON" else ("the", "a", "an")
    while start < end and (doc[start].lower_.rstrip(".") in drop or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return start, end


#: Editorial brackets left in article text where a wiki link or an editor's insertion was cut
#: ("Pak[istan", "the] UK", "Osama [bin Laden"): no part of a name, and an alias that keeps one
#: unbalanced is a name no reader would write.  The words stay: "Osama bin Laden".
_BRACKETS = re.compile(r"[\[\]{}]")


def surface(text: str) -> str:
    """A name as cut from the text, as an actor's name or alias: one space between words, no
    editorial brackets, no parenthesis left open, no possessive ending."""
    text = _closed_parentheses(_BRACKETS.sub("", text))
    text = re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\xa0", " ")).strip()
    return re.sub(r"[’']s$", "", text).strip()


def _closed_parentheses(text: str) -> str:
    """A name cut across a parenthesis loses its open half: "People's Alliance for Democracy
    (PAD" is the alliance (its acronym is read apart), "PSD) ministers" the PSD's ministers."""
    opened = text.rfind("(")
    if opened > 0 and ")" not in text[opened:]:
        text = text[:opened]
    elif opened == 0 and ")" not in text:
        text = text[1:]
    if text.count(")") > text.count("("):
        text = text.replace(")", "", text.count(")") - text.count("("))
    return text


def looks_like_name(span: Any) -> bool:
    """Every word capitalised or a particle ("bin", "da"); editorial brackets are skipped."""
    return all(t.text[:1].isupper() or t.text in NAME_PARTICLES or _BRACKETS.fullmatch(t.text) for t in span)
