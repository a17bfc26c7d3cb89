"""newsledger: a sourced ledger of who did what to whom, when and where, and who said so.

The public API is what ``__all__`` lists; everything else is private to its module. The
records and errors are imported with the package; the pipeline, runner, executors and store
are imported on first use, so a worker process that only runs stages does not carry the
runner's MinHash (datasketch, scipy) or the store's SQLAlchemy (~50 MB each worker).
"""

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from .errors import NewsledgerError
from .models import (
    AboutRef,
    Actor,
    ActorRef,
    Article,
    ArticleResult,
    Contradiction,
    Event,
    Framing,
    FramingTerm,
    IngestError,
    Mention,
    Place,
    Provenance,
    Role,
    Statement,
    TimeExpression,
)

if TYPE_CHECKING:
    from .executors import Executor, get_executor
    from .pipeline import Pipeline, PipelineConfig, build_pipeline, stage
    from .runner import RunSummary, ingest
    from .store import Filters, SQLStore, open_store

_LAZY = {
    "Executor": ".executors",
    "get_executor": ".executors",
    "Pipeline": ".pipeline",
    "PipelineConfig": ".pipeline",
    "build_pipeline": ".pipeline",
    "stage": ".pipeline",
    "RunSummary": ".runner",
    "ingest": ".runner",
    "Filters": ".store",
    "SQLStore": ".store",
    "open_store": ".store",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsledger' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


try:
    __version__ = version("newsledger")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "AboutRef",
    "Actor",
    "ActorRef",
    "Article",
    "ArticleResult",
    "Contradiction",
    "Event",
    "Executor",
    "Filters",
    "Framing",
    "FramingTerm",
    "IngestError",
    "Mention",
    "NewsledgerError",
    "Pipeline",
    "PipelineConfig",
    "Place",
    "Provenance",
    "Role",
    "RunSummary",
    "SQLStore",
    "Statement",
    "TimeExpression",
    "__version__",
    "build_pipeline",
    "get_executor",
    "ingest",
    "open_store",
    "stage",
]
