"""Response models of the REST API: the export contract (docs/EXPORT_SCHEMA.md) in pydantic.

They document ``/openapi.json``; ``extra="allow"`` lets the store add fields (the contract says
fields may be added) without the API dropping them.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorRef(_Open):
    actor_id: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    cameo_code: str | None = None


class NamedRef(_Open):
    actor_id: str | None = None
    name: str | None = None


class Place(_Open):
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


class Role(_Open):
    title: str | None = None
    organization: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None


class ArticleOut(_Open):
    article_id: str
    url: str | None = None
    title: str
    published: str | None = None
    site: str | None = None
    outlet: str | None = None
    outlet_type: str
    language: str
    text: str
    n_sentences: int
    analysed: bool = True
    cleaning: dict[str, int] | None = None


class ActorOut(_Open):
    actor_id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    cameo_code: str | None = None
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    mentions: int = 0


class EventOut(_Open):
    event_id: str
    article_id: str
    sentence: str
    span: list[int]
    trigger: str
    date: str | None = None
    date_precision: str
    source: ActorRef | None = None
    target: ActorRef | None = None
    cameo_code: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_type: str | None = None
    plover_mode: str | None = None
    location: Place | None = None
    negated: bool
    hypothetical: bool
    reported_by: list[NamedRef] = Field(default_factory=list)
    confidence: float
    mentions: int = 1  # how many times the article states this happening
    mention_spans: list[list[int]] = Field(default_factory=list)


class StatementOut(_Open):
    statement_id: str
    article_id: str
    sentence: str
    span: list[int]
    speaker: ActorRef | None = None
    cue: str
    kind: str
    content: str
    medium: str | None = None
    date: str | None = None
    date_precision: str
    about: list[NamedRef] = Field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    reported_by: list[NamedRef] = Field(default_factory=list)


class RecordRef(_Open):
    type: str
    id: str


class ContradictionOut(_Open):
    contradiction_id: str
    kind: str
    actor: NamedRef
    a: RecordRef
    b: RecordRef
    explanation: str
    score: float
    a_records: list[RecordRef] = Field(default_factory=list)  # every record on a's side
    b_records: list[RecordRef] = Field(default_factory=list)


class Page(BaseModel, Generic[T]):
    """One page of a filtered list; pass ``next_cursor`` as ``cursor`` for the next one."""

    items: list[T]
    next_cursor: str | None = None
    count: int | None = Field(None, description="Total matching records (only with count=true).")
    filters: dict[str, Any] = Field(default_factory=dict, description="The filters in force.")


class SearchHit(BaseModel):
    snippet: str = Field(description="text around the matches")
    snippet_html: str = Field(description="the snippet escaped, matched words in <mark>")
    phrase_match: bool = Field(description="holds the query's words as one phrase (ranked first)")


class ArticleHit(ArticleOut, SearchHit):
    pass


class ArticleMeta(_Open):
    article_id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    outlet_type: str | None = None


class StatementHit(StatementOut, SearchHit):
    article: ArticleMeta | None = Field(None, description="the statement's article: title, date, outlet")


class SearchOut(BaseModel):
    q: str
    page: int
    limit: int
    totals: dict[str, int] = Field(description="matches of each kind searched, over every page")
    articles: list[ArticleHit]
    statements: list[StatementHit]


class IngestOut(BaseModel):
    run_id: str
    articles: int
    duplicates: int
    skipped: int
    events: int
    statements: int
    cleaned: int = Field(0, description="articles whose text had entities or wiki/HTML markup removed")
    not_analysed: dict[str, int] = Field(
        default_factory=dict, description="articles stored but not analysed, by language (not English)"
    )
    errors: list[dict[str, Any]]


class ErrorOut(BaseModel):
    error: str


KIND_MODELS: dict[str, type[BaseModel]] = {
    "articles": ArticleOut,
    "actors": ActorOut,
    "events": EventOut,
    "statements": StatementOut,
    "contradictions": ContradictionOut,
}
