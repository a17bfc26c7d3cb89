"""The stage contract: order is checked before running, and one bad article sinks nothing else."""

from __future__ import annotations

import gc
import time

import pytest

from newsledger.errors import PipelineError
from newsledger.models import AnalyzedArticle, Article
from newsledger.pipeline import (
    DEFAULT_STAGES,
    YOUNG_COLLECTION_EVERY,
    PipelineConfig,
    Resources,
    build_pipeline,
    process_batch,
    registered_stages,
    stage,
)


@stage("test.fragile.v1", requires=("doc",), assigns=("notes",))
def _fragile(item: AnalyzedArticle, res: Resources) -> None:
    if "boom" in item.article.text:
        raise ValueError("cannot handle boom")
    item.notes["ok"] = True


def _article(i: int, text: str) -> Article:
    return Article(f"a{i}", f"T{i}", text, "2021-01-29", origin="in.jsonl", origin_line=i)


def test_default_stages_are_all_registered_and_in_a_valid_order() -> None:
    assert set(DEFAULT_STAGES) <= set(registered_stages())
    assert build_pipeline().names == list(DEFAULT_STAGES)


def test_a_stage_whose_inputs_come_later_is_refused() -> None:
    with pytest.raises(PipelineError, match="requires"):
        build_pipeline(PipelineConfig(stages=("newsledger.events.v1", "newsledger.nlp.v1")))
    with pytest.raises(PipelineError, match="unknown stage"):
        build_pipeline(PipelineConfig(stages=("newsledger.nlp.v1", "newsledger.nope.v1")))


def test_stage_names_carry_a_version() -> None:
    with pytest.raises(PipelineError, match="version"):
        stage("test.unversioned")


def test_failing_article_is_reported_and_the_rest_of_the_batch_goes_on() -> None:
    pipeline = build_pipeline(PipelineConfig(stages=("newsledger.nlp.v1", "test.fragile.v1")))
    results, errors = pipeline.run(
        [_article(1, "All is well here."), _article(2, "boom goes the parser"), _article(3, "Fine.")]
    )
    assert [r.article.article_id for r in results] == ["a1", "a3"]
    [err] = errors
    assert (
        err.code == "NL-E201"
        and err.origin == "in.jsonl"
        and err.line == 2
        and "test.fragile.v1" in err.message
    )


def test_default_pipeline_produces_records_with_provenance() -> None:
    text = (
        "Iranian Foreign Minister Mohammad Javad Zarif met Russian officials in Moscow on Monday. "
        '"We support a political solution," Zarif told reporters.'
    )
    [result], errors = build_pipeline().run([_article(1, text)])
    assert errors == []
    assert result.n_sentences == 2
    assert result.events and result.statements  # the loop below must check something
    for record in (*result.events, *result.statements):
        start, end = record.provenance.span
        assert record.provenance.article_id == "a1"
        assert 0 <= start < end <= len(text)
        assert record.provenance.sentence in text


@stage("test.hanging.v1", requires=("doc",), assigns=("notes",))
def _hanging(item: AnalyzedArticle, res: Resources) -> None:
    while "hang" in item.article.text:
        pass


def test_an_article_that_hangs_a_stage_is_timed_out_and_skipped() -> None:
    config = PipelineConfig(stages=("newsledger.nlp.v1", "test.hanging.v1"), article_timeout=0.5)
    results, errors = build_pipeline(config).run(
        [_article(1, "This would hang forever."), _article(2, "Fine.")]
    )
    assert [r.article.article_id for r in results] == ["a2"]
    [err] = errors
    assert err.code == "NL-E202" and err.line == 1 and "test.hanging.v1" in err.message


def _slow_table() -> dict[str, int]:
    time.sleep(1.0)  # a resource that takes longer to load than the article may take
    return {"word": 1}


@stage("test.slow-loading.v1", requires=("doc",), assigns=("notes",))
def _slow_loading(item: AnalyzedArticle, res: Resources) -> None:
    item.notes["table"] = res.cached("test.slow-table", _slow_table)
    while "hang" in item.article.text:
        pass


def test_loading_a_shared_resource_does_not_count_against_the_article_time_limit() -> None:
    config = PipelineConfig(stages=("newsledger.nlp.v1", "test.slow-loading.v1"), article_timeout=0.3)
    results, errors = build_pipeline(config).run(
        [_article(1, "The first article waits for the table."), _article(2, "This would hang.")]
    )
    assert [r.article.article_id for r in results] == ["a1"]
    [err] = errors  # the clock still runs for the stage's own work, after the load
    assert err.code == "NL-E202" and err.line == 2


@stage("test.loading.v1", requires=("doc",), assigns=("notes",))
def _loading(item: AnalyzedArticle, res: Resources) -> None:
    item.notes["table"] = res.cached("test.table", lambda: {"word": 1})


def test_a_batch_that_loads_a_resource_freezes_the_heap_and_the_next_one_does_not() -> None:
    config = PipelineConfig(stages=("newsledger.nlp.v1", "test.loading.v1"))
    threshold = gc.get_threshold()
    gc.unfreeze()
    try:
        process_batch([_article(1, "The first batch loads the table.")], config)
        frozen = gc.get_freeze_count()
        assert frozen > 0  # the model and the table are out of the collector's sight
        assert gc.get_threshold()[0] >= YOUNG_COLLECTION_EVERY
        process_batch([_article(2, "The second batch loads nothing.")], config)
        assert gc.get_freeze_count() == frozen  # nothing more was frozen
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
