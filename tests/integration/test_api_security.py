"""The API's defences against a hostile client: headers on every response, signed cursors,
static files confined to their folder, every parameter validated (never a 500), capped limits,
and JSON that cannot break out of a page's script element."""

from __future__ import annotations

import http.client
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from newsledger.api.app import create_app
from newsledger.api.security import CursorSigner, query_syntax_error, script_json
from newsledger.store import Batch, SQLStore

from ..browser.live import serve  # noqa: TID252
from ..records import TEXT, result  # noqa: TID252

N = 5
LISTS = ("/api/articles", "/api/events", "/api/statements", "/api/actors", "/api/contradictions")
PAGES = ("/", "/articles", "/events", "/statements", "/actors", "/contradictions", "/network", "/map",
         "/timeline", "/search?q=Taliban", "/docs", "/actors/zarif")  # fmt: skip
HOSTILE_VALUES = (
    "'", '"', "\\", "%", "_", "*", "\x00", "a\x00b", "'; DROP TABLE events; --", '"unbalanced',
    "NEAR(a b", "a AND", "OR OR", "col:x", "^x", "(", ")", "-x", "x" * 190, "é\u2028\u202e", "{}", "[1]",
)  # fmt: skip
FILTERS = (
    "actor", "source", "target", "country", "cameo", "root", "plover_type", "quad_class", "date_from",
    "date_to", "outlet", "outlet_type", "reported_by", "article_id", "kind", "duplicates", "q", "sort",
    "order", "cursor", "limit", "count", "format",
)  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('security') / 'ledger.db'}"
    store = SQLStore(url)
    store.write_batch(Batch("r", results=[result(i) for i in range(N)] + [_breakout()]))
    store.close()
    return url


BREAKOUT = "</script><script>alert(1)</script>"


def _breakout() -> Any:
    """An article whose text and actor names try to end the page's JSON block."""
    from dataclasses import replace

    r = result(77, text=TEXT + f" {BREAKOUT} and\u2028a line separator.")
    actors = tuple(replace(a, name=f"{a.name} {BREAKOUT}\u2029") for a in r.actors)
    events = tuple(replace(e, source=replace(e.source, name=f"{BREAKOUT}\u2028")) for e in r.events)
    return replace(r, actors=actors, events=events)


@pytest.fixture(scope="module")
def base(db: str) -> Iterator[str]:
    with serve(create_app(db, secret="fixed-secret")) as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=30) as c:
        yield c


def _raw_get(base: str, path: str) -> tuple[int, bytes]:
    """GET with the path sent exactly as written (httpx would normalise ``..`` away)."""
    where = urlsplit(base)
    conn = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port, timeout=30)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


# --------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    "path", [*PAGES, "/api/events", "/api/stats", "/static/css/app.css", "/nope", "/api/events?limit=0"]
)
def test_every_response_carries_the_security_headers(client: httpx.Client, path: str) -> None:
    r = client.get(path, headers={"Accept": "text/html"})
    policy = r.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "frame-ancestors 'none'" in policy and "script-src 'self'" in policy
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "same-origin"
    assert r.headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_or_style(client: httpx.Client) -> None:
    for path in PAGES:
        html = client.get(path).text
        assert "<script>" not in html and " style=" not in html and "<style" not in html, path
        assert all('src="/static/' in tag for tag in html.split("<script")[1:]), path


# --------------------------------------------------------------------------- static files


@pytest.mark.parametrize(
    "path",
    [
        "/static/../api/app.py",
        "/static/..%2fapi%2fapp.py",
        "/static/..%2f..%2fapi%2fapp.py",
        "/static/%2e%2e/%2e%2e/api/app.py",
        "/static/css/..%2f..%2f..%2fapi%2fapp.py",
        "/static/..%5c..%5capi%5capp.py",
        "/static/css%2f..%2f..%2ftemplates%2fbase.html",
        "/static/%2fetc%2fpasswd",
        "//static/../../etc/passwd",
        "/static/css/app.css%00.js",
        "/static/C:%5cWindows%5cwin.ini",
    ],
)
def test_static_files_never_leave_their_folder(base: str, path: str) -> None:
    status, body = _raw_get(base, path)
    assert status in (400, 404), (path, status)
    assert b"create_app" not in body and b"root:" not in body and b"<!doctype" not in body[:20].lower()


def test_static_files_inside_the_folder_are_served(client: httpx.Client) -> None:
    r = client.get("/static/css/app.css")
    assert r.status_code == 200 and "text/css" in r.headers["content-type"]


# --------------------------------------------------------------------------- cursors


def _first_cursor(client: httpx.Client, **params: Any) -> str:
    page = client.get("/api/events", params={"limit": 2} | params).json()
    cursor: str = page["next_cursor"]
    assert cursor
    return cursor


def test_a_signed_cursor_pages_on(client: httpx.Client) -> None:
    cursor = _first_cursor(client)
    second = client.get("/api/events", params={"limit": 2, "cursor": cursor})
    assert second.status_code == 200 and len(second.json()["items"]) == 2


@pytest.mark.parametrize(
    "tamper",
    [
        lambda c: c[:-1] + ("A" if c[-1] != "A" else "B"),  # the signature
        lambda c: "X" + c[1:],  # the payload
        lambda c: c.split(".")[0],  # no signature
        lambda c: "WyIxOTcwIiwgIngiXQ." + c.split(".")[1],  # another payload, old signature
        lambda c: "",
        lambda c: "." * 40,
        lambda c: c + "." + c,
    ],
)
def test_a_tampered_cursor_is_a_400(client: httpx.Client, tamper: Any) -> None:
    bad = tamper(_first_cursor(client))
    if not bad:
        return  # an empty cursor means "first page"
    r = client.get("/api/events", params={"limit": 2, "cursor": bad})
    assert r.status_code == 400 and "cursor" in r.json()["error"]


def test_a_cursor_only_serves_the_listing_it_came_from(client: httpx.Client) -> None:
    cursor = _first_cursor(client)
    assert client.get("/api/events", params={"cursor": cursor, "order": "asc"}).status_code == 400
    assert client.get("/api/events", params={"cursor": cursor, "sort": "event_id"}).status_code == 400
    assert client.get("/api/statements", params={"cursor": cursor}).status_code == 400
    html = client.get("/events", params={"cursor": cursor + "x"}, headers={"Accept": "text/html"})
    assert html.status_code == 400 and "cursor" in html.text


def test_cursors_hold_across_servers_with_one_secret_only(client: httpx.Client, db: str) -> None:
    cursor = _first_cursor(client)
    for secret, status in (("fixed-secret", 200), ("another-secret", 400), (None, 400)):
        with serve(create_app(db, secret=secret)) as other, httpx.Client(base_url=other) as c:
            assert c.get("/api/events", params={"limit": 2, "cursor": cursor}).status_code == status


def test_without_a_secret_cursors_are_signed_with_the_ledgers_own_key(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSLEDGER_SECRET", raising=False)
    with serve(create_app(db)) as first, httpx.Client(base_url=first) as c:
        cursor = c.get("/api/events", params={"limit": 2}).json()["next_cursor"]
    with serve(create_app(db)) as restarted, httpx.Client(base_url=restarted) as c:  # a restart
        assert c.get("/api/events", params={"limit": 2, "cursor": cursor}).status_code == 200
    other = f"sqlite:///{tmp_path / 'other.db'}"
    store = SQLStore(other)
    store.write_batch(Batch("r", results=[result(i) for i in range(N)]))
    assert store.ledger_secret("cursors") == store.ledger_secret("cursors")
    original = SQLStore(db)
    assert store.ledger_secret("cursors") != original.ledger_secret("cursors")
    original.close()
    store.close()
    with serve(create_app(other)) as elsewhere, httpx.Client(base_url=elsewhere) as c:
        assert c.get("/api/events", params={"limit": 2, "cursor": cursor}).status_code == 400


def test_cursor_signer_round_trips_and_rejects() -> None:
    signer = CursorSigner(b"k")
    signed = signer.sign("events|date|desc", "WyJ4IiwgMV0")
    assert signer.open("events|date|desc", signed) == "WyJ4IiwgMV0"
    with pytest.raises(Exception, match="invalid cursor"):
        CursorSigner(b"other").open("events|date|desc", signed)


# --------------------------------------------------------------------------- parameters


@pytest.mark.parametrize("value", HOSTILE_VALUES[::3])
def test_no_parameter_value_makes_a_server_error(client: httpx.Client, value: str) -> None:
    for path in LISTS:
        for name in FILTERS:
            r = client.get(path, params={name: value})
            assert r.status_code in (200, 400, 422), (path, name, value, r.status_code, r.text[:300])
            assert "error" in r.json() or r.status_code == 200


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_search_and_aggregates_answer_any_text(client: httpx.Client, value: str) -> None:
    for path, name in (("/api/search", "q"), ("/search", "q"), ("/api/timeline", "actor"),
                       ("/api/network", "country"), ("/api/map", "cameo"), ("/events", "q"),
                       ("/articles", "sort"), ("/actor-options", "actor")):  # fmt: skip
        r = client.get(path, params={name: value})
        assert r.status_code in (200, 400, 422), (path, value, r.status_code)


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_any_free_text_query_is_answered_or_refused(client: httpx.Client, value: str) -> None:
    for path in LISTS:
        r = client.get(path, params={"q": value, "sort": value[:30]})
        assert r.status_code in (200, 400, 422), (path, value, r.status_code)


def _get_routes(client: httpx.Client) -> list[tuple[str, list[str]]]:
    """Every GET endpoint of the OpenAPI document with its query parameters."""
    spec = client.get("/openapi.json").json()
    out = []
    for path, methods in spec["paths"].items():
        if "get" in methods:
            query = [p["name"] for p in methods["get"].get("parameters", []) if p["in"] == "query"]
            out.append((path, query))
    return out


@pytest.mark.parametrize("value", ["'", '"a', "\x00", "NEAR(", "-1", "9" * 30, "2021-13-45", "é\u2028", "%"])
def test_every_documented_parameter_is_validated(client: httpx.Client, value: str) -> None:
    """Any endpoint added later is covered too: each query parameter and path id, hostile."""
    routes = _get_routes(client)
    assert len(routes) >= 10
    for path, query in routes:
        concrete = re.sub(r"\{[^}]+\}", quote(value, safe="") or "x", path)
        for name in query or ["unused"]:
            r = client.get(concrete, params={name: value})
            assert r.status_code in (200, 400, 404, 422), (path, name, value, r.status_code, r.text[:200])


@pytest.mark.parametrize("value", ["'\"a\x00 NEAR(% é\u2028", "9" * 30, "x" * 3000])
def test_every_page_answers_hostile_parameters_without_a_server_error(
    client: httpx.Client, value: str
) -> None:
    names = ("q", "sort", "order", "cursor", "limit", "actor", "country", "date_from", "quad_class", "group",
             "interval", "top", "min_count", "field", "kind")  # fmt: skip
    for page in PAGES:
        path = page.split("?")[0]
        for name in names:
            r = client.get(path, params={name: value}, headers={"Accept": "text/html"})
            assert r.status_code in (200, 400, 404, 422), (path, name, value[:20], r.status_code)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/events", {"limit": 100_000}),
        ("/api/events", {"limit": -1}),
        ("/api/search", {"q": "x", "limit": 10_000}),
        ("/api/network", {"limit": 10**9}),
        ("/api/map", {"limit": 10**9}),
        ("/api/actors/a1/neighbours", {"limit": 10**6}),
        ("/api/events", {"q": "x" * 5000}),
        ("/api/events", {"cursor": "x" * 5000}),
    ],
)
def test_limits_and_lengths_are_capped(client: httpx.Client, path: str, params: dict[str, Any]) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 422 and r.json()["error"]


def test_a_full_text_syntax_error_from_the_index_is_the_users_400(db: str) -> None:
    store = SQLStore(db)
    try:
        with store.engine.connect() as conn, pytest.raises(SQLAlchemyError) as caught:
            conn.execute(text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q"), {"q": "NEAR("})
        message = query_syntax_error(caught.value)
        assert message and "search query could not be parsed" in message
        with store.engine.connect() as conn, pytest.raises(SQLAlchemyError) as other:
            conn.execute(text("SELECT nope FROM articles"))
        assert query_syntax_error(other.value) is None  # a real fault stays a 500
    finally:
        store.close()


def test_a_search_the_index_rejects_is_a_400_not_a_500(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever query builder sits in front of the index, its syntax errors are the user's."""
    raw_match = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q"

    def search(self: SQLStore, q: str, **_: Any) -> dict[str, Any]:
        with self.engine.connect() as conn:
            conn.execute(text(raw_match), {"q": q})
        return {"articles": [], "statements": []}

    monkeypatch.setattr(SQLStore, "search", search)
    with serve(create_app(db)) as url, httpx.Client(base_url=url) as c:
        r = c.get("/api/search", params={"q": 'NEAR("x'})
        assert r.status_code == 400 and "could not be parsed" in r.json()["error"]
        page = c.get("/search", params={"q": "AND"}, headers={"Accept": "text/html"})
        assert page.status_code == 400 and "could not be parsed" in page.text


# --------------------------------------------------------------------------- embedded JSON


def test_the_article_pages_json_block_holds_hostile_text_as_data(client: httpx.Client) -> None:
    [article] = [
        a
        for a in client.get("/api/articles", params={"limit": 50}).json()["items"]
        if a["title"] == "Story 77"
    ]
    html = client.get(f"/articles/{article['article_id']}").text
    opening = '<script type="application/json" id="article-index">'
    block = html.split(opening, 1)[1].split("</script>", 1)[0]
    assert "<" not in block and "\u2028" not in block and "\u2029" not in block
    assert any(BREAKOUT in h["title"] for h in json.loads(block))
    assert html.count("<script") == html.count("</script>")  # every element ends where it should
    assert BREAKOUT not in html


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "line\u2028separator\u2029paragraph",
        {"name": "</SCRIPT >", "k": ["&amp;", "<b>"]},
    ],
)
def test_json_in_a_script_element_cannot_break_out(value: Any) -> None:
    out = str(script_json(value))
    assert "<" not in out and ">" not in out and "&" not in out
    assert "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == value
