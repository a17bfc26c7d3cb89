"""The REST API and pages against a real uvicorn server: hand-built records for the contract,
filters, paging, downloads and safety; a database built by ingesting real articles for the rest."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from newsledger.api.app import create_app
from newsledger.export.contract import validate
from newsledger.export.fields import COLUMNS
from newsledger.pipeline import PipelineConfig
from newsledger.store import Batch, SQLStore

from ..browser.live import available_stages, serve  # noqa: TID252
from ..conftest import data_root, shared_root  # noqa: TID252
from ..records import TEXT, result  # noqa: TID252

N = 7
TOKEN = "s3cret-token"
HOSTILE = 'Hostile <script>alert("x")</script> & <img src=x onerror=alert(1)>'


def _hostile_result() -> Any:
    """An article whose title and text carry markup: it must come back escaped, never live."""
    r = result(99, text=TEXT + " " + HOSTILE)
    return replace(r, article=replace(r.article, title=HOSTILE))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'ledger.db'}"
    store = SQLStore(url)
    store.write_batch(Batch("r", results=[result(i) for i in range(N)] + [_hostile_result()]))
    store.close()
    return url


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[httpx.Client]:
    with serve(create_app(db)) as base, httpx.Client(base_url=base, timeout=30) as c:
        yield c


def _items(client: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


# --------------------------------------------------------------------------- contract


@pytest.mark.parametrize("kind", ["articles", "actors", "events", "statements", "contradictions"])
def test_lists_use_the_export_contract_names(client: httpx.Client, kind: str) -> None:
    items = _items(client, f"/api/{kind}", limit=3)
    assert items
    for record in items:
        assert validate(kind, record) == []


def test_each_record_is_also_served_by_id(client: httpx.Client) -> None:
    for kind, id_name in [("events", "event_id"), ("statements", "statement_id"), ("actors", "actor_id"),
                          ("contradictions", "contradiction_id"), ("articles", "article_id")]:  # fmt: skip
        first = _items(client, f"/api/{kind}", limit=1)[0]
        r = client.get(f"/api/{kind}/{first[id_name]}")
        assert r.status_code == 200 and r.json() == first
    missing = client.get("/api/events/no-such-event")
    assert missing.status_code == 404 and "no-such-event" in missing.json()["error"]


def test_openapi_documents_every_list_and_the_filters(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for kind, id_name in [("articles", "article_id"), ("actors", "actor_id"), ("events", "event_id"),
                          ("statements", "statement_id"), ("contradictions", "contradiction_id")]:  # fmt: skip
        assert f"/api/{kind}" in paths and f"/api/{kind}/{{{id_name}}}" in paths
    for path in ("/api/search", "/api/stats", "/api/ingest"):
        assert path in paths
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "cameo", "root", "plover_type", "quad_class", "date_from", "date_to",
            "outlet", "outlet_type", "reported_by", "sort", "order", "cursor", "limit", "format"} <= names  # fmt: skip
    assert "EventOut" in spec["components"]["schemas"]


# --------------------------------------------------------------------------- filters, sorting, paging


def test_cursor_paging_visits_every_event_once_in_date_order(client: httpx.Client) -> None:
    seen: list[dict[str, Any]] = []
    params: dict[str, Any] = {"limit": 3}
    while True:
        page = client.get("/api/events", params=params).json()
        seen += page["items"]
        if not page["next_cursor"]:
            break
        params["cursor"] = page["next_cursor"]
    ids = [e["event_id"] for e in seen]
    assert sorted(ids) == sorted([f"e{i}" for i in range(N)] + ["e99"]) and len(set(ids)) == len(ids)
    dates = [e["date"] for e in seen]
    assert dates == sorted(dates, reverse=True)
    ascending = [e["date"] for e in _items(client, "/api/events", order="asc", limit=50)]
    assert ascending == sorted(ascending)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "iran"}, N + 1),
        ({"source": "taliban"}, N + 1),
        ({"target": "taliban"}, 0),
        ({"country": "irn"}, N + 1),
        ({"cameo": "04"}, N + 1),
        ({"cameo": "19"}, 0),
        ({"root": "4"}, N + 1),
        ({"plover_type": "consult"}, N + 1),
        ({"quad_class": "1"}, N + 1),
        ({"quad_class": "4"}, 0),
        ({"date_from": "2021-01-25", "date_to": "2021-01-26"}, 2),
        ({"reported_by": "ncri"}, N + 1),
        ({"reported_by": "nobody"}, 0),
        ({"q": "delegation traveled"}, N + 1),
        ({"q": "zebra"}, 0),
        ({"outlet_type": "advocacy"}, N + 1),
        ({"outlet_type": "wire"}, 0),
        ({"outlet": "NCRI", "quad_class": "1"}, N + 1),
    ],
)
def test_event_filters(client: httpx.Client, params: dict[str, str], expected: int) -> None:
    page = client.get("/api/events", params=params | {"count": "true", "limit": 2}).json()
    assert page["count"] == expected
    assert len(page["items"]) == min(2, expected)


def test_article_outlet_filters_and_full_text(client: httpx.Client) -> None:
    assert len(_items(client, "/api/articles", outlet="NCRI")) == N + 1
    assert _items(client, "/api/articles", outlet_type="wire") == []
    assert len(_items(client, "/api/articles", outlet_type="advocacy")) == N + 1
    hostile = _items(client, "/api/articles", q="Hostile")
    assert [a["title"] for a in hostile] == [HOSTILE]


def test_statement_filters_and_search(client: httpx.Client) -> None:
    assert len(_items(client, "/api/statements", actor="zarif", kind="partial")) == N + 1
    assert _items(client, "/api/statements", kind="direct") == []
    assert len(_items(client, "/api/statements", q="terrorist")) == N + 1
    found = client.get("/api/search", params={"q": "Taliban delegation"}).json()
    assert found["articles"] and all("Taliban" in a["text"] for a in found["articles"])


def test_bad_parameters_are_client_errors(client: httpx.Client) -> None:
    assert client.get("/api/events", params={"quad_class": "7"}).status_code == 422
    assert client.get("/api/events", params={"date_from": "January"}).status_code == 422
    assert client.get("/api/events", params={"limit": "0"}).status_code == 422
    bad_sort = client.get("/api/events", params={"sort": "event; DROP TABLE events"})
    assert bad_sort.status_code == 400 and "sort" in bad_sort.json()["error"]
    assert client.get("/api/events", params={"cursor": "garbage!"}).status_code == 400
    assert client.get("/api/events", params={"format": "xml"}).status_code == 422


@pytest.mark.parametrize(
    "q", ['"', '""', "-", "NEAR(x", "a*b", "OR", "%", "_", "col:x", "(", "\\", "'; drop"]
)
def test_any_text_query_is_answered(client: httpx.Client, q: str) -> None:
    """Answered, or -- for a search whose structure is broken ("OR" alone, an unclosed "(") on
    the full-text indexes -- refused with a 400 that says what is wrong; never a 500."""
    broken = q in ("NEAR(x", "OR", "(")
    for path in ("/api/search", "/api/events", "/api/articles", "/api/statements", "/api/actors", "/search"):
        r = client.get(path, params={"q": q})
        full_text = path in ("/api/search", "/api/articles", "/api/statements", "/api/events", "/search")
        assert r.status_code == (400 if broken and full_text else 200), (path, q)
        if r.status_code == 400:
            assert "could not be parsed" in r.text


def test_event_search_reads_the_sentences_index(client: httpx.Client) -> None:
    def ids(q: str) -> list[str]:
        return sorted(e["event_id"] for e in _items(client, "/api/events", q=q, limit=50))

    found = [ids(q) for q in ("delegation", "TALIBAN delegation", "Hostile", "entity")]
    assert len(found[0]) == N + 1 and found[1] == found[0]
    assert found[2] == [] and found[3] == []  # in the article, not in an event's sentence


# --------------------------------------------------------------------------- downloads


def test_csv_download_has_the_export_columns_and_every_filtered_row(client: httpx.Client) -> None:
    r = client.get("/api/events", params={"format": "csv", "date_from": "2021-01-25", "limit": 1})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == COLUMNS["events"]
    assert len(rows) == 3  # limit is for pages; a download holds every match
    assert {row["source_actor_id"] for row in rows} == {"taliban"}


def test_jsonl_download_round_trips(client: httpx.Client) -> None:
    r = client.get("/api/statements", params={"format": "jsonl", "actor": "zarif"})
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert len(lines) == N + 1 and all(validate("statements", s) == [] for s in lines)


def test_large_responses_are_compressed(client: httpx.Client) -> None:
    r = client.get("/api/events", params={"limit": 50}, headers={"Accept-Encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip" and len(r.json()["items"]) == N + 1


# --------------------------------------------------------------------------- aggregates


def test_stats_timeline_network_and_map(client: httpx.Client) -> None:
    stats = client.get("/api/stats").json()
    assert stats["events"] == N + 1 and stats["articles"] == N + 1
    week = client.get("/api/timeline", params={"interval": "week"}).json()
    day = client.get("/api/timeline", params={"interval": "day"}).json()
    assert sum(week["series"]["1"]) == sum(day["series"]["1"]) == N + 1
    assert len(week["labels"]) < len(day["labels"])
    net = client.get("/api/network").json()
    assert net["edges"] == [
        {"source": "taliban", "target": "iran", "count": N + 1, "goldstein": 1.9, "conflict": 0}
    ]
    assert {n["actor_id"] for n in net["nodes"]} == {"taliban", "iran"}
    assert client.get("/api/network", params={"quad_class": "4"}).json()["edges"] == []
    geo = client.get("/api/map").json()
    assert geo["points"][0]["name"] == "Tehran" and geo["points"][0]["count"] == N + 1
    assert geo["countries"] == [{"country": "IRN", "numeric": "364", "count": N + 1}]
    neighbours = client.get("/api/actors/iran/neighbours").json()
    assert neighbours[0]["actor_id"] == "taliban" and neighbours[0]["as_target"] == N + 1


# --------------------------------------------------------------------------- pages and safety


@pytest.mark.parametrize(
    "path", ["/", "/articles", "/events", "/statements", "/actors", "/actors/zarif", "/contradictions",
             "/network", "/map", "/search?q=Taliban", "/events?cameo=04&quad_class=&date_from=", "/docs", "/ingest"],
)  # fmt: skip
def test_pages_render(client: httpx.Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "cdn" not in r.text.lower()


def test_article_page_highlights_records_and_escapes_markup(client: httpx.Client) -> None:
    article = _items(client, "/api/articles", q="Hostile")[0]
    html = client.get(f"/articles/{article['article_id']}").text
    assert "<script>alert" not in html and "onerror=alert" not in html.replace(
        "&lt;img src=x onerror=alert", ""
    )
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert 'id="hl-event-e99"' in html and 'href="#event-e99"' in html
    assert 'href="/actors/taliban"' in html and "hl-statement" in html and "hl-framing" in html
    assert article["raw_sha256"] in html  # provenance


def test_record_links_lead_to_the_highlight_in_the_article(client: httpx.Client) -> None:
    html = client.get("/contradictions").text
    assert 'href="/record/statement/s0"' in html and 'href="/record/event/e0"' in html
    r = client.get("/record/event/e0", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("#hl-event-e0")
    assert client.get(r.headers["location"]).status_code == 200
    assert (
        client.get("/record/statement/s3", follow_redirects=False)
        .headers["location"]
        .endswith("#hl-statement-s3")
    )
    assert client.get("/record/actor/zarif", follow_redirects=False).headers["location"] == "/actors/zarif"
    assert client.get("/record/event/nope").status_code == 404
    assert client.get("/record/bogus/e0").status_code == 404


def test_htmx_filter_returns_only_the_table(client: httpx.Client) -> None:
    r = client.get("/events", params={"cameo": "04"}, headers={"HX-Request": "true", "HX-Target": "results"})
    assert r.text.lstrip().startswith('<div id="results">') and "<html" not in r.text
    assert r.text.count('class="event-row"') == N + 1


def test_actor_suggestions_match_names_and_aliases(client: httpx.Client) -> None:
    html = client.get("/actor-options", params={"field": "source", "source": "javad"}).text
    assert '<option value="zarif">Mohammad Javad Zarif (IRN) · person</option>' in html
    assert client.get("/actor-options", params={"field": "actor", "actor": "nobody"}).text.strip() == ""


def test_a_country_page_shows_the_dated_roles_held_in_it(client: httpx.Client) -> None:
    html = client.get("/actors/iran").text
    assert "No roles known" not in html
    assert "Foreign Minister: Mohammad Javad Zarif" in html and "2013-08-15" in html


def test_read_only_server_refuses_writes(client: httpx.Client) -> None:
    r = client.post("/api/ingest", content=b'{"id": "x", "title": "t", "text": "t"}\n')
    assert r.status_code == 403 and "read-only" in r.json()["error"]


def test_write_endpoint_needs_the_token_and_ingests(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    app = create_app(url, token=TOKEN, config=PipelineConfig(stages=()))
    body = json.dumps(
        {
            "id": "up-1",
            "title": "Uploaded <b>story</b>",
            "text": "Iran hosted talks in Tehran. " * 5,
            "date": "2021-02-01",
            "url": "https://example.org/up-1",
            "source": "Example",
        }  # fmt: skip
    )
    with serve(app) as base, httpx.Client(base_url=base, timeout=60) as c:
        assert c.get("/api/stats").json()["articles"] == 0  # cached until the ledger changes
        assert c.post("/api/ingest", content=body).status_code == 401
        wrong = c.post("/api/ingest", content=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        ok = c.post("/api/ingest", content=body, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200, ok.text
        assert ok.json()["articles"] == 1
        assert c.get("/api/stats").json()["articles"] == 1  # a new ingest run invalidates the cache
        files = {"files": ("note.txt", b"A short title\n\nSome body text about Tehran and Kabul talks.\n")}
        up = c.post("/api/ingest", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
        assert up.status_code == 200 and up.json()["articles"] == 1, up.text
        bad = c.post(
            "/api/ingest", files={"files": ("x.exe", b"MZ")}, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert bad.status_code == 415
        titles = {a["title"] for a in c.get("/api/articles").json()["items"]}
        assert titles == {
            "Uploaded story",
            "A short title",
        }  # markup in a JSONL title is cleaned at ingest (#12.1)


# --------------------------------------------------------------------------- real articles


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    corpus = data_root() / "news_corpus" / "wikinews_en_politics_economy.jsonl"
    seed = shared_root() / "examples" / "seed_article_2021-01-29.txt"
    if not corpus.is_file() or not seed.is_file():
        pytest.skip("shared data (news corpus, seed article) not found")
    from newsledger.executors import get_executor
    from newsledger.runner import ingest

    folder = tmp_path_factory.mktemp("real")
    sample = folder / "wikinews_sample.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        sample.write_text("".join(line for _, line in zip(range(30), fh, strict=False)), encoding="utf-8")
    url = f"sqlite:///{folder / 'real.db'}"
    store = SQLStore(url)
    summary = ingest(
        [str(seed), str(sample)],
        store=store,
        executor=get_executor("local"),
        config=PipelineConfig(stages=available_stages()),
    )
    store.close()
    assert summary.articles >= 25
    return url


@pytest.mark.slow
def test_real_ledger_through_the_api(real_db: str) -> None:
    with serve(create_app(real_db)) as base, httpx.Client(base_url=base, timeout=60) as c:
        stats = c.get("/api/stats").json()
        assert stats["articles"] >= 25
        seed = c.get("/api/articles", params={"q": "Baradar Tehran"}).json()["items"]
        assert seed and "Zarif" in seed[0]["text"]
        page = c.get(f"/articles/{seed[0]['article_id']}")
        assert page.status_code == 200 and "Mohammad Javad Zarif" in page.text
        records = c.get(f"/api/articles/{seed[0]['article_id']}/records").json()
        assert records["mentions"], "the seed article has actor mentions"
        assert (
            page.text.count('class="hl hl-mention"')
            >= len({(m["start"], m["end"]) for m in records["mentions"]}) // 2
        )
        for kind in ("articles", "actors", "events", "statements"):
            for record in c.get(f"/api/{kind}", params={"limit": 20}).json()["items"]:
                assert validate(kind, record) == []
        for path in ("/", "/events", "/statements", "/actors", "/network", "/map"):
            assert c.get(path).status_code == 200
        for actor in c.get("/api/actors", params={"limit": 30}).json()["items"]:
            ref = quote(actor["actor_id"], safe="")  # ids such as "country:IRN" or "org:x#gov"
            assert c.get(f"/actors/{ref}").status_code == 200, actor["actor_id"]
            assert c.get(f"/api/actors/{ref}").json()["actor_id"] == actor["actor_id"]
        outlets = {a["outlet_type"] for a in c.get("/api/articles", params={"limit": 100}).json()["items"]}
        assert "advocacy" in outlets  # the NCRI seed article


# --------------------------------------------------------------------------- highlighting


def test_highlights_nest_escape_and_clip() -> None:
    from newsledger.api.highlight import Highlight, render

    text = 'Zarif said "<b>terrorist</b> group" today.'
    t0 = text.index("terrorist")
    quote = Highlight(text.index("<b>"), text.index('" today'), "statement", "s1", "quote", "#statement-s1")
    term = Highlight(t0, t0 + 9, "framing", "7", "loaded <x>", None, 'a "title"')
    outside = Highlight(text.index("today"), 99, "event", "e1", "042", "#event-e1")
    empty = Highlight(5, 5, "mention", "m0", "PERSON")
    html = str(render(text, [term, quote, outside, empty]))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&lt;/b&gt; group" in html
    assert 'title="a &#34;title&#34;"' in html and "loaded &lt;x&gt;" in html
    # the quote opens before the term and closes after it: proper nesting
    assert html.index('id="hl-statement-s1"') < html.index('id="hl-framing-7"')
    assert html.index('href="#statement-s1"') > html.index("loaded &lt;x&gt;")
    assert 'id="hl-event-e1">today.<a' in html  # clipped to the text's end
    assert "hl-mention" not in html  # empty span dropped
    stripped = __import__("re").sub(
        r"<[^>]+>", "", html.replace("loaded &lt;x&gt;", "").replace(">quote<", "><")
    )
    assert stripped.replace("042", "") == str(__import__("markupsafe").escape(text))


def test_partly_overlapping_spans_are_split_not_broken() -> None:
    from newsledger.api.highlight import Highlight, render

    a = Highlight(0, 6, "event", "a", "A")
    b = Highlight(3, 9, "mention", "b", "B")
    html = str(render("abcdefghij", [a, b]))
    assert html.count("<span") == html.count("</span>")
    assert html.count('data-hl="hl-mention-b"') == 2 and html.count('id="hl-mention-b"') == 1


# --------------------------------------------------------------------------- PostgreSQL


@pytest.mark.pg
def test_api_on_postgresql() -> None:
    import os
    import uuid

    import sqlalchemy as sa

    base = os.environ.get("NEWSLEDGER_TEST_PG_URL")
    if not base:
        pytest.skip("NEWSLEDGER_TEST_PG_URL is not set (scripts/test starts a server and sets it)")
    name = f"nl_api_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    url = base.rsplit("/", 1)[0] + "/" + name
    try:
        store = SQLStore(url)
        store.write_batch(Batch("r", results=[result(i) for i in range(N)] + [_hostile_result()]))
        store.close()
        with serve(create_app(url)) as served, httpx.Client(base_url=served, timeout=30) as c:
            assert c.get("/api/events", params={"actor": "iran", "count": "true"}).json()["count"] == N + 1
            assert len(_items(c, "/api/events", q="delegation", limit=50)) == N + 1
            assert len(_items(c, "/api/statements", q="terrorist")) == N + 1
            assert [a["title"] for a in _items(c, "/api/articles", q="Hostile")] == [HOSTILE]
            assert len(_items(c, "/api/actors", q="javad")) == 1
            assert sum(c.get("/api/timeline", params={"interval": "week"}).json()["series"]["1"]) == N + 1
            assert c.get("/api/network").json()["edges"][0]["count"] == N + 1
            assert c.get("/api/map").json()["points"][0]["count"] == N + 1
            for path in (
                "/",
                "/events?cameo=04",
                "/statements?q=terrorist",
                "/actors/zarif",
                "/contradictions",
            ):
                assert c.get(path).status_code == 200, path
            rows = list(csv.DictReader(io.StringIO(c.get("/api/events", params={"format": "csv"}).text)))
            assert len(rows) == N + 1
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
