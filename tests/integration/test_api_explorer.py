"""The explorer's endpoints against a real uvicorn server: the timeline on a date axis (groups,
intervals, normalisation, CSV), facets and search.  Hand-built records with known dates, so that
every figure can be checked by counting."""

from __future__ import annotations

import csv
import datetime as dt
import io
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
        assert 'data-query="root=04&amp;group=country&amp;interval=month&amp;top=8"' in r.text
        assert "/api/timeline?root=04&amp;group=country&amp;interval=month&amp;top=8&amp;format=csv" in r.text


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
    assert client.get("/api/facets/actors").status_code == 404


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


def test_facets_fragment_links_add_and_remove_filters(client: httpx.Client) -> None:
    r = client.get("/facets/events", params={"quad_class": "1", "q": "delegation", "sort": "goldstein"})
    assert r.status_code == 200
    html = r.text
    assert 'href="/events?q=delegation&amp;sort=goldstein"' in html  # the selected quad class: removed
    assert 'href="/events?root=04&amp;quad_class=1&amp;q=delegation&amp;sort=goldstein"' in html
    page = client.get("/events", params={"quad_class": "1"}).text
    assert 'hx-get="/facets/events?quad_class=1"' in page
    assert 'hx-get="/facets/' not in client.get("/actors").text
