"""Every link a facet offers answers 200 on a real ledger: facet values are the codes the ledger
stores (ISO 3166 alpha-3 and CAMEO bloc codes such as IGO), and the filters' checks, which the
API shares with the CLI ("Iran" is a 422 naming IRN), take every one of them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from typer.testing import CliRunner

from newsledger.api.app import create_app
from newsledger.cli import app as cli

from ..browser.live import serve  # noqa: TID252

LISTINGS = ("events", "statements", "actors", "articles")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Iterator[httpx.Client]:
    """A ledger of the first short corpus articles about the United Nations (an IGO actor)."""
    folder = tmp_path_factory.mktemp("facet-links")
    picked = []
    with (shared_data / "news_corpus" / "wikinews_en_politics_economy.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if "United Nations" in record["text"] and len(record["text"]) < 2500:
                picked.append(line)
            if len(picked) == 8:
                break
    corpus = folder / "un.jsonl"
    corpus.write_text("".join(picked), encoding="utf-8")
    db = folder / "ledger.db"
    res = CliRunner().invoke(cli, ["ingest", "--db", str(db), "--quiet", "--workers", "1", str(corpus)])
    assert res.exit_code == 0, res.output
    with serve(create_app(f"sqlite:///{db}")) as base, httpx.Client(base_url=base, timeout=60) as c:
        yield c


def _facet_links(client: httpx.Client, listing: str) -> list[str]:
    fragment = client.get(f"/facets/{listing}", headers={"Accept": "text/html"})
    assert fragment.status_code == 200, fragment.text
    return [unescape(href) for href in re.findall(r'<a href="([^"]+)" data-value=', fragment.text)]


def test_every_facet_link_answers_200_on_the_pages_and_the_api(client: httpx.Client) -> None:
    countries: set[str] = set()
    for listing in LISTINGS:
        links = _facet_links(client, listing)
        assert links, f"no facet links on /{listing}"
        for link in links:
            page = client.get(link, headers={"Accept": "text/html"})
            assert page.status_code == 200, (link, page.text[:300])
            query = urlsplit(link).query
            data = client.get(f"/api/{listing}?{query}")
            assert data.status_code == 200, (link, data.text[:300])
            countries.update(parse_qs(query).get("country", []))
    assert "IGO" in countries  # a CAMEO bloc code, no ISO 3166 country


def test_a_country_name_is_a_422_naming_its_code(client: httpx.Client) -> None:
    r = client.get("/api/events", params={"country": "Iran"})
    assert r.status_code == 422
    assert "IRN" in r.text
    assert client.get("/api/events", params={"country": "irn"}).status_code == 200
