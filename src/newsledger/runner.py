"""The main job: read inputs, extract articles, drop repeats, analyse, write to the store.

Reading and extraction stream; articles are grouped into batches that an executor analyses
(here or on other machines) and that the store writes one transaction each.  Because a batch is
written whole or not at all and article ids are stable, a run killed at any point and started
again skips what was stored and ends with every article exactly once.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from datasketch import MinHash

from .config import StageOptions
from .errors import NewsledgerError
from .executors.base import Executor
from .knowledge.outlets import OutletRegistry
from .models import Article, ArticleResult, IngestError, RawDocument
from .pipeline import PipelineConfig, build_pipeline
from .stages import dedup
from .stages.discover import total_bytes as total_bytes  # the CLI's progress total
from .stages.extract import extract_article
from .stages.ingest import InputFile, ReadLimits, discover, read_documents
from .store.base import Batch, Duplicate, Store

ProgressFn = Callable[[int, int], None]  # (bytes read so far, articles done so far)

#: A batch also closes at this many characters of text (``PipelineConfig`` option ``batch_chars``):
#: a worker's memory follows the text it holds (spaCy docs and stage records of the whole batch),
#: so 32 very long articles must not share one batch.  The corpus mean is ~2,200 characters per
#: article, so ordinary batches of 32 stay whole; a 140,000-character article goes alone.
BATCH_CHARS = StageOptions().batch_chars


@dataclass
class RunSummary:
    run_id: str
    articles: int = 0
    duplicates: int = 0
    skipped: int = 0  # already in the ledger (re-ingest or resume)
    events: int = 0
    statements: int = 0
    actors: int = 0
    errors: list[IngestError] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0
    cleaned: int = 0  # articles whose text had entities or markup removed (article.cleaning)
    not_analysed: Counter[str] = field(default_factory=Counter)  # language -> articles stored unanalysed

    @property
    def n_errors(self) -> int:
        return len(self.errors)

    def not_analysed_line(self) -> str | None:
        """ "3 articles not analysed: language fa ×2, ar ×1", or None when every article was."""
        total = sum(self.not_analysed.values())
        if not total:
            return None
        langs = ", ".join(
            f"{lang} ×{n}" for lang, n in sorted(self.not_analysed.items(), key=lambda x: (-x[1], x[0]))
        )
        return f"{total} article{'s' if total != 1 else ''} not analysed: language {langs}"

    def count(self, results: Sequence[ArticleResult]) -> None:
        for r in results:
            self.cleaned += bool(r.article.cleaning)
            if not r.article.analysed:
                self.not_analysed[r.article.language] += 1


@dataclass
class _Pending:
    articles: list[Article]
    raw: list[RawDocument]
    duplicates: list[Duplicate]
    errors: list[IngestError]
    minhashes: dict[str, tuple[bytes, list[tuple[int, str]]]]
    index: dedup.BatchIndex
    ids: set[str] = field(default_factory=set)  # every article id this batch will store


def ingest(
    inputs: Sequence[str],
    *,
    store: Store,
    executor: Executor,
    config: PipelineConfig | None = None,
    outlets: OutletRegistry | None = None,
    stdin: BinaryIO | None = None,
    progress: ProgressFn | None = None,
) -> RunSummary:
    config = config or PipelineConfig()
    build_pipeline(config)  # fail fast, before reading anything, on a misconfigured pipeline
    outlets = outlets or OutletRegistry.load(config.outlet_registry)
    run_id = store.start_run(list(inputs), list(config.stages))
    summary = RunSummary(run_id)
    started = time.perf_counter()
    # One batch = one worker task = one transaction, of ``batch_size`` articles whatever the
    # number of workers: memory in flight is workers x IN_FLIGHT_PER_WORKER x batch_size, so a
    # cluster of fifty workers holds fifty times one batch's worth, not fifty times fifty.
    state = _RunState(store, outlets, config.batch_size, config.options.batch_chars)
    state.max_chars = config.options.max_article_chars
    status = "failed"
    try:
        documents = _documents(inputs, stdin, ReadLimits.of(config.options))
        batches = state.batches(documents, summary)
        for pending, (results, stage_errors) in executor.map(batches, config):
            errors = pending.errors + stage_errors
            store.write_batch(
                Batch(
                    run_id,
                    results=results,
                    duplicates=pending.duplicates,
                    raw=pending.raw,
                    errors=errors,
                    minhashes=pending.minhashes,
                )
            )
            state.written(pending)
            summary.articles += len(results)
            summary.duplicates += len(pending.duplicates)
            summary.events += sum(len(r.events) for r in results)
            summary.statements += sum(len(r.statements) for r in results)
            summary.actors += sum(len(r.actors) for r in results)
            summary.words += sum(len(r.article.text.split()) for r in results)
            summary.count(results)
            summary.errors.extend(errors)
            if progress:
                progress(state.bytes_read, summary.articles + summary.duplicates + summary.skipped)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(
            run_id,
            status=status,
            n_articles=summary.articles,
            n_duplicates=summary.duplicates,
            n_skipped=summary.skipped,
            n_errors=summary.n_errors,
        )
    return summary


def _documents(
    inputs: Sequence[str], stdin: BinaryIO | None, limits: ReadLimits | None = None
) -> Iterator[RawDocument | IngestError]:
    for item in discover(inputs):
        if isinstance(item, InputFile):
            yield from read_documents(item.path, stdin=stdin, limits=limits)
        else:
            yield item


class _RunState:
    """Per-run bookkeeping: the ids and band index of the batches analysed but not yet written.

    Only batches in flight are held (at most the executor's window), so this state is bounded by
    the batch size and the number of workers; what was written is asked of the store.
    """

    def __init__(
        self, store: Store, outlets: OutletRegistry, batch_articles: int, batch_chars: int = BATCH_CHARS
    ) -> None:
        self.store = store
        self.outlets = outlets
        self.batch_articles = max(1, batch_articles)
        self.batch_chars = max(1, batch_chars)
        self.pending: list[_Pending] = []
        self.bytes_read = 0
        self.max_chars = StageOptions().max_article_chars  # longest article text (NL-E108 beyond)

    def batches(
        self, docs: Iterable[RawDocument | IngestError], summary: RunSummary
    ) -> Iterator[tuple[_Pending, list[Article]]]:
        chunk: list[tuple[RawDocument, Article]] = []
        errors: list[IngestError] = []
        chars = 0
        for doc in docs:
            if isinstance(doc, IngestError):
                errors.append(doc)
                continue
            self.bytes_read += len(doc.raw)
            try:
                article = extract_article(doc, self.outlets, max_chars=self.max_chars)
            except NewsledgerError as exc:
                errors.append(
                    IngestError(exc.origin or doc.origin, exc.line or doc.line, exc.code, exc.detail)
                )
                continue
            if chunk and chars + len(article.text) > self.batch_chars:
                yield self._prepare(chunk, errors, summary)  # a very long article starts a batch of its own
                chunk, errors, chars = [], [], 0
            chunk.append((doc, article))
            chars += len(article.text)
            if len(chunk) >= self.batch_articles or chars >= self.batch_chars:
                yield self._prepare(chunk, errors, summary)
                chunk, errors, chars = [], [], 0
        if chunk or errors:
            yield self._prepare(chunk, errors, summary)

    def _prepare(
        self, chunk: list[tuple[RawDocument, Article]], errors: list[IngestError], summary: RunSummary
    ) -> tuple[_Pending, list[Article]]:
        known = self.store.known_articles(a.article_id for _, a in chunk)
        pending = _Pending([], [], [], errors, {}, dedup.BatchIndex())
        self.pending.append(pending)
        fresh: list[tuple[RawDocument, Article, MinHash, list[tuple[int, str]]]] = []
        for doc, article in chunk:
            if article.article_id in known or any(article.article_id in p.ids for p in self.pending):
                summary.skipped += 1
                continue
            pending.ids.add(article.article_id)
            mh = dedup.signature(article.text)
            fresh.append((doc, article, mh, dedup.bands(mh)))
        stored = self.store.band_matches(b for *_, bands in fresh for b in bands)
        stored_sigs = {aid: dedup.from_bytes(sig) for aid, sig in stored.items()}
        for doc, article, mh, bands in fresh:
            candidates = dict(stored_sigs)
            for other in self.pending:
                candidates.update(other.index.candidates(bands))
            match = dedup.best_match(mh, candidates)
            pending.raw.append(doc)
            if match:
                pending.duplicates.append(Duplicate(article, match[0], round(match[1], 3)))
                continue
            pending.articles.append(article)
            pending.minhashes[article.article_id] = (dedup.to_bytes(mh), bands)
            pending.index.add(article.article_id, mh, bands)
        return pending, pending.articles

    def written(self, pending: _Pending) -> None:
        self.pending = [p for p in self.pending if p is not pending]
