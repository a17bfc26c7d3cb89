"""Copy a SQLite ledger into a PostgreSQL database, so that ``pages.py --url`` measures the same
records on both backends (the 1,000,000-event synthetic ledger of ``api_latency.py``, the full
Wikinews ledger).  Prints what it did; asserts nothing.

The target is migrated to the current schema (``SQLStore``), its tables must be empty; the
secondary indexes (B-tree and the GIN full-text ones) are dropped during the load and built
again after it, then ``ANALYZE``: what a bulk load into PostgreSQL does, and 1,000,000 events
load in minutes instead of an hour of index maintenance row by row.

    .venv/bin/python benchmarks/pg_copy.py --db /work/bench/synth-1m.db \\
        --url postgresql+psycopg://postgres@127.0.0.1:55432/synth1m
"""

from __future__ import annotations

import argparse
import re
import time
from typing import Any

from psycopg.errors import StringDataRightTruncation
from psycopg.types.json import Json
from sqlalchemy import JSON, Table, create_engine, select, text
from sqlalchemy.engine import make_url

from newsledger.store import SQLStore, schema

#: Parents before children (foreign keys).
TABLES = ["ingest_runs", "raw_documents", "articles", "article_bands", "actors", "mentions", "events",
          "statements", "contradictions", "framing_terms", "ingest_errors"]  # fmt: skip
CHUNK = 20_000


def _create_database(url: str) -> None:
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}):
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def _copy_table(src: Any, dst: Any, table: Table) -> int:
    columns = [f'"{c.name}"' for c in table.columns]
    json_at = [i for i, c in enumerate(table.columns) if isinstance(c.type, JSON)]
    n = 0
    with src.connect() as read, dst.connect() as write:
        raw = write.connection.dbapi_connection
        cursor = raw.cursor()
        with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for part in read.execution_options(yield_per=CHUNK).execute(select(table)).partitions():
                for row in part:
                    values = list(row)
                    for i in json_at:
                        if values[i] is not None:
                            values[i] = Json(values[i])
                    copy.write_row(values)
                    n += 1
        raw.commit()
    return n


def _copy_widening(src: Any, dst: Any, table: Table) -> int:
    """The table copied; a text longer than its column allows on PostgreSQL (SQLite does not
    check lengths) widens that column to ``text`` and the copy starts again, said aloud: such
    a ledger could not have been written to PostgreSQL by the same code."""
    while True:
        try:
            return _copy_table(src, dst, table)
        except StringDataRightTruncation as exc:
            found = re.search(r"column (\w+):", str(exc))
            if not found:
                raise
            column = found[1]
            print(f"  ! {table.name}.{column}: a value longer than the column allows; widened to text")
            with dst.begin() as conn:
                conn.execute(text(f"ALTER TABLE {table.name} ALTER COLUMN {column} TYPE text"))
                conn.execute(text(f"DELETE FROM {table.name}"))


def copy(sqlite_path: str, url: str) -> None:
    _create_database(url)
    SQLStore(url).close()  # the current schema
    src = SQLStore(f"sqlite:///{sqlite_path}").engine
    dst = create_engine(url)
    names = [t for t in TABLES if t in schema.metadata.tables]
    with dst.begin() as conn:
        indexes = conn.execute(
            text(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' "
                "AND i.tablename = ANY(:t) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conname = i.indexname)"
            ),
            {"t": names},
        ).all()
        for name, _ in indexes:
            conn.execute(text(f'DROP INDEX "{name}"'))
    for name in names:
        t0 = time.perf_counter()
        n = _copy_widening(src, dst, schema.metadata.tables[name])
        print(f"  {name}: {n:,} rows in {time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    with dst.begin() as conn:
        conn.execute(text("SET maintenance_work_mem = '512MB'"))
        for _, definition in indexes:
            conn.execute(text(definition))
    print(f"  {len(indexes)} indexes built in {time.perf_counter() - t0:.1f} s", flush=True)
    with dst.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE"))
    dst.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", required=True, help="the SQLite ledger to copy")
    parser.add_argument("--url", required=True, help="the PostgreSQL database (created when missing)")
    args = parser.parse_args()
    t0 = time.perf_counter()
    copy(args.db, args.url)
    print(f"copied in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
