"""Rules alone vs rules + the learned model, on the held-aside ``select`` fold or the ``check`` parts.

``python -m newsledger.learn.compare --model DIR --part select|check [--json]``

The rules are run once (the pipeline up to the events stage for the codebook and PLOVER
sentences, the full default pipeline for the Wikinews articles, as ``newsledger evaluate``
runs them); each way of adding the model then changes the events the rules produced, and
every variant is scored the way ``evaluate codebook`` (root found), ``evaluate events``
(PLOVER type of the most confident event) and ``evaluate ledger`` (events found / dyad) score:

* ``rules``: the events as coded;
* ``fallback@T`` (recall): a sentence where the rules code nothing and the model's best root
  scores at least T gets an event of that root, from the first actor named in the sentence to
  the second (no event without an actor, as in the coder);
* ``filter@T`` (precision): an event whose root the model scores below T on its sentence is
  dropped;
* ``rerank``: an event's confidence becomes the model's score of its root (PLOVER's choice
  among the rules' events follows the model).

Which sentences: ``select`` = the held-aside fold of :mod:`.event_data` (codebook and PLOVER
dev sentences of the select fold, the two held-aside Wikinews dev articles); ``check`` = the
check parts.  Read the ``select`` figures to choose; ``check`` is measured once, at the end.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..evaluate.base import PRF, data_root
from ..evaluate.events import STAGES as EVENT_STAGES
from ..evaluate.ledger import analyse, load_articles, score_article
from ..evaluate.split import part_of
from ..models import ActorRef, Article, ArticleResult, Event, Provenance
from ..pipeline import PipelineConfig, registered_stages
from ..stages.events.coder import code_fields, event_id
from .event_data import (
    CODEBOOK,
    PLOVER,
    WIKINEWS,
    article_fold,
    build_check_texts,
    labelled_sentences,
    near_duplicate,
    select_articles,
    split_sentences,
    word_set,
)
from .event_data import text_fold as fold_of
from .event_filter import event_features, real_scores
from .event_model import load, predict

__all__ = ["Sets", "compare", "held_aside", "main"]

THRESHOLDS = (0.1, 0.2, 0.3, 0.5)
STAGE = "newsledger.learn.fallback"
CORPUS = "news_corpus/wikinews_en_politics_economy.jsonl"
EVENT_KEY = "\x00events"  # where the event filter's scores sit among the sentence scores
Scores = dict[str, dict[str, float]]  # sentence text -> root -> score
Variant = Callable[[ArticleResult, Scores], list[Event]]


@dataclass
class Sets:
    """The sentences and articles one comparison scores."""

    codebook: list[tuple[Article, str]]  # (one-sentence article, gold root)
    plover: list[tuple[Article, str]]  # (one-sentence article, gold PLOVER type)
    ledger: list[dict[str, Any]]  # gold_wikinews records
    articles: dict[str, Article]  # the ledger's articles by record id
    #: our own labelled Wikinews sentences of the select fold (none for check) and their articles
    labelled: list[tuple[str, str, tuple[str, ...]]] = dataclasses.field(default_factory=list)
    labelled_articles: dict[str, Article] = dataclasses.field(default_factory=dict)


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _wanted(record_id: str, text: str, part: str, check_words: list[frozenset[str]]) -> bool:
    """A check record, or a dev record of the select fold that is no near copy of a check one."""
    if part == "check":
        return part_of(record_id) == "check"
    if part_of(record_id) != "dev" or fold_of(text) != "select":
        return False
    words = word_set(text)
    return not any(near_duplicate(words, c) for c in check_words)


def held_aside(root: Path, part: str, labelled: Path | None = None) -> Sets:
    """The ``select`` fold or the ``check`` parts of the codebook, PLOVER and Wikinews sets;
    for ``select`` also the held-aside articles of our own labelled sentences (``labelled``)."""
    if part not in ("select", "check"):
        raise EvaluationError(f"part must be select or check, not {part!r}")
    from ..evaluate.codebook import example_text

    check_texts = [word_set(t) for t in build_check_texts(root)]
    codebook = [
        (Article(f"cameo-{r['code']}", "", example_text(str(r["example"])), None), str(r["root"]))
        for r in _jsonl(root / CODEBOOK)
        if r.get("example") and _wanted(str(r["code"]), example_text(str(r["example"])), part, check_texts)
    ]
    plover = [
        (Article(f"plover-{r['id']}", "", str(r["text"]), "2000-01-01"), str(r["event"]))
        for r in _jsonl(root / PLOVER)
        if _wanted(str(r["id"]), str(r["text"]), part, check_texts)
    ]
    gold = _jsonl(root / WIKINEWS)
    chosen = select_articles(str(r["id"]) for r in gold) if part == "select" else None
    ledger = [
        r
        for r in gold
        if (str(r["id"]) in chosen if chosen is not None else part_of(str(r["id"])) == "check")
    ]
    articles = load_articles(
        root / WIKINEWS.replace("gold.jsonl", "articles.jsonl"), {str(r["id"]) for r in ledger}
    )
    sets = Sets(codebook, plover, ledger, articles)
    if part == "select" and labelled is not None:
        sets.labelled = [o for o in labelled_sentences(labelled, set()) if article_fold(o[0]) == "select"]
        sets.labelled_articles = load_articles(root / CORPUS, {a for a, _, _ in sets.labelled})
    return sets


# ------------------------------------------------------------------------------ variants


def _score_of(scores: Scores, ev: Event) -> float:
    return scores.get(ev.provenance.sentence, {}).get(ev.cameo_root, 0.0)


def filter_at(threshold: float) -> Variant:
    def variant(result: ArticleResult, scores: Scores) -> list[Event]:
        return [e for e in result.events if _score_of(scores, e) >= threshold]

    return variant


def rerank(result: ArticleResult, scores: Scores) -> list[Event]:
    return [dataclasses.replace(e, confidence=round(_score_of(scores, e), 4)) for e in result.events]


def fallback_at(threshold: float) -> Variant:
    def variant(result: ArticleResult, scores: Scores) -> list[Event]:
        return list(result.events) + fallback_events(result, scores, threshold)

    return variant


def fallback_events(result: ArticleResult, scores: Scores, threshold: float) -> list[Event]:
    """One event per sentence the rules left empty and the model scores >= ``threshold``: its
    best root, from the first actor named in the sentence to the second."""
    text = result.article.text
    refs = {
        a.actor_id: ActorRef(a.actor_id, a.name, a.country, a.sector, a.cameo_code) for a in result.actors
    }
    out: list[Event] = []
    for index, (start, end) in enumerate(split_sentences(text)):
        if any(start <= e.provenance.span[0] < end for e in result.events):
            continue
        sentence = text[start:end]
        best = max(scores.get(sentence, {}).items(), key=lambda kv: kv[1], default=None)
        if best is None or best[1] < threshold:
            continue
        named = [m.actor_id for m in sorted(result.mentions, key=lambda m: m.start) if start <= m.start < end]
        actors = list(dict.fromkeys(a for a in named if a in refs))
        if not actors:
            continue
        source, target = refs[actors[0]], refs[actors[1]] if len(actors) > 1 else None
        code = best[0]
        out.append(
            Event(
                event_id=event_id(result.article.article_id, (start, end), code, source.actor_id, None),
                provenance=Provenance(result.article.article_id, index, sentence, (start, end), STAGE),
                trigger=sentence,
                **code_fields(code),
                source=source,
                target=target,
                date=None,
                date_precision="unknown",
                confidence=round(best[1], 4),
            )
        )
    return out


def event_filter_at(threshold: float) -> Variant:
    """Drop a rule event the learned event filter (:mod:`.event_filter`) scores below
    ``threshold``; its scores sit in ``scores`` under :data:`EVENT_KEY`."""

    def variant(result: ArticleResult, scores: Scores) -> list[Event]:
        real = scores.get(EVENT_KEY, {})
        return [e for e in result.events if real.get(event_features(e), 1.0) >= threshold]

    return variant


def variants(thresholds: Sequence[float] = THRESHOLDS) -> dict[str, Variant]:
    out: dict[str, Variant] = {"rules": lambda result, _scores: list(result.events), "rerank": rerank}
    for t in thresholds:
        out[f"fallback@{t}"] = fallback_at(t)
        out[f"filter@{t}"] = filter_at(t)
    return out


# ------------------------------------------------------------------------------ scoring


def _plover_guess(events: Sequence[Event]) -> str | None:
    typed = [e for e in events if e.plover_type]
    if not typed:
        return None
    return max(typed, key=lambda e: (e.confidence, e.source is not None and e.target is not None)).plover_type


def _ledger_scores(
    sets: Sets, results: dict[str, ArticleResult], variant: Variant, scores: Scores
) -> dict[str, Any]:
    found, dyad = PRF(), PRF()
    for rec in sets.ledger:
        article = sets.articles[str(rec["id"])]
        result = results.get(article.article_id)
        changed = dataclasses.replace(result, events=tuple(variant(result, scores))) if result else None
        score = score_article(rec, changed, article.text)
        for total, level in ((found, "found"), (dyad, "dyad")):
            total.tp += score.events[level].tp
            total.fp += score.events[level].fp
            total.fn += score.events[level].fn
    return {"found": found.as_dict(), "dyad": dyad.as_dict()}


def _sentence_scores(results: dict[str, ArticleResult], nlp: Any) -> Scores:
    texts: set[str] = set()
    for result in results.values():
        texts |= {e.provenance.sentence for e in result.events}
        text = result.article.text
        texts |= {text[a:b] for a, b in split_sentences(text)}
    ordered = sorted(texts)
    return dict(zip(ordered, predict(nlp, ordered), strict=True))


def _one_sentence(results: dict[str, ArticleResult], article: Article) -> ArticleResult:
    """The result for a one-sentence article; its sentence keyed as the model was asked."""
    result = results.get(article.article_id) or ArticleResult(article=article, n_sentences=0)
    return result


def compare(
    sets: Sets, nlp: Any, thresholds: Sequence[float] = THRESHOLDS, event_filter: Any = None
) -> dict[str, Any]:
    """Every variant's figures on ``sets`` (the rules are run once); with ``event_filter`` (a
    model of :mod:`.event_filter`) also ``efilter@T``."""
    known = registered_stages()
    events_only = PipelineConfig(stages=tuple(s for s in EVENT_STAGES if s in known))
    short = analyse([a for a, _ in sets.codebook] + [a for a, _ in sets.plover], events_only)
    long = analyse(list(sets.articles.values()) + list(sets.labelled_articles.values()), PipelineConfig())
    scores = _sentence_scores(short | long, nlp)
    chosen = variants(thresholds)
    if event_filter is not None:
        events = [e for r in (short | long).values() for e in r.events]
        scores[EVENT_KEY] = real_scores(event_filter, events)
        chosen |= {f"efilter@{t}": event_filter_at(t) for t in thresholds}
    report: dict[str, Any] = {
        "n": {"codebook": len(sets.codebook), "plover": len(sets.plover), "ledger_articles": len(sets.ledger)}
    }
    for name, variant in chosen.items():
        cb = [{e.cameo_root for e in variant(_one_sentence(short, a), scores)} for a, _ in sets.codebook]
        pl = [_plover_guess(variant(_one_sentence(short, a), scores)) for a, _ in sets.plover]
        report[name] = {
            "codebook_root_found": _share(
                sum(g in roots for roots, (_, g) in zip(cb, sets.codebook, strict=True)), len(cb)
            ),
            "plover_accuracy": _share(
                sum(p == g for p, (_, g) in zip(pl, sets.plover, strict=True)), len(pl)
            ),
            "ledger": _ledger_scores(sets, long, variant, scores),
        }
        if sets.labelled:
            figures = labelled_figures(
                sets.labelled,
                sets.labelled_articles,
                functools.partial(_variant_events, long, variant=variant, scores=scores),
            )
            report[name]["labelled"] = {k: v for k, v in figures.items() if k != "wrong"}
    return report


def _variant_events(
    results: dict[str, ArticleResult], article: Article, variant: Variant, scores: Scores
) -> list[Event]:
    result = results.get(article.article_id)
    return variant(result, scores) if result else []


def _share(ok: int, n: int) -> float | None:
    return round(ok / n, 4) if n else None


def rules_on_labelled(root: Path, labelled: Path) -> dict[str, Any]:
    """The rules alone on all our own labelled Wikinews sentences (articles no rule was written
    on), with each wrong event listed (these sentences are no check data)."""
    own = labelled_sentences(labelled, set())
    articles = load_articles(root / CORPUS, {a for a, _, _ in own})
    results = analyse(list(articles.values()), PipelineConfig())
    return labelled_figures(
        own, articles, lambda a: list(results[a.article_id].events) if a.article_id in results else []
    )


def labelled_figures(
    own: Sequence[tuple[str, str, tuple[str, ...]]],
    articles: dict[str, Article],
    events_of: Callable[[Article], list[Event]],
) -> dict[str, Any]:
    """Sentence-level figures on labelled sentences: an event is right when its root is a root
    of its sentence (precision); recall over the (sentence, root) pairs; the wrong events."""
    right, wrong, found = 0, [], set[tuple[str, int, str]]()
    for article_id, article in articles.items():
        sentences = [(article.text.find(t), t, rs) for a, t, rs in own if a == article_id]
        for ev in events_of(article):
            at = ev.provenance.span[0]
            hit = next(((s, rs) for s, t, rs in sentences if 0 <= s <= at < s + len(t)), None)
            if hit is not None and ev.cameo_root in hit[1]:
                right += 1
                found.add((article_id, hit[0], ev.cameo_root))
            else:
                roots = hit[1] if hit else None
                wrong.append(
                    {"article": article_id, "code": ev.cameo_code, "trigger": ev.trigger, "roots": roots}
                )
    gold = {(a, articles[a].text.find(t), r) for a, t, rs in own for r in rs}
    prf = PRF(tp=right, fp=len(wrong), fn=len(gold - found))
    return {"sentences": len(own), "events": right + len(wrong), **prf.as_dict(), "wrong": wrong}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsledger.learn.compare", description=__doc__)
    parser.add_argument("--model", help="folder of a model saved by newsledger.learn.train")
    parser.add_argument("--labelled", help="instead: score the rules alone on these labelled sentences")
    parser.add_argument("--event-filter", help="folder of an event filter (train --task filter)")
    parser.add_argument("--with-labelled", help="select part: also score the held-aside labelled articles")
    parser.add_argument("--part", choices=("select", "check"), default="select")
    parser.add_argument("--thresholds", default=",".join(map(str, THRESHOLDS)), help="comma-separated")
    args = parser.parse_args(argv)
    root = data_root()
    if root is None:
        raise EvaluationError("set NEWSLEDGER_DATA to the shared data folder (the gold sets)")
    if args.labelled:
        print(json.dumps(rules_on_labelled(root, Path(args.labelled))))
        return 0
    if not args.model:
        parser.error("--model DIR is needed (or --labelled FILE)")
    thresholds = [float(t) for t in args.thresholds.split(",") if t.strip()]
    event_filter = load(str(Path(args.event_filter))) if args.event_filter else None
    own = Path(args.with_labelled) if args.with_labelled else None
    sets = held_aside(root, args.part, own)
    report = compare(sets, load(str(Path(args.model))), thresholds, event_filter)
    print(json.dumps({"part": args.part, "model": args.model} | report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
