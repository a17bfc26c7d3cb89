"""The same schema, writes, filters and full-text search on a real PostgreSQL server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsledger.store import Batch, Filters, SQLStore

from ..records import result  # noqa: TID252

pytestmark = pytest.mark.pg


@pytest.fixture()
def pg_url() -> Iterator[str]:
    base = os.environ.get("NEWSLEDGER_TEST_PG_URL")
    if not base:
        pytest.skip("NEWSLEDGER_TEST_PG_URL is not set (scripts/test starts a server and sets it)")
    import sqlalchemy as sa

    name = f"nl_test_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    yield base.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


def test_store_round_trip_filters_and_search(pg_url: str) -> None:
    store = SQLStore(pg_url)
    batch = Batch("run", results=[result(i) for i in range(5)])
    store.write_batch(batch)
    store.write_batch(batch)  # idempotent on PostgreSQL too
    assert store.stats()["events"] == 5
    assert store.count("events", Filters(actor="iran", cameo="04")) == 5
    assert store.get("actors", "zarif")["mentions"] == 5  # type: ignore[index]
    found = store.search("terrorist entity")
    assert {s["statement_id"] for s in found["statements"]} == {f"s{i}" for i in range(5)}
    assert found["articles"]
    pages, cursor = store.page("events", limit=2)
    assert len(pages) == 2 and cursor
    store.close()


def test_ingest_seed_article_into_postgres(pg_url: str, seed_article_path: Path) -> None:
    from newsledger.executors import get_executor
    from newsledger.runner import ingest

    store = SQLStore(pg_url)
    summary = ingest([str(seed_article_path)], store=store, executor=get_executor("local"))
    assert summary.articles == 1 and summary.n_errors == 0 and summary.events > 0
    again = ingest([str(seed_article_path)], store=store, executor=get_executor("local"))
    assert again.articles == 0 and again.skipped == 1
    assert store.count("statements") == summary.statements
    store.close()


def test_migrations_build_exactly_the_declared_schema_on_postgres(pg_url: str) -> None:
    """As the SQLite test in tests/unit/test_store.py, widths included (PostgreSQL checks them)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from newsledger.store.migrations import compare_type, include_name
    from newsledger.store.schema import metadata

    store = SQLStore(pg_url)
    with store.engine.connect() as conn:
        opts = {"include_name": include_name, "compare_type": compare_type}
        assert compare_metadata(MigrationContext.configure(conn, opts=opts), metadata) == []
    store.close()


def test_long_actor_ids_sectors_and_codes_are_stored(pg_url: str) -> None:
    """What the actors stage wrote on the Wikinews corpus and PostgreSQL refused before 0016: an id
    of 100 characters, a sector chain of 9, an actor code of 27, an affiliation of 87."""
    import sqlalchemy as sa

    from newsledger.store import schema

    store = SQLStore(pg_url)
    long_id = "person:" + "-".join(["jose-dos-santos"] * 6)[:93]
    actor = {"actor_id": long_id, "name": "José dos Santos", "kind": "person", "country": "CUB",
             "sector": "NGOHLHMSF", "cameo_code": "CUBNGOHLHMSFGOVLEGGOVMILCOP", "aliases": [], "roles": [],
             "affiliation": "a" * 87, "mentions": 1}  # fmt: skip
    with store.engine.begin() as conn:
        conn.execute(sa.insert(schema.actors), [actor])
    with store.engine.connect() as conn:
        stored = (
            conn.execute(sa.select(schema.actors).where(schema.actors.c.actor_id == long_id)).mappings().one()
        )
    assert (len(stored["actor_id"]), stored["sector"], len(stored["cameo_code"])) == (100, "NGOHLHMSF", 27)
    store.close()


def test_the_facets_of_a_word_read_the_newest_events_from_one_index(pg_url: str) -> None:
    """0017: the newest events matching a word, with every column the facets count, come from
    ix_events_words_newest alone (an index-only scan), not from the table row by row: a facet
    column added to ``facets._found`` and not to the index fails here."""
    from sqlalchemy import event, text

    from newsledger.store.facets import facets

    store = SQLStore(pg_url)
    store.write_batch(Batch("run", results=[result(i) for i in range(5)]))
    with store.engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE events"))
    statements: list[tuple[str, object]] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append((a[2], a[3])))
    assert facets(store.engine, "events", Filters(), q="traveled")  # the word of those events' sentence
    found = next((s, p) for s, p in statements if "@@" in s)
    with store.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        conn.execute(text("SET enable_bitmapscan = off"))
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + found[0], found[1]))  # type: ignore[arg-type]
    assert "Index Only Scan using ix_events_words_newest" in plan, plan
    store.close()
