"""The executor a name asks for.  Apart from ``base`` so that the back ends import the base and
the factory imports the back ends, one way: ``base`` knows neither.  Each back end is imported
when it is asked for (the Dask one needs the ``[dask]`` extra)."""

from __future__ import annotations

from ..errors import PipelineError
from .base import Executor


def get_executor(name: str = "local", *, workers: int = 1, scheduler: str | None = None) -> Executor:
    """``local`` (this machine's processes) or ``dask`` (a Dask cluster, local or at ``scheduler``)."""
    if name == "local":
        from .local import LocalExecutor

        return LocalExecutor(workers=workers)
    if name == "dask":
        from .dask import DaskExecutor

        return DaskExecutor(scheduler=scheduler, workers=workers)
    raise PipelineError(f"unknown executor {name!r}; use 'local' or 'dask'")
