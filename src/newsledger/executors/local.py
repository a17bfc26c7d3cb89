"""Run the pipeline in this process (one worker) or in a pool of local processes."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from ..models import Article
from ..pipeline import PipelineConfig, process_batch
from .base import Outcome

K = TypeVar("K")


class LocalExecutor:
    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    def map(
        self, batches: Iterable[tuple[K, list[Article]]], config: PipelineConfig
    ) -> Iterator[tuple[K, Outcome]]:
        if self.workers == 1:
            for key, articles in batches:
                yield key, process_batch(articles, config)
            return
        if self._pool is None:
            # spawn, not fork: each worker loads its own model cleanly, as a Dask worker would.
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        pending: deque[tuple[K, Future[Outcome]]] = deque()
        max_in_flight = self.workers * 2
        for key, articles in batches:
            pending.append((key, self._pool.submit(process_batch, articles, config)))
            while len(pending) >= max_in_flight:
                done_key, fut = pending.popleft()
                yield done_key, fut.result()
        while pending:
            done_key, fut = pending.popleft()
            yield done_key, fut.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
