"""Every stage writes only what it declares (issue #13): run the default pipeline stage by stage
on an article that gives every stage work, and compare each field of the article's carrier
before and after each stage with the stage's ``assigns``.  ``notes`` is stage-private scratch
(per-article caches) and is left out."""

from __future__ import annotations

import hashlib
from dataclasses import fields
from typing import Any

from newsledger.models import AnalyzedArticle, Article
from newsledger.pipeline import build_pipeline
from newsledger.stages.nlp import CHUNKS_KEY, LOWERS_KEY, MEMO_KEYS, TEXT_KEY

TEXT = (
    "Iranian Foreign Minister Mohammad Javad Zarif met Russian officials in Moscow on Monday, "
    "January 25. The Taliban delegation had visited Tehran the week before.\n\n"
    '"We support a political solution," Zarif told reporters. He said Iran would not accept '
    "foreign troops in Afghanistan.\n\n"
    "The United States condemned the visit on Tuesday. A State Department spokesman said the "
    'talks were "a step backwards", while Russia said it welcomed the meeting and denied it '
    "had armed the Taliban."
)


def _plain(doc: Any, key: str) -> Any:
    """What the memo under ``key`` stands for, computed the plain way."""
    if key == TEXT_KEY:
        return doc.text
    if key == CHUNKS_KEY:
        return [(nc.start, nc.end, nc.root.i) for nc in doc.noun_chunks]
    assert key == LOWERS_KEY, f"no plain computation known for the memo {key!r}"
    return [t.lower_ for t in doc]


def _doc_state(doc: Any) -> str:
    """The Doc by identity, annotations and user data; the memos :mod:`newsledger.stages.nlp`
    keeps in ``user_data`` (its text, noun chunks, lower-case words) are a cache, not a write,
    as long as each is what the Doc says."""
    user_data = dict(doc.user_data)
    for key in MEMO_KEYS:
        memo = user_data.pop(key, None)
        assert memo is None or memo == _plain(doc, key), f"the memo {key} differs from the Doc"
    return f"{id(doc)}:{doc.to_bytes(exclude=['user_data']).hex()}:{sorted(map(repr, user_data.items()))}"


def _fingerprint(item: AnalyzedArticle) -> dict[str, str]:
    """A digest of each field but ``notes``: the Doc as above, the others by repr."""
    out = {}
    for f in fields(AnalyzedArticle):
        value: Any = getattr(item, f.name)
        if f.name == "notes":
            continue
        text = _doc_state(value) if f.name == "doc" and value is not None else repr(value)
        out[f.name] = hashlib.sha256(text.encode()).hexdigest()
    return out


def test_each_stage_changes_only_the_fields_it_assigns() -> None:
    pipeline = build_pipeline()
    item = AnalyzedArticle(
        article=Article("c1", "Talks in Moscow", TEXT, "2021-01-29", origin="contract.txt")
    )
    changed_by: dict[str, set[str]] = {}
    for spec in pipeline.specs:
        before = _fingerprint(item)
        spec.func([item], pipeline.resources) if spec.batch else spec.func(item, pipeline.resources)
        after = _fingerprint(item)
        changed_by[spec.name] = {name for name in before if before[name] != after[name]}
        undeclared = changed_by[spec.name] - set(spec.assigns)
        assert undeclared == set(), f"{spec.name} writes {sorted(undeclared)} without declaring it"
    # the article gave the stages work: the check above compared real writes
    written = set().union(*changed_by.values())
    assert {"doc", "sentences", "times", "mentions", "actors", "statements", "events"} <= written
