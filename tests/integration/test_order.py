"""The ledger does not depend on the order of the input nor on the number of workers: the same
articles ingested forwards by one process and backwards by two give the same records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsledger.store.sql import SQLStore

from ..conftest import data_root
from ..unit.test_determinism import WRITTEN

KINDS = ("actors", "events", "statements", "contradictions")
#: Fields that say where and when an input line was read, not what the article says (and the
#: store's own row number of a mention).
WHERE_READ = {"origin", "origin_line", "run_id", "ingested_at", "source_key", "id"}


def _records(db: Path) -> dict[str, Any]:
    store = SQLStore(f"sqlite:///{db}")
    try:
        out: dict[str, Any] = {kind: list(store.iter_records(kind)) for kind in KINDS}
        articles = [
            {k: v for k, v in a.items() if k not in WHERE_READ} for a in store.iter_records("articles")
        ]
        out["articles"] = sorted(articles, key=lambda a: str(a["article_id"]))
        ids = [a["article_id"] for a in out["articles"]]
        out["per_article"] = {aid: _strip(store.article_records(aid)) for aid in ids}
        return out
    finally:
        store.close()


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in WHERE_READ}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _ingest(corpus: Path, db: Path, workers: int, batch_size: int) -> None:
    """Ingest with no per-article time limit: on a loaded machine a stage that runs past the
    limit skips an article in one run and not the other, which is no order dependence."""
    from newsledger.executors import get_executor
    from newsledger.pipeline import PipelineConfig
    from newsledger.runner import ingest

    store = SQLStore(f"sqlite:///{db}")
    executor = get_executor("local", workers=workers)
    try:
        config = PipelineConfig(batch_size=batch_size, article_timeout=0)
        ingest([str(corpus)], store=store, executor=executor, config=config)
    finally:
        executor.close()
        store.close()


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


@pytest.mark.slow
def test_order_and_workers_do_not_change_the_ledger(tmp_path: Path) -> None:
    lines = [json.dumps({"id": k, "title": k, "text": t, "date": "2006-05-31"}) for k, t in WRITTEN.items()]
    corpus = data_root() / "news_corpus" / "wikinews_en_politics_economy.jsonl"
    if corpus.is_file():
        with corpus.open(encoding="utf-8") as fh:
            lines += [line.rstrip("\n") for n, line in enumerate(fh) if n % 293 == 0][:5]
    _write(tmp_path / "forwards.jsonl", lines)
    _write(tmp_path / "backwards.jsonl", list(reversed(lines)))
    _ingest(tmp_path / "forwards.jsonl", tmp_path / "one.db", 1, batch_size=3)
    _ingest(tmp_path / "backwards.jsonl", tmp_path / "two.db", 2, batch_size=2)
    one, two = _records(tmp_path / "one.db"), _records(tmp_path / "two.db")
    assert len(one["articles"]) == len(lines) and one["actors"] and one["events"]
    for kind in one:
        assert one[kind] == two[kind], f"{kind} differ"
