"""How the other names of an article weigh on a toponym's reading (sentences and name lists
written here): a world story keeps its world cities, a local story its namesakes, and a name the
text qualifies ("Springfield, Missouri") lies where the text says."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.knowledge.gazetteer import Gazetteer, qualifying_names
from newsledger.models import AnalyzedArticle, Article
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.nlp import sentences_of
from newsledger.stages.places import locate


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def resolve_text(gaz: Gazetteer, text: str, names: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Each name's (country, US state), the names found in ``text`` in order."""
    spans, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        spans.append((start, start + len(name)))
        pos = start + len(name)
    places = gaz.resolve_all(names, qualified_by=qualifying_names(text, spans))
    return {
        n: (p.country, gaz.admin1_of(p)) if p else (None, None) for n, p in zip(names, places, strict=True)
    }


def test_world_cities_stay_world_cities_in_a_story_that_names_american_towns(gaz: Gazetteer) -> None:
    # a story of rallies at home and abroad: the American towns of the same names (Toronto,
    # Athens, Lisbon, London and Sidney, Ohio; Rome, Perth and Copenhagen, New York) lie in the
    # states the story names, but it keeps to no one state
    names = [
        "United States",
        "Iraq",
        "Portland",
        "Oregon",
        "Chicago",
        "New Orleans",
        "New York",
        "Times Square",
    ]
    names += [
        "Cleveland",
        "Ohio",
        "Columbus",
        "Albany",
        "Canada",
        "Toronto",
        "Ottawa",
        "Montreal",
        "Vancouver",
    ]
    names += ["Britain", "London", "Greece", "Athens", "Italy", "Rome", "Portugal", "Lisbon", "Denmark"]
    names += [
        "Copenhagen",
        "Australia",
        "Sydney",
        "Melbourne",
        "Perth",
        "Seoul",
        "Tokyo",
        "Cleveland",
        "Baghdad",
    ]
    got = dict(zip(names, gaz.resolve_all(names), strict=True))
    expected = {"Toronto": "CAN", "Ottawa": "CAN", "London": "GBR", "Athens": "GRC", "Rome": "ITA"}
    expected |= {"Lisbon": "PRT", "Copenhagen": "DNK", "Sydney": "AUS", "Perth": "AUS", "Cleveland": "USA"}
    assert {name: getattr(got[name], "country", None) for name in expected} == expected


def test_a_national_story_keeps_each_city_in_its_own_state(gaz: Gazetteer) -> None:
    text = (
        "The candidate spoke in Sanford, Florida, then in Pennsylvania and Ohio; his rival, in Denver, "
        "Colorado, and later in Cheyenne, Wyoming. Polls in Texas, Georgia and Michigan were close."
    )
    names = ["Sanford", "Florida", "Pennsylvania", "Ohio", "Denver", "Colorado", "Cheyenne", "Wyoming"]
    names += ["Texas", "Georgia", "Michigan"]
    got = resolve_text(gaz, text, names)
    assert (
        got["Sanford"] == ("USA", "FL")
        and got["Denver"] == ("USA", "CO")
        and got["Cheyenne"] == ("USA", "WY")
    )
    assert got["Georgia"] == ("USA", "GA")


def test_a_local_story_keeps_its_namesakes(gaz: Gazetteer) -> None:
    paris = gaz.resolve_all(["Paris", "Henry County", "Tennessee", "Murray", "Paris"])[0]
    assert paris is not None and gaz.admin1_of(paris) == "TN"
    athens = gaz.resolve_all(["Athens", "Henderson County", "Texas"])[0]
    assert athens is not None and gaz.admin1_of(athens) == "TX"


def test_a_state_named_among_states_is_the_state(gaz: Gazetteer) -> None:
    names = [
        "United States",
        "Alabama",
        "Arkansas",
        "California",
        "Georgia",
        "Kansas",
        "Oregon",
        "Washington",
    ]
    georgia = gaz.resolve_all(names)[4]
    assert georgia is not None and georgia.country == "USA" and georgia.feature == "admin1"


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "The bank of Henderson, Nevada and the bank in Glenwood, Illinois failed.",
            "Henderson Nevada Glenwood Illinois",
            {0: 1, 2: 3},
        ),
        ("Protests were held in Portland Oregon on Sunday.", "Portland Oregon", {0: 1}),
        # inside a list a name qualifies nothing; at its ends the pair counts only where the
        # second name holds a reading of the first, which Paris does not of Berlin
        (
            "Marchers filled the streets of Berlin, Paris, London, Rome and Madrid.",
            "Berlin Paris London Rome Madrid",
            {0: 1},
        ),
        ("He flew from Paris to Texas.", "Paris Texas", {}),
    ],
)
def test_qualifying_names(text: str, names: str, expected: dict[int, int]) -> None:
    spans, pos = [], 0
    for name in names.split():
        start = text.index(name, pos)
        spans.append((start, start + len(name)))
        pos = start + len(name)
    assert qualifying_names(text, spans) == expected


def test_a_qualified_town_lies_in_the_state_that_qualifies_it(gaz: Gazetteer) -> None:
    text = "Regulators closed banks in Henderson, Nevada and in Glenwood, Illinois; a toy maker of Springfield, Missouri recalled cars."
    names = ["Henderson", "Nevada", "Glenwood", "Illinois", "Springfield", "Missouri"]
    got = resolve_text(gaz, text, names)
    assert got["Henderson"] == ("USA", "NV") and got["Springfield"] == ("USA", "MO")
    world = "Bankers from London, Manchester and Leeds met a delegation from Birmingham, Alabama."
    names = ["London", "Manchester", "Leeds", "Birmingham", "Alabama"]
    assert resolve_text(gaz, world, names)["Birmingham"] == ("USA", "AL")


def test_the_places_stage_reads_the_qualifier_from_the_text(nlp: Any) -> None:
    text = "The toy maker, based in Springfield, Missouri, recalled 7,500 cars on Monday."
    item = AnalyzedArticle(Article("t1", "", text, "2009-01-29"))
    item.doc = nlp(text)
    item.sentences = sentences_of(item.doc)
    locate(item, Resources(PipelineConfig()))
    springfield = next(pm for pm in item.places if pm.text == "Springfield")
    assert springfield.place is not None and springfield.place.country == "USA"
    assert springfield.place.lat is not None and 36.5 < springfield.place.lat < 37.8  # Missouri's


def test_a_stray_village_abroad_is_no_place(gaz: Gazetteer) -> None:
    # "Sena" (the party) read as a Spanish village of 534 people in a Mumbai story
    names = ["Mumbai", "Shivaji Park", "Sena", "Navi Mumbai", "India", "Indian"]
    assert gaz.resolve_all(names)[2] is None
    # a village in the country the story is about stays
    kabri = gaz.resolve_all(["Israel", "Haifa", "Kabri", "Lebanon", "Nahariya"])[2]
    assert kabri is not None and kabri.country == "ISR"
    # and so does a lookup of the name alone
    sena = gaz.resolve("Sena")
    assert sena is not None


def test_a_part_of_a_country_named_by_its_direction_is_in_that_country(gaz: Gazetteer) -> None:
    south = gaz.resolve("South Lebanon")  # no longer the Ohio village
    assert south is not None and south.country == "LBN"
    north = gaz.resolve("Northern Iraq")
    assert north is not None and north.country == "IRQ"
    # places of their own keep their own name; "Central America" is no part of "America"
    for name, feature in [
        ("South Korea", "country"),
        ("Northern Ireland", "admin1"),
        ("North Carolina", "admin1"),
    ]:
        place = gaz.resolve(name)
        assert place is not None and place.name == name and place.feature == feature
    america = gaz.resolve("Central America")
    assert america is None or america.country != "USA"


def test_states_and_provinces_of_other_countries(gaz: Gazetteer) -> None:
    # Australian, Indian, Canadian states, Afghan and Pakistani provinces were missing (the
    # Seychelles' capital for "Victoria", a Canadian hamlet for "Queensland", none for the rest)
    names = ["Melbourne", "Victoria", "Queensland", "New South Wales", "Australia"]
    victoria, queensland, nsw = gaz.resolve_all(names)[1:4]
    for place in (victoria, queensland, nsw):
        assert place is not None and place.country == "AUS" and place.feature == "admin1"
    for name, country in [
        ("Helmand", "AFG"),
        ("Balochistan", "PAK"),
        ("Gujarat", "IND"),
        ("Manitoba", "CAN"),
    ]:
        place = gaz.resolve(name)
        assert place is not None and place.country == country
    # a province qualifies its town as a US state does: "Victoria, British Columbia"
    text = "She rode her bike from Victoria, British Columbia to Elmvale, Ontario."
    assert (
        resolve_text(gaz, text, ["Victoria", "British Columbia", "Elmvale", "Ontario"])["Victoria"][0]
        == "CAN"
    )


def test_a_town_a_province_holds_no_reading_of_lies_in_that_province(gaz: Gazetteer) -> None:
    # the table knows Caledonia only in the US (and Belize); "Caledonia, Ontario" is Canadian
    text = "Two men were arrested at a rally in Caledonia, Ontario on Saturday."
    assert resolve_text(gaz, text, ["Caledonia", "Ontario"])["Caledonia"][0] == "CAN"
    # a country after a name is no such qualifier: it may begin the next clause
    text = "Rockets were fired from Gaza, Israel said."
    assert resolve_text(gaz, text, ["Gaza", "Israel"])["Gaza"][0] == "PSE"
