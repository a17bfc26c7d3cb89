"""Free-text search: the full-text indexes (FTS5 on SQLite, tsvector on PostgreSQL) and the
where-clauses a free-text query adds to a listing.  The one FTS5 query builder lives here."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Select, Text, literal_column, or_, select, text

from . import schema
from .query import ID_COLUMNS, TABLES

#: Up to this many matching articles, an event text search starts from their events.
PREFILTER_ARTICLES = 2000


def fts5_query(q: str) -> str:
    """User words as quoted FTS5 terms: punctuation and FTS5 operators cannot break the MATCH
    syntax; empty when ``q`` holds no word at all.  A NUL ends a C string inside SQLite, so it
    would cut the quoted term short ("unterminated string"): it is dropped with the quotes."""
    words = [w.replace('"', "").replace("\x00", "") for w in q.split()]
    return " ".join(f'"{w}"' for w in words if w)


def escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def text_clauses(engine: Engine, kind: str, q: str | None) -> list[Any]:
    """Where-clauses for a free-text query ``q`` on one kind of record (empty when no query).

    Articles and statements use the full-text index; events match words in their sentence,
    actors their name or aliases, contradictions their explanation.
    """
    q = (q or "").replace("\x00", "").strip()  # PostgreSQL text cannot hold a NUL
    if not q:
        return []
    c = TABLES[kind].c
    if kind in ("articles", "statements"):
        id_name = ID_COLUMNS[kind]
        if engine.dialect.name == "postgresql":
            return [
                text(f"{kind}.tsv @@ websearch_to_tsquery('english', :nl_text_q)").bindparams(nl_text_q=q)
            ]
        match = fts5_query(q)
        if not match:
            return []
        fts = f"{kind}_fts"
        sub: Select[Any] = (
            select(literal_column(id_name))
            .select_from(text(fts))
            .where(text(f"{fts} MATCH :nl_fts_q").bindparams(nl_fts_q=match))
        )
        return [c[id_name].in_(sub)]

    def contains(col: Any, word: str) -> ColumnElement[bool]:
        # LIKE is case-insensitive for ASCII on SQLite; ILIKE on PostgreSQL.
        return col.ilike(f"%{escape_like(word)}%", escape="\\")  # type: ignore[no-any-return]

    words = q.split()
    if kind == "events":
        return _article_prefilter(engine, q) + [contains(c.sentence, w) for w in words]
    if kind == "actors":
        return [or_(contains(c.name, w), contains(c.aliases.cast(Text), w)) for w in words]
    return [contains(c.explanation, w) for w in words]


def _article_prefilter(engine: Engine, q: str) -> list[Any]:
    """For rare words, the events of the articles whose full-text index has them (SQLite).

    An event's sentence is part of its article, so the articles matching every word (as a word
    prefix) hold every event that can match.  When few articles match, starting from their
    events beats scanning sentences; when many do, the sentence scan finds a page at once.
    """
    if engine.dialect.name != "sqlite":
        return []
    match = " ".join(f"{term}*" for term in fts5_query(q).split(" ") if term)
    if not match:
        return []
    with engine.connect() as conn:
        ids = list(
            conn.scalars(
                text("SELECT article_id FROM articles_fts WHERE articles_fts MATCH :q LIMIT :n"),
                {"q": match, "n": PREFILTER_ARTICLES + 1},
            )
        )
    if len(ids) > PREFILTER_ARTICLES:
        return []
    return [schema.events.c.article_id.in_(ids)]


def matching_ids(engine: Engine, q: str, limit: int) -> dict[str, list[str]]:
    """Ids of the articles and statements best matching ``q``, best first."""
    q = q.replace("\x00", "").strip()
    sqlite = engine.dialect.name == "sqlite"
    term = fts5_query(q) if sqlite else q
    out: dict[str, list[str]] = {"articles": [], "statements": []}
    if not term:  # only punctuation: nothing to look for
        return out
    with engine.connect() as conn:
        for name in out:
            key = ID_COLUMNS[name]
            sql = (
                f"SELECT {key} FROM {name}_fts WHERE {name}_fts MATCH :q ORDER BY rank LIMIT :n"
                if sqlite
                else f"SELECT {key} FROM {name} WHERE tsv @@ websearch_to_tsquery('english', :q) "
                f"ORDER BY ts_rank(tsv, websearch_to_tsquery('english', :q)) DESC LIMIT :n"
            )
            out[name] = list(conn.scalars(text(sql), {"q": term, "n": limit}))
    return out


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
