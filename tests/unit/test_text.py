"""The shared text helpers: the one quote finder (properties and cases), the name normaliser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsledger.text import find_quotes, norm_key, quote_mask, quoted_spans
from newsledger.text.quotes import ALL_MARKS, SINGLE_MARKS, inside_quote

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


# --------------------------------------------------------------------------- straight marks as a typesetter reads them


def _quoted(text: str) -> list[str]:
    return [text[s:e] for q in find_quotes(text) for s, e in q.segments]


def test_a_mixed_pair_of_curly_and_straight_marks_closes_where_the_words_end() -> None:
    text = 'It was not a “fruit salad" to pick from. Meanwhile, the premier rejected the notion.'
    assert _quoted(text) == ["fruit salad"]
    assert not inside_quote(text, text.index("rejected"))


def test_a_straight_mark_before_punctuation_closes_even_after_a_space() -> None:
    text = 'He called it the "Downing Street memo ". The memo was leaked in May.'
    assert _quoted(text) == ["Downing Street memo"]
    assert not inside_quote(text, text.index("leaked"))


def test_a_lost_closing_mark_quotes_to_its_paragraph_end_only() -> None:
    text = 'He said "the talks failed and we left.\n\nThe envoy flew home on Monday.'
    assert _quoted(text) == ["the talks failed and we left."]
    assert not inside_quote(text, text.index("flew"))


def test_a_lost_opening_mark_quotes_back_to_its_sentence_start_only() -> None:
    text = 'Mediators met on Monday. A deal is far off. It will take time," Kohona said. Talks end.'
    assert _quoted(text) == ["It will take time"]
    assert not inside_quote(text, text.index("met"))
    # a second quote of the paragraph may have lost its mark too, in a sentence of its own
    text = '"We are close," he said. It will take a long time," he added.'
    assert _quoted(text) == ["We are close", "It will take a long time"]
    # but not the narration after an earlier quote in the same sentence
    assert _quoted('"We are close," he said on the phone from Oslo," and left.') == ["We are close"]


def test_an_inch_or_a_second_is_no_closing_mark() -> None:
    assert find_quotes('The navy fired a 5" gun at the boats in 1\'52" flat.') == []


def test_apostrophes_never_pair_as_quotes() -> None:
    text = "\"It's the people's choice,\" she said of the Smiths' shop and Trump’s ‘deal’."
    assert _quoted(text) == ["It's the people's choice", "deal"]


def test_single_quotes_nested_in_double_belong_to_the_double_quote() -> None:
    for text in ("\"They called it a 'crisis' on Monday,\" she said.", "“He said ‘no’ twice,” she said."):
        [q] = find_quotes(text)
        assert text[q.start] in ALL_MARKS and text[q.content_end] in ALL_MARKS + ","


def test_a_straight_mark_typed_twice_is_one_mark() -> None:
    text = 'The minister said, ""The attacks will not change the vote." Polls open today.'
    assert _quoted(text) == ["The attacks will not change the vote."]
    assert not inside_quote(text, text.index("Polls"))


def test_a_curly_mark_of_the_wrong_shape_is_read_by_where_it_stands() -> None:
    text = "”Fear. I am afraid he will win.” ― Edwin Monroy."
    assert _quoted(text) == ["Fear. I am afraid he will win."]
    assert _quoted("“We take our own decisions“. Lula left.") == ["We take our own decisions"]


def test_an_abbreviation_does_not_end_the_sentence_a_lost_mark_quotes_back_to() -> None:
    text = '"It never crossed my mind," she said, and the idea that U.S. Justice Scalia was killed by the state."'
    assert _quoted(text) == ["It never crossed my mind"]
