"""Network labels and map zoom in a real browser (Playwright, Debian's Chromium), over a ledger
built to crowd them: thirty actors with long names in one network, and places a few kilometres
apart that one circle holds at the world's scale.  Screenshots go to ``artifacts/screenshots/``."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from newsledger.api.app import create_app
from newsledger.store import SQLStore, schema

from .live import serve
from .test_pages import _shot, _wait_until

pytestmark = pytest.mark.browser

N_ACTORS = 30
#: Tehran, Karaj and Qom: apart on a city map, one circle on the world's
PLACES = [("Tehran", "IRN", 35.69, 51.42), ("Karaj", "IRN", 35.84, 50.97), ("Qom", "IRN", 34.64, 50.88),
          ("Moscow", "RUS", 55.75, 37.62)]  # fmt: skip


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('layout-browser') / 'ledger.db'}"
    store = SQLStore(url)
    rng = random.Random(5)
    now = dt.datetime.now(dt.UTC)
    article = {"article_id": "art0", "title": "Story", "published": "2021-03-01", "outlet_type": "wire",
               "language": "en", "categories": [], "text": "Text.", "n_sentences": 1, "source_key": "k0",
               "origin": "test", "raw_sha256": "0" * 64, "ingested_at": now}  # fmt: skip
    actors = [
        {"actor_id": f"a{i}", "name": f"Ministry of Foreign Affairs of Country {i}", "kind": "organization",
         "country": "IRN", "aliases": [], "roles": [], "mentions": 1}
        for i in range(N_ACTORS)
    ]  # fmt: skip
    events = []
    for i in range(600):
        src, tgt = rng.sample(range(N_ACTORS), 2)
        place = PLACES[i % len(PLACES)]
        events.append(
            {"event_id": f"ev{i}", "article_id": "art0", "sentence_index": 0, "sentence": "S.", "span_start": 0,
             "span_end": 1, "stage": "test", "reported_by": [], "trigger": "met", "date": f"2021-0{1 + i % 3}-1{i % 9}",
             "date_precision": "day", "source_actor_id": f"a{src}", "source_name": f"Ministry {src}",
             "source_country": "IRN", "target_actor_id": f"a{tgt}", "target_name": f"Ministry {tgt}",
             "target_country": "RUS", "cameo_code": "042", "cameo_root": "04", "quad_class": 1, "goldstein": 1.9,
             "location_name": place[0], "location_country": place[1], "location_lat": place[2],
             "location_lon": place[3], "negated": False, "hypothetical": False, "confidence": 0.8}
        )  # fmt: skip
    with store.engine.begin() as conn:
        conn.execute(insert(schema.articles), [article])
        conn.execute(insert(schema.actors), actors)
        conn.execute(insert(schema.events), events)
    store.close()
    with serve(create_app(url)) as base:
        yield base


def _overlaps(a: dict[str, int], b: dict[str, int]) -> bool:
    return min(a["r"], b["r"]) > max(a["l"], b["l"]) and min(a["b"], b["b"]) > max(a["t"], b["t"])


def test_network_labels_are_moved_apart_not_hidden(page: Any, tmp_path: Path) -> None:
    page.goto("/network")
    page.wait_for_selector("#network[data-ready='1']", state="attached")
    # every actor (the slider's default keeps 40): thirty long names in one picture
    assert page.get_attribute("#network", "data-nodes") == str(N_ACTORS)
    labels = json.loads(page.get_attribute("#network", "data-labels") or "[]")
    assert len(labels) == N_ACTORS  # one label per actor, none hidden
    assert int(page.get_attribute("#network", "data-labels-moved") or 0) > 0  # crowded: some were moved
    clashes = [(a["id"], b["id"]) for i, a in enumerate(labels) for b in labels[i + 1 :] if _overlaps(a, b)]
    assert clashes == []
    assert page.get_attribute("#network", "data-labels-overlapping") == "0"
    assert page.js_errors == []
    _shot(page, tmp_path, "network-labels-placed", full_page=False)


def _zoom(page: Any) -> float:
    return float(page.get_attribute("#map", "data-zoom") or 0)


def test_map_zooms_with_buttons_and_wheel_and_clusters_follow(page: Any, tmp_path: Path) -> None:
    page.goto("/map")
    page.wait_for_selector("#map[data-ready='1']", state="attached")
    assert _zoom(page) == 1.0
    whole = int(page.get_attribute("#map", "data-circles") or 0)
    assert whole == 2  # the three Iranian cities are one cluster, Moscow another circle
    assert page.get_attribute("#map", "data-clusters") == "1"
    _shot(page, tmp_path, "map-zoom-world")

    for _ in range(5):
        page.click("#map-zoom-in")
    assert _zoom(page) == 32.0 and page.locator("#map-zoom-level").inner_text() == "×32.0"
    box = page.locator("#map").bounding_box()
    tehran = page.locator("#map circle.cluster").count()
    assert tehran == 0 and int(page.get_attribute("#map", "data-circles") or 0) == 4  # clusters split
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 300)  # the wheel zooms out about the pointer
    _wait_until(lambda: _zoom(page) < 32.0)
    page.click("#map-zoom-reset")
    assert _zoom(page) == 1.0 and int(page.get_attribute("#map", "data-circles") or 0) == whole
    iran = page.locator("#map circle.cluster").bounding_box()
    page.mouse.move(iran["x"] + iran["width"] / 2, iran["y"] + iran["height"] / 2)
    for _ in range(8):  # on the Iranian cluster: the wheel zooms in about the pointer
        page.mouse.wheel(0, -300)
    _wait_until(lambda: _zoom(page) > 8)
    assert int(page.get_attribute("#map", "data-circles") or 0) > whole
    # the pointer's place stayed under it: the three cities are in view, apart
    in_view = [c.bounding_box() for c in page.locator("#map circle.place").all()]
    assert sum(1 for b in in_view if b and box["x"] <= b["x"] <= box["x"] + box["width"]) >= 3
    assert page.js_errors == []
    _shot(page, tmp_path, "map-zoom-iran")
