"""Response models of the REST API.  The records are the export contract's models
(export/contract.py, the one definition of docs/EXPORT_SCHEMA.md); this module adds the pages,
search hits and the other answers around them.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from ..export.contract import (
    KIND_MODELS,
    ActorOut,
    ActorRef,
    ArticleOut,
    ContradictionOut,
    EventOut,
    NamedRef,
    Place,
    RecordRef,
    Role,
    StatementOut,
)

__all__ = [
    "KIND_MODELS",
    "ActorOut",
    "ActorRef",
    "ArticleHit",
    "ArticleMeta",
    "ArticleOut",
    "ContradictionOut",
    "ErrorOut",
    "EventOut",
    "IngestOut",
    "NamedRef",
    "Page",
    "Place",
    "RecordRef",
    "Role",
    "SearchHit",
    "SearchOut",
    "StatementHit",
    "StatementOut",
]

T = TypeVar("T")


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


class ArticleMeta(BaseModel):
    model_config = ConfigDict(extra="allow")

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
