"""What the rest of newsledger may ask of a ledger: the runner writes batches through it, the CLI
lists and exports, the API lists, searches and aggregates.  :class:`~newsledger.store.sql.SQLStore`
(SQLite / PostgreSQL) is the one implementation; callers type against :class:`Store` so that SQL
stays inside ``store/``.  A new read the web UI needs becomes a method here and in ``SQLStore``
(its query in a module of ``store/``, as ``store/search.py``), not SQL in ``api/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..models import Actor, Article, ArticleResult, Contradiction, Event, IngestError, RawDocument, Statement

if TYPE_CHECKING:
    from .facets import Facet
    from .query import Filters
    from .search import Hit
    from .timeline import Timeline


@dataclass
class Duplicate:
    article: Article
    duplicate_of: str
    similarity: float


@dataclass
class Batch:
    """Everything one transaction writes."""

    run_id: str
    results: list[ArticleResult] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    raw: list[RawDocument] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    minhashes: dict[str, tuple[bytes, list[tuple[int, str]]]] = field(default_factory=dict)


Page = tuple[list[dict[str, Any]], str | None]


class Store(Protocol):
    url: str
    dialect: str

    # runs and writing (the runner)
    def start_run(self, inputs: Sequence[str], pipeline: Sequence[str]) -> str: ...
    def finish_run(self, run_id: str, *, status: str, **counts: int) -> None: ...
    def known_articles(self, article_ids: Iterable[str]) -> set[str]: ...
    def band_matches(self, bands: Iterable[tuple[int, str]]) -> dict[str, bytes]: ...
    def write_batch(self, batch: Batch) -> None: ...

    # reading (CLI, export, API)
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
    ) -> Page: ...
    def iter_records(
        self, kind: str, filters: Filters | None = None, *, chunk: int = 2000, q: str | None = None
    ) -> Iterator[dict[str, Any]]: ...
    def count(self, kind: str, filters: Filters | None = None, *, q: str | None = None) -> int: ...
    def get(self, kind: str, record_id: str) -> dict[str, Any] | None: ...
    def raw_article(self, article_id: str) -> dict[str, Any] | None: ...
    def article_records(self, article_id: str) -> dict[str, list[dict[str, Any]]]: ...
    def search(self, q: str, *, limit: int = 20) -> dict[str, list[dict[str, Any]]]: ...
    def stats(self) -> dict[str, Any]: ...
    def errors(self, run_id: str | None = None) -> list[dict[str, Any]]: ...
    def ledger_version(self) -> tuple[Any, ...]: ...

    # the web explorer's aggregates and lookups (store/explore.py)
    def timeline(
        self,
        filters: Filters,
        *,
        interval: str = "week",
        group: str = "quad",
        top: int = 8,
        core: bool = False,
    ) -> Timeline: ...
    def facets(self, kind: str, filters: Filters, *, q: str | None = None, size: int = 10) -> list[Facet]: ...
    def search_page(
        self, kind: str, q: str, *, limit: int = 20, offset: int = 0
    ) -> tuple[int, list[tuple[dict[str, Any], Hit]]]: ...
    def network(
        self, filters: Filters, *, limit: int = 300, min_count: int = 1, top_actors: int = 150
    ) -> dict[str, Any]: ...
    def neighbours(self, actor_id: str, *, limit: int = 25) -> list[dict[str, Any]]: ...
    def dated_roles(self, country: str) -> list[dict[str, Any]]: ...
    def map_points(self, filters: Filters, *, limit: int = 2000) -> dict[str, Any]: ...
    def latest_contradictions(self, *, limit: int = 10) -> list[dict[str, Any]]: ...
    def records_by_ids(self, kind: str, ids: list[str]) -> dict[str, dict[str, Any]]: ...
    def articles_meta(self, ids: list[str]) -> dict[str, dict[str, Any]]: ...
    def outlets(self) -> list[str]: ...

    # cross-article contradictions
    def voices_in_run(self, run_id: str) -> tuple[set[str], set[str]]: ...
    def records_of_voice(
        self, actor_id: str | None = None, country: str | None = None, *, limit: int = 300
    ) -> tuple[list[Statement], list[Event], list[Actor]]: ...
    def add_contradictions(self, found: Iterable[Contradiction]) -> int: ...

    def close(self) -> None: ...
