"""newsledger: a sourced ledger of who did what to whom, when and where, and who said so.

The public API is what ``__all__`` lists; everything else is private to its module.
"""

from importlib.metadata import PackageNotFoundError, version

from .errors import NewsledgerError
from .executors import Executor, get_executor
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
from .pipeline import Pipeline, PipelineConfig, build_pipeline, stage
from .runner import RunSummary, ingest
from .store import Filters, SQLStore, open_store

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
