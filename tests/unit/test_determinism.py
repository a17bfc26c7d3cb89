"""An article's records are a function of the article, the shipped knowledge and the config:
not of the articles a process analysed before it, nor of the order the ledger receives them."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from newsledger.knowledge.actors import ActorKB
from newsledger.models import Article, ArticleResult
from newsledger.pipeline import Pipeline, PipelineConfig, build_pipeline
from newsledger.stages.events.parties import Parties
from newsledger.store.rows import merge_actor_rows

from ..conftest import data_root  # noqa: TID252

#: Written for this test: unnamed collectives of unknown country reached by several paths
#: (agent phrases, an agent on a collective, the doer of a passive), which a process-wide
#: cache of group actors once made depend on which article came first.
WRITTEN = {
    "students": "Students unions from all parts of Hesse called for a joint demonstration in Giessen "
    "on Wednesday. The students' unions said the new fees were unfair.",
    "opposition": "Opposition lawmakers walked out of the session on Monday. Two protesters were "
    "arrested, and the opposition government accused the ministry of lying.",
    "gunmen": "Unidentified gunmen attacked a police station on Tuesday, officials said. Student "
    "union leaders met university officials the same day. Two men were arrested.",
}


def _articles(corpus: Path | None) -> list[Article]:
    out = [Article(k, k, text, "2006-05-31") for k, text in WRITTEN.items()]
    if corpus is not None:
        with corpus.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if n % 211 == 0 and len(out) < len(WRITTEN) + 2:
                    r = json.loads(line)
                    out.append(Article(r["id"], r["title"], r["text"], r.get("date")))
    return out


def _records(result: ArticleResult) -> str:
    """Everything an article's result says, with the actors in a fixed order."""
    actors = sorted(result.actors, key=lambda a: a.actor_id)
    return repr((actors, result.mentions, result.events, result.statements))


def _fingerprints(pipeline: Pipeline) -> dict[str, str]:
    """A hash of every public field of every loaded resource but the spaCy model (private
    fields, ``_name``, are memos of pure functions and may fill up)."""
    out: dict[str, str] = {}
    for name, value in pipeline.resources._cache.items():
        if name == "spacy":
            continue
        fields = (
            [f.name for f in dataclasses.fields(value)]
            if dataclasses.is_dataclass(value)
            else list(vars(value))
            if hasattr(value, "__dict__")
            else []
        )
        for field in fields or [""]:
            if field.startswith("_"):
                continue
            part = getattr(value, field) if field else value
            out[f"{name}.{field}"] = hashlib.sha256(pickle.dumps(part)).hexdigest()
    return out


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    corpus = data_root() / "news_corpus" / "wikinews_en_politics_economy.jsonl"
    return _articles(corpus if corpus.is_file() else None)


def test_an_articles_records_do_not_depend_on_the_articles_before_it(articles: list[Article]) -> None:
    alone = {}
    for article in articles:  # each in a fresh pipeline: nothing seen before
        results, errors = build_pipeline(PipelineConfig()).run([article])
        assert not errors and len(results) == 1
        alone[article.article_id] = _records(results[0])
    shared = build_pipeline(PipelineConfig())
    backwards, errors = shared.run(list(reversed(articles)))  # one process, every article before
    assert not errors
    assert {r.article.article_id: _records(r) for r in backwards} == alone


def test_analysing_articles_changes_no_loaded_knowledge(articles: list[Article]) -> None:
    pipeline = build_pipeline(PipelineConfig())
    pipeline.run(articles[:1])  # loads every resource
    before = _fingerprints(pipeline)
    pipeline.run(articles)
    assert _fingerprints(pipeline) == before


def test_a_collective_is_a_function_of_its_code() -> None:
    kb = ActorKB.load()
    n_actors = len(kb.actors)
    by_agent = kb.group(None, "OPPGOV", "---OPPGOV")  # "opposition government", unknown country
    by_base = kb.group(None, None, "---OPPGOV")  # "government" on the unknown "opposition"
    assert by_agent == by_base and by_agent.sector == "OPPGOV" and by_agent.country is None
    assert kb.group("IRN", "GOV") == kb.group("IRN", None, "IRNGOV")
    assert kb.group("IRN", "GOV").name == "Iranian government"
    # the events stage's unnamed doer is the same id and record as the actors stage's
    unnamed = Parties.unnamed.__get__(_NoKbParties())("DEU", "COP")
    assert unnamed.actor_id == "group:DEUCOP" and kb.group(None, "COP").actor_id == "group:---COP"
    assert len(kb.actors) == n_actors  # a lookup adds nothing to the KB


class _NoKbParties:
    """Just enough of :class:`Parties` for :meth:`Parties.unnamed` without a KB."""

    kb = None
    day = None

    def __init__(self) -> None:
        from newsledger.models import AnalyzedArticle

        self.item = AnalyzedArticle(Article("x", "x", "x", None))


def _row(name: str, country: str | None, kind: str, roles: list[dict[str, Any]], aliases: list[str]) -> Any:
    return {
        "actor_id": "person:x",
        "name": name,
        "kind": kind,
        "country": country,
        "sector": None,
        "cameo_code": None,
        "aliases": aliases,
        "roles": roles,
        "affiliation": None,
        "mentions": 1,
    }


def test_the_ledgers_actor_merge_does_not_depend_on_arrival_order() -> None:
    rows = [
        _row("Ann Lee", None, "group", [{"title": "mayor", "start": "2001"}], ["Lee"]),
        _row("Ann B. Lee", "GBR", "person", [{"title": "judge", "start": "1990"}], ["Ann Lee"]),
        _row("Ann Lee", "USA", "group", [{"title": "mayor", "start": "2001"}], []),
    ]
    merged = []
    for order in itertools.permutations(rows):
        acc = dict(order[0])
        for row in order[1:]:
            acc = merge_actor_rows(acc, dict(row))
        merged.append(acc)
    assert all(m == merged[0] for m in merged)
    assert merged[0]["kind"] == "person" and merged[0]["mentions"] == 3
    assert [r["title"] for r in merged[0]["roles"]] == ["judge", "mayor"]
