"""The web pages' filter forms are generated from the one filter definition (newsledger.filters,
issue #13): each list page, and the timeline of events, offers exactly the filters that apply to
its kind, as the CLI and the API do (tests/unit/test_filters.py holds those two to it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest

from newsledger.api.app import create_app
from newsledger.filters import APPLIES, KINDS
from newsledger.store import SQLStore

from ..browser.live import serve  # noqa: TID252


class _FormFields(HTMLParser):
    """The names of the inputs and selects inside the page's filter form."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "form" and "filters" in (attr.get("class") or "").split():
            self._in_form = True
        elif self._in_form and tag in ("input", "select") and attr.get("name"):
            self.names.append(str(attr["name"]))

    def handle_endtag(self, tag: str) -> None:
        self._in_form = self._in_form and tag != "form"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    url = f"sqlite:///{tmp_path_factory.mktemp('forms') / 'ledger.db'}"
    SQLStore(url).close()  # an empty ledger: the forms do not depend on the records
    with serve(create_app(url)) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


@pytest.mark.parametrize("kind", KINDS)
def test_a_list_page_form_offers_exactly_the_filters_of_its_kind(pages: Any, kind: str) -> None:
    """The form is generated from newsledger.filters: every filter that applies to the kind,
    once, and none that would filter nothing (besides the text query and the sort order)."""
    response = pages.get(f"/{kind}")
    assert response.status_code == 200
    form = _FormFields()
    form.feed(response.text)
    filters = [name for name in form.names if name not in ("q", "sort", "order")]
    assert "q" in form.names
    assert sorted(filters) == sorted(set(filters)), "a filter offered twice"
    assert set(filters) == set(APPLIES[kind])


def test_a_page_form_keeps_the_values_it_was_sent(pages: Any) -> None:
    html = pages.get("/articles", params={"duplicates": "true", "date_from": "2021-01"}).text
    assert re.search(r'name="duplicates" value="true"\s+checked', html)
    assert 'name="date_from" value="2021-01"' in html
    assert 'name="duplicates" value="true" >' in pages.get("/articles").text  # unchecked


def test_the_timeline_form_offers_exactly_the_event_filters(pages: Any) -> None:
    """The timeline counts events: its form offers every events filter beside its own controls."""
    form = _FormFields()
    form.feed(pages.get("/timeline").text)
    controls = {"group", "interval", "measure", "top", "span"}
    filters = [name for name in form.names if name not in controls]
    assert controls <= set(form.names)
    assert sorted(filters) == sorted(set(filters)) and set(filters) == set(APPLIES["events"])
