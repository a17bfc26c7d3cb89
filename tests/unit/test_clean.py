"""Cleaning JSONL/TXT text: entities decoded, wiki/HTML markup removed, prose left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.text.clean import clean_text, clean_title, decode_entities, looks_like_markup

PROSE = "The minister said on Monday that talks would resume."


@pytest.mark.parametrize(
    ("raw", "expected", "kind"),
    [
        (
            f"{PROSE}\n== Reactions ==\nThe opposition objected to the plan.",
            "resume.\n\nThe opposition",
            "headings",
        ),
        (f"{PROSE} ===Background=== Rebels took the town last year.", "resume.\n\nRebels took", "headings"),
        (
            f"The ministry<!-- which one? --> denied the report. {PROSE}",
            "The ministry denied the report.",
            "comments",
        ),
        (f"{{{{Infobox|a={{{{nested|x}}}}}}}} {PROSE}", PROSE, "templates"),
        (
            f"Results follow. {{| class=wikitable |- | Party || Seats |- | Labour || 355 |}} {PROSE}",
            "follow. The",
            "tables",
        ),
        (
            f"{PROSE}\n{{| class=wikitable\n|-\n| Party || Seats\n|}}\nThe vote was close.",
            "resume.\n\nThe vote",
            "tables",
        ),
        (f"The [[United Nations|UN]] met in [[Geneva]]. {PROSE}", "The UN met in Geneva.", "links"),
        (
            f"The deputy minister [http://example.org/p.html Aziz Pahad] spoke. {PROSE}",
            "minister Aziz Pahad spoke.",
            "external_links",
        ),
        (f"The ban was lifted.<ref>Reuters, 2005</ref> {PROSE}", "The ban was lifted. The minister", "refs"),
        (
            f"The <b>ban</b> was <span style='x'>lifted</span>.<br/> {PROSE}",
            "The ban was lifted. The",
            "tags",
        ),
        (f"[[Image:Talks.jpg|thumb|200px|Delegates at the talks.]] {PROSE}", PROSE, "files"),
        (f"{PROSE} == Related news == * Talks stall * Minister resigns", PROSE, "sections"),
    ],
)
def test_each_markup_construct_is_removed(raw: str, expected: str, kind: str) -> None:
    cleaned = clean_text(raw)
    assert expected in cleaned.text
    assert kind in cleaned.removed
    for mark in ("==", "<!--", "{{", "}}", "[[", "]]", "{|", "|}", "|-", "[http", "<ref", "<b>"):
        assert mark not in cleaned.text


def test_brackets_in_prose_are_kept_exactly() -> None:
    text = "According to [the Iranian government's] law, the deal stands [sic]. Officials agreed (mostly)."
    assert not looks_like_markup(text)
    cleaned = clean_text(text)
    assert cleaned.text == text and not cleaned.changed


def test_entities_are_decoded_with_or_without_semicolon() -> None:
    cleaned = clean_text(
        "He said &quot;no&quot; &mdash and left &amp; R&D grew 5 &lt; 6 at AT&T &#8212; done"
    )
    assert cleaned.text == 'He said "no" — and left & R&D grew 5 < 6 at AT&T — done'
    assert cleaned.removed["entities"] >= 6
    text, count = decode_entities("&amp;quot;x&amp;quot;")  # encoded twice
    assert text == '"x"' and count >= 2


def test_title_entities_are_decoded() -> None:
    title = clean_title("ElBaradei: uranium is &quot;of little significance&quot;")
    assert title.text == 'ElBaradei: uranium is "of little significance"' and title.removed == {"entities": 2}


def test_template_names_and_categories_left_without_braces_are_removed() -> None:
    text = (
        "2005 London bombing infobox The police said on Friday that four men were held. "
        "infotitle=Timeline * July 7 InfoboxEnd The inquiry goes on. publish Archive-unreviewed "
        "Category:United Kingdom Category:Politics and conflicts Officials declined to comment."
    )
    cleaned = clean_text(text)
    assert cleaned.text == (
        "The police said on Friday that four men were held. The inquiry goes on. Officials declined to comment."
    )
    assert cleaned.removed["templates"] == 4


def test_bracketless_link_leftovers_keep_their_label() -> None:
    text = "the newspaper w:Jyllands-Posten|. Those cartoons, from {[w|Muslim insurgents, Webb said."
    cleaned = clean_text(text).text
    assert "|" not in cleaned and "Jyllands-Posten." in cleaned and "from Muslim insurgents" in cleaned


@given(st.text(max_size=300))
def test_cleaning_never_raises_and_is_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


_MARKUP_BITS = st.sampled_from(
    ["[[", "]]", "{{", "}}", "{|", "|}", "|-", "|", "==", "<!--", "-->", "<ref>", "</ref>", "&quot;", "&amp",
     "[http://x.org ", "]", "'''", "\n", " ", "Iran", "said.", "<b>", "=", "{", "}", "&"]
)  # fmt: skip


@given(st.lists(_MARKUP_BITS, max_size=40).map("".join))
def test_cleaning_markup_soup_is_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once
