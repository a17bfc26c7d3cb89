"""The web UI in a real browser: Playwright driving Debian's Chromium against a live server.

Loads every page (no script errors, charts and maps drawn), uses a filter, clicks from an event
to its article and checks the highlight, and checks that markup inside an article is shown as
text.  Screenshots go to pytest's tmp dir and are copied to ``artifacts/screenshots/``.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsledger.api.app import create_app
from newsledger.pipeline import PipelineConfig
from newsledger.store import Batch, SQLStore

from ..conftest import REPO, shared_root  # noqa: TID252
from ..records import result  # noqa: TID252
from .conftest import CHROMIUM
from .live import available_stages, serve

pytestmark = pytest.mark.browser

SCRIPT_BODY = "Officials met in Kabul on Monday. <script>alert(1)</script> The talks ended without a deal."
N = 6


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api")
    from newsledger.executors import get_executor
    from newsledger.runner import ingest

    folder = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{folder / 'ledger.db'}"
    store = SQLStore(url)
    store.write_batch(Batch("hand", results=[result(i) for i in range(N)]))
    hostile = folder / "hostile.txt"
    hostile.write_text(f"Talks in Kabul <b>end</b>\n\n{SCRIPT_BODY}\n", encoding="utf-8")
    inputs = [str(hostile)]
    seed = shared_root() / "examples" / "seed_article_2021-01-29.txt"
    if seed.is_file():
        inputs.append(str(seed))
    ingest(
        inputs, store=store, executor=get_executor("local"), config=PipelineConfig(stages=available_stages())
    )
    store.close()
    with serve(create_app(url)) as base:
        yield base


def _wait_until(check: Callable[[], bool], timeout: float = 15.0) -> None:
    """Poll from Python: the pages' CSP forbids the eval that ``wait_for_function`` needs."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.1)


def _shot(page: Any, tmp_path: Path, name: str, *, full_page: bool = True) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    out = REPO / "artifacts" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, out / path.name)


@pytest.mark.parametrize(
    ("path", "ready", "name"),
    [
        ("/", "#timeline[data-ready='1']", "dashboard"),
        ("/articles", "table.articles", "articles"),
        ("/events", "table.events", "events"),
        ("/statements", "table.statements", "statements"),
        ("/actors", "table.actors", "actors"),
        ("/actors/zarif", "text=Roles over time", "actor"),
        ("/contradictions", "table.contradictions", "contradictions"),
        ("/network", "#network[data-drawn='1']", "network"),
        ("/map", "#map[data-ready='1']", "map"),
        ("/search?q=Taliban", "text=Statements", "search"),
    ],
)
def test_page_loads_without_script_errors(
    page: Any, tmp_path: Path, path: str, ready: str, name: str
) -> None:
    response = page.goto(path)
    assert response.status == 200
    page.wait_for_selector(ready, state="attached")
    page.wait_for_load_state("networkidle")
    _shot(page, tmp_path, name)
    assert page.js_errors == []
    if name == "map":
        assert int(page.get_attribute("#map", "data-countries")) > 100  # world-atlas outlines drawn
        assert page.locator("#map circle.place").count() >= 1
    if name == "network":
        assert int(page.get_attribute("#network", "data-edges")) >= 1
        assert page.locator("#network canvas").count() == 1
    if name == "dashboard":
        assert int(page.get_attribute("#timeline", "data-points")) >= 1
        page.click("button[data-interval='day']")
        _wait_until(lambda: int(page.get_attribute("#timeline", "data-points")) >= 3)


def test_event_filter_swaps_the_table_and_keeps_the_url(page: Any, tmp_path: Path) -> None:
    page.goto("/events")
    before = page.locator("tr.event-row").count()
    assert before >= N
    page.locator("input[name='source']").press_sequentially("Talib", delay=30)
    option = page.locator("#source-options option[value='taliban']")
    option.wait_for(state="attached")  # the datalist suggests actors by name (htmx)
    assert "Taliban" in (option.text_content() or "")
    page.fill("input[name='source']", "taliban")
    page.select_option("select[name='quad_class']", "1")
    page.fill("input[name='date_from']", "2021-01-25")
    page.click("form.filters button[type='submit']")
    page.wait_for_url("**date_from=2021-01-25**")
    _wait_until(lambda: page.locator("tr.event-row").count() < before)
    rows = page.locator("tr.event-row")
    assert rows.count() >= 1
    dates = rows.locator("td:first-child").all_inner_texts()
    assert all(d >= "2021-01-25" for d in dates), dates
    _shot(page, tmp_path, "events-filtered")
    page.select_option("select[name='quad_class']", "4")
    page.click("form.filters button[type='submit']")
    page.wait_for_selector("text=No events match these filters.")
    assert page.js_errors == []


def test_click_from_an_event_to_its_highlighted_article(page: Any, tmp_path: Path) -> None:
    page.goto("/events?source=taliban")
    row = page.locator("tr.event-row").first
    event_id = row.get_attribute("data-event-id")
    trigger = row.locator("td.sentence strong").inner_text()
    row.locator("a.article-link").click()
    page.wait_for_url(f"**/articles/**#hl-event-{event_id}")
    highlight = page.locator(f"#hl-event-{event_id}")
    assert highlight.is_visible()
    assert trigger in highlight.inner_text()
    assert "targeted" in (highlight.get_attribute("class") or "")
    assert page.locator("dl.provenance").inner_text().count("advocacy") == 1
    _shot(page, tmp_path, "article-highlight", full_page=False)
    # The highlight's label links to the event's row in the article's record table.
    highlight.locator(f"a.hl-label[href='#event-{event_id}']").click()
    page.wait_for_url(f"**#event-{event_id}")
    assert page.locator(f"tr#event-{event_id}").is_visible()
    # An actor mention (no label of its own) links to the actor's page.
    page.locator("span.hl-mention a.hl-ref").first.click()
    page.wait_for_url("**/actors/**")
    assert page.locator("h1").inner_text()
    assert page.js_errors == []


def test_script_markup_in_an_article_renders_as_text(page: Any, tmp_path: Path) -> None:
    page.goto("/articles?q=Kabul")
    link = page.locator("table.articles a", has_text="Talks in Kabul")
    assert link.inner_text() == "Talks in Kabul end"  # markup in a title is cleaned at ingest (#12.1)
    link.click()
    page.wait_for_selector("#article-text")
    text = page.locator("#article-text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert page.locator("#article-text script").count() == 0
    assert page.locator("h1 b").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []
    _shot(page, tmp_path, "article-script-as-text")
    page.goto("/search?q=Kabul")
    assert page.locator("text=Talks in Kabul end").count() >= 1
    assert page.dialogs == [] and page.js_errors == []


def test_timeline_bar_opens_its_events(browser: Any, base_url: str, tmp_path: Path) -> None:
    # bypass_csp only so that the test can ask Chart.js where a bar is drawn.
    context = browser.new_context(base_url=base_url, viewport={"width": 1366, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto("/")
        page.wait_for_selector("#timeline[data-ready='1']", state="attached")
        box = page.locator("#timeline").bounding_box()
        bar = page.evaluate(
            """() => { const chart = Chart.getChart('timeline');
                       const i = chart.data.datasets[0].data.findIndex(v => v > 0);
                       const el = chart.getDatasetMeta(0).data[i];
                       return {x: el.x, y: (el.y + el.base) / 2, label: chart.data.labels[i]}; }"""
        )
        page.mouse.click(box["x"] + bar["x"], box["y"] + bar["y"])
        page.wait_for_url("**/events?**")
        assert f"date_from={bar['label']}" in page.url and "quad_class=1" in page.url
        assert page.locator("tr.event-row").count() >= 1
        assert all(q == "Q1" for q in page.locator("tr.event-row .quad").all_inner_texts())
        _shot(page, tmp_path, "timeline-click")
    finally:
        context.close()


def test_upload_page_needs_the_token_and_adds_articles(browser: Any, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'writable.db'}"
    story = tmp_path / "story.txt"
    story.write_text(
        "Envoys meet in Doha\n\nEnvoys from Qatar and Iran met in Doha on Tuesday.\n", encoding="utf-8"
    )
    app = create_app(url, token="t0ken", config=PipelineConfig(stages=()))
    with serve(app) as base:
        context = browser.new_context(base_url=base)
        page = context.new_page()
        page.goto("/ingest")
        page.set_input_files("input[name='files']", str(story))
        page.fill("input[name='token']", "wrong")
        page.click("#ingest-form button")
        page.wait_for_selector("#ingest-status:has-text('Refused')")
        page.set_input_files("input[name='files']", str(story))
        page.fill("input[name='token']", "t0ken")
        page.click("#ingest-form button")
        page.wait_for_selector("#ingest-status:has-text('1 articles added')")
        _shot(page, tmp_path, "ingest")
        page.goto("/articles")
        assert page.locator("table.articles a", has_text="Envoys meet in Doha").count() == 1
        context.close()
