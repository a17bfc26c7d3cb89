"""The shared text helpers: the one quote finder (properties and cases), the name normaliser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsledger.text import find_quotes, norm_key, quote_mask, quoted_spans
from newsledger.text.quotes import ALL_MARKS, SINGLE_MARKS

#: Text made of words, spaces, line breaks and every kind of quotation mark, balanced or not.
_PIECES = st.sampled_from(
    ["word", "Two words", " ", " ", "\n", "\n\n", ",", ".", '"', "“", "”", "‘", "’", "''", "«", "»"]
)
TEXTS = st.lists(_PIECES, max_size=60).map("".join)


@given(TEXTS)
def test_quotes_lie_inside_the_text_in_order_and_never_overlap(text: str) -> None:
    quotes = find_quotes(text)
    segments = [seg for q in quotes for seg in q.segments]
    for start, end in segments:
        assert 0 <= start < end <= len(text)
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
    ordered = sorted(segments)
    assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:], strict=False))


@given(TEXTS)
def test_quoted_words_are_trimmed_of_marks_and_space(text: str) -> None:
    for q in find_quotes(text):
        for start, end in q.segments:
            piece = text[start:end]
            assert piece == piece.strip()
            assert piece[0] not in ALL_MARKS and piece[-1] not in ALL_MARKS + ","
            if text[q.start] not in SINGLE_MARKS:
                assert q.start <= start and end <= q.end


@given(TEXTS)
def test_the_mask_and_the_spans_agree_with_the_quotes(text: str) -> None:
    quotes = find_quotes(text)
    mask = quote_mask(text)
    assert len(mask) == len(text) + 1
    inside = {i for q in quotes for s, e in q.segments for i in range(s, e)}
    assert {i for i, on in enumerate(mask) if on} == inside
    assert quoted_spans(text) == [(q.start, q.end) for q in quotes]


def test_a_quote_continues_into_a_paragraph_that_opens_with_a_mark() -> None:
    text = "“The first part runs on\n\n“and ends here,” she said."
    [q] = find_quotes(text)
    assert [text[s:e] for s, e in q.segments] == ["The first part runs on", "and ends here"]


def test_an_apostrophe_never_closes_a_single_quote() -> None:
    text = "He called it ‘Trump’s deal’ on Monday."
    [q] = find_quotes(text)
    assert text[q.content_start : q.content_end] == "Trump’s deal"


def test_marks_inside_markup_are_not_quotes() -> None:
    assert find_quotes('<tweet author="Ana Ruiz">No quote here at all</tweet>') == []


def test_norm_key_folds_case_space_and_the_curly_apostrophe() -> None:
    assert norm_key("  Xi’s   Government ") == norm_key("xi's government") == "xi's government"
    assert norm_key("Sánchez") != norm_key("Sanchez")  # accents are kept: two names
