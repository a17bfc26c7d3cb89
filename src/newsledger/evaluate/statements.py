"""Score the statements stage on PolNeAR attributions (``newsledger evaluate statements``).

Gold: ``quotes/polnear_train_dev.jsonl`` (see its SOURCE.md): one line per (document, annotator)
with speaker, cue and content spans as character offsets.  One annotator per document is scored
(the first record of each document), on the dev split unless ``split=`` says otherwise.

Statements that share a cue (a quote split around its cue, or continued in the next paragraph
without a new cue; the ledger's one statement per conjoined speaker, "A and B said") are scored
as one attribution, PolNeAR's unit.  Matching is
then one-to-one on content: a predicted statement and a gold attribution match when their
content spans overlap (any character, multi-span contents taken as the union of their spans);
pairs are taken greedily, largest overlap first.

* ``direct``: gold attributions whose content holds quotation marks (``content_has_quote_marks``)
  against predicted ``direct`` and ``partial`` statements with marks in or around their content; ``speaker_accuracy`` is, over matched
  pairs whose gold has a source span, the share whose predicted speaker span overlaps the gold
  source span or resolves to the same actor.
* ``all``: every gold attribution against every predicted statement.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..config import StageOptions
from ..models import AnalyzedArticle, Article, Statement
from ..pipeline import Pipeline, PipelineConfig, build_pipeline, registered_stages
from .base import PRF, EvalReport, data_path
from .split import select

GOLD = "quotes/polnear_train_dev.jsonl"
#: Options ``newsledger evaluate statements`` passes on (``--part``: by document id).
OPTIONS = ("part",)
#: Stages run before ours when they are installed; others are skipped (the stage then works
#: without resolved actors or dates, and speakers are scored on their spans alone).
UPSTREAM = ("newsledger.nlp.v1", "newsledger.dates.v1", "newsledger.actors.v1")
BATCH = 16


@dataclass(slots=True)
class _Gold:
    spans: list[tuple[int, int]]
    speaker_spans: list[tuple[int, int]]
    direct: bool
    cue: str = ""


def load_gold(path: str | Path, split: str | None = "dev") -> list[dict[str, Any]]:
    """One record per document (its first annotator) of ``split`` (all splits when None)."""
    docs: dict[str, dict[str, Any]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if split and rec.get("split") != split:
                continue
            docs.setdefault(rec["doc"], rec)
    return list(docs.values())


def _gold_items(rec: dict[str, Any]) -> list[_Gold]:
    out = []
    for q in rec.get("quotes") or ():
        spans = [(int(s), int(e)) for s, e in q.get("content_spans") or ()]
        if not spans:
            continue
        speakers = [(int(s), int(e)) for s, e in q.get("speaker_spans") or ()]
        out.append(_Gold(spans, speakers, bool(q.get("content_has_quote_marks")), str(q.get("cue") or "")))
    return out


def _overlap(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


@dataclass(slots=True)
class _Pred:
    """One predicted attribution: the statements that share a cue (a quote continued in a new
    paragraph is a statement of its own in the ledger, but one attribution in PolNeAR; so are
    conjoined speakers, "A and B said", whom PolNeAR marks as one source span)."""

    statements: list[Statement]

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [st.content_span for st in self.statements]

    @property
    def first(self) -> Statement:
        return self.statements[0]

    @property
    def kind(self) -> str:
        kinds = {st.kind for st in self.statements}
        return "direct" if "direct" in kinds else "partial" if "partial" in kinds else "indirect"


_MARKS = '"“”„«»'


def _quoted(text: str, pred: _Pred) -> bool:
    """Mirror of the gold flag: quotation marks in or just around the content (a transcript line,
    "PENCE: …", is direct speech but carries no marks, so it is scored in ``all`` only)."""
    return any(ch in _MARKS for s, e in pred.spans for ch in text[max(0, s - 2) : e + 2])


def group(statements: Sequence[Statement]) -> list[_Pred]:
    groups: dict[object, _Pred] = {}
    for st in statements:
        key = st.cue_span if st.cue_span else id(st)
        groups.setdefault(key, _Pred([])).statements.append(st)
    return list(groups.values())


def match(preds: Sequence[_Pred], golds: Sequence[_Gold]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of predictions to gold by content overlap, largest first."""
    pairs = []
    for i, pred in enumerate(preds):
        ps = pred.spans
        for j, g in enumerate(golds):
            ov = _overlap(ps, g.spans)
            if ov > 0:
                pairs.append((ov, i, j))
    pairs.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _speaker_ok(item: AnalyzedArticle, pred: _Pred, gold: _Gold) -> bool:
    st = pred.first
    if st.speaker_span and _overlap([st.speaker_span], gold.speaker_spans) > 0:
        return True
    if st.speaker is not None:
        for s, e in gold.speaker_spans:
            mention = item.mention_at(s, e)
            if mention is not None and mention.actor_id == st.speaker.actor_id:
                return True
    return False


def upstream_stages(names: Iterable[str] = UPSTREAM) -> list[Any]:
    """The installed stages among ``names`` whose inputs are available, in order."""
    registry = registered_stages()
    available = {"article"}
    specs = []
    for name in names:
        spec = registry.get(name)
        if spec is None or not spec.requires <= available:
            continue
        available |= spec.assigns
        specs.append(spec)
    return specs


def build(config: PipelineConfig) -> Pipeline:
    """The pipeline to score: the installed upstream stages of ``config.stages`` and, when their
    outputs cover its inputs, the statements stage itself (checked by :func:`build_pipeline`)."""
    from ..stages.statements import NAME

    specs = upstream_stages(config.stages)
    names = [spec.name for spec in specs]
    assigned = {"article"}.union(*(spec.assigns for spec in specs))
    if registered_stages()[NAME].requires <= assigned:
        names.append(NAME)
    return build_pipeline(replace(config, stages=tuple(names)))


def analyze(articles: Sequence[Article], pipeline: Pipeline) -> list[AnalyzedArticle]:
    """Run the pipeline over ``articles`` keeping the carriers (and their docs), which
    :meth:`Pipeline.run` does not return; without the actors stage the statements stage is
    called directly, with no resolved speakers."""
    from ..stages.statements import NAME, cue_lexicon, extract, stance_lexicon

    res = pipeline.resources
    items = [AnalyzedArticle(article=a) for a in articles]
    for spec in pipeline.specs:
        if spec.batch:
            spec.func(items, res)
        else:
            for item in items:
                spec.func(item, res)
    if NAME not in pipeline.names:
        lex, stance = cue_lexicon(res), stance_lexicon(res)
        for item in items:
            extract(item, lex, stance, res)
    return items


def evaluate(gold: str | None = None, *, limit: int | None = None, **options: object) -> EvalReport:
    """PolNeAR's dev split of the default gold file; every record of a file given as ``gold``
    (unless ``split=`` names one); ``part=`` dev / check of those by document id."""
    path = Path(gold) if gold else data_path(GOLD)
    split = options.get("split", None if gold else "dev")
    records = load_gold(path, str(split) if split else None)
    records = select(records, options.get("part"), key=lambda r: r["doc"])
    if limit is not None:
        records = records[: int(limit)]
    dictionaries = options.get("dictionaries")
    # PolNeAR annotates every attribution (attitudes, intentions, what a poll shows), not only
    # speech acts: the stage's attribution scope is what its gold measures
    config = PipelineConfig(
        stages=UPSTREAM,
        dictionaries=str(dictionaries) if dictionaries else None,
        options=StageOptions(statement_scope="attribution"),
    )
    pipeline = build(config)
    direct, every = PRF(), PRF()
    speaker_ok = speaker_n = 0
    by_kind: dict[str, PRF] = {}
    for start in range(0, len(records), BATCH):
        batch = records[start : start + BATCH]
        articles = [
            Article(
                article_id=r["doc"],
                title=r.get("title") or "",
                text=r["text"],
                published=r.get("date"),
                outlet=r.get("publisher"),
            )
            for r in batch
        ]
        for rec, item in zip(batch, analyze(articles, pipeline), strict=True):
            golds = _gold_items(rec)
            preds = group(item.statements)
            pairs = match(preds, golds)
            every.tp += len(pairs)
            every.fp += len(preds) - len(pairs)
            every.fn += len(golds) - len(pairs)
            matched_p = {i for i, _ in pairs}
            for i, pred in enumerate(preds):
                prf = by_kind.setdefault(pred.kind, PRF())
                if i in matched_p:
                    prf.tp += 1
                else:
                    prf.fp += 1
            d_preds = [p for p in preds if p.kind in ("direct", "partial") and _quoted(rec["text"], p)]
            d_golds = [g for g in golds if g.direct]
            d_pairs = match(d_preds, d_golds)
            direct.tp += len(d_pairs)
            direct.fp += len(d_preds) - len(d_pairs)
            direct.fn += len(d_golds) - len(d_pairs)
            for i, j in d_pairs:
                if d_golds[j].speaker_spans:
                    speaker_n += 1
                    speaker_ok += _speaker_ok(item, d_preds[i], d_golds[j])
            item.doc = None
    stages = pipeline.names
    metrics: dict[str, Any] = {
        "n": len(records),
        "direct": direct.as_dict()
        | {"speaker_accuracy": round(speaker_ok / speaker_n, 4) if speaker_n else 0.0},
        "all": every.as_dict(),
        "split": split,
        "part": options.get("part") or "all",
        "stages": stages,
    }
    breakdown = {
        kind: {"n": p.tp + p.fp, "precision": round(p.precision, 4)} for kind, p in sorted(by_kind.items())
    }
    notes = [f"speaker accuracy over {speaker_n} matched direct quotes with a gold source span"]
    return EvalReport("statements", metrics, breakdown, notes)


if __name__ == "__main__":
    print(evaluate().to_json())
