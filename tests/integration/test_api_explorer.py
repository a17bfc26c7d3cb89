"""The explorer's endpoints against a real uvicorn server: the timeline on a date axis (groups,
intervals, normalisation, CSV), facets and search.  Hand-built records with known dates, so that
every figure can be checked by counting."""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest

from newsledger.api.app import create_app
from newsledger.store import Batch, Filters, SQLStore

from ..browser.live import serve  # noqa: TID252
from ..records import late_result, result  # noqa: TID252

N = 7  # events dated 2021-01-27 .. 2021-01-21 (verbal cooperation), articles published 2021-01-29
LATE = 2  # events dated 2021-03-10 (verbal conflict), articles published 2021-03-11


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    url = f"sqlite:///{tmp_path_factory.mktemp('explorer') / 'ledger.db'}"
    store = SQLStore(url)
    store.write_batch(
        Batch("r", results=[result(i) for i in range(N)] + [late_result(i) for i in range(LATE)])
    )
    store.close()
    with serve(create_app(url)) as base, httpx.Client(base_url=base, timeout=30) as c:
        yield c


def test_the_first_views_are_warmed_under_the_keys_their_routes_read(tmp_path: Any) -> None:
    """After start, the aggregates of the first visits are cached (queries.first_views): asking
    the routes for them adds no entry to the cache, so each answer was the warmed one."""
    import time

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    store = SQLStore(url)
    store.write_batch(Batch("r", results=[result(i) for i in range(3)]))
    store.close()
    app = create_app(url)
    with serve(app) as base, httpx.Client(base_url=base, timeout=30) as c:
        cache = app.state.cache
        deadline = time.monotonic() + 30
        while any(t.name == "cache-warm" for t in threading.enumerate()):
            assert time.monotonic() < deadline, "warming did not finish"
            time.sleep(0.02)
        warmed = set(cache._data)
        assert len(warmed) == 11
        for path in ["/api/stats", "/api/timeline?span=core&interval=week", "/api/timeline?interval=month",
                     "/api/timeline", "/api/network", "/api/map", "/facets/events", "/facets/statements",
                     "/facets/articles", "/facets/actors", "/facets/contradictions"]:  # fmt: skip
            assert c.get(path, headers={"Accept": "text/html"}).status_code == 200, path
        assert set(cache._data) == warmed


def _timeline(client: httpx.Client, **params: Any) -> dict[str, Any]:
    r = client.get("/api/timeline", params=params)
    assert r.status_code == 200, r.text
    data: dict[str, Any] = r.json()
    return data


# --------------------------------------------------------------------------- timeline


def test_day_axis_holds_every_day_between_the_first_and_last_event(client: httpx.Client) -> None:
    data = _timeline(client, interval="day")
    first, last = dt.date(2021, 1, 21), dt.date(2021, 3, 10)
    assert data["labels"] == [
        (first + dt.timedelta(days=i)).isoformat() for i in range((last - first).days + 1)
    ]
    assert data["series"]["1"][:N] == [1] * N and sum(data["series"]["1"]) == N
    assert data["series"]["3"][-1] == LATE and sum(data["series"]["3"]) == LATE
    gap = data["labels"].index("2021-02-10")
    assert data["series"]["1"][gap] == data["series"]["3"][gap] == 0
    assert data["goldstein"]["1"][0] == 1.9 and data["goldstein"]["1"][gap] is None
    assert data["goldstein"]["all"][-1] == -2.0
    assert data["names"]["1"] == "1 verbal cooperation"


def test_week_and_month_axes_are_dated_by_period_start(client: httpx.Client) -> None:
    week = _timeline(client, interval="week")
    assert week["labels"][0] == "2021-01-18"  # the Monday of 2021-01-21
    days = [dt.date.fromisoformat(label) for label in week["labels"]]
    assert all(d.weekday() == 0 for d in days)
    assert all((b - a).days == 7 for a, b in zip(days, days[1:], strict=False))
    assert week["series"]["1"][:2] == [4, 3]  # 21-24 January, 25-27 January
    month = _timeline(client, interval="month")
    assert month["labels"] == ["2021-01", "2021-02", "2021-03"]
    assert month["series"] == {"1": [N, 0, 0], "3": [0, 0, LATE]}
    assert month["articles"] == [N, 0, LATE]  # the denominator of normalised series
    assert month["totals"] == {"1": N, "3": LATE}


@pytest.mark.parametrize(
    ("group", "key", "name"),
    [
        ("country", "AFG", "AFG"),
        ("dyad", "AFG-IRN", "AFG → IRN"),
        ("actor", "taliban", "Taliban"),
        ("root", "04", "04 Consult"),
        ("plover", "CONSULT", "CONSULT"),
        ("outlet_type", "advocacy", "advocacy"),
    ],
)
def test_groups(client: httpx.Client, group: str, key: str, name: str) -> None:
    data = _timeline(client, interval="month", group=group)
    assert data["group"] == group and list(data["series"]) == [key]
    assert data["series"][key] == [N, 0, LATE]
    assert data["names"][key].lower() == name.lower()


def test_top_keeps_the_largest_series_and_sums_the_rest(client: httpx.Client) -> None:
    data = _timeline(client, interval="month", top=1)
    assert data["series"] == {"1": [N, 0, 0], "other": [0, 0, LATE]}


def test_filters_apply_to_events_and_article_counts(client: httpx.Client) -> None:
    data = _timeline(client, interval="month", quad_class="3")
    assert data["labels"] == ["2021-03"] and data["series"] == {"3": [LATE]}
    data = _timeline(client, interval="month", date_from="2021-03")
    assert data["articles"] == [LATE]
    assert _timeline(client, outlet_type="wire")["labels"] == []
    by_outlet = _timeline(client, interval="month", group="outlet_type", outlet="NCRI")
    assert by_outlet["series"] == {"advocacy": [N, 0, LATE]}


def test_core_span_leaves_the_sparse_ends_off_the_axis_and_says_so(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsledger.store import timeline

    assert _timeline(client, interval="day", span="core")["trimmed"] is None  # nothing sparse enough
    monkeypatch.setattr(timeline, "CORE_TAIL", 0.15)  # at most 1.35 of the 9 events off each end
    data = _timeline(client, interval="day", span="core", group="root")  # a fresh cache key
    assert data["trimmed"] == {"before": 1, "after": 0, "from": "2021-01-22", "to": "2021-03-10"}
    assert data["labels"][0] == "2021-01-22" and data["totals"] == {"04": N + LATE - 1}
    assert _timeline(client, interval="day", span="all", group="root")["labels"][0] == "2021-01-21"


def test_timeline_csv_is_what_is_shown(client: httpx.Client) -> None:
    r = client.get("/api/timeline", params={"interval": "month", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "timeline-quad-month.csv" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3 * 2  # periods x series
    jan = next(r for r in rows if r["period_start"] == "2021-01" and r["series"] == "1")
    assert jan["events"] == str(N) and jan["articles_published"] == str(N)
    assert float(jan["events_per_1000_articles"]) == 1000.0 and float(jan["goldstein_mean"]) == 1.9
    feb = next(r for r in rows if r["period_start"] == "2021-02" and r["series"] == "1")
    assert feb["events_per_1000_articles"] == "" and feb["goldstein_mean"] == ""


@pytest.mark.parametrize("params", [{"group": "city"}, {"interval": "year"}, {"top": "0"}, {"format": "xml"}])
def test_bad_timeline_parameters_are_client_errors(client: httpx.Client, params: dict[str, str]) -> None:
    assert client.get("/api/timeline", params=params).status_code == 422


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("group=country&interval=month&measure=normalised&root=04", 200),
        ("group=city", 422),
        ("measure=x", 422),
    ],
)
def test_timeline_page(client: httpx.Client, query: str, status: int) -> None:
    r = client.get(f"/timeline?{query}")
    assert r.status_code == status
    if status == 200:
        assert 'data-query="root=04&amp;group=country&amp;interval=month&amp;top=8&amp;span=core"' in r.text
        assert (
            "/api/timeline?root=04&amp;group=country&amp;interval=month&amp;top=8&amp;span=core&amp;format=csv"
            in r.text
        )


# --------------------------------------------------------------------------- facets


def _facets(client: httpx.Client, kind: str, **params: Any) -> dict[str, list[dict[str, Any]]]:
    r = client.get(f"/api/facets/{kind}", params=params)
    assert r.status_code == 200, r.text
    return {f["name"]: f["values"] for f in r.json()["facets"]}


@pytest.mark.parametrize(
    ("kind", "params"),
    [
        ("events", {}),
        ("events", {"quad_class": "3"}),
        ("events", {"outlet": "NCRI"}),
        ("statements", {"q": "terrorist", "outlet_type": "advocacy"}),
        ("articles", {}),
        ("actors", {}),
        ("contradictions", {}),
    ],
)
def test_a_facet_value_counts_what_its_filter_lists(
    client: httpx.Client, kind: str, params: dict[str, str]
) -> None:
    facets = _facets(client, kind, **params)
    assert facets and all(facets.values())
    for values in facets.values():
        for v in values:
            listed = client.get(f"/api/{kind}", params=params | v["filters"] | {"count": "true", "limit": 1})
            assert listed.json()["count"] == v["count"], (kind, v)


def test_event_facets_have_readable_labels_and_follow_the_filters(client: httpx.Client) -> None:
    facets = _facets(client, "events")
    assert facets.keys() == {"country", "actor", "root", "quad_class", "outlet", "outlet_type", "date"}
    assert [(v["label"], v["count"]) for v in facets["quad_class"]] == [
        ("1 verbal cooperation", N),
        ("3 verbal conflict", LATE),
    ]
    assert facets["root"][0]["label"] == "04 Consult" and facets["root"][0]["filters"] == {"root": "04"}
    assert {v["label"] for v in facets["actor"]} == {"Taliban", "Iran"}
    assert [(v["value"], v["count"]) for v in facets["date"]] == [("2021-03", LATE), ("2021-01", N)]
    assert facets["date"][0]["filters"] == {"date_from": "2021-03", "date_to": "2021-03"}
    narrowed = _facets(client, "events", quad_class="3")
    assert [(v["value"], v["selected"]) for v in narrowed["quad_class"]] == [("3", True)]
    assert [v["value"] for v in narrowed["date"]] == ["2021-03"]


def test_statement_and_article_facets(client: httpx.Client) -> None:
    statements = _facets(client, "statements")
    assert statements.keys() == {"country", "actor", "kind", "outlet", "outlet_type", "date"}
    assert statements["actor"] == [
        {
            "value": "zarif",
            "label": "Mohammad Javad Zarif",
            "count": N + LATE,
            "filters": {"actor": "zarif"},
            "selected": False,
        }
    ]
    articles = _facets(client, "articles", outlet_type="advocacy")
    assert articles["outlet_type"][0]["selected"] and articles["outlet"][0]["value"] == "NCRI"
    assert client.get("/api/facets/mentions").status_code == 404


def test_a_party_counts_once_per_record_and_dates_spread_over_years(tmp_path: Any) -> None:
    first = result(0)
    event = first.events[0]
    old = result(1)
    old = replace(old, events=(replace(old.events[0], date="2019-05-01", target=event.source),))
    store = SQLStore(f"sqlite:///{tmp_path / 'ledger.db'}")
    store.write_batch(Batch("r", results=[first, old]))
    facets = {f.name: f for f in store.facets("events", Filters())}
    countries = {v.value: v.count for v in facets["country"].values}
    assert countries == {"AFG": 2, "IRN": 1}  # the AFG-AFG event counts once for AFG
    assert facets["date"].bucket == "year"
    assert [(v.value, v.count) for v in facets["date"].values] == [("2021", 1), ("2019", 1)]
    assert store.count("events", Filters(country="AFG")) == 2
    store.close()


def test_past_the_scan_bound_facets_say_they_count_the_newest_records(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsledger.store import facets

    monkeypatch.setattr(facets, "SCAN", 3)
    found = client.get("/api/facets/events", params={"root": "04"}).json()["facets"]  # a fresh cache key
    assert all(f["partial"] == 3 for f in found)
    by_name = {f["name"]: f["values"] for f in found}
    assert (
        by_name["quad_class"]
        == [  # the three newest: both March events, then 27 January
            {
                "value": "1",
                "label": "1 verbal cooperation",
                "count": 1,
                "filters": {"quad_class": "1"},
                "selected": False,
            },
            {
                "value": "3",
                "label": "3 verbal conflict",
                "count": 2,
                "filters": {"quad_class": "3"},
                "selected": False,
            },
        ][::-1]
    )
    assert (
        "Counts among the first 3 matching records"
        in client.get("/facets/events", params={"root": "04"}).text
    )


def test_facets_fragment_links_add_and_remove_filters(client: httpx.Client) -> None:
    r = client.get("/facets/events", params={"quad_class": "1", "q": "delegation", "sort": "goldstein"})
    assert r.status_code == 200
    html = r.text
    assert 'href="/events?q=delegation&amp;sort=goldstein"' in html  # the selected quad class: removed
    assert 'href="/events?root=04&amp;quad_class=1&amp;q=delegation&amp;sort=goldstein"' in html
    page = client.get("/events", params={"quad_class": "1"}).text
    assert 'hx-get="/facets/events?quad_class=1"' in page
    assert 'hx-get="/facets/actors?kind=country"' in client.get("/actors", params={"kind": "country"}).text


# --------------------------------------------------------------------------- search

SCATTERED = (
    "A Taliban delegation traveled to Tehran. Terrorist attacks, terrorist cells and terrorist money "
    'worried the entity. Zarif said "the Taliban is still a threat". Iran hosted the delegation.'
)
HOSTILE_TITLE = 'Terrorist <script>alert("x")</script> entity'


@pytest.fixture(scope="module")
def search_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Article 0 holds "terrorist entity" as a phrase; article 1 holds both words apart, and
    "terrorist" three times, so plain bm25 ranks it first; article 2's title carries markup."""
    url = f"sqlite:///{tmp_path_factory.mktemp('search') / 'ledger.db'}"
    store = SQLStore(url)
    hostile = result(2, text=SCATTERED + " <b>terrorist</b>")
    hostile = replace(hostile, article=replace(hostile.article, title=HOSTILE_TITLE))
    store.write_batch(Batch("r", results=[result(0), result(1, text=SCATTERED), hostile]))
    store.close()
    return url


@pytest.fixture(scope="module")
def searcher(search_db: str) -> Iterator[httpx.Client]:
    with serve(create_app(search_db)) as base, httpx.Client(base_url=base, timeout=30) as c:
        yield c


def _search(client: httpx.Client, **params: Any) -> dict[str, Any]:
    r = client.get("/api/search", params=params)
    assert r.status_code == 200, r.text
    found: dict[str, Any] = r.json()
    return found


def test_phrase_matches_rank_above_better_bm25_scores(searcher: httpx.Client, search_db: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(search_db)
    with engine.connect() as conn:
        by_bm25 = list(
            conn.scalars(
                text(
                    "SELECT title FROM articles_fts WHERE articles_fts MATCH 'terrorist entity' ORDER BY rank"
                )
            )
        )
    engine.dispose()
    assert by_bm25[0] != "Story 0"  # the article with the phrase is not first on bm25 alone
    found = _search(searcher, q="terrorist entity", kind="articles")
    assert found["totals"] == {"articles": 3}
    assert [(a["title"], a["phrase_match"]) for a in found["articles"]][0] == ("Story 0", True)
    assert not any(a["phrase_match"] for a in found["articles"][1:])
    assert "<mark>terrorist</mark> <mark>entity</mark>" in found["articles"][0]["snippet_html"]
    assert found["statements"] == [] and "statements" not in found["totals"]


def test_search_syntax_through_the_api(searcher: httpx.Client) -> None:
    titles = lambda **p: [a["title"] for a in _search(searcher, kind="articles", **p)["articles"]]  # noqa: E731
    assert titles(q='"terrorist entity"') == ["Story 0"]
    assert set(titles(q="terror* -cells")) == {"Story 0"}
    assert len(titles(q="Taliban OR nothingsuch")) == 3
    assert titles(q="cells NOT script") == ["Story 1"]
    r = searcher.get("/api/search", params={"q": "Iran OR"})
    assert r.status_code == 400 and "OR needs something to look for on each side" in r.json()["error"]


def test_snippets_are_escaped_and_statements_carry_speaker_and_article(searcher: httpx.Client) -> None:
    found = _search(searcher, q="terrorist")
    hostile = next(a for a in found["articles"] if a["title"] == HOSTILE_TITLE)
    assert "&lt;b&gt;<mark>terrorist</mark>" in hostile["snippet_html"]
    assert "<b>" not in hostile["snippet_html"].replace("<mark>", "").replace("</mark>", "")
    assert "<b>terrorist" in hostile["snippet"]  # the plain snippet: text as it is
    statement = found["statements"][0]
    assert statement["speaker"]["name"] == "Mohammad Javad Zarif"
    assert statement["article"]["title"].startswith("Story") and statement["article"]["outlet"] == "NCRI"
    assert "<mark>terrorist</mark>" in statement["snippet_html"]


def test_search_totals_and_pages_visit_every_match_once(client: httpx.Client) -> None:
    seen: list[str] = []
    for page in (1, 2, 3):
        found = _search(client, q="Taliban", kind="statements", limit=4, page=page)
        assert found["totals"] == {"statements": N + LATE} and found["page"] == page
        seen += [s["statement_id"] for s in found["statements"]]
    assert len(seen) == len(set(seen)) == N + LATE


def test_search_page_shows_titles_speakers_snippets_and_pages(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    store = SQLStore(url)
    store.write_batch(Batch("r", results=[result(i) for i in range(25)]))
    store.close()
    with serve(create_app(url)) as base, httpx.Client(base_url=base, timeout=30) as c:
        html = c.get("/search", params={"q": "terrorist entity"}).text
        assert html.count('data-total="25"') == 2 and html.count('class="hit"') == 20  # ten of each
        assert "Mohammad Javad Zarif" in html and "Story 0" in html and "<mark>terrorist</mark>" in html
        assert "all 25 statements »" in html and "all 25 articles »" in html
        last = c.get("/search", params={"q": "terrorist entity", "in": "statements", "page": "2"}).text
        assert "page 2 of 2" in last and "« previous" in last and "next »" not in last
        assert last.count('class="hit"') == 5 and "<h2>Articles" not in last
        refused = c.get("/search", params={"q": "(Iran"}, headers={"Accept": "text/html"})
        assert (
            refused.status_code == 400 and "is not closed" in refused.text and 'value="(Iran"' in refused.text
        )


# --------------------------------------------------------------------------- PostgreSQL


@pytest.mark.pg
def test_timeline_facets_and_search_on_postgresql() -> None:
    import os
    import uuid

    import sqlalchemy as sa

    base = os.environ.get("NEWSLEDGER_TEST_PG_URL")
    if not base:
        pytest.skip("NEWSLEDGER_TEST_PG_URL is not set (scripts/test starts a server and sets it)")
    name = f"nl_explorer_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    url = base.rsplit("/", 1)[0] + "/" + name
    try:
        store = SQLStore(url)
        store.write_batch(
            Batch("r", results=[result(i) for i in range(N)] + [late_result(i) for i in range(LATE)])
        )
        scattered = result(200, text=SCATTERED)
        store.write_batch(Batch("r", results=[scattered]))
        store.close()
        with serve(create_app(url)) as served, httpx.Client(base_url=served, timeout=30) as c:
            month = _timeline(c, interval="month", group="outlet_type", outlet="NCRI")
            assert month["labels"] == ["2021-01", "2021-02", "2021-03"]
            assert month["series"] == {"advocacy": [N + 1, 0, LATE]} and month["articles"] == [N + 1, 0, LATE]
            facets = _facets(c, "events", quad_class="3")
            assert [(v["value"], v["count"]) for v in facets["date"]] == [("2021-03", LATE)]
            assert {v["value"]: v["count"] for v in facets["country"]} == {"AFG": LATE, "IRN": LATE}
            for kind in ("statements", "articles", "actors", "contradictions"):
                for values in _facets(c, kind).values():
                    for v in values:  # a value counts what its filter lists, on PostgreSQL too
                        listed = c.get(f"/api/{kind}", params=v["filters"] | {"count": "true", "limit": 1})
                        assert listed.json()["count"] == v["count"], (kind, v)
            found = _search(c, q="terrorist entity", kind="articles", limit=50)
            assert found["totals"]["articles"] == N + LATE + 1
            assert found["articles"][-1]["article_id"] == scattered.article.article_id  # no phrase: last
            assert all(a["phrase_match"] for a in found["articles"][:-1])
            assert "<mark>" in found["articles"][0]["snippet_html"]
            assert _search(c, q="terror* -cells", kind="articles", limit=50)["totals"]["articles"] == N + LATE
            assert _search(c, q='"still a threat" OR nothingsuch', kind="articles")["totals"]["articles"] == 1
            assert c.get("/api/search", params={"q": "(Iran"}).status_code == 400
            assert (
                c.get("/api/statements", params={"q": "terror*", "count": "true"}).json()["count"]
                == N + LATE + 1
            )
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
