"""The article, network and map pages in a real browser (Playwright, Debian's Chromium) over
hand-built records: layer switches, one label per record, CAMEO names on hover, hostile text in
the embedded JSON; the network's legend, filters and top-N slider; the map's time slider,
country filter and clusters.  Screenshots are copied to ``artifacts/screenshots/``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsledger.api.app import create_app
from newsledger.knowledge.cameo import lookup
from newsledger.models import ArticleResult
from newsledger.store import Batch, SQLStore

from ..records import TALIBAN, TEXT, late_result, result  # noqa: TID252
from .live import serve
from .test_pages import _shot, _wait_until

pytestmark = pytest.mark.browser

N = 6
BREAKOUT = "</script><script>alert(1)</script>"
HOSTILE_NAME = f"Evil {BREAKOUT}\u2028Group"


def _hostile() -> ArticleResult:
    """An article whose text and an actor's name try to leave the page's JSON block, with two
    events on the same trigger (one label, ×2) whose target is that actor."""
    r = result(50, text=TEXT + f" Then {BREAKOUT} and a line\u2028separator.")
    evil = replace(TALIBAN, actor_id="evil", name=HOSTILE_NAME, aliases=())
    event = r.events[0]
    twin = replace(event, event_id="e50-twin", target=evil.ref_on("2021-01-29"))
    mentions = (*r.mentions, replace(r.mentions[0], actor_id="evil"))
    return replace(r, actors=(*r.actors, evil), events=(event, twin), mentions=mentions)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('views-browser') / 'ledger.db'}"
    store = SQLStore(url)
    results = [result(i) for i in range(N)] + [late_result(i) for i in range(2)] + [_hostile()]
    store.write_batch(Batch("r", results=results))
    store.close()
    with serve(create_app(url)) as base:
        yield base


def _article_url(page: Any, title: str) -> str:
    items = page.request.get("/api/articles", params={"limit": 50}).json()["items"]
    [found] = [a for a in items if a["title"] == title]
    return f"/articles/{found['article_id']}"


# --------------------------------------------------------------------------- article page


def test_article_layers_switch_on_and_off_and_stay_in_the_url(page: Any, tmp_path: Path) -> None:
    page.goto(_article_url(page, "Story 1"))
    text = page.locator("#article-text")
    event = page.locator("#article-text .hl-event").first
    assert event.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.locator("#article-text .hl-event .hl-label").first.is_visible()
    page.uncheck("#layers input[value=event]")
    assert "hide-event" in (text.get_attribute("class") or "")
    assert event.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert not page.locator("#article-text .hl-event .hl-label").first.is_visible()
    assert "hide=event" in page.url
    page.uncheck("#layers input[value=framing]")
    _shot(page, tmp_path, "article-layers-off", full_page=False)
    page.reload()
    assert not page.is_checked("#layers input[value=event]") and page.is_checked(
        "#layers input[value=statement]"
    )
    assert "hide-framing" in (page.locator("#article-text").get_attribute("class") or "")
    page.check("#layers input[value=event]")
    assert "hide-event" not in (page.locator("#article-text").get_attribute("class") or "")
    assert page.js_errors == []


def test_next_record_walks_the_shown_layers_in_text_order(page: Any) -> None:
    page.goto(_article_url(page, "Story 2") + "?hide=mention,framing")
    page.click("#layers button[data-step='1']")
    status = page.locator("#layer-status").inner_text()
    assert status.startswith("1 / 2: ")  # an event and a statement; names and terms are hidden
    first = page.locator(".hl.targeted").first.get_attribute("class") or ""
    page.click("#layers button[data-step='1']")
    assert page.locator("#layer-status").inner_text().startswith("2 / 2: ")
    second = page.locator(".hl.targeted").first.get_attribute("class") or ""
    assert {first.split()[1], second.split()[1]} == {"hl-event", "hl-statement"}
    assert "hl-event" in first  # "traveled" comes before the quote


def test_one_label_per_record_cameo_names_on_hover_and_no_entity_labels(page: Any, tmp_path: Path) -> None:
    page.goto(_article_url(page, "Story 50"))
    labels = page.locator("#article-text .hl-event > .hl-label").all_inner_texts()
    assert labels == ["042 CONSULT ×2"]  # two records on one trigger: one label
    assert page.locator("#hl-event-e50-twin").count() == 1  # the twin keeps its anchor
    assert page.locator("#article-text .hl-mention > .hl-label").count() == 0
    title = page.get_attribute("#hl-event-e50", "title") or ""
    assert lookup("042").name in title and "→" in title
    mention_title = page.locator("#article-text .hl-mention").first.get_attribute("title") or ""
    assert "(organisation)" in mention_title or "(person)" in mention_title
    row_title = page.get_attribute("tr#event-e50 .code", "title") or ""
    assert lookup("042").name in row_title
    _shot(page, tmp_path, "article-one-label")


def test_hostile_text_in_the_embedded_json_stays_data(page: Any) -> None:
    response = page.goto(_article_url(page, "Story 50"))
    html = response.text()
    block = html.split('<script type="application/json" id="article-index">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and "\u2028" not in block
    index = json.loads(block)
    assert any(HOSTILE_NAME in h["title"] for h in index)
    assert page.evaluate("document.scripts.length") == html.count("<script")
    page.click("#layers button[data-step='1']")
    page.wait_for_timeout(200)
    assert page.dialogs == [] and page.js_errors == []
    assert int(page.get_attribute("#layers", "data-records") or 0) == len(index)


# --------------------------------------------------------------------------- network


def _attr(page: Any, selector: str, name: str) -> int:
    return int(page.get_attribute(selector, name) or 0)


def test_network_legend_type_filter_and_top_n_slider(page: Any, tmp_path: Path) -> None:
    page.goto("/network")
    page.wait_for_selector("#network[data-ready='1']", state="attached")
    assert page.locator("#network-kinds .swatch").count() == 5  # each switch shows its colour
    legend = page.locator("#network-legend").inner_text()
    assert "actor type" in legend and "cooperation" in legend and "conflict" in legend and "width" in legend
    total = _attr(page, "#network", "data-nodes")
    assert total == 3 and _attr(page, "#network", "data-labels-shown") >= 1  # Taliban, Iran, the evil group
    _shot(page, tmp_path, "network-controls")
    page.uncheck("#network-kinds input[value=organization]")
    _wait_until(lambda: _attr(page, "#network", "data-nodes") < total)
    assert "taliban" not in (page.get_attribute("#network", "data-node-ids") or "")
    assert _attr(page, "#network", "data-nodes") < total
    page.check("#network-kinds input[value=organization]")
    _wait_until(lambda: _attr(page, "#network", "data-nodes") == total)
    page.fill("#network-top", "2")
    _wait_until(lambda: _attr(page, "#network", "data-nodes") == 2)
    assert page.locator("#network-top-value").inner_text() == "2"
    assert "taliban" in (page.get_attribute("#network", "data-node-ids") or "")  # the best connected stays
    page.wait_for_selector("#network[data-ready='1']", state="attached")
    assert page.js_errors == []


def test_network_page_passes_its_loading_options_to_the_api(page: Any) -> None:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if "/api/network" in r.url else None)
    page.goto("/network?top=5&min_count=2")
    page.wait_for_selector("#network[data-drawn='1']", state="attached")
    assert any("top=5" in u and "min_count=2" in u for u in seen)
    assert page.input_value("input[name=top]") == "5"


# --------------------------------------------------------------------------- map


def test_map_time_slider_country_filter_and_clusters(page: Any, tmp_path: Path) -> None:
    all_points = page.request.get("/api/map").json()["points"]
    total = sum(p["count"] for p in all_points)
    page.goto("/map")
    page.wait_for_selector("#map[data-ready='1']", state="attached")
    assert _attr(page, "#map", "data-events") == total
    assert page.locator("#map-time-label").inner_text() == "all dates"
    page.fill("#map-time", "0")
    _wait_until(lambda: page.locator("#map-time-label").inner_text() == "2021-01")
    _wait_until(lambda: page.get_attribute("#map", "data-ready") == "1")
    assert 0 < _attr(page, "#map", "data-events") < total
    _shot(page, tmp_path, "map-january")
    page.fill("#map-time", page.get_attribute("#map-time", "max") or "0")
    _wait_until(lambda: _attr(page, "#map", "data-events") == total)
    page.select_option("#map-country", "IRN")
    _wait_until(lambda: page.get_attribute("#map", "data-country") == "IRN")
    assert page.locator("#map path.country.chosen").count() == 1
    page.select_option("#map-country", "")
    assert page.locator("#map g.clusters circle").count() >= 1
    _shot(page, tmp_path, "map-controls")
    assert page.js_errors == []


def test_nearby_places_cluster_into_one_circle(page: Any) -> None:
    page.route(  # two places a few kilometres apart, one far away
        "**/api/map?*",
        lambda route: route.fulfill(
            json={
                "points": [
                    {
                        "name": "Tehran",
                        "country": "IRN",
                        "lat": 35.69,
                        "lon": 51.42,
                        "count": 3,
                        "goldstein": 1,
                    },
                    {
                        "name": "Karaj",
                        "country": "IRN",
                        "lat": 35.84,
                        "lon": 50.97,
                        "count": 1,
                        "goldstein": -1,
                    },
                    {
                        "name": "Kabul",
                        "country": "AFG",
                        "lat": 34.53,
                        "lon": 69.17,
                        "count": 2,
                        "goldstein": 0,
                    },
                ],
                "countries": [{"country": "IRN", "numeric": "364", "count": 4}],
            }
        ),
    )
    page.goto("/map")
    page.wait_for_selector("#map[data-ready='1']", state="attached")
    assert page.locator("#map circle.place").count() == 2 and _attr(page, "#map", "data-clusters") == 1
    assert page.locator("#map text.cluster-count").text_content() == "2"
    page.uncheck("#map-cluster")
    _wait_until(lambda: page.locator("#map circle.place").count() == 3)
    assert _attr(page, "#map", "data-clusters") == 0


def test_pages_load_nothing_from_outside_the_server(page: Any, base_url: str) -> None:
    """No CDN, no fonts or tiles from the internet: every request stays on this server."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(_article_url(page, "Story 1"))
    for path, ready in (
        ("/network", "#network[data-ready='1']"),
        ("/map", "#map[data-ready='1']"),
        ("/", "main"),
    ):
        page.goto(path)
        page.wait_for_selector(ready, state="attached")
    assert len(requests) > 10
    assert [u for u in requests if not u.startswith(base_url)] == []
