"""The one small interface every executor implements.

An executor takes batches of articles and returns, for each, the pipeline's results and
errors; where the work runs (this process, a process pool, a Dask cluster) is its business.
At most ``max_in_flight`` batches are outstanding, so memory is bounded by the batch size and
the number of workers, never by the size of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

from ..models import Article, ArticleResult, IngestError
from ..pipeline import PipelineConfig

K = TypeVar("K")

Outcome = tuple[list[ArticleResult], list[IngestError]]


class Executor(Protocol):
    name: str
    workers: int

    def map(
        self, batches: Iterable[tuple[K, list[Article]]], config: PipelineConfig
    ) -> Iterator[tuple[K, Outcome]]:
        """Process every batch, yielding ``(key, outcome)`` as batches finish (any order)."""
        ...

    def close(self) -> None: ...


def get_executor(name: str = "local", *, workers: int = 1, scheduler: str | None = None) -> Executor:
    from ..errors import PipelineError

    if name == "local":
        from .local import LocalExecutor

        return LocalExecutor(workers=workers)
    if name == "dask":
        from .dask import DaskExecutor

        return DaskExecutor(scheduler=scheduler, workers=workers)
    raise PipelineError(f"unknown executor {name!r}; use 'local' or 'dask'")
