"""The SQL store on SQLite: batches, idempotence, filters, cursors, search, export shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.export import write
from newsledger.export.contract import validate
from newsledger.store import Batch, Duplicate, Filters, SQLStore

from ..records import result  # noqa: TID252


@pytest.fixture()
def store(tmp_path: Path) -> SQLStore:
    return SQLStore(f"sqlite:///{tmp_path / 'ledger.db'}")


def test_batch_is_written_and_rewriting_it_adds_nothing(store: SQLStore) -> None:
    batch = Batch("run1", results=[result(0), result(1)])
    store.write_batch(batch)
    store.write_batch(batch)
    stats = store.stats()
    assert (stats["articles"], stats["events"], stats["statements"], stats["contradictions"]) == (2, 2, 2, 2)
    assert store.count("actors") == 3
    zarif = store.get("actors", "zarif")
    assert zarif is not None and zarif["mentions"] == 2  # one mention in each article, counted once each


def test_actor_seen_in_two_batches_keeps_one_id_and_merges(store: SQLStore) -> None:
    store.write_batch(Batch("r", results=[result(0)]))
    store.write_batch(Batch("r", results=[result(1)]))
    zarif = store.get("actors", "zarif")
    assert zarif is not None
    assert zarif["mentions"] == 2 and zarif["aliases"] == ["Zarif"]
    assert zarif["roles"][0]["title"] == "Foreign Minister" and zarif["roles"][0]["start"] == "2013-08-15"


def test_filters_and_cursor_pagination_visit_every_record_once(store: SQLStore) -> None:
    store.write_batch(Batch("r", results=[result(i) for i in range(7)]))
    seen: list[str] = []
    cursor = None
    while True:
        page, cursor = store.page("events", Filters(actor="iran"), limit=3, cursor=cursor)
        seen += [e["event_id"] for e in page]
        if cursor is None:
            break
    assert sorted(seen) == sorted(f"e{i}" for i in range(7)) and len(seen) == 7
    dates = [e["date"] for e in store.page("events", limit=10)[0]]
    assert dates == sorted(dates, reverse=True)
    assert store.count("events", Filters(cameo="04", country="irn")) == 7
    assert store.count("events", Filters(root="19")) == 0
    assert store.count("events", Filters(date_from="2021-01-25", date_to="2021-01-26")) == 2
    assert store.count("events", Filters(reported_by="ncri")) == 7
    assert store.count("statements", Filters(actor="zarif", kind="partial")) == 7


def test_search_finds_articles_and_statements(store: SQLStore) -> None:
    store.write_batch(Batch("r", results=[result(0)]))
    found = store.search("terrorist")
    assert [s["statement_id"] for s in found["statements"]] == ["s0"]
    assert found["articles"] and store.search('delegation "')["articles"]  # stray quote is not a syntax error
    assert store.search("nonexistentword") == {"articles": [], "statements": []}


def test_duplicates_are_stored_linked_and_not_counted(store: SQLStore) -> None:
    original = result(0)
    copy = result(1)
    store.write_batch(
        Batch(
            "r", results=[original], duplicates=[Duplicate(copy.article, original.article.article_id, 0.93)]
        )
    )
    assert store.stats()["articles"] == 1 and store.stats()["duplicates"] == 1
    assert store.count("articles", Filters(duplicates=True)) == 2


def test_every_exported_record_matches_the_contract(store: SQLStore, tmp_path: Path) -> None:
    store.write_batch(Batch("r", results=[result(0), result(1)]))
    for kind in ("articles", "actors", "events", "statements", "contradictions"):
        records = list(store.iter_records(kind))
        assert records, kind
        for record in records:
            assert validate(kind, record) == []
        out = tmp_path / f"{kind}.jsonl"
        assert write(kind, "jsonl", iter(records), str(out)) == len(records)
        assert [json.loads(line) for line in out.read_text().splitlines()] == records


def test_csv_and_parquet_flatten_nested_fields(store: SQLStore, tmp_path: Path) -> None:
    import csv

    import pyarrow.parquet as pq

    store.write_batch(Batch("r", results=[result(0)]))
    write("events", "csv", store.iter_records("events"), str(tmp_path / "e.csv"))
    with (tmp_path / "e.csv").open() as fh:
        [row] = list(csv.DictReader(fh))
    assert row["source_country"] == "AFG" and row["location_name"] == "Tehran" and row["negated"] == "false"
    write("events", "parquet", store.iter_records("events"), str(tmp_path / "e.parquet"))
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.column("target_cameo_code").to_pylist() == ["IRN"]
    assert table.column("location_lat").to_pylist() == [35.69]
    write("events", "parquet", iter([]), str(tmp_path / "empty.parquet"))
    assert "source_actor_id" in pq.read_table(tmp_path / "empty.parquet").column_names


def test_unknown_kind_and_bad_cursor_are_clear_errors(store: SQLStore) -> None:
    from newsledger.errors import StoreError

    with pytest.raises(StoreError, match="unknown record kind"):
        store.count("people")
    with pytest.raises(StoreError, match="invalid cursor"):
        store.page("events", cursor="not-a-cursor")


def test_contradiction_across_two_articles_is_found_after_a_run(store: SQLStore) -> None:
    import dataclasses

    from newsledger.crosscheck import check_run

    hosting, calling = result(0), result(1)
    # Article 0 only reports that Iran hosted the Taliban; article 1 only that Zarif called them terrorists.
    hosting = dataclasses.replace(hosting, statements=(), contradictions=())
    calling = dataclasses.replace(calling, events=(), contradictions=())
    store.write_batch(Batch("run-a", results=[hosting, calling]))
    assert store.count("contradictions") == 0
    assert check_run(store, "run-a") >= 1
    [found] = list(store.iter_records("contradictions"))[:1]
    ids = {found["a"]["id"], found["b"]["id"]}
    assert ids == {"s1", "e0"} and found["kind"] == "statement-action"
    assert check_run(store, "run-a") == 0  # stable ids: nothing new the second time


def test_migrations_build_exactly_the_declared_schema(store: SQLStore) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from newsledger.store.migrations import compare_type, include_name
    from newsledger.store.schema import metadata

    with store.engine.connect() as conn:
        opts = {"include_name": include_name, "compare_type": compare_type}
        ctx = MigrationContext.configure(conn, opts=opts)
        assert compare_metadata(ctx, metadata) == []


def test_an_event_stated_twice_keeps_its_mentions_through_store_and_export(store: SQLStore) -> None:
    from dataclasses import replace

    res = result(0)
    event = res.events[0]
    spans = (event.provenance.span, (event.provenance.span[1] + 10, event.provenance.span[1] + 16))
    res = replace(res, events=[replace(event, mentions=2, mention_spans=spans)])
    store.write_batch(Batch("r", results=[res]))
    exported = store.get("events", event.event_id)
    assert exported is not None and exported["mentions"] == 2
    assert exported["mention_spans"] == [list(s) for s in spans]
    assert not validate("events", exported)
    from sqlalchemy import select

    from newsledger.store import schema, typed

    with store.engine.connect() as conn:
        row = conn.execute(select(schema.events)).mappings().one()
    assert typed.event(dict(row)).mention_spans == spans  # the typed record reads back whole


def test_a_finding_met_again_merges_its_records(store: SQLStore) -> None:
    from newsledger.models import ActorRef, Contradiction, RecordRef

    def finding(a: str, b: str, score: float, article: str | None) -> Contradiction:
        ra, rb = RecordRef("statement", a), RecordRef("statement", b)
        return Contradiction("cfinding", "statement-statement", ActorRef("x", "X"), ra, rb, f"{a} vs {b}",
                             score, article, (ra,), (rb,))  # fmt: skip

    assert store.add_contradictions([finding("s1", "s2", 0.5, "art1")]) == 1
    assert store.add_contradictions([finding("s3", "s4", 0.9, "art2")]) == 0  # the same finding
    [row] = list(store.iter_records("contradictions"))
    assert [r["id"] for r in row["a_records"]] == ["s1", "s3"]
    assert [r["id"] for r in row["b_records"]] == ["s2", "s4"]
    assert (row["a"]["id"], row["score"], row["article_id"]) == ("s3", 0.9, None)  # the stronger pair


def test_sql_store_is_a_store_and_fts_queries_are_built_in_one_place() -> None:
    """Callers type against the Store protocol; the FTS5 query builder exists once, in store/."""
    import inspect
    import typing

    from newsledger.store import Store
    from newsledger.store.sql import SQLStore as Concrete

    wanted = {name for name, _ in inspect.getmembers(Store, callable) if not name.startswith("_")}
    assert wanted >= {"write_batch", "page", "iter_records", "search", "ledger_version"}
    assert all(callable(getattr(Concrete, name, None)) for name in wanted)
    assert set(typing.get_type_hints(Store)) <= {"url", "dialect"}
    src = Path(__file__).parents[2] / "src" / "newsledger"
    outside = [p for p in src.rglob("*.py") if "store" not in p.parts and "def _fts5_query" in p.read_text()]
    assert outside == []


def test_free_text_and_outlet_filters_apply_to_pages_counts_and_streams(store: SQLStore) -> None:
    store.write_batch(Batch("r", results=[result(i) for i in range(3)]))
    page, _ = store.page("articles", q="Zarif")
    assert len(page) == 3 and store.count("articles", q="Zarif") == 3
    assert store.count("articles", q='"(*') == 0  # only punctuation: no FTS5 syntax error
    assert store.count("articles", q="nosuchwordanywhere") == 0
    outlet = page[0]["outlet"]
    assert outlet and store.count("events", Filters(outlet=outlet)) >= 1
    assert list(store.iter_records("events", Filters(outlet="no such outlet"))) == []


def test_one_filter_definition_for_store_api_and_docs() -> None:
    """Every filter has one description and a list of the kinds it applies to, the API takes
    exactly the Filters fields, and a filter outside a kind's list adds no condition there."""
    import dataclasses
    import inspect

    from newsledger.api.params import filter_params
    from newsledger.store.query import APPLIES, FILTER_HELP, TABLES, where_clauses

    names = [f.name for f in dataclasses.fields(Filters)]
    assert list(FILTER_HELP) == names
    assert list(inspect.signature(filter_params).parameters) == names
    samples = {"quad_class": 1, "duplicates": True}
    for kind, table in TABLES.items():
        assert set(APPLIES[kind]) <= set(names)
        none = [str(c) for c in where_clauses(kind, table, Filters())]
        for name in set(names) - set(APPLIES[kind]):
            only = Filters(**{name: samples.get(name, "x")})
            assert [str(c) for c in where_clauses(kind, table, only)] == none, (kind, name)
