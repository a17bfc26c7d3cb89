"""Run the pipeline on a dask.distributed cluster (a scheduler address, or a LocalCluster)."""

# mypy: disable-error-code="no-untyped-call"
# (distributed ships without complete annotations for Client, LocalCluster and as_completed)

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from ..errors import PipelineError
from ..models import Article
from ..pipeline import PipelineConfig, process_batch
from .base import Outcome

K = TypeVar("K")


class DaskExecutor:
    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 2) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # the [dask] extra is optional
            raise PipelineError("the dask executor needs `pip install 'newsledger[dask]'`") from exc
        self._cluster: Any = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            )
            self.client = Client(self._cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)

    def map(
        self, batches: Iterable[tuple[K, list[Article]]], config: PipelineConfig
    ) -> Iterator[tuple[K, Outcome]]:
        from distributed import as_completed

        keys: dict[Any, K] = {}
        queue = as_completed()
        max_in_flight = self.workers * 2
        in_flight = 0
        for key, articles in batches:
            future = self.client.submit(process_batch, articles, config, pure=False)
            keys[future.key] = key
            queue.add(future)
            in_flight += 1
            while in_flight >= max_in_flight:
                done = next(queue)
                in_flight -= 1
                yield keys.pop(done.key), done.result()
                done.release()
        for done in queue:
            yield keys.pop(done.key), done.result()
            done.release()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
