"""Score the events stage against gold event codings.

Two gold formats, told apart by their fields:

* **PETRARCH validation records** (``event_coding/petrarch_validation/dev.jsonl``, the
  default): ``text``, ``date`` (YYYYMMDD), ``expected_events`` of ``{source, target, code}``
  and ``config.require_dyad``.  Scored on (source code, target code, event code) triples with
  the dictionaries in the gold file's ``dictionaries/`` folder (or ``--dictionaries DIR``);
  an article the pipeline fails on counts as a crash and its gold events as misses.
* **PLOVER example sentences** (``event_coding/plover_examples/dev.jsonl``): ``text`` and
  ``event`` (the PLOVER type).  Scored on the PLOVER type of the most confident event coded
  with our default verb patterns: accuracy, and precision/recall over the sentences where a
  type was predicted.

Run it as ``newsledger evaluate events [--gold FILE] [--dictionaries DIR] [--limit N] --json``
or ``python -m newsledger.evaluate.events``.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ..config import StageOptions
from ..errors import EvaluationError
from ..knowledge.cameo_dicts import parse_day
from ..models import ActorRef, AnalyzedArticle, Article, Event
from ..pipeline import DEFAULT_STAGES, PipelineConfig, build_pipeline, registered_stages
from ..stages.events import code_events
from .base import PRF, EvalReport, data_path, jsonl_records
from .split import select

log = logging.getLogger(__name__)

__all__ = ["evaluate", "event_triples", "load_gold", "run_events", "stages_before_events"]

#: Options ``newsledger evaluate events`` passes on (``--part``: by the records' ``id``).
OPTIONS = ("part",)

DEFAULT_GOLD = "event_coding/petrarch_validation/dev.jsonl"
STAGES = DEFAULT_STAGES[: DEFAULT_STAGES.index("newsledger.events.v1") + 1]
NULL = "---"


def load_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for _, rec in jsonl_records(path):
        records.append(rec)
        if limit is not None and len(records) >= limit:
            break
    return records


def _iso(day: object) -> str | None:
    """A record's date as an ISO day: ``YYYYMMDD`` and ``YYMMDD`` (00-30 -> 20YY, as PETRARCH
    reads it) are converted, so that dated roles apply on the record's day; ISO passes."""
    if day is None or day == "":
        return None
    text = str(day).strip()
    if text.isdigit():
        try:
            return parse_day(text).isoformat()
        except ValueError as exc:
            raise EvaluationError(f"record date {text!r} is not YYMMDD or YYYYMMDD ({exc})") from exc
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError as exc:
        raise EvaluationError(f"record date {text!r} is not YYMMDD, YYYYMMDD or YYYY-MM-DD") from exc


def _flag(value: object, default: bool = True) -> bool:
    if value is None:
        return default
    return str(value).strip().lower() not in {"false", "0", "no"}


def event_triples(events: Iterable[Event], *, require_dyad: bool = True) -> list[tuple[str, str, str]]:
    """(source code, target code, event code) of each event; "---" for a missing actor."""
    out = []
    for ev in events:
        if require_dyad and (ev.source is None or ev.target is None):
            continue
        out.append((_code(ev.source), _code(ev.target), ev.cameo_code))
    return out


def _code(ref: ActorRef | None) -> str:
    """The actor's CAMEO code as PETRARCH writes it: "---GOV" for an agent with no country."""
    if ref is None or not ref.cameo_code:
        return NULL
    if ref.country is None and ref.sector and ref.cameo_code == ref.sector:
        return NULL + str(ref.cameo_code)
    return str(ref.cameo_code)


def stages_before_events() -> tuple[str, ...]:
    """The stages before events that this installation registers (all of them, normally)."""
    known = registered_stages()
    return tuple(s for s in STAGES[:-1] if s in known)


def run_events(articles: Sequence[Article], config: PipelineConfig) -> dict[str, list[Event] | None]:
    """Run the stages before events, then the events stage, article by article after the
    batched parse; None for an article any stage failed on (a crash)."""
    pipeline = build_pipeline(config)
    res = pipeline.resources
    out: dict[str, list[Event] | None] = {}
    for i in range(0, len(articles), config.batch_size):
        items = [AnalyzedArticle(article=a) for a in articles[i : i + config.batch_size]]
        failed: set[int] = set()
        for spec in pipeline.specs:
            live = [n for n in range(len(items)) if n not in failed]
            if spec.batch:
                try:
                    spec.func([items[n] for n in live], res)
                    continue
                except Exception:  # retry one by one so that one bad record fails alone
                    log.warning("stage %s failed on a batch; retrying record by record", spec.name)
            for n in live:
                try:
                    spec.func([items[n]], res) if spec.batch else spec.func(items[n], res)
                except Exception:  # scored as a crash; the traceback says why
                    log.warning(
                        "stage %s failed on %s", spec.name, items[n].article.article_id, exc_info=True
                    )
                    failed.add(n)
        for n, item in enumerate(items):
            if n in failed:
                out[item.article.article_id] = None
                continue
            try:
                code_events(item, res)
                out[item.article.article_id] = list(item.events)
            except Exception:  # scored as a crash; the traceback says why
                log.warning("coding events failed on %s", item.article.article_id, exc_info=True)
                out[item.article.article_id] = None
    return out


def _evaluate_petrarch(records: list[dict[str, Any]], path: Path, options: dict[str, object]) -> EvalReport:
    folder = options.get("dictionaries")
    if folder is None and (path.parent / "dictionaries").is_dir():
        folder = str(path.parent / "dictionaries")
    # PETRARCH's gold codes each direction of a reciprocal event ("A and B met": A->B and B->A);
    # the ledger keeps one record per happening, so the comparison asks for every direction
    config = PipelineConfig(
        stages=stages_before_events(),
        dictionaries=str(folder) if folder else None,
        options=StageOptions(one_record_per_happening=False),
    )
    articles = [
        Article(
            article_id=f"petr-{r.get('index', n)}",
            title="",
            text=str(r["text"]),
            published=_iso(r.get("date")),
        )
        for n, r in enumerate(records)
    ]
    results = run_events(articles, config)
    total = PRF()
    by_root: dict[str, PRF] = {}
    crashes = 0
    no_event_ok = no_event_n = 0
    errors: list[dict[str, Any]] = []
    for rec, art in zip(records, articles, strict=True):
        result = results.get(art.article_id)
        gold = Counter((e["source"], e["target"], e["code"]) for e in rec.get("expected_events", []))
        if result is None:
            crashes += 1
            pred: Counter[tuple[str, str, str]] = Counter()
        else:
            dyad = _flag((rec.get("config") or {}).get("require_dyad"), True)
            pred = Counter(set(event_triples(result, require_dyad=dyad)))
        if rec.get("expect_no_event"):
            no_event_n += 1
            no_event_ok += int(not pred)
        tp = gold & pred
        for triple, n in (gold | pred).items():
            root = triple[2][:2]
            prf = by_root.setdefault(root, PRF())
            hit = tp.get(triple, 0)
            prf.tp += hit
            prf.fp += pred.get(triple, 0) - hit
            prf.fn += gold.get(triple, 0) - hit
            total.tp += hit
            total.fp += pred.get(triple, 0) - hit
            total.fn += gold.get(triple, 0) - hit
            del n
        if gold != pred and len(errors) < 400:
            errors.append({"id": rec.get("id"), "missed": sorted(gold - pred), "extra": sorted(pred - gold)})
    metrics: dict[str, Any] = {
        "n": len(records),
        "events": sum(len(r.get("expected_events", [])) for r in records),
    }
    metrics |= total.as_dict()
    metrics |= {
        "crashes": crashes,
        "no_event_accuracy": round(no_event_ok / no_event_n, 4) if no_event_n else None,
        "gold": str(path),
        "part": options.get("part") or "all",
        "dictionaries": str(folder) if folder else None,
    }
    breakdown = {root: prf.as_dict() for root, prf in sorted(by_root.items())}
    report = EvalReport("events", metrics, breakdown)
    report.notes = [json.dumps(e) for e in errors]
    return report


def _evaluate_plover(records: list[dict[str, Any]], path: Path, options: dict[str, object]) -> EvalReport:
    folder = options.get("dictionaries")
    config = PipelineConfig(stages=stages_before_events(), dictionaries=str(folder) if folder else None)
    articles = [
        Article(
            article_id=f"plover-{n}",
            title="",
            text=str(r["text"]),
            published=_iso(r.get("date")) or "2000-01-01",
        )
        for n, r in enumerate(records)
    ]
    results = run_events(articles, config)
    correct = predicted = crashes = 0
    per_type: dict[str, PRF] = {}
    errors: list[dict[str, Any]] = []
    for rec, art in zip(records, articles, strict=True):
        gold = str(rec.get("event") or "")
        result = results.get(art.article_id)
        if result is None:
            crashes += 1
        typed = [e for e in (result or ()) if e.plover_type]
        guess = (
            max(
                typed, key=lambda e: (e.confidence, e.source is not None and e.target is not None)
            ).plover_type
            if typed
            else None
        )
        gold_prf = per_type.setdefault(gold, PRF())
        if guess is not None:
            predicted += 1
            if guess == gold:
                correct += 1
                gold_prf.tp += 1
            else:
                per_type.setdefault(guess, PRF()).fp += 1
                gold_prf.fn += 1
        else:
            gold_prf.fn += 1
        if guess != gold and len(errors) < 400:
            errors.append({"id": rec.get("id"), "gold": gold, "predicted": guess})
    n = len(records)
    prf = PRF(tp=correct, fp=predicted - correct, fn=n - correct)
    metrics: dict[str, Any] = {"n": n, "accuracy": round(correct / n, 4) if n else 0.0}
    metrics |= prf.as_dict()
    metrics |= {
        "predicted": predicted,
        "crashes": crashes,
        "gold": str(path),
        "part": options.get("part") or "all",
    }
    report = EvalReport("events", metrics, {t: p.as_dict() for t, p in sorted(per_type.items())})
    report.notes = [json.dumps(e) for e in errors]
    return report


def evaluate(gold: str | None = None, *, limit: int | None = None, **options: object) -> EvalReport:
    """Score the events stage on ``gold`` (default: the PETRARCH validation dev split)."""
    path = Path(gold) if gold else data_path(DEFAULT_GOLD)
    if not path.is_file():
        raise EvaluationError("gold file not found; pass --gold FILE", origin=str(path))
    records = select(load_gold(path), options.get("part"), key=lambda r: r.get("id", r.get("index")))
    if limit is not None:
        records = records[:limit]
    if not records:
        raise EvaluationError(
            f"no gold record to score (part {options.get('part') or 'all'})", origin=str(path)
        )
    if "expected_events" in records[0]:
        return _evaluate_petrarch(records, path, options)
    if "event" in records[0]:
        return _evaluate_plover(records, path, options)
    raise EvaluationError(
        "unknown gold format: expected PETRARCH records (expected_events) or PLOVER examples (event)",
        origin=str(path),
    )


if __name__ == "__main__":
    import sys

    report = evaluate(sys.argv[1] if len(sys.argv) > 1 else None)
    if "-v" in sys.argv:
        for note in report.notes:
            print(note)
    print(report.to_json())
