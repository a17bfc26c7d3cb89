"""Executors: input order, a bounded window of batches in flight, and a worker that dies on one article.

The pool tests swap the pipeline for a tiny task defined here (spawned workers import this module),
so they test the executor and not the stages; one slow test runs the real pipeline in two processes
and checks it stores exactly what one process stores.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from newsledger.config import StageOptions
from newsledger.executors import get_executor
from newsledger.executors.base import IN_FLIGHT_PER_WORKER, Outcome, isolate
from newsledger.executors.local import LocalExecutor
from newsledger.models import Article, ArticleResult
from newsledger.pipeline import PipelineConfig
from newsledger.store.query import TABLES

CRASH = "crash-me"


def _article(i: int, title: str = "") -> Article:
    return Article(
        article_id=f"a{i:04d}", title=title or f"Story {i}", text=f"Text of story {i}.", published=None
    )


def echo_task(articles: Sequence[Article], config: PipelineConfig) -> Outcome:
    """Stands in for the pipeline: one result per article, the worker dies on the CRASH article."""
    if any(a.title == CRASH for a in articles):
        os._exit(13)  # what a segfault in a native library or the OOM killer looks like to the pool
    return [ArticleResult(article=a, n_sentences=len(a.text.split())) for a in articles], []


class _Crash(Exception):
    pass


def test_isolate_halves_a_batch_until_the_culprit_is_alone() -> None:
    articles = [_article(i, CRASH if i == 5 else "") for i in range(8)]
    calls: list[int] = []

    def run(batch: list[Article]) -> Outcome:
        calls.append(len(batch))
        if any(a.title == CRASH for a in batch):
            raise _Crash
        return [ArticleResult(article=a, n_sentences=1) for a in batch], []

    results, errors = isolate(articles, run, lambda exc: isinstance(exc, _Crash))
    assert [r.article.article_id for r in results] == [a.article_id for a in articles if a.title != CRASH]
    assert len(errors) == 1 and errors[0].code == "NL-E201" and "a0005" in errors[0].message
    assert calls == [8, 4, 4, 2, 1, 1, 2]  # halving: about 2 log2(n) calls, not one per article


def test_isolate_lets_ordinary_exceptions_through() -> None:
    def run(batch: list[Article]) -> Outcome:
        raise ValueError("a bug, not a bad article")

    with pytest.raises(ValueError):
        isolate([_article(1)], run, lambda exc: isinstance(exc, _Crash))


def test_unknown_executor_is_a_coded_error() -> None:
    from newsledger.errors import PipelineError

    with pytest.raises(PipelineError, match="unknown executor"):
        get_executor("spark")


def _batches(
    n: int, size: int, pulled: list[int], crash_at: int | None = None
) -> Iterator[tuple[int, list[Article]]]:
    for b in range(n):
        pulled.append(b)
        yield b, [_article(b * size + j, CRASH if b * size + j == crash_at else "") for j in range(size)]


def test_pool_keeps_input_order_and_a_bounded_window() -> None:
    pulled: list[int] = []
    ahead: list[int] = []
    with LocalExecutor(workers=2, task=echo_task) as ex:
        keys = []
        for key, (results, errors) in ex.map(_batches(12, 3, pulled), PipelineConfig()):
            ahead.append(len(pulled) - len(keys))
            keys.append(key)
            assert [r.article.article_id for r in results] == [f"a{key * 3 + j:04d}" for j in range(3)]
            assert not errors
    assert keys == list(range(12))
    assert max(ahead) <= 2 * IN_FLIGHT_PER_WORKER  # never more batches in memory than the window


def test_pool_survives_a_worker_that_dies_on_one_article() -> None:
    pulled: list[int] = []
    with LocalExecutor(workers=2, task=echo_task) as ex:
        out = list(ex.map(_batches(6, 4, pulled, crash_at=9), PipelineConfig()))
    assert [k for k, _ in out] == list(range(6))
    ids = [r.article.article_id for _, (results, _) in out for r in results]
    assert ids == [f"a{i:04d}" for i in range(24) if i != 9]
    errors = [e for _, (_, errs) in out for e in errs]
    assert len(errors) == 1 and errors[0].code == "NL-E201" and "a0009" in errors[0].message


# --------------------------------------------------------------------------- real pipeline

SENTENCES = [
    "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Tuesday.",
    '"We will not accept new sanctions," the Iranian foreign ministry spokesman said on Monday.',
    "Protesters in Kabul accused the government of corruption, police said.",
    "The United Nations called for a ceasefire in Yemen after talks in Geneva collapsed.",
    "Russian officials criticized NATO, saying the alliance threatened regional security.",
]


def write_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text = f"Dispatch {i} of the series. " + " ".join(
                SENTENCES[(i + k) % 5] for k in range(3 + i % 3)
            )
            fh.write(
                json.dumps(
                    {
                        "id": f"e{i}",
                        "title": f"Dispatch {i}",
                        "text": text,
                        "date": "2021-03-0" + str(1 + i % 9),
                    }
                )
                + "\n"
            )
    with path.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")  # one bad line: reported the same way by every executor


def ledger(db: Path) -> dict[str, object]:
    """Every exported record of every kind, plus mentions, framing terms and errors, in id order."""
    from newsledger.store.sql import SQLStore

    store = SQLStore(f"sqlite:///{db}")
    try:
        out: dict[str, object] = {kind: list(store.iter_records(kind)) for kind in TABLES}
        ids = [a["article_id"] for a in out["articles"]]  # type: ignore[attr-defined]
        out["per_article"] = {aid: store.article_records(aid) for aid in ids}
        out["errors"] = sorted((e["origin"], e["line"], e["code"], e["message"]) for e in store.errors())
        return out
    finally:
        store.close()


def run_ingest(corpus: Path, db: Path, executor: str, workers: int, batch_size: int = 4) -> object:
    from newsledger.runner import ingest
    from newsledger.store.sql import SQLStore

    store = SQLStore(f"sqlite:///{db}")
    ex = get_executor(executor, workers=workers)
    try:
        return ingest([str(corpus)], store=store, executor=ex, config=PipelineConfig(batch_size=batch_size))
    finally:
        ex.close()
        store.close()


def assert_same_ledgers(a: dict[str, object], b: dict[str, object]) -> None:
    for kind in a:
        assert a[kind] == b[kind], f"{kind} differ"


@pytest.mark.slow
def test_two_local_processes_store_what_one_process_stores(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 12)
    one = run_ingest(corpus, tmp_path / "one.db", "local", 1)
    two = run_ingest(corpus, tmp_path / "two.db", "local", 2)
    # the repeated sentences make some dispatches near-duplicates: linked the same way by both runs
    assert one.articles + one.duplicates == 12  # type: ignore[attr-defined]
    assert (two.articles, two.duplicates) == (one.articles, one.duplicates)  # type: ignore[attr-defined]
    a, b = ledger(tmp_path / "one.db"), ledger(tmp_path / "two.db")
    assert a["events"] or a["statements"], "the corpus should yield records to compare"
    assert len(a["errors"]) == 1  # type: ignore[arg-type]
    assert_same_ledgers(a, b)


def test_runner_stores_a_repeated_record_once_whether_in_flight_or_written(tmp_path: Path) -> None:
    from newsledger.runner import ingest
    from newsledger.store.sql import SQLStore

    corpus = tmp_path / "repeats.jsonl"
    order = [*range(6), 2, *range(6, 20), 2, 9]  # 2 again while its batch is in flight, then after
    with corpus.open("w", encoding="utf-8") as fh:
        for i in order:
            text = " ".join(f"word{i}x{j}" for j in range(30))  # distinct texts: no near-duplicates
            fh.write(json.dumps({"id": f"r{i}", "title": f"Record {i}", "text": text}) + "\n")
    store = SQLStore(f"sqlite:///{tmp_path / 'ledger.db'}")
    try:
        with LocalExecutor(workers=2, task=echo_task) as ex:
            summary = ingest([str(corpus)], store=store, executor=ex, config=PipelineConfig(batch_size=3))
        assert (summary.articles, summary.skipped, summary.duplicates) == (20, 3, 0)
        assert store.count("articles") == 20
    finally:
        store.close()


class RecordingExecutor:
    """A test double for the Executor interface: runs in process and records each batch."""

    name = "recording"
    workers = 1

    def __init__(self) -> None:
        self.batches: list[list[int]] = []

    def map(
        self, batches: Iterator[tuple[object, list[Article]]], config: PipelineConfig
    ) -> Iterator[tuple[object, Outcome]]:
        for key, articles in batches:
            self.batches.append([len(a.text) for a in articles])
            yield key, echo_task(articles, config)

    def close(self) -> None:
        pass


def test_a_batch_closes_at_its_character_budget_so_a_long_article_goes_alone(tmp_path: Path) -> None:
    from newsledger.runner import ingest
    from newsledger.store.sql import SQLStore

    corpus = tmp_path / "mixed.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for i in range(10):
            words = 200 if i == 5 else 20  # record 5 is ten times longer than the others
            # words with letters: ingest refuses a record with no word of two letters in a row
            text = " ".join(f"word{i}x{j}" for j in range(words))
            fh.write(json.dumps({"id": f"m{i}", "title": f"Mixed {i}", "text": text}) + "\n")
    store = SQLStore(f"sqlite:///{tmp_path / 'ledger.db'}")
    ex = RecordingExecutor()
    try:
        config = PipelineConfig(batch_size=4, options=StageOptions(batch_chars=1000))
        summary = ingest([str(corpus)], store=store, executor=ex, config=config)
    finally:
        store.close()
    assert summary.articles == 10
    assert [len(b) for b in ex.batches] == [4, 1, 1, 4]  # 0-3 | 4 (budget reached by 5) | 5 alone | 6-9
    assert all(sum(b) <= 1000 or len(b) == 1 for b in ex.batches)


RUNNER = """
import os, sys, time
from newsledger.executors.local import _new_pool
pool = _new_pool(2)
pids = {pool.submit(os.getpid).result() for _ in range(8)}
print(" ".join(map(str, sorted(pids))), flush=True)
time.sleep(600)
"""


def test_workers_exit_when_their_runner_is_killed() -> None:
    import signal
    import subprocess
    import sys
    import time

    with subprocess.Popen([sys.executable, "-c", RUNNER], stdout=subprocess.PIPE, text=True) as runner:
        assert runner.stdout is not None
        pids = [int(p) for p in runner.stdout.readline().split()]
        assert pids, "the pool started no worker"
        os.kill(runner.pid, signal.SIGKILL)  # no cleanup runs: only the workers' watch can end them
    deadline = time.monotonic() + 15
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in pids if _alive(p)]
    assert not alive, f"workers {alive} outlived their runner"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as fh:  # an exited child of init may linger as a zombie
        return fh.read().split()[2] != "Z"
