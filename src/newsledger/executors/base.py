"""The one small interface every executor implements.

An executor takes batches of articles and returns, for each, the pipeline's results and
errors; where the work runs (this process, a process pool, a Dask cluster) is its business.

Two promises every executor keeps, so that the ledger does not depend on where it was made:

* **bounded memory**: at most ``workers * IN_FLIGHT_PER_WORKER`` batches are outstanding, so
  memory is bounded by the batch size and the number of workers, never by the corpus;
* **input order**: outcomes come back in the order the batches went in, so the store writes
  them in the same order whatever the executor (actor rows merged across articles, for one,
  keep the name seen first) and a local run and a Dask run give the same records.

A worker that dies on a batch (a crash in a native library, the OOM killer) does not end the
run: the batch is retried apart, halved until the article that kills the worker is found, and
that article is reported as an error (``NL-E201``) while every other one is analysed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

from ..errors import StageError
from ..models import Article, ArticleResult, IngestError
from ..pipeline import PipelineConfig

K = TypeVar("K")

Outcome = tuple[list[ArticleResult], list[IngestError]]
#: What a worker runs on one batch: ``pipeline.process_batch`` unless a test swaps it.
Task = Callable[[Sequence[Article], PipelineConfig], Outcome]

#: Outstanding batches per worker: one running, one queued so that no worker waits for the next.
IN_FLIGHT_PER_WORKER = 2


class Executor(Protocol):
    name: str
    workers: int

    def map(
        self, batches: Iterable[tuple[K, list[Article]]], config: PipelineConfig
    ) -> Iterator[tuple[K, Outcome]]:
        """Process every batch, yielding ``(key, outcome)`` in the order the batches came."""
        ...

    def close(self) -> None: ...


def worker_died(article: Article, detail: str) -> IngestError:
    """The error recorded for an article on which the worker process itself died."""
    err = StageError(
        f"the worker process died while analysing article {article.article_id} ({detail}). "
        "The article was skipped; please report this with the input record.",
        origin=article.origin or article.article_id,
        line=article.origin_line,
    )
    return IngestError(err.origin or "", err.line, err.code, err.detail)


def isolate(
    articles: list[Article],
    run: Callable[[list[Article]], Outcome],
    is_crash: Callable[[BaseException], bool],
) -> Outcome:
    """Run ``articles`` through ``run``; when the worker dies, halve the batch until the culprit is alone.

    ``run`` executes a batch in a worker that may die; ``is_crash`` tells a dead worker from an
    ordinary exception (which propagates: it is a bug or a misconfiguration, not a bad article).
    """
    try:
        return run(articles)
    except Exception as exc:
        if not is_crash(exc):
            raise
        if len(articles) == 1:
            return [], [worker_died(articles[0], type(exc).__name__)]
        middle = len(articles) // 2
        left = isolate(articles[:middle], run, is_crash)
        right = isolate(articles[middle:], run, is_crash)
        return left[0] + right[0], left[1] + right[1]
