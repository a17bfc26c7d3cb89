"""Where the pipeline runs: this machine's processes or a Dask cluster, behind one interface."""

from .base import Executor
from .factory import get_executor

__all__ = ["Executor", "get_executor"]
