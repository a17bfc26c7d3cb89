"""Score the whole ledger on hand-coded news articles (``newsledger evaluate ledger``).

Gold: ``gold_wikinews/gold.jsonl`` (one object per article: ``id``, ``date``, ``events``,
``statements``, ``actors``; see its SOURCE.md and PROTOCOL.md) with ``articles.jsonl`` beside
it.  The articles are read exactly as ``newsledger ingest articles.jsonl`` reads them (same
reader, same extraction, same outlet registry) and run through the full default pipeline in
this process; the records it would store are then matched one to one, within each article, to
the gold records:

* events: *found* = the system sentence overlaps the gold sentence and the CAMEO root is the
  same; *dyad* = found and source and target are the gold actors (direction counts; see
  :mod:`.matching` for how actors match); *full* = dyad and the same full code.  P / R / F1 at
  each level; on the found pairs, date accuracy (the exact value, or no date where the gold has
  none) and the accuracy of the negated and hypothetical flags.
* statements: *found* = same sentence; *speaker* = found and the gold speaker.

``part`` ("dev", "check", "all") selects articles by :func:`.split.part_of` on their id.
``errors=True`` lists, for the dev articles only, each gold record with the level it reached
and each system record that matched nothing: check errors are never shown.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..knowledge.outlets import OutletRegistry
from ..models import ActorRef, Article, ArticleResult, Event, IngestError, Statement
from ..pipeline import PipelineConfig, build_pipeline
from ..stages.extract import extract_article
from ..stages.ingest import read_documents
from ..text.clean import clean_text
from .base import PRF, EvalReport, data_path, jsonl_records
from .matching import SystemActor, actor_matches, max_matching, overlaps, sentence_span
from .split import check_part, part_of

__all__ = ["evaluate", "load_gold", "score_article"]

#: Options ``newsledger evaluate ledger`` passes on (``--part``, ``--errors``).
OPTIONS = ("part", "errors")
DEFAULT_GOLD = "gold_wikinews/gold.jsonl"
ARTICLES = "articles.jsonl"
EVENT_LEVELS = ("found", "dyad", "full")
STATEMENT_LEVELS = ("found", "speaker")


def load_gold(path: Path) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for n, rec in jsonl_records(path):
        if "id" not in rec or "events" not in rec:
            raise EvaluationError(
                "not a gold_wikinews record (needs 'id', 'events', 'statements'; see PROTOCOL.md)",
                origin=str(path),
                line=n,
            )
        records.append(rec)
    return records


def load_articles(path: Path, ids: set[str]) -> dict[str, Article]:
    """The articles of ``ids``, read as ``newsledger ingest`` reads them, by their record id."""
    if not path.is_file():
        raise EvaluationError(
            "articles file not found beside the gold file; it must hold the gold articles "
            "(id, title, text, date, url, source)",
            origin=str(path),
        )
    outlets = OutletRegistry.load(None)
    out: dict[str, Article] = {}
    for doc in read_documents(str(path)):
        if isinstance(doc, IngestError):
            raise EvaluationError(f"cannot read an article: {doc.message}", origin=doc.origin, line=doc.line)
        record_id = str(json.loads(doc.raw).get("id"))
        if record_id in ids:
            out[record_id] = extract_article(doc, outlets)
    return out


def analyse(articles: Sequence[Article], config: PipelineConfig) -> dict[str, ArticleResult]:
    """The records the ingest would store, by article id (an article a stage fails on is
    missing: all its gold records count as misses)."""
    pipeline = build_pipeline(config)
    out: dict[str, ArticleResult] = {}
    for start in range(0, len(articles), config.batch_size):
        results, _errors = pipeline.run(articles[start : start + config.batch_size])
        out |= {r.article.article_id: r for r in results}
    return out


# --------------------------------------------------------------------------- one article


@dataclass
class ArticleScore:
    events: dict[str, PRF]
    statements: dict[str, PRF]
    dates: list[tuple[str | None, str | None, str | None]]  # (gold, system, publication day)
    negated: list[bool]
    hypothetical: list[bool]
    errors: list[dict[str, Any]]


def _system_actor(
    ref: ActorRef | None, result: ArticleResult, written: str | None = None
) -> SystemActor | None:
    if ref is None:
        return SystemActor(written) if written else None
    actor = next((a for a in result.actors if a.actor_id == ref.actor_id), None)
    aliases = (*(actor.aliases if actor else ()), *((written,) if written else ()))
    return SystemActor(ref.name, aliases, ref.country, ref.sector, actor.kind if actor else None)


def _record_span(text: str, sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    return sentence_span(text, sentence, near=span[0]) or span


def _gold_span(text: str, sentence: str, article_id: str) -> tuple[int, int]:
    # gold sentences quote the raw record; the article's text is cleaned of markup at ingest
    span = sentence_span(text, sentence) or sentence_span(text, clean_text(sentence).text)
    if span is None:
        raise EvaluationError(
            f"gold sentence not found in the text of article {article_id!r}: {sentence[:80]!r}; "
            "every gold sentence must be a substring of the article (PROTOCOL.md)"
        )
    return span


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _prf(pairs: list[tuple[int, int]], n_gold: int, n_system: int) -> PRF:
    return PRF(tp=len(pairs), fp=n_system - len(pairs), fn=n_gold - len(pairs))


def _levels(
    n_gold: int, n_system: int, tests: Sequence[Callable[[int, int], bool]]
) -> tuple[list[list[tuple[int, int]]], list[tuple[int, int]]]:
    """One maximum matching per level, and the found-level matching that prefers the pairs that
    reach the highest level (the pairs dates and flags are scored on)."""
    per_level = [max_matching(n_gold, n_system, ok) for ok in tests]

    def reached(g: int, s: int) -> int:
        return sum(ok(g, s) for ok in tests)

    return per_level, max_matching(n_gold, n_system, tests[0], prefer=reached)


def score_article(gold: dict[str, Any], result: ArticleResult | None, text: str) -> ArticleScore:
    """Match one article's system records to its gold records (see the module doc)."""
    article_id = str(gold["id"])
    kinds = {a.get("name"): a.get("kind") for a in gold.get("actors") or ()}
    events: list[Event] = list(result.events) if result else []
    statements: list[Statement] = list(result.statements) if result else []
    g_events = gold.get("events") or []
    g_statements = gold.get("statements") or []
    g_ev_spans = [_gold_span(text, e["sentence"], article_id) for e in g_events]
    s_ev_spans = [_record_span(text, e.provenance.sentence, e.provenance.span) for e in events]

    def actor_ok(g_actor: dict[str, Any] | None, system: SystemActor | None) -> bool:
        return actor_matches(g_actor, system, kinds.get((g_actor or {}).get("name")))

    ev_actors = [
        (_system_actor(e.source, result), _system_actor(e.target, result)) if result else (None, None)
        for e in events
    ]

    def ev_found(g: int, s: int) -> bool:
        root = str(g_events[g].get("cameo_root") or str(g_events[g]["cameo_code"])[:2])
        # a record folds every mention of one happening: any mention's sentence may be the gold's
        stated = overlaps(g_ev_spans[g], s_ev_spans[s]) or any(
            overlaps(g_ev_spans[g], span) for span in events[s].mention_spans
        )
        return stated and events[s].cameo_root == root

    def ev_dyad(g: int, s: int) -> bool:
        src, tgt = ev_actors[s]
        return (
            ev_found(g, s) and actor_ok(g_events[g]["source"], src) and actor_ok(g_events[g]["target"], tgt)
        )

    def ev_full(g: int, s: int) -> bool:
        return ev_dyad(g, s) and events[s].cameo_code == str(g_events[g]["cameo_code"])

    ev_levels, ev_pairs = _levels(len(g_events), len(events), (ev_found, ev_dyad, ev_full))
    g_st_spans = [_gold_span(text, st["sentence"], article_id) for st in g_statements]
    s_st_spans = [_record_span(text, st.provenance.sentence, st.provenance.span) for st in statements]
    speakers = [_system_actor(st.speaker, result, st.speaker_text) if result else None for st in statements]

    def st_found(g: int, s: int) -> bool:
        return overlaps(g_st_spans[g], s_st_spans[s])

    def st_speaker(g: int, s: int) -> bool:
        return st_found(g, s) and actor_ok(g_statements[g].get("speaker"), speakers[s])

    st_levels, st_pairs = _levels(len(g_statements), len(statements), (st_found, st_speaker))
    publication = _day(result.article.published) if result else None
    score = ArticleScore(
        events={
            lv: _prf(p, len(g_events), len(events)) for lv, p in zip(EVENT_LEVELS, ev_levels, strict=True)
        },
        statements={
            lv: _prf(p, len(g_statements), len(statements))
            for lv, p in zip(STATEMENT_LEVELS, st_levels, strict=True)
        },
        dates=[(g_events[g].get("date"), _day(events[s].date), publication) for g, s in ev_pairs],
        negated=[bool(g_events[g].get("negated")) == events[s].negated for g, s in ev_pairs],
        hypothetical=[bool(g_events[g].get("hypothetical")) == events[s].hypothetical for g, s in ev_pairs],
        errors=[],
    )
    score.errors = _event_errors(article_id, g_events, events, ev_pairs, (ev_dyad, ev_full))
    score.errors += _statement_errors(article_id, g_statements, statements, st_pairs, st_speaker)
    return score


# --------------------------------------------------------------------------- errors (dev only)


def _actor_text(ref: ActorRef | None) -> str | None:
    return f"{ref.name} [{ref.country or ''}{ref.sector or ''}]" if ref else None


def _gold_actor_text(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    return f"{actor.get('name')} [{actor.get('country') or ''}{actor.get('sector') or ''}]"


def _event_view(ev: Event) -> dict[str, Any]:
    return {
        "sentence": ev.provenance.sentence,
        "trigger": ev.trigger,
        "code": ev.cameo_code,
        "source": _actor_text(ev.source),
        "target": _actor_text(ev.target),
        "date": ev.date,
        "negated": ev.negated,
        "hypothetical": ev.hypothetical,
    }


def _gold_event_view(ev: dict[str, Any]) -> dict[str, Any]:
    return {
        "sentence": ev["sentence"],
        "trigger": ev.get("trigger"),
        "code": ev.get("cameo_code"),
        "source": _gold_actor_text(ev.get("source")),
        "target": _gold_actor_text(ev.get("target")),
        "date": ev.get("date"),
        "negated": bool(ev.get("negated")),
        "hypothetical": bool(ev.get("hypothetical")),
    }


def _event_errors(
    article_id: str,
    golds: list[dict[str, Any]],
    events: list[Event],
    pairs: list[tuple[int, int]],
    higher: tuple[Callable[[int, int], bool], Callable[[int, int], bool]],
) -> list[dict[str, Any]]:
    """Each gold event that is not fully right, with the system event paired to it; then each
    system event paired to nothing (spurious)."""
    dyad, full = higher
    paired = dict(pairs)
    out: list[dict[str, Any]] = []
    for g, gold in enumerate(golds):
        s = paired.get(g)
        level = "missed" if s is None else "full" if full(g, s) else "dyad" if dyad(g, s) else "found"
        date_ok = s is not None and gold.get("date") == _day(events[s].date)
        if level == "full" and date_ok:
            continue
        out.append(
            {
                "article": article_id,
                "record": "event",
                "error": level if level != "full" else "date",
                "gold": _gold_event_view(gold),
                "system": _event_view(events[s]) if s is not None else None,
            }
        )
    used = {s for _, s in pairs}
    for s, ev in enumerate(events):
        if s not in used:
            out.append(
                {
                    "article": article_id,
                    "record": "event",
                    "error": "spurious",
                    "gold": None,
                    "system": _event_view(ev),
                }
            )
    return out


def _statement_errors(
    article_id: str,
    golds: list[dict[str, Any]],
    statements: list[Statement],
    pairs: list[tuple[int, int]],
    speaker_ok: Callable[[int, int], bool],
) -> list[dict[str, Any]]:
    paired = dict(pairs)
    out: list[dict[str, Any]] = []
    for g, gold in enumerate(golds):
        s = paired.get(g)
        if s is not None and speaker_ok(g, s):
            continue
        st = statements[s] if s is not None else None
        out.append(
            {
                "article": article_id,
                "record": "statement",
                "error": "missed" if st is None else "speaker",
                "gold": {
                    "sentence": gold["sentence"],
                    "speaker": _gold_actor_text(gold.get("speaker")),
                    "cue": gold.get("cue"),
                },
                "system": _statement_view(st) if st else None,
            }
        )
    used = {s for _, s in pairs}
    out += [
        {
            "article": article_id,
            "record": "statement",
            "error": "spurious",
            "gold": None,
            "system": _statement_view(st),
        }
        for s, st in enumerate(statements)
        if s not in used
    ]
    return out


def _statement_view(st: Statement) -> dict[str, Any]:
    return {
        "sentence": st.provenance.sentence,
        "speaker": _actor_text(st.speaker) or st.speaker_text,
        "cue": st.cue,
        "kind": st.kind,
    }


def error_lines(errors: list[dict[str, Any]]) -> list[str]:
    """One readable line per error, for the terminal."""
    lines = []
    for err in errors:
        gold, system = err["gold"], err["system"]
        head = f"[{err['article']}] {err['record']} {err['error']}"
        sentence = (gold or system)["sentence"]
        parts = [head, f"  sentence: {sentence}"]
        for label, view in (("gold", gold), ("system", system)):
            if view:
                fields = ", ".join(f"{k}={v}" for k, v in view.items() if k != "sentence")
                parts.append(f"  {label}: {fields}")
        lines.append("\n".join(parts))
    return lines


# --------------------------------------------------------------------------- totals


def _ratio(ok: int, n: int) -> float | None:
    return round(ok / n, 4) if n else None


def _date_metrics(dates: list[tuple[str | None, str | None, str | None]]) -> dict[str, Any]:
    dated = [(g, s, p) for g, s, p in dates if g]
    undated = [(g, s, p) for g, s, p in dates if not g]
    return {
        "accuracy": _ratio(sum(g == s for g, s, _ in dates), len(dates)),
        "n": len(dates),
        "dated_gold_accuracy": _ratio(sum(g == s for g, s, _ in dated), len(dated)),
        "dated_gold_n": len(dated),
        "undated_gold_accuracy": _ratio(sum(s is None for _, s, _ in undated), len(undated)),
        "undated_gold_n": len(undated),
        # dated to the publication day where the gold says otherwise: the default to avoid
        "publication_day_wrong": sum(s is not None and s == p and s != g for g, s, p in dates),
    }


def evaluate(gold: str | None = None, *, limit: int | None = None, **options: object) -> EvalReport:
    """Score the full pipeline on gold_wikinews (default) or another file in its format."""
    path = Path(gold) if gold else data_path(DEFAULT_GOLD)
    if not path.is_file():
        raise EvaluationError("gold file not found; pass --gold FILE", origin=str(path))
    part = check_part(options.get("part"))
    records = [r for r in load_gold(path) if part == "all" or part_of(str(r["id"])) == part]
    if limit is not None:
        records = records[: int(limit)]
    if not records:
        raise EvaluationError(f"no gold article in part {part!r}", origin=str(path))
    articles = load_articles(path.parent / ARTICLES, {str(r["id"]) for r in records})
    missing = [str(r["id"]) for r in records if str(r["id"]) not in articles]
    if missing:
        raise EvaluationError(
            f"gold articles missing from {ARTICLES}: {', '.join(missing)}", origin=str(path)
        )
    dictionaries = options.get("dictionaries")
    config = PipelineConfig(dictionaries=str(dictionaries) if dictionaries else None)
    results = analyse([articles[str(r["id"])] for r in records], config)
    return _report(records, articles, results, path, part, bool(options.get("errors")))


def _report(
    records: list[dict[str, Any]],
    articles: dict[str, Article],
    results: dict[str, ArticleResult],
    path: Path,
    part: str,
    show_errors: bool,
) -> EvalReport:
    events = {lv: PRF() for lv in EVENT_LEVELS}
    statements = {lv: PRF() for lv in STATEMENT_LEVELS}
    dates: list[tuple[str | None, str | None, str | None]] = []
    negated: list[bool] = []
    hypothetical: list[bool] = []
    errors: list[dict[str, Any]] = []
    breakdown: dict[str, dict[str, Any]] = {}
    for rec in records:
        article = articles[str(rec["id"])]
        result = results.get(article.article_id)
        score = score_article(rec, result, article.text)
        for totals, scored in ((events, score.events), (statements, score.statements)):
            for level, prf in scored.items():
                totals[level].tp += prf.tp
                totals[level].fp += prf.fp
                totals[level].fn += prf.fn
        dates += score.dates
        negated += score.negated
        hypothetical += score.hypothetical
        if part_of(str(rec["id"])) == "dev":
            errors += score.errors
        breakdown[str(rec["id"])] = {
            "part": part_of(str(rec["id"])),
            "crashed": result is None,
            "events_gold": len(rec.get("events") or ()),
            "events_system": len(result.events) if result else 0,
            "events_dyad": score.events["dyad"].tp,
            "statements_gold": len(rec.get("statements") or ()),
            "statements_system": len(result.statements) if result else 0,
            "statements_speaker": score.statements["speaker"].tp,
        }
    metrics: dict[str, Any] = {
        "n": len(records),
        "gold_events": sum(len(r.get("events") or ()) for r in records),
        "gold_statements": sum(len(r.get("statements") or ()) for r in records),
        "part": part,
        "events": {lv: prf.as_dict() for lv, prf in events.items()}
        | {
            "dates": _date_metrics(dates),
            "negated_accuracy": _ratio(sum(negated), len(negated)),
            "hypothetical_accuracy": _ratio(sum(hypothetical), len(hypothetical)),
        },
        "statements": {lv: prf.as_dict() for lv, prf in statements.items()},
        "crashes": sum(1 for v in breakdown.values() if v["crashed"]),
        "gold": str(path),
    }
    report = EvalReport("ledger", metrics, breakdown)
    if show_errors:
        report.errors = errors
        report.notes = error_lines(errors)
        if part == "check":
            report.notes.append("errors are listed for dev articles only; the check part is never read")
    return report


if __name__ == "__main__":
    import sys

    print(evaluate(sys.argv[1] if len(sys.argv) > 1 else None).to_json())
