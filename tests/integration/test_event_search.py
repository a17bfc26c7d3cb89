"""Word search in events reads a full-text index over their sentences (migration 0011): the
same events as the sentence scan it replaced (every word of the query in the sentence) on a
small seeded ledger, for a ledger that had events before the index existed and for events
written, changed and deleted after, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from alembic import command
from sqlalchemy import delete, insert, text, update

from newsledger.errors import SearchQueryError
from newsledger.store import SQLStore, schema
from newsledger.store.engine import _alembic_config

WORDS = ["troops", "attacked", "the", "capital", "delegation", "ceasefire", "Iran", "protesters", "border"]
#: Whole words: the index matches words (and their stems), the scan matched any substring, and
#: PostgreSQL's English parser drops stop words ("the"), as in article search.
QUERIES = ["delegation", "TROOPS", "ceasefire border", "Iran attacked capital", "story", "protester"]


def _events(first: int, n: int, rng: random.Random) -> list[dict[str, Any]]:
    return [
        {"event_id": f"ev{i:05d}", "article_id": "art0", "sentence_index": 0,
         "sentence": " ".join(rng.sample(WORDS, rng.randrange(2, 6))).capitalize() + ".",
         "span_start": 0, "span_end": 1, "stage": "test", "reported_by": [], "trigger": "t", "date": "2021-01-02",
         "date_precision": "day", "cameo_code": "042", "cameo_root": "04", "quad_class": 1, "goldstein": 1.9,
         "negated": False, "hypothetical": False, "confidence": 0.8}
        for i in range(first, first + n)
    ]  # fmt: skip


def _fill(store: SQLStore, events: list[dict[str, Any]]) -> None:
    article = {"article_id": "art0", "title": "Story", "published": "2021-01-02", "outlet": "Outlet",
               "outlet_type": "wire", "language": "en", "categories": [], "text": "A story of history.",
               "n_sentences": 1, "source_key": "k0", "origin": "test", "raw_sha256": "0" * 64,
               "ingested_at": dt.datetime.now(dt.UTC)}  # fmt: skip
    with store.engine.begin() as conn:
        conn.execute(insert(schema.articles), [article])
        conn.execute(insert(schema.events), events)


@pytest.fixture()
def url(ledger_url: str) -> str:
    return ledger_url


def _scanned(store: SQLStore, q: str) -> list[str]:
    """The old answer: the events whose sentence holds every word of ``q`` (ILIKE '%word%')."""
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT event_id, sentence FROM events")).all()
    words = [w.lower() for w in q.split()]
    return sorted(eid for eid, sentence in rows if all(w in sentence.lower() for w in words))


def _searched(store: SQLStore, q: str) -> list[str]:
    found = sorted(e["event_id"] for e in store.page("events", q=q, limit=500)[0])
    assert store.count("events", q=q) == len(found)
    return found


def _downgrade_to_0010(store: SQLStore) -> None:
    cfg = _alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")


def test_event_search_reads_the_index_and_answers_as_the_sentence_scan(url: str) -> None:
    rng = random.Random(5)
    store = SQLStore(url)
    _downgrade_to_0010(store)  # a ledger with events from before the index
    _fill(store, _events(0, 120, rng))
    store.migrate()
    with store.engine.begin() as conn:  # written after: inserted, changed, deleted
        conn.execute(insert(schema.events), _events(120, 60, rng))
        conn.execute(
            update(schema.events).where(schema.events.c.event_id == "ev00003").values(sentence="Ceasefire.")
        )
        conn.execute(delete(schema.events).where(schema.events.c.event_id.in_(["ev00004", "ev00130"])))
    for q in QUERIES:
        assert _searched(store, q) == _scanned(store, q), q
    assert "ev00003" in _searched(store, "ceasefire") and "ev00003" not in _searched(store, "troops")
    assert _searched(store, "story") == []  # in the article, in no event's sentence
    with pytest.raises(SearchQueryError):  # the search syntax of articles and statements
        store.count("events", q="OR")
    assert set(_searched(store, '"ceasefire border" OR delegation')) >= set(_searched(store, "delegation"))
    store.close()


def _paged(store: SQLStore, q: str) -> list[str]:
    """Every event matching ``q``, read seven to a page by cursor, newest first."""
    found: list[str] = []
    cursor = None
    while True:
        page, cursor = store.page("events", q=q, limit=7, cursor=cursor)
        found += [e["event_id"] for e in page]
        if cursor is None:
            return found


@pytest.mark.parametrize(
    ("dense", "few", "plan"),
    [(0.0, 10**9, "asked event by event"), (2.0, 0, "walked as a set"), (2.0, 10**9, "looked up")],
)
def test_every_plan_of_an_event_search_finds_the_same_events(
    url: str, monkeypatch: pytest.MonkeyPatch, dense: float, few: int, plan: str
) -> None:
    """SQLite reads a word search in events one of three ways, chosen by how densely the word
    matches (store/search.py); forced to each, pages, counts (with a filter, which the index
    alone cannot count) and facets answer as the sentence scan."""
    from newsledger.filters import Filters
    from newsledger.store import search

    monkeypatch.setattr(search, "DENSE", dense)
    monkeypatch.setattr(search, "FEW", few)
    rng = random.Random(11)
    store = SQLStore(url)
    events = _events(0, 150, rng)
    for i, e in enumerate(events):
        e["date"] = f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}"
        e["quad_class"] = 1 + i % 4
    _fill(store, events)
    quad = {e["event_id"]: e["quad_class"] for e in events}
    for q in QUERIES:
        expected = _scanned(store, q)
        assert sorted(_paged(store, q)) == expected, (plan, q)
        assert store.count("events", Filters(quad_class=2), q=q) == sum(quad[e] == 2 for e in expected)
        quads = next(f for f in store.facets("events", Filters(), q=q) if f.name == "quad_class")
        assert {v.value: v.count for v in quads.values} == {
            str(k): n for k in range(1, 5) if (n := sum(quad[e] == k for e in expected))
        }, (plan, q)
    store.close()
