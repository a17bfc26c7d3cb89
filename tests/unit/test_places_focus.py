"""The country an article's news happens in (places.focus_country), which places the unnamed
parties of acts the sentence itself does not place (#11)."""

from __future__ import annotations

from newsledger.models import Actor, AnalyzedArticle, Article, Place, PlaceMention
from newsledger.stages.places import focus_country


def _item(places: list[tuple[str, str, str]], actor_countries: list[str]) -> AnalyzedArticle:
    item = AnalyzedArticle(article=Article(article_id="a", title="t", text="x", published="2010-05-04"))
    item.places = [
        PlaceMention(i, i + 1, name, Place(name, country=country, feature=feature))
        for i, (name, country, feature) in enumerate(places)
    ]
    item.actors = {f"country:{c}": Actor(f"country:{c}", c, "country", country=c) for c in actor_countries}
    return item


def test_the_country_of_most_towns_named_is_the_news_country() -> None:
    towns = [("Kandahar", "AFG", "city"), ("Herat", "AFG", "city"), ("Quetta", "PAK", "city")]
    assert focus_country(_item(towns, ["AFG"])) == "AFG"


def test_no_country_stands_out_with_one_town_or_a_split() -> None:
    assert focus_country(_item([("Kandahar", "AFG", "city")], ["AFG"])) is None
    split = [("Kandahar", "AFG", "city"), ("Quetta", "PAK", "city"), ("Lahore", "PAK", "city")]
    split += [("Herat", "AFG", "city")]
    assert focus_country(_item(split + [("Karachi", "PAK", "city")], ["AFG", "PAK"])) == "PAK"
    others = [("Kabul", "AFG", "city"), ("Delhi", "IND", "city"), ("Mumbai", "IND", "city")]
    assert focus_country(_item(split + others, ["AFG"])) is None


def test_a_country_named_as_a_party_is_no_place_and_the_country_must_be_named() -> None:
    # "U.S. troops", "imports from the United States": a country's name does not count
    named = [("United States", "USA", "country"), ("United States", "USA", "country")]
    assert (
        focus_country(_item(named + [("Seoul", "KOR", "city"), ("Busan", "KOR", "city")], ["USA", "KOR"]))
        == "KOR"
    )
    # towns the gazetteer placed in a country the article never names ("Victoria", Seychelles)
    assert focus_country(_item([("Victoria", "SYC", "city"), ("Victoria", "SYC", "city")], ["AUS"])) is None
