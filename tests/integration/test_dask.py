"""A real Dask LocalCluster with two worker processes stores exactly what the local executor stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.test_executors import assert_same_ledgers, ledger, run_ingest

pytest.importorskip("distributed")

N_ARTICLES = 20


def _subset(shared_data: Path, out: Path, n: int) -> None:
    """The first ``n`` usable records of the shared news corpus (read in place, written to tmp)."""
    source = shared_data / "news_corpus" / "wikinews_en_politics_economy.jsonl"
    if not source.is_file():
        pytest.skip(f"news corpus not found at {source}")
    kept = 0
    with source.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as dst:
        for line in fh:
            rec = json.loads(line)
            if len(rec.get("text") or "") < 400 or len(rec["text"]) > 4000:
                continue  # keep the test quick: ordinary-length articles only
            dst.write(line)
            kept += 1
            if kept == n:
                break


@pytest.mark.dask
@pytest.mark.slow
def test_dask_two_workers_equal_local_record_for_record(tmp_path: Path, shared_data: Path) -> None:
    corpus = tmp_path / "subset.jsonl"
    _subset(shared_data, corpus, N_ARTICLES)
    local = run_ingest(corpus, tmp_path / "local.db", "local", 1)
    dask = run_ingest(corpus, tmp_path / "dask.db", "dask", 2, batch_size=2)  # 10 tasks over 2 workers
    assert local.articles + local.duplicates == N_ARTICLES  # type: ignore[attr-defined]
    assert (dask.articles, dask.duplicates) == (local.articles, local.duplicates)  # type: ignore[attr-defined]
    a, b = ledger(tmp_path / "local.db"), ledger(tmp_path / "dask.db")
    assert a["events"] and a["statements"] and a["actors"], "the subset should yield records of every kind"
    assert_same_ledgers(a, b)


@pytest.mark.dask
def test_dask_executor_reports_its_live_workers() -> None:
    from newsledger.executors.dask import DaskExecutor

    with DaskExecutor(workers=2, task=_noop) as ex:
        assert ex.workers == 2
        out = list(ex.map(((i, []) for i in range(5)), _config()))
    assert [k for k, _ in out] == [0, 1, 2, 3, 4]


def _noop(articles: object, config: object) -> tuple[list[object], list[object]]:
    return [], []


def _config() -> object:
    from newsledger.pipeline import PipelineConfig

    return PipelineConfig()
