"""A country's page lists the dated roles held in it, however many people of that country the
ledger knows: the roles are read for the people with a dated role, not for the most mentioned."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx

from newsledger.api.app import create_app
from newsledger.models import Actor, Mention, Role
from newsledger.store import SQLStore
from newsledger.store.base import Batch

from ..browser.live import serve  # noqa: TID252
from ..records import ZARIF, result  # noqa: TID252

# More people of Iran than a page of actors, each mentioned more often than Zarif and holding a
# role read in text (no dates): none of them may push Zarif's dated role off the country's page.
OTHERS = tuple(
    Actor(
        f"zz{i:03d}",
        f"Person {i}",
        "person",
        "IRN",
        "GOV",
        "IRNGOV",
        (f"Person {i}",),
        (Role("Spokesman", None, "IRN", "GOV", None, None),),
    )  # fmt: skip
    for i in range(250)
)


def _ledger(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    first = result(0)
    busy = tuple(Mention(0, 1, "A", "PERSON", 0, actor.actor_id, "kb") for actor in OTHERS for _ in range(3))
    store = SQLStore(url)
    store.write_batch(
        Batch(
            "r", results=[replace(first, actors=(*first.actors, *OTHERS), mentions=(*first.mentions, *busy))]
        )
    )
    store.close()
    return url


def test_dated_roles_of_a_country_skip_undated_ones_and_keep_the_least_mentioned(tmp_path: Path) -> None:
    store = SQLStore(_ledger(tmp_path))
    roles = store.dated_roles("IRN")
    store.close()
    assert [(r["title"], r["start"], r["end"]) for r in roles] == [
        (f"Foreign Minister: {ZARIF.name}", "2013-08-15", "2021-08-25")
    ]


def test_a_country_page_shows_the_dated_roles_held_in_it(tmp_path: Path) -> None:
    with serve(create_app(_ledger(tmp_path))) as base, httpx.Client(base_url=base, timeout=30) as client:
        page = client.get("/actors/iran", headers={"Accept": "text/html"})
    assert page.status_code == 200, page.text
    assert f"Foreign Minister: {ZARIF.name}" in page.text
    assert "Spokesman: Person" not in page.text
