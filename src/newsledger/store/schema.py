"""The ledger's tables (SQLAlchemy Core).  Only ``store/`` knows these; everything else speaks
the typed records of :mod:`newsledger.models` or the export-shaped dicts of :mod:`.rows`.

Actor snapshots (``source_*``, ``speaker_*``) are denormalised into events and statements on
purpose: a record keeps the code its actor had on the record's date, and the API can filter a
million events by country or sector without a join.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)


#: Widths of actor columns (0016): an id made from a long name (100 characters on the Wikinews
#: corpus), a chain of CAMEO sector codes ("NGOHLHMSF") and a composite actor code (27) are what
#: the actors stage writes; SQLite never checked the old widths, PostgreSQL refused them.
ACTOR_ID, SECTOR, ACTOR_CODE, AFFILIATION = 255, 32, 64, 255


def _actor_snapshot(prefix: str) -> list[Column[object]]:
    return [
        Column(f"{prefix}_actor_id", String(ACTOR_ID)),
        Column(f"{prefix}_name", Text),
        Column(f"{prefix}_country", String(8)),
        Column(f"{prefix}_sector", String(SECTOR)),
        Column(f"{prefix}_cameo_code", String(ACTOR_CODE)),
    ]


def _provenance() -> list[Column[object]]:
    return [
        Column("article_id", String(32), nullable=False),
        Column("sentence_index", Integer, nullable=False),
        Column("sentence", Text, nullable=False),
        Column("span_start", Integer, nullable=False),
        Column("span_end", Integer, nullable=False),
        Column("stage", String(64), nullable=False),
        Column("reported_by", JSON, nullable=False),
    ]


ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("run_id", String(32), primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("inputs", JSON, nullable=False),
    Column("pipeline", JSON, nullable=False),
    Column("n_articles", Integer, nullable=False, default=0),
    Column("n_duplicates", Integer, nullable=False, default=0),
    Column("n_skipped", Integer, nullable=False, default=0),
    Column("n_errors", Integer, nullable=False, default=0),
    Column("status", String(16), nullable=False),
)

raw_documents = Table(
    "raw_documents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("format", String(8), nullable=False),
    Column("origin", Text, nullable=False),
    Column("origin_line", Integer),
    Column("raw", LargeBinary, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("article_id", String(32), primary_key=True),
    Column("url", Text),
    Column("title", Text, nullable=False),
    Column("published", String(32)),
    Column("site", Text),
    Column("outlet", Text),
    Column("outlet_type", String(16), nullable=False),
    Column("language", String(8), nullable=False),
    Column("author", Text),
    Column("categories", JSON, nullable=False),
    Column("text", Text, nullable=False),
    Column("n_sentences", Integer, nullable=False),
    Column("source_key", Text, nullable=False),
    Column("origin", Text, nullable=False),
    Column("origin_line", Integer),
    Column("raw_sha256", String(64), nullable=False),
    # False: stored but not analysed (not English); cleaning: {kind: count} removed from the input
    Column("analysed", Boolean, nullable=False, server_default="1"),
    Column("cleaning", JSON(none_as_null=True)),  # SQL NULL when the text is the input's as given
    Column("duplicate_of", String(32)),
    Column("similarity", Float),
    Column("minhash", LargeBinary),
    Column("run_id", String(32)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index(None, "published"),
    Index(None, "outlet_type"),
    Index(None, "duplicate_of"),
    # 0010: the articles published per period (the timeline's denominator) without the wide rows
    Index("ix_articles_published_cover", "published", "duplicate_of", "outlet_type", "outlet"),
)

article_bands = Table(
    "article_bands",
    metadata,
    Column("band", Integer, primary_key=True),
    Column("hash", String(16), primary_key=True),
    Column("article_id", String(32), primary_key=True),
)

actors = Table(
    "actors",
    metadata,
    Column("actor_id", String(ACTOR_ID), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("country", String(8)),
    Column("sector", String(SECTOR)),
    Column("cameo_code", String(ACTOR_CODE)),
    Column("aliases", JSON, nullable=False),
    Column("roles", JSON, nullable=False),
    Column("affiliation", String(AFFILIATION)),
    Column("mentions", Integer, nullable=False),
    Index(None, "country"),
    Index(None, "mentions"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("actor_id", String(ACTOR_ID)),
    Column("method", String(32), nullable=False),
    Index(None, "article_id"),
    Index(None, "actor_id"),
)

_PARTY_COVERED = (
    "source_actor_id", "target_actor_id", "cameo_root", "quad_class", "plover_type", "goldstein",
    "article_id", "location_country", "location_lat", "location_lon", "location_name",
)  # fmt: skip

events = Table(
    "events",
    metadata,
    Column("event_id", String(32), primary_key=True),
    *_provenance(),
    Column("trigger", Text, nullable=False),
    Column("date", String(16)),
    Column("date_precision", String(8), nullable=False),
    *_actor_snapshot("source"),
    *_actor_snapshot("target"),
    Column("cameo_code", String(8), nullable=False),
    Column("cameo_root", String(4), nullable=False),
    Column("quad_class", Integer, nullable=False),
    Column("goldstein", Float, nullable=False),
    Column("plover_type", String(32)),
    Column("plover_mode", String(32)),
    Column("location_name", Text),
    Column("location_country", String(8)),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("location_geonames_id", Integer),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    # 0003: one record per happening: how many times the article states it, and where
    Column("mentions", Integer, nullable=False, server_default="1"),
    Column("mention_spans", JSON),
    Index(None, "article_id"),
    Index(None, "date"),
    Index(None, "source_actor_id", "date"),
    Index(None, "target_actor_id", "date"),
    Index(None, "cameo_root", "date"),
    Index(None, "quad_class", "date"),
    Index(None, "plover_type", "date"),
    Index(None, "source_country"),
    # 0002: sorted lists page by (column, id). With an index on target_country SQLite answers
    # `source_country = X OR target_country = X` by collecting every match and sorting them
    # (260 ms on 1M events) instead of walking the date index until the page is full (10 ms):
    # 0009 adds one (for aggregates), so lists compare the target as `target_country || ''`.
    Index(None, "goldstein", "event_id"),
    Index(None, "confidence", "event_id"),
    Index(None, "cameo_code", "event_id"),
    # 0007: the narrow columns facets and timelines read, so that they skip the wide rows
    Index(
        "ix_events_explorer",
        "date",
        "source_country",
        "target_country",
        "source_actor_id",
        "target_actor_id",
        "cameo_root",
        "quad_class",
        "plover_type",
        "goldstein",
        "article_id",
    ),  # fmt: skip
    # 0009: aggregates filtered by country read one branch per side (query.branches), each over
    # the index led by its country column; the covered columns are those facets, timelines and
    # the map read
    *(
        Index(f"ix_events_{side}_party", f"{side}_country", "date", f"{other}_country", *_PARTY_COVERED)
        for side, other in (("source", "target"), ("target", "source"))
    ),
    # 0012: a timeline grouped by dyad reads each side's events per pair, then the kept pairs'
    *(
        Index(
            f"ix_events_{side}_dyad",
            f"{side}_country",
            f"{other}_country",
            "date",
            "goldstein",
            "source_actor_id",
            "target_actor_id",
        )
        for side, other in (("source", "target"), ("target", "source"))
    ),
)

statements = Table(
    "statements",
    metadata,
    Column("statement_id", String(32), primary_key=True),
    *_provenance(),
    *_actor_snapshot("speaker"),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("cue", Text, nullable=False),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("kind", String(16), nullable=False),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("medium", Text),
    Column("date", String(16)),
    Column("date_precision", String(8), nullable=False),
    Column("about", JSON, nullable=False),
    Column("negated", Boolean, nullable=False, server_default="0"),
    Column("hypothetical", Boolean, nullable=False, server_default="0"),
    Index(None, "article_id"),
    Index(None, "speaker_actor_id", "date"),
    Index(None, "date"),
    Index(None, "speaker_country", "date"),
)

contradictions = Table(
    "contradictions",
    metadata,
    Column("contradiction_id", String(32), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("actor_id", String(ACTOR_ID), nullable=False),
    Column("actor_name", Text, nullable=False),
    Column("a_type", String(16), nullable=False),
    Column("a_id", String(32), nullable=False),
    Column("b_type", String(16), nullable=False),
    Column("b_id", String(32), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("article_id", String(32)),
    Column("a_records", JSON),  # [{type, id}]: every record on a's side of the finding
    Column("b_records", JSON),
    Index(None, "actor_id"),
    Index(None, "article_id"),
)

framing_terms = Table(
    "framing_terms",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("category", String(32), nullable=False),
    Column("target_actor_id", String(ACTOR_ID)),
    Index(None, "article_id"),
    Index(None, "category"),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", String(32)),
    Column("origin", Text, nullable=False),
    Column("line", Integer),
    Column("code", String(16), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index(None, "run_id"),
)

#: Values a ledger keeps about itself, such as the random key its web server signs paging cursors
#: with (so cursors outlive a restart without any configuration).
ledger_settings = Table(
    "ledger_settings",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
