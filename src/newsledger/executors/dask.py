"""Run the pipeline on a dask.distributed cluster (a scheduler address, or a LocalCluster).

The workers run the stages; the records come back to this process, which writes them to the
store (so SQLite works with any cluster; several runs sharing one ledger want PostgreSQL).
Workers need newsledger and the spaCy model installed, and load them once each.
"""

# mypy: disable-error-code="no-untyped-call"
# (distributed ships without complete annotations for Client, LocalCluster and Future)

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from ..errors import PipelineError
from ..models import Article
from ..pipeline import PipelineConfig, process_batch
from .base import IN_FLIGHT_PER_WORKER, Outcome, Task, isolate

K = TypeVar("K")

log = logging.getLogger(__name__)


def _is_crash(exc: BaseException) -> bool:
    from distributed import KilledWorker

    return isinstance(exc, KilledWorker)


class DaskExecutor:
    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 2, *, task: Task = process_batch) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # the [dask] extra is optional
            raise PipelineError("the dask executor needs `pip install 'newsledger[dask]'`") from exc
        self.task = task
        self._cluster: Any = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=30)
            else:
                self._cluster = LocalCluster(
                    n_workers=max(1, workers),
                    threads_per_worker=1,  # spaCy and the stages are CPU-bound Python: one per process
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                )
                self.client = Client(self._cluster)
        except OSError as exc:  # scheduler unreachable, or timed out
            raise PipelineError(
                f"cannot reach the Dask scheduler {scheduler!r} ({exc}); check --scheduler tcp://HOST:8786"
            ) from exc
        n = len(self.client.scheduler_info().get("workers", {}))
        self.workers = n or max(1, workers)

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def map(
        self, batches: Iterable[tuple[K, list[Article]]], config: PipelineConfig
    ) -> Iterator[tuple[K, Outcome]]:
        # Workers may join a remote cluster after we started: size the window on the live count.
        window = (
            max(self.workers, len(self.client.scheduler_info().get("workers", {}))) * IN_FLIGHT_PER_WORKER
        )
        pending: deque[tuple[K, list[Article], Any]] = deque()
        for key, articles in batches:
            pending.append((key, articles, self._submit(articles, config)))
            while len(pending) >= window:
                yield self._next(pending, config)
        while pending:
            yield self._next(pending, config)

    def _submit(self, articles: list[Article], config: PipelineConfig) -> Any:
        return self.client.submit(self.task, articles, config, pure=False)

    def _next(
        self, pending: deque[tuple[K, list[Article], Any]], config: PipelineConfig
    ) -> tuple[K, Outcome]:
        key, articles, future = pending.popleft()
        try:
            outcome: Outcome = future.result()
            return key, outcome
        except Exception as exc:
            if not _is_crash(exc):
                raise
            log.warning("batch of %d articles killed its workers; retrying it in halves", len(articles))
        finally:
            future.release()
        return key, isolate(articles, lambda arts: self._run(arts, config), _is_crash)

    def _run(self, articles: list[Article], config: PipelineConfig) -> Outcome:
        future = self._submit(articles, config)
        try:
            outcome: Outcome = future.result()
            return outcome
        finally:
            future.release()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
