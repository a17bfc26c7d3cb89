"""The explorer's pages in a real browser (Playwright, Debian's Chromium): the timeline, facets
and search.  Hand-built records with known dates and counts, so that what is drawn can be checked.
Screenshots go to pytest's tmp dir and are copied to ``artifacts/screenshots/``."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsledger.api.app import create_app
from newsledger.store import Batch, SQLStore

from ..records import late_result, result  # noqa: TID252
from .live import serve
from .test_pages import _shot, _wait_until

pytestmark = pytest.mark.browser

N, LATE = 7, 2


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('explorer-browser') / 'ledger.db'}"
    store = SQLStore(url)
    store.write_batch(
        Batch("r", results=[result(i) for i in range(N)] + [late_result(i) for i in range(LATE)])
    )
    store.close()
    with serve(create_app(url)) as base:
        yield base


# --------------------------------------------------------------------------- timeline


def test_timeline_page_draws_groups_on_a_date_axis_and_offers_its_csv(page: Any, tmp_path: Path) -> None:
    page.goto("/timeline?group=root&interval=month")
    page.wait_for_selector("#timeline[data-ready='1']", state="attached")
    assert page.get_attribute("#timeline", "data-points") == "3"  # January, an empty February, March
    assert page.get_attribute("#timeline", "data-series") == "04"
    _shot(page, tmp_path, "timeline-root-month")
    csv_href = page.get_attribute("#timeline-csv", "href")
    assert "group=root" in csv_href and "interval=month" in csv_href and "format=csv" in csv_href
    rows = list(csv.DictReader(io.StringIO(page.request.get(csv_href).text())))
    assert [(r["period_start"], r["events"]) for r in rows] == [
        ("2021-01", str(N)),
        ("2021-02", "0"),
        ("2021-03", str(LATE)),
    ]
    assert page.js_errors == []


def test_timeline_controls_change_grouping_period_and_measure(page: Any, tmp_path: Path) -> None:
    page.goto("/timeline")
    page.wait_for_selector("#timeline[data-ready='1']", state="attached")
    assert page.get_attribute("#timeline", "data-series") == "1,3"  # quad classes by default
    weeks = int(page.get_attribute("#timeline", "data-points"))
    assert page.locator("#timeline-unnormalised").is_hidden()  # raw counts: nothing left undrawn
    page.select_option("select[name='group']", "dyad")
    page.select_option("select[name='interval']", "day")
    page.select_option("select[name='measure']", "normalised")
    page.select_option("select[name='span']", "all")
    page.click("#timeline-form button[type='submit']")
    page.wait_for_url("**group=dyad**")
    page.wait_for_selector("#timeline[data-ready='1']", state="attached")
    assert "measure=normalised" in page.url and "interval=day" in page.url and "span=all" in page.url
    assert "span=all" in page.get_attribute("#timeline-csv", "href")  # the CSV is what is shown
    assert page.get_attribute("#timeline", "data-series") == "AFG-IRN"
    assert int(page.get_attribute("#timeline", "data-points")) == 49 > weeks  # 21 January .. 10 March
    assert page.get_attribute("#timeline", "data-measure") == "normalised"
    assert page.locator("#goldstein").count() == 1
    # Events on days without a published article cannot be divided: the page says so.
    assert re.search(
        r"^\d+ events fall in \d+ days? in which no article", page.inner_text("#timeline-unnormalised")
    )
    _shot(page, tmp_path, "timeline-dyad-day-normalised")
    assert page.js_errors == []


def test_a_timeline_bar_lists_its_events(browser: Any, base_url: str, tmp_path: Path) -> None:
    # bypass_csp only so that the test can ask Chart.js where a bar is drawn.
    context = browser.new_context(base_url=base_url, viewport={"width": 1366, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto("/timeline?group=quad&interval=month&outlet_type=advocacy")
        page.wait_for_selector("#timeline[data-ready='1']", state="attached")
        box = page.locator("#timeline").bounding_box()
        bar = page.evaluate(
            """() => { const chart = Chart.getChart('timeline');
                       const el = chart.getDatasetMeta(1).data[2];
                       return {x: el.x, y: (el.y + el.base) / 2}; }"""
        )
        page.mouse.click(box["x"] + bar["x"], box["y"] + bar["y"])
        page.wait_for_url("**/events?**")
        for part in ("outlet_type=advocacy", "date_from=2021-03", "date_to=2021-03", "quad_class=3"):
            assert part in page.url
        _wait_until(lambda: page.locator("tr.event-row").count() == LATE)
        _shot(page, tmp_path, "timeline-bar-to-events")
    finally:
        context.close()


# --------------------------------------------------------------------------- facets and saved views


def _texts(page: Any, selector: str) -> list[str]:
    return [" ".join(t.split()) for t in page.locator(selector).all_inner_texts()]


def test_facets_beside_a_list_add_their_filter_and_views_are_saved(page: Any, tmp_path: Path) -> None:
    page.goto("/events")
    page.wait_for_selector("aside.facets[data-ready='1']")
    assert page.locator("tr.event-row").count() == N + LATE
    assert _texts(page, "section.facet[data-facet='quad_class'] li") == [
        f"1 verbal cooperation {N}",
        f"3 verbal conflict {LATE}",
    ]
    _shot(page, tmp_path, "facets-events")
    page.click("section.facet[data-facet='quad_class'] a[data-value='3']")
    page.wait_for_url("**quad_class=3**")
    page.wait_for_selector("aside.facets[data-ready='1']")
    assert page.locator("tr.event-row").count() == LATE
    assert page.locator("section.facet[data-facet='quad_class'] li.selected").count() == 1
    assert _texts(page, "section.facet[data-facet='date'] li") == [f"2021-03 {LATE}"]
    # The filter form swaps the table in place; the facets of the new list come with it.
    page.fill("form.filters input[name='date_from']", "2021-04")
    page.click("form.filters button[type='submit']")
    page.wait_for_selector("text=No events match these filters.")
    page.wait_for_selector("aside.facets[data-ready='1'] section.facet[data-facet='date'] p.empty")
    # A view is its URL: save it under a name, and it is listed on every listing.
    page.fill("input[name='view-name']", "conflict after March")
    page.click("form.save-view button")
    saved = page.locator(".saved-views ul.saved a", has_text="conflict after March")
    assert "quad_class=3" in saved.get_attribute("href") and "date_from=2021-04" in saved.get_attribute(
        "href"
    )
    page.goto("/statements")
    page.wait_for_selector("aside.facets[data-ready='1']")
    page.click(".saved-views ul.saved a")
    page.wait_for_url("**/events?**quad_class=3**")
    _shot(page, tmp_path, "facets-saved-view")
    assert page.js_errors == []


@pytest.mark.parametrize(
    ("kind", "facet", "value"),
    [
        ("statements", "outlet", "NCRI"),
        ("articles", "outlet", "NCRI"),
        ("actors", "country", "IRN"),
        ("contradictions", "kind", "statement-action"),
    ],
)
def test_every_list_has_facets(page: Any, tmp_path: Path, kind: str, facet: str, value: str) -> None:
    page.goto(f"/{kind}")
    page.wait_for_selector("aside.facets[data-ready='1']")
    page.click(f"section.facet[data-facet='{facet}'] a[data-value='{value}']")
    page.wait_for_url(f"**{facet}={value}**")
    page.wait_for_selector("aside.facets[data-ready='1']")
    assert page.locator(f"section.facet[data-facet='{facet}'] li.selected").count() == 1
    _shot(page, tmp_path, f"facets-{kind}")
    assert page.js_errors == []


# --------------------------------------------------------------------------- search


def test_search_shows_ranked_snippets_by_title_and_speaker(page: Any, tmp_path: Path) -> None:
    page.goto("/")
    page.fill("header input[name='q']", '"terrorist entity" Taliban')
    page.press("header input[name='q']", "Enter")
    page.wait_for_url("**/search?q=**")
    articles = page.locator("ol.hits.articles li.hit")
    assert articles.count() == N + LATE and page.get_attribute("h2 .total", "data-total") == str(N + LATE)
    assert articles.first.locator("a.title").inner_text().startswith("Story")
    marked = [m.lower() for m in articles.first.locator("mark").all_inner_texts()]
    assert {"taliban", "terrorist entity"} <= set(marked)  # a phrase is marked whole
    statement = page.locator("ol.hits.statements li.hit").first
    assert statement.locator(".speaker a").inner_text() == "Mohammad Javad Zarif"
    _shot(page, tmp_path, "search-results")
    statement.locator("a[href*='#hl-statement-']").click()
    page.wait_for_url("**/articles/**#hl-statement-**")
    assert page.locator("#article-text").is_visible()
    assert page.js_errors == []


def test_a_broken_search_says_what_is_wrong(page: Any, tmp_path: Path) -> None:
    page.goto("/search")
    page.fill("form.search-form input[name='q']", "Iran OR")
    page.click("form.search-form button")
    page.wait_for_selector("#search-error")
    assert "OR needs something to look for on each side" in page.inner_text("#search-error")
    assert page.input_value("form.search-form input[name='q']") == "Iran OR"  # kept to be corrected
    _shot(page, tmp_path, "search-error")
    assert [e for e in page.js_errors if "400" not in e] == []  # the page itself is the 400
    page.fill("form.search-form input[name='q']", "Iran OR Kabul")
    page.select_option("form.search-form select[name='in']", "statements")
    page.click("form.search-form button")
    page.wait_for_selector("ol.hits.statements")
    assert page.locator("ol.hits.articles").count() == 0
