"""Run the pipeline in this process (one worker) or in a pool of local processes.

With one worker the batches run right here: no process start, no pickling of articles and
results, which is the fastest way on one core.  With ``workers > 1`` a pool of spawned
processes (each loads the model once, as a Dask worker would) takes the batches, at most
``workers * IN_FLIGHT_PER_WORKER`` at a time, and the outcomes come back in input order.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from ..models import Article
from ..pipeline import PipelineConfig, process_batch
from .base import IN_FLIGHT_PER_WORKER, Outcome, Task, isolate

K = TypeVar("K")

log = logging.getLogger(__name__)


def _is_crash(exc: BaseException) -> bool:
    return isinstance(exc, BrokenProcessPool)


class LocalExecutor:
    name = "local"

    def __init__(self, workers: int = 1, *, task: Task = process_batch) -> None:
        self.workers = max(1, workers)
        self.task = task
        self._pool: ProcessPoolExecutor | None = None
        self._apart: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def map(
        self, batches: Iterable[tuple[K, list[Article]]], config: PipelineConfig
    ) -> Iterator[tuple[K, Outcome]]:
        if self.workers == 1:
            for key, articles in batches:
                yield key, self.task(articles, config)
            return
        pending: deque[tuple[K, list[Article], Future[Outcome]]] = deque()
        window = self.workers * IN_FLIGHT_PER_WORKER
        for key, articles in batches:
            pending.append((key, articles, self._submit(articles, config)))
            while len(pending) >= window:
                yield self._next(pending, config)
        while pending:
            yield self._next(pending, config)

    def _submit(self, articles: list[Article], config: PipelineConfig) -> Future[Outcome]:
        if self._pool is None:
            self._pool = _new_pool(self.workers)
        try:
            return self._pool.submit(self.task, articles, config)
        except BrokenProcessPool as exc:  # a worker died since the last submit: fail in order, in _next
            failed: Future[Outcome] = Future()
            failed.set_exception(exc)
            return failed

    def _next(
        self, pending: deque[tuple[K, list[Article], Future[Outcome]]], config: PipelineConfig
    ) -> tuple[K, Outcome]:
        key, articles, future = pending.popleft()
        try:
            return key, future.result()
        except BrokenProcessPool:
            log.warning("a worker process died; retrying its batch of %d articles apart", len(articles))
        # Every outstanding future of a broken pool is lost: start a new pool for the others
        # and find the article that killed the worker in a pool of its own.
        self._close_pool()
        for i, (k, arts, _) in enumerate(pending):
            pending[i] = (k, arts, self._submit(arts, config))
        return key, isolate(articles, lambda arts: self._run_apart(arts, config), _is_crash)

    def _run_apart(self, articles: list[Article], config: PipelineConfig) -> Outcome:
        if self._apart is None:
            self._apart = _new_pool(1)
        try:
            return self._apart.submit(self.task, articles, config).result()
        except BrokenProcessPool:
            self._apart.shutdown(wait=False, cancel_futures=True)
            self._apart = None
            raise

    def _close_pool(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        if self._apart is not None:
            self._apart.shutdown(cancel_futures=True)
            self._apart = None


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # spawn, not fork: each worker loads its own model cleanly, as a Dask worker would, and no
    # lock or thread of the parent (SQLAlchemy's pool, a progress bar) is copied half-held.
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_exit_with_parent,
        initargs=(os.getpid(),),
    )


def _exit_with_parent(parent: int) -> None:
    """A worker whose runner was killed (SIGKILL, OOM) would wait for work forever, holding
    its model's memory: it checks every second that its parent is still there."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="newsledger-parent-watch", daemon=True).start()
