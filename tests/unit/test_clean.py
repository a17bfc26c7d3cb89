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


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Palestine The delegation representing Brazil returned today from the funeral.", "The delegation"),
        ("Iraq Almost 1,000 people have been arrested in Iraq in a crackdown.", "Almost 1,000"),
        ("Palestine It was announced today that aid would be delivered to Palestine.", "It was"),
        ("Australian news Bloc Quebecois MP Benoit Sauvageau was killed on Monday.", "Bloc Quebecois"),
        ("2006 Israel-Lebanon conflict Ehud Olmert, the Prime Minister, offered peace.", "Ehud Olmert"),
        ("North Korea nuclear program According to Yonhap, the talks have resumed.", "According to"),
        ("Spain Spain has launched an 11 billion euro stimulus plan this week.", "Spain has"),
        ("China Chinese President Hu Jintao met the European Union's leaders today.", "Chinese President"),
        (
            "United States United States Senator Christopher Dodd left the race last night.",
            "United States Senator",
        ),
        ("CDNfed2008interview-ON On October 14, Canadians will go to the polls.", "On October"),
        ("economy and business U.S.-based agency Standard & Poor's cut the rating.", "U.S.-based"),
        ("Australian news Cole Inquiry The report from the Cole Inquiry was handed down.", "The report"),
        ("__NOTOC__ Explosions at the mosque in Samarra destroyed its golden dome.", "Explosions at"),
        ("__NOTOC__ Three Romanian journalists were abducted in Baghdad on Monday.", "Three Romanian"),
        ("right The offices of Kenya's largest TV companies were raided on Thursday.", "The offices"),
        ("publish Kevin Rudd has been elected as leader of the Labor party.", "Kevin Rudd"),
        (
            "Israel Ehud Olmert, the current Prime Minister of Israel, has said he will resign. "
            "Olmert said the decision was his own.",
            "Ehud Olmert, the current",
        ),
        ("japan Japan's Prime Minister Yasuo Fukuda on Monday announced his resignation.", "Japan's"),
        # the knowledge's demonyms, not a guess from the name's first letters
        ("Ireland Irish ministers met on Monday to agree the budget.", "Irish ministers"),
        ("Netherlands Dutch farmers blocked the roads near The Hague on Monday.", "Dutch farmers"),
    ],
)
def test_a_label_glued_to_the_lead_is_removed_and_counted(raw: str, expected: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned.text.startswith(expected)
    assert raw.endswith(cleaned.text)  # only the label went: the sentence is the raw one
    assert cleaned.removed["labels"] >= 1


@pytest.mark.parametrize(
    "lead",
    [
        "Brazil's president said on Monday that the talks had failed.",
        "United States President Bush said on Monday that the talks had failed.",
        "Brazil Foods said on Monday that its profits had fallen sharply.",
        "New Zealand First is calling for an inquiry into the deal.",
        "Prime Minister Stephen Harper said the troops would stay in Afghanistan.",
        "Reporters for The New York Times said the source was credible.",
        "According to The Guardian, the minister resigned on Friday.",
        "Senator Rick Santorum wrote Monday that he would not run again.",
        "British television station and newspaper The Guardian have reported the leak.",
        "Russia announced Wednesday that it was in talks with Syria.",
        "Iraq's election commission announced Monday that officials were investigating.",
        "Canada Post announced on Tuesday that stamp prices would rise.",
        "Iran nuclear talks resumed in Geneva on Monday after a long pause.",
        "The Hague tribunal said it would hear the case next year.",
        "Today The Times reported that the minister would resign.",
        "winner Seymour Hersh reported that covert operations had begun in Iran.",
        "eBay said on Monday that it would sell Skype to a group of investors.",
        "von Trapp descendants said the film had changed the family's story.",
        # a name that holds an opener: its abbreviation follows, or it is named again
        "Harvest In Common Ltd. (HIC) said on Monday that its profits had fallen sharply.",
        "Bridge Over Water said on Monday that it would build a plant. Bridge Over Water hired 40.",
    ],
)
def test_a_real_first_sentence_keeps_every_word(lead: str) -> None:
    assert clean_text(f"{lead} {PROSE}").text == f"{lead} {PROSE}"


@pytest.mark.parametrize(
    "lead",
    [
        # a role between the country and the name: the country premodifies it
        "United States Vice President Dick Cheney, in a speech on Monday, defended the war. Cheney said more.",
        # a firm named after its country, never named again without it
        "China National Petroleum Corporation, the state oil firm, said it had found oil. The firm said more.",
        # the country and the name said together again: one name
        "Israel Aircraft Industries, the state-owned firm, won a contract. Israel Aircraft Industries said more.",
    ],
)
def test_a_country_before_a_name_stays_unless_it_is_a_label(lead: str) -> None:
    assert clean_text(f"{lead} {PROSE}").text == f"{lead} {PROSE}"


def test_a_title_keeps_its_first_words() -> None:
    assert clean_title("Iraq war The cost rises again").text == "Iraq war The cost rises again"


def test_a_country_adjective_split_where_a_link_ended_is_joined() -> None:
    # "[[North Korea]]n military" lost its brackets upstream: "North Korea n military"
    cleaned = clean_text("The North Korea n military detained two Japan ese and three Israel i reporters.")
    assert cleaned.text == "The North Korean military detained two Japanese and three Israeli reporters."
    assert cleaned.removed == {"split_words": 3}
    assert clean_text(cleaned.text).text == cleaned.text  # idempotent
    # the plural too ("[[Austria]]ns"): "kidnapped two Austria ns" kidnapped two Austrians
    assert clean_text("It kidnapped two Austria ns and an Iran ian.").text == (
        "It kidnapped two Austrians and an Iranian."
    )
    # a real word after a country's name stays: "Iraq is" is no "Iraqis", "Russia an" no word
    for prose in ("Iraq is a republic.", "The sanctions gave Russia an opening."):
        assert clean_text(prose).text == prose
    # a label said again before its own adjective goes first ("South Africa South Africa n President")
    assert clean_text("South Africa South Africa n President Thabo Mbeki resigned.").text == (
        "South African President Thabo Mbeki resigned."
    )
