"""Free-text search: the full-text indexes (FTS5 on SQLite, tsvector on PostgreSQL), ranked and
paged search with snippets, and the where-clauses a free-text query adds to a listing.  The
query syntax and its one builder for each index live in :mod:`newsledger.store.fts`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    Text,
    exists,
    false,
    literal_column,
    or_,
    select,
    text,
)

from ..errors import StoreError
from . import fts
from .query import ID_COLUMNS, TABLES


def escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def text_clauses(engine: Engine, kind: str, q: str | None, *, first_rows: bool = False) -> list[Any]:
    """Where-clauses for a free-text query ``q`` on one kind of record (empty when no query);
    ``first_rows``: for a listing that reads one page in its order (events: see
    :func:`_event_sentences`).

    Articles, statements and events (their sentence) use the full-text index and its search
    syntax (:mod:`.fts`); actors match words in their name or aliases, contradictions in their
    explanation.
    """
    q = (q or "").replace("\x00", "").strip()  # PostgreSQL text cannot hold a NUL
    if not q:
        return []
    c = TABLES[kind].c
    if kind in ("articles", "statements", "events"):
        id_name = ID_COLUMNS[kind]
        tree = fts.parse(q)
        if tree is None:  # only punctuation: no word can match it
            return [false()]
        if engine.dialect.name == "postgresql":
            params: dict[str, str] = {}
            tsquery = fts.to_tsquery(tree, params)
            return [text(f"{kind}.tsv @@ {tsquery}").bindparams(**params)]
        match = fts.to_fts5(tree)
        if kind == "events":
            return [_event_sentences(engine, match, first_rows=first_rows)]
        index = f"{kind}_fts"
        sub: Select[Any] = (
            select(literal_column(id_name))
            .select_from(text(index))
            .where(text(f"{index} MATCH :nl_fts_q").bindparams(nl_fts_q=match))
        )
        return [c[id_name].in_(sub)]

    def contains(col: Any, word: str) -> ColumnElement[bool]:
        # LIKE is case-insensitive for ASCII on SQLite; ILIKE on PostgreSQL.
        return col.ilike(f"%{escape_like(word)}%", escape="\\")  # type: ignore[no-any-return]

    words = q.split()
    if kind == "actors":
        return [or_(contains(c.name, w), contains(c.aliases.cast(Text), w)) for w in words]
    return [contains(c.explanation, w) for w in words]


#: How densely an events query matches decides how it is read (``_event_sentences``): measured
#: on the first SAMPLE events (by rowid); DENSE and more, a listing asks the index event by event
#: (at most ~250 questions per page of 50; each costs 15-200 µs, more in an index grown by many
#: small writes, so that a rarer word is cheaper walked as a set);
#: FEW matches or more expected, reads keep the matches as a set and walk their own order.
SAMPLE, DENSE, FEW = 20_000, 0.2, 50_000


def _sqlite_density(engine: Engine, match: str) -> tuple[float, int]:
    """The share of the first SAMPLE events whose sentence the FTS5 expression ``match`` finds,
    and the largest event rowid (about the number of events)."""
    with engine.connect() as conn:
        last = int(conn.scalar(text("SELECT max(rowid) FROM events")) or 0)
        sql = "SELECT count(*) FROM events_fts WHERE events_fts MATCH :q AND rowid <= :k"
        hits = int(conn.scalar(text(sql), {"q": match, "k": SAMPLE}) or 0)
    return hits / max(1, min(last, SAMPLE)), last


def _event_sentences(engine: Engine, match: str, *, first_rows: bool) -> ColumnElement[bool]:
    """Events whose sentence matches the FTS5 expression ``match``, by the events' rowid (the
    index's key since migration 0013; it read the event id from the index's content table, one
    row per match: 0.7 s for a word in 740,000 of 1,000,000 sentences).  SQLite cannot tell how
    many sentences match, so a sample of the index decides the plan:

    * the first rows of a listing (``first_rows``) of a query in DENSE or more of the events:
      each event the listing passes in its order is asked of the index by rowid, so that a page
      stops after a few dozen events (a word in 74 % of the sentences: 7 ms) without collecting
      every match; a scan of every event this way took 30 s, so counts and facets never do it;
    * fewer than FEW matches expected: the matching events are looked up by rowid, then ordered;
    * more: the read walks its own order (newest first) and keeps the events whose rowid is
      among the matches (``+rowid``: not looked up one by one, 220 -> 100 ms for 740,000)."""
    density, last = _sqlite_density(engine, match)
    matches = text("events_fts MATCH :nl_fts_q").bindparams(nl_fts_q=match)
    if first_rows and density >= DENSE:
        by_rowid = text("events_fts.rowid = events.rowid")
        return exists().select_from(text("events_fts")).where(matches, by_rowid)
    sub: Select[Any] = select(literal_column("rowid")).select_from(text("events_fts")).where(matches)
    few = density * last < FEW
    return literal_column("events.rowid" if few else "+events.rowid").in_(sub)


def count_event_matches(engine: Engine, q: str) -> int | None:
    """The events whose sentence matches ``q``, counted in the index alone (SQLite: one index
    row per event, kept by triggers), or None where that does not apply (PostgreSQL)."""
    if engine.dialect.name != "sqlite":
        return None
    tree = fts.parse(q.replace("\x00", "").strip())
    if tree is None:
        return 0
    with engine.connect() as conn:
        sql = "SELECT count(*) FROM events_fts WHERE events_fts MATCH :q"
        return int(conn.scalar(text(sql), {"q": fts.to_fts5(tree)}) or 0)


#: Matched words in snippets are wrapped in these (control characters no text shows), so that
#: the caller escapes the text first and marks the words after.
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
#: The text column a snippet is cut from, and each column's bm25 weight (the id column is unindexed).
_FTS = {
    "articles": ("text", 2, "0.0, 3.0, 1.0"),
    "statements": ("content", 2, "0.0, 1.0, 2.0"),
}


@dataclass(frozen=True)
class Hit:
    record_id: str
    snippet: str  # text around the matches, matched words between MARK_OPEN and MARK_CLOSE
    phrase: bool  # holds the query's words as one phrase (ranked first)


@dataclass(frozen=True)
class SearchPage:
    kind: str
    total: int
    hits: list[Hit]


def search_page(engine: Engine, kind: str, q: str, *, limit: int = 20, offset: int = 0) -> SearchPage:
    """One page of the articles or statements matching ``q`` (the syntax of :mod:`.fts`), best
    first: those holding the query's words as a phrase, then the others, each by bm25 (SQLite)
    or ts_rank_cd (PostgreSQL); with the number of matches.  Raises SearchQueryError for a
    query the syntax cannot read."""
    if kind not in _FTS:
        raise StoreError(f"no full-text index for {kind!r}; search articles or statements")
    tree = fts.parse(q.replace("\x00", " "))
    if tree is None:
        return SearchPage(kind, 0, [])
    words = fts.plain_words(tree)
    phrase = fts.Term(tuple(words)) if len(words) > 1 else None
    run = _sqlite_page if engine.dialect.name == "sqlite" else _postgres_page
    with engine.connect() as conn:
        return run(conn, kind, tree, phrase, limit, offset)


def _sqlite_page(
    conn: Connection, kind: str, tree: fts.Node, phrase: fts.Term | None, limit: int, offset: int
) -> SearchPage:
    fts_table, key = f"{kind}_fts", ID_COLUMNS[kind]
    _, column, weights = _FTS[kind]
    params: dict[str, Any] = {
        "q": fts.to_fts5(tree),
        "n": limit,
        "o": offset,
        "a": MARK_OPEN,
        "b": MARK_CLOSE,
    }
    boost = "0"
    if phrase is not None:
        params["p"] = fts.to_fts5(phrase)
        boost = f"(rowid IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :p))"
    sql = (
        f"SELECT {key}, snippet({fts_table}, {column}, :a, :b, '…', 24), {boost} AS phrase "
        f"FROM {fts_table} WHERE {fts_table} MATCH :q "
        f"ORDER BY phrase DESC, bm25({fts_table}, {weights}), rowid LIMIT :n OFFSET :o"
    )
    hits = [Hit(i, s or "", bool(p)) for i, s, p in conn.execute(text(sql), params)]
    total = conn.scalar(
        text(f"SELECT count(*) FROM {fts_table} WHERE {fts_table} MATCH :q"), {"q": params["q"]}
    )
    return SearchPage(kind, int(total or 0), hits)


def _postgres_page(
    conn: Connection, kind: str, tree: fts.Node, phrase: fts.Term | None, limit: int, offset: int
) -> SearchPage:
    key, (column, _, _) = ID_COLUMNS[kind], _FTS[kind]
    params: dict[str, Any] = {"n": limit, "o": offset}
    query = fts.to_tsquery(tree, params)
    boost = f"(tsv @@ {fts.to_tsquery(phrase, params)})" if phrase is not None else "false"
    options = f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=30, MinWords=12, MaxFragments=2"
    params["opts"] = options
    sql = (
        f"SELECT {key}, ts_headline('english', {column}, {query}, :opts), {boost} AS phrase "
        f"FROM {kind} WHERE tsv @@ {query} "
        f"ORDER BY phrase DESC, ts_rank_cd(tsv, {query}) DESC, {key} LIMIT :n OFFSET :o"
    )
    hits = [Hit(i, s or "", bool(p)) for i, s, p in conn.execute(text(sql), params)]
    total = conn.scalar(text(f"SELECT count(*) FROM {kind} WHERE tsv @@ {query}"), params)
    return SearchPage(kind, int(total or 0), hits)


def matching_ids(engine: Engine, q: str, limit: int) -> dict[str, list[str]]:
    """Ids of the articles and statements best matching ``q``, best first."""
    return {
        kind: [h.record_id for h in search_page(engine, kind, q, limit=limit).hits]
        for kind in ("articles", "statements")
    }


def index_sqlite_fts(
    conn: Connection, article_rows: list[dict[str, Any]], statement_rows: Iterable[dict[str, Any]]
) -> None:
    """Add new articles and statements to SQLite's FTS5 tables (PostgreSQL indexes a column)."""
    if article_rows:
        conn.execute(
            text("INSERT INTO articles_fts (article_id, title, text) VALUES (:article_id, :title, :text)"),
            [{"article_id": r["article_id"], "title": r["title"], "text": r["text"]} for r in article_rows],
        )
    stmts = [
        {
            "statement_id": s["statement_id"],
            "speaker": s["speaker_name"] or s["speaker_text"] or "",
            "content": s["content"],
        }
        for s in statement_rows
    ]
    if stmts:
        conn.execute(
            text(
                "INSERT INTO statements_fts (statement_id, speaker, content) "
                "VALUES (:statement_id, :speaker, :content)"
            ),
            stmts,
        )
