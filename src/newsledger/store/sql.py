"""The SQL store: SQLite by default, PostgreSQL through the same schema and migrations.

Writes happen one batch per transaction (articles with all their records), so a run killed
midway leaves whole articles or none, and the next run skips the article ids already stored.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    bindparam,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from ..config import default_url
from ..errors import StoreError
from ..models import Actor, ArticleResult, Contradiction, Event, Statement
from . import rows, schema, search
from .base import Batch
from .engine import make_engine, normalise_url, retry_busy, writer
from .engine import migrate as migrate_schema
from .explore import ExplorerReads
from .query import (
    ID_COLUMNS,
    SORT_COLUMNS,
    TABLES,
    Filters,
    decode_cursor,
    encode_cursor,
    keyset_after,
    where_clauses,
)
from .settings import LedgerSettings, bump_generation, read_generation

#: The PostgreSQL advisory lock that serialises read-merge-write of actors and contradictions.
MERGE_LOCK = 0x6E6C_6D72  # "nlmr"


class SQLStore(ExplorerReads, LedgerSettings):
    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = normalise_url(url or default_url())
        self.engine: Engine = make_engine(self.url)
        self.dialect = self.engine.dialect.name
        self._writer = writer(self.engine)
        if migrate:
            self.migrate()

    # ------------------------------------------------------------------ schema

    def migrate(self) -> None:
        """Bring the schema to the latest alembic revision; safe from many processes at once."""
        migrate_schema(self.engine, self.url)

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ runs

    def start_run(self, inputs: Sequence[str], pipeline: Sequence[str]) -> str:
        run_id = uuid.uuid4().hex
        retry_busy(lambda: self._insert_run(run_id, inputs, pipeline))
        return run_id

    def _insert_run(self, run_id: str, inputs: Sequence[str], pipeline: Sequence[str]) -> None:
        with self._writer.begin() as conn:
            bump_generation(conn)
            conn.execute(
                insert(schema.ingest_runs).values(
                    run_id=run_id,
                    started_at=datetime.now(UTC),
                    inputs=list(inputs),
                    pipeline=list(pipeline),
                    n_articles=0,
                    n_duplicates=0,
                    n_skipped=0,
                    n_errors=0,
                    status="running",
                )
            )

    def finish_run(self, run_id: str, *, status: str, **counts: int) -> None:
        def finish() -> None:
            with self._writer.begin() as conn:
                bump_generation(conn)
                conn.execute(
                    update(schema.ingest_runs)
                    .where(schema.ingest_runs.c.run_id == run_id)
                    .values(finished_at=datetime.now(UTC), status=status, **counts)
                )

        retry_busy(finish)

    # ------------------------------------------------------------------ writing

    def known_articles(self, article_ids: Iterable[str]) -> set[str]:
        ids = list(set(article_ids))
        found: set[str] = set()
        c = schema.articles.c
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                found.update(conn.scalars(select(c.article_id).where(c.article_id.in_(chunk))))
        return found

    def band_matches(self, bands: Iterable[tuple[int, str]]) -> dict[str, bytes]:
        """Stored articles sharing at least one MinHash band, with their signatures."""
        pairs = list(set(bands))
        if not pairs:
            return {}
        b, a = schema.article_bands.c, schema.articles.c
        out: dict[str, bytes] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(pairs), 200):
                chunk = pairs[i : i + 200]
                hashes = [h for _, h in chunk]
                wanted = set(chunk)
                query = (
                    select(b.band, b.hash, a.article_id, a.minhash)
                    .join(schema.articles, a.article_id == b.article_id)
                    .where(b.hash.in_(hashes))
                )
                for band, hsh, article_id, minhash in conn.execute(query):
                    if (band, hsh) in wanted and minhash is not None:
                        out[article_id] = minhash
        return out

    def write_batch(self, batch: Batch) -> None:
        now = datetime.now(UTC)

        def write() -> None:
            with self._writer.begin() as conn:
                bump_generation(conn)
                self._write(conn, batch, now)

        try:
            retry_busy(write)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot write a batch of {len(batch.results)} articles to {self.url!r} ({exc})"
            ) from exc

    def _insert_new(self, conn: Connection, table: Table, values: list[dict[str, Any]]) -> None:
        """Insert rows, ignoring those whose primary key exists (another writer got there first)."""
        if not values:
            return
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        if self.dialect in ("postgresql", "sqlite"):
            conn.execute(dialect_insert(table).on_conflict_do_nothing(), values)
        else:  # pragma: no cover - other dialects are not supported targets
            conn.execute(insert(table), values)

    def _write(self, conn: Connection, batch: Batch, now: datetime) -> None:
        self._insert_new(
            conn,
            schema.raw_documents,
            [
                {
                    "sha256": r.sha256,
                    "format": r.format,
                    "origin": r.origin,
                    "origin_line": r.line,
                    "raw": r.raw,
                }
                for r in {r.sha256: r for r in batch.raw}.values()
            ],
        )
        article_rows = []
        for result in batch.results:
            row = rows.article_row(result.article, result.n_sentences, batch.run_id, now)
            row["minhash"] = batch.minhashes.get(result.article.article_id, (None, []))[0]
            article_rows.append(row | {"duplicate_of": None, "similarity": None})
        for dup in batch.duplicates:
            row = rows.article_row(dup.article, 0, batch.run_id, now)
            article_rows.append(
                row | {"duplicate_of": dup.duplicate_of, "similarity": dup.similarity, "minhash": None}
            )
        # Only articles that are new in this transaction get records: a concurrent writer that
        # stored the same article first keeps its own, so nothing is counted twice.
        fresh = self._insert_articles(conn, article_rows)
        article_rows = [r for r in article_rows if r["article_id"] in fresh]
        results = [r for r in batch.results if r.article.article_id in fresh]

        self._insert_new(
            conn,
            schema.article_bands,
            [
                {"band": band, "hash": hsh, "article_id": aid}
                for aid, (_, bands) in batch.minhashes.items()
                if aid in fresh
                for band, hsh in bands
            ],
        )
        self._write_actors(conn, results)
        self._insert_new(
            conn,
            schema.mentions,
            [rows.mention_row(r.article.article_id, m) for r in results for m in r.mentions],
        )
        events = {e.event_id: rows.event_row(e) for r in results for e in r.events}
        self._insert_new(conn, schema.events, list(events.values()))
        statements = {s.statement_id: rows.statement_row(s) for r in results for s in r.statements}
        self._insert_new(conn, schema.statements, list(statements.values()))
        self._merge_contradictions(conn, [c for r in results for c in r.contradictions])
        self._insert_new(
            conn,
            schema.framing_terms,
            [
                {
                    "article_id": r.article.article_id,
                    "start": t.start,
                    "end": t.end,
                    "text": t.text,
                    "category": t.category,
                    "target_actor_id": t.target,
                }
                for r in results
                if r.framing
                for t in r.framing.terms
            ],
        )
        self._insert_new(
            conn,
            schema.ingest_errors,
            [
                {
                    "run_id": batch.run_id,
                    "origin": e.origin,
                    "line": e.line,
                    "code": e.code,
                    "message": e.message,
                    "created_at": now,
                }
                for e in batch.errors
            ],
        )
        if self.dialect == "sqlite":
            search.index_sqlite_fts(
                conn, [r for r in article_rows if r["duplicate_of"] is None], statements.values()
            )

    def _insert_articles(self, conn: Connection, article_rows: list[dict[str, Any]]) -> set[str]:
        """Insert the articles not stored yet and return their ids: only these get records.  The
        ids come back from the insert itself (RETURNING), not from an earlier read, so a
        concurrent writer that stores the same article first keeps it and its records, and
        nothing is counted twice even when both transactions overlap (PostgreSQL)."""
        if not article_rows:
            return set()
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        query = (
            dialect_insert(schema.articles).on_conflict_do_nothing().returning(schema.articles.c.article_id)
        )
        return set(conn.scalars(query, article_rows))

    def _serialise_merges(self, conn: Connection) -> None:
        """Actors and contradictions are read, merged and written back: on PostgreSQL two
        overlapping batches would lose one side's merge, so that part takes a lock held to the
        commit.  (SQLite's write transactions are serial already.)"""
        if self.dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MERGE_LOCK})

    def _write_actors(self, conn: Connection, results: list[ArticleResult]) -> None:
        self._serialise_merges(conn)
        counts: Counter[str] = Counter(m.actor_id for r in results for m in r.mentions if m.actor_id)
        new: dict[str, dict[str, Any]] = {}
        for result in results:
            for actor in result.actors:
                row = rows.actor_row(actor, 0)
                new[actor.actor_id] = (
                    rows.merge_actor_rows(new[actor.actor_id], row) if actor.actor_id in new else row
                )
        if not new:
            return
        for actor_id, row in new.items():
            row["mentions"] = counts.get(actor_id, 0)
        c = schema.actors.c
        existing = {
            r["actor_id"]: r
            for r in conn.execute(select(schema.actors).where(c.actor_id.in_(list(new)))).mappings()
        }
        inserts = [row for aid, row in new.items() if aid not in existing]
        self._insert_new(conn, schema.actors, inserts)
        merged = [
            rows.merge_actor_rows(dict(existing[aid]), row) for aid, row in new.items() if aid in existing
        ]
        _update_actors(conn, merged)

    # ------------------------------------------------------------------ reading

    def page(
        self,
        kind: str,
        filters: Filters | None = None,
        *,
        limit: int = 50,
        cursor: str | None = None,
        sort: str | None = None,
        descending: bool = True,
        q: str | None = None,
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of export-shaped records, newest first, and the cursor of the next page;
        ``q`` is a free-text query (see :func:`~newsledger.store.search.text_clauses`)."""
        table = self._table(kind)
        sort = sort or SORT_COLUMNS[kind][0]
        if sort not in SORT_COLUMNS[kind] and sort != ID_COLUMNS[kind]:
            allowed = ", ".join(SORT_COLUMNS[kind])
            raise StoreError(f"cannot sort {kind} by {sort!r}; sort by one of: {allowed}")
        sort_col, id_col = table.c[sort], table.c[ID_COLUMNS[kind]]
        query = select(table).where(*self._where(kind, filters, q, first_rows=True))
        if cursor:
            query = query.where(keyset_after(sort_col, id_col, decode_cursor(cursor), descending))
        order = (
            [sort_col.desc().nulls_last(), id_col.desc()]
            if descending
            else [sort_col.asc().nulls_last(), id_col.asc()]
        )
        query = query.order_by(*order).limit(limit + 1)
        with self.engine.connect() as conn:
            found = list(conn.execute(query).mappings())
        next_cursor = None
        if len(found) > limit:
            found = found[:limit]
            last = found[-1]
            next_cursor = encode_cursor([last[sort], last[ID_COLUMNS[kind]]])
        return [rows.to_export(kind, dict(r)) for r in found], next_cursor

    def iter_records(
        self,
        kind: str,
        filters: Filters | None = None,
        *,
        chunk: int = 2000,
        q: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Every matching record in export shape, streamed in id order (memory bounded by ``chunk``);
        ``q`` is a free-text query."""
        table = self._table(kind)
        id_col = table.c[ID_COLUMNS[kind]]
        last: str | None = None
        clauses = self._where(kind, filters, q)
        while True:
            query = select(table).where(*clauses)
            if last is not None:
                query = query.where(id_col > last)
            with self.engine.connect() as conn:
                found = list(conn.execute(query.order_by(id_col).limit(chunk)).mappings())
            if not found:
                return
            for row in found:
                yield rows.to_export(kind, dict(row))
            last = found[-1][ID_COLUMNS[kind]]

    def count(self, kind: str, filters: Filters | None = None, *, q: str | None = None) -> int:
        table = self._table(kind)
        unfiltered = kind == "events" and q and not where_clauses(kind, table, filters or Filters())
        if unfiltered and (found := search.count_event_matches(self.engine, q or "")) is not None:
            return found  # counted in the full-text index alone
        query = select(func.count()).select_from(table).where(*self._where(kind, filters, q))
        with self.engine.connect() as conn:
            return int(conn.scalar(query) or 0)

    def get(self, kind: str, record_id: str) -> dict[str, Any] | None:
        table = self._table(kind)
        with self.engine.connect() as conn:
            row = conn.execute(select(table).where(table.c[ID_COLUMNS[kind]] == record_id)).mappings().first()
        return rows.to_export(kind, dict(row)) if row else None

    def raw_article(self, article_id: str) -> dict[str, Any] | None:
        """The article row with provenance columns (origin, hash, ingest time) for its page."""
        a = schema.articles
        with self.engine.connect() as conn:
            row = conn.execute(select(a).where(a.c.article_id == article_id)).mappings().first()
        if not row:
            return None
        out = dict(row)
        out.pop("minhash", None)
        return out

    def article_records(self, article_id: str) -> dict[str, list[dict[str, Any]]]:
        """Mentions, events, statements, framing terms and contradictions of one article."""
        with self.engine.connect() as conn:
            mentions = [
                dict(r)
                for r in conn.execute(
                    select(schema.mentions)
                    .where(schema.mentions.c.article_id == article_id)
                    .order_by(schema.mentions.c.start)
                ).mappings()
            ]
            framing = [
                dict(r)
                for r in conn.execute(
                    select(schema.framing_terms)
                    .where(schema.framing_terms.c.article_id == article_id)
                    .order_by(schema.framing_terms.c.start)
                ).mappings()
            ]
        f = Filters(article_id=article_id)
        return {
            "mentions": mentions,
            "events": list(self.iter_records("events", f)),
            "statements": list(self.iter_records("statements", f)),
            "contradictions": list(self.iter_records("contradictions", f)),
            "framing": framing,
        }

    def search(self, q: str, *, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
        """Full-text search over articles and statements (FTS5 / tsvector), best first."""
        found = search.matching_ids(self.engine, q, limit)
        return {kind: [r for r in (self.get(kind, i) for i in ids) if r] for kind, ids in found.items()}

    def ledger_version(self) -> tuple[Any, ...]:
        """Changes with every write (the write count in ledger_settings) and whenever an ingest
        run starts or ends: what caches of aggregates key on."""
        r = schema.ingest_runs.c
        query = select(func.count(), func.max(r.started_at), func.max(r.finished_at))
        with self.engine.connect() as conn:
            return (read_generation(conn), *conn.execute(query).one())

    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            counts = {
                kind: int(conn.scalar(select(func.count()).select_from(table)) or 0)
                for kind, table in TABLES.items()
            }
            a = schema.articles.c
            counts["duplicates"] = int(
                conn.scalar(select(func.count()).where(a.duplicate_of.is_not(None))) or 0
            )
            counts["articles"] -= counts["duplicates"]
            counts["errors"] = int(conn.scalar(select(func.count()).select_from(schema.ingest_errors)) or 0)
            e = schema.events.c
            by_quad = {
                str(q): n for q, n in conn.execute(select(e.quad_class, func.count()).group_by(e.quad_class))
            }
            by_root = {
                r: n for r, n in conn.execute(select(e.cameo_root, func.count()).group_by(e.cameo_root))
            }
            by_outlet_type = {
                t: n
                for t, n in conn.execute(
                    select(a.outlet_type, func.count())
                    .where(a.duplicate_of.is_(None))
                    .group_by(a.outlet_type)
                )
            }
            first, last = conn.execute(select(func.min(e.date), func.max(e.date))).one()
        return counts | {
            "events_by_quad_class": by_quad,
            "events_by_root": dict(sorted(by_root.items())),
            "articles_by_outlet_type": by_outlet_type,
            "event_dates": [first, last],
        }

    def errors(self, run_id: str | None = None) -> list[dict[str, Any]]:
        t = schema.ingest_errors
        query = select(t).order_by(t.c.id)
        if run_id:
            query = query.where(t.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    # ------------------------------------------------------------------ cross-article passes

    def voices_in_run(self, run_id: str) -> tuple[set[str], set[str]]:
        """Actor ids and countries that spoke or acted in the articles of one run."""
        a, s, e = schema.articles.c, schema.statements.c, schema.events.c
        in_run = select(a.article_id).where(a.run_id == run_id)
        ids: set[str] = set()
        countries: set[str] = set()
        queries = (
            select(s.speaker_actor_id, s.speaker_country).where(s.article_id.in_(in_run)).distinct(),
            select(e.source_actor_id, e.source_country).where(e.article_id.in_(in_run)).distinct(),
        )
        with self.engine.connect() as conn:
            for query in queries:
                for actor_id, country in conn.execute(query):
                    if actor_id:
                        ids.add(actor_id)
                    if country:
                        countries.add(country)
        return ids, countries

    def records_of_voice(
        self, actor_id: str | None = None, country: str | None = None, *, limit: int = 300
    ) -> tuple[list[Statement], list[Event], list[Actor]]:
        """The latest statements and events of one actor, or of one country's actors, as typed
        records with the actors they name: what a cross-article contradiction check reads."""
        from . import typed

        s, e = schema.statements, schema.events
        if actor_id:
            s_where = s.c.speaker_actor_id == actor_id
            e_where = (e.c.source_actor_id == actor_id) | (e.c.target_actor_id == actor_id)
        elif country:
            s_where = s.c.speaker_country == country
            e_where = (e.c.source_country == country) | (e.c.target_country == country)
        else:
            raise StoreError("records_of_voice needs an actor_id or a country")
        with self.engine.connect() as conn:
            srows = conn.execute(
                select(s).where(s_where).order_by(s.c.date.desc().nulls_last()).limit(limit)
            ).mappings()
            statements = [typed.statement(dict(r)) for r in srows]
            erows = conn.execute(
                select(e).where(e_where).order_by(e.c.date.desc().nulls_last()).limit(limit)
            ).mappings()
            events = [typed.event(dict(r)) for r in erows]
            wanted: set[str] = set()
            for st in statements:
                wanted.update(x.actor_id for x in (st.speaker, *st.about) if x)
            for ev in events:
                wanted.update(x.actor_id for x in (ev.source, ev.target) if x)
            arows = conn.execute(
                select(schema.actors).where(schema.actors.c.actor_id.in_(list(wanted)))
            ).mappings()
            actors = [typed.actor(dict(r)) for r in arows]
        return statements, events, actors

    def add_contradictions(self, found: Iterable[Contradiction]) -> int:
        """Store contradictions not stored yet (their ids are stable); returns how many were new."""
        findings = list(found)  # a retry reads them again

        def add() -> int:
            with self._writer.begin() as conn:
                bump_generation(conn)
                return self._merge_contradictions(conn, findings)

        return retry_busy(add)

    def _merge_contradictions(self, conn: Connection, found: Iterable[Contradiction]) -> int:
        """Insert new findings and merge the records of those stored already (a finding's id is
        stable: the same voice contradicting itself on the same target, met again); returns how
        many were new."""
        values: dict[str, dict[str, Any]] = {}
        for c in found:
            row = rows.contradiction_row(c)
            old = values.get(c.contradiction_id)
            values[c.contradiction_id] = rows.merge_contradiction(old, row) if old else row
        if not values:
            return 0
        self._serialise_merges(conn)
        table = schema.contradictions
        t = table.c
        stored = {
            r["contradiction_id"]: r
            for r in conn.execute(select(table).where(t.contradiction_id.in_(list(values)))).mappings()
        }
        self._insert_new(conn, table, [v for k, v in values.items() if k not in stored])
        for cid, kept in stored.items():
            merged = rows.merge_contradiction(dict(kept), values[cid])
            if merged != dict(kept):
                conn.execute(update(table).where(t.contradiction_id == cid).values(**merged))
        return len(set(values) - set(stored))

    def _where(
        self, kind: str, filters: Filters | None, q: str | None, *, first_rows: bool = False
    ) -> list[Any]:
        table = self._table(kind)
        text = search.text_clauses(self.engine, kind, q, first_rows=first_rows)
        return [*where_clauses(kind, table, filters or Filters()), *text]

    def _table(self, kind: str) -> Table:
        try:
            return TABLES[kind]
        except KeyError:
            raise StoreError(f"unknown record kind {kind!r}; expected one of {', '.join(TABLES)}") from None


def open_store(url: str | None = None) -> SQLStore:
    return SQLStore(url)


def _update_actors(conn: Connection, merged: list[dict[str, Any]]) -> None:
    """Write merged actor rows back: one UPDATE statement run for all of them (executemany),
    not one statement per actor (most actors of a batch were stored by an earlier one)."""
    c = schema.actors.c
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in merged:  # every merged row has the same columns; grouped all the same
        by_columns.setdefault(tuple(row), []).append(row)
    for columns, group in by_columns.items():
        stmt = (
            update(schema.actors)
            .where(c.actor_id == bindparam("b_actor_id"))
            .values({k: bindparam(f"b_{k}", type_=c[k].type) for k in columns if k != "actor_id"})
        )
        conn.execute(stmt, [{f"b_{k}": v for k, v in row.items()} for row in group])
