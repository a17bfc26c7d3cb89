"""Score the event coder on the CAMEO codebook's own example sentences
(``newsledger evaluate codebook``).

Gold: ``event_coding/cameo_codebook/codes.jsonl`` (see its SOURCE.md): one record per CAMEO code
with an ``example``, a real news lead of the kind the code is for.  Each example is coded on its
own by the pipeline up to the events stage (default knowledge, or ``--dictionaries``); the
coder's note after the sentence ("Note: two events are coded …") is not part of the text.

* ``code_accuracy``: share of examples where an event of exactly the record's code is found;
* ``root_accuracy``: share where an event of the record's root is found;
* ``no_event``: share where no event at all is coded.

``part`` ("dev", "check", "all") selects records by :func:`.split.part_of` on their code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..models import Article
from ..pipeline import PipelineConfig
from .base import EvalReport, data_path, jsonl_records
from .events import run_events, stages_before_events
from .split import check_part, select

__all__ = ["evaluate", "example_text", "load_examples"]

#: Options ``newsledger evaluate codebook`` passes on (``--part``: by CAMEO code).
OPTIONS = ("part",)
GOLD = "event_coding/cameo_codebook/codes.jsonl"
_NOTE = re.compile(r"\s*\(?\bNote:.*$", re.DOTALL)
#: The codebook's placeholders where an example is still to be written ("NEED EXAMPLE.").
_PLACEHOLDER = re.compile(r"\s*need\s+(?:new\s+)?example\W*", re.IGNORECASE)


def example_text(example: str) -> str:
    """The example sentence without the codebook's trailing "Note: …" for coders."""
    return _NOTE.sub("", example).strip()


def load_examples(path: Path) -> list[dict[str, Any]]:
    """The records that carry an example (codes without one, or with a placeholder where one is
    still to be written, are not scored: there is no sentence to code)."""
    records: list[dict[str, Any]] = []
    for n, rec in jsonl_records(path):
        if "code" not in rec:
            raise EvaluationError(
                "not a codebook record (needs 'code' and 'example')", origin=str(path), line=n
            )
        example = str(rec.get("example") or "")
        if example and not _PLACEHOLDER.fullmatch(example):
            records.append(rec)
    return records


def evaluate(gold: str | None = None, *, limit: int | None = None, **options: object) -> EvalReport:
    """Share of codebook examples whose code (and whose root) the coder finds."""
    path = Path(gold) if gold else data_path(GOLD)
    if not path.is_file():
        raise EvaluationError("gold file not found; pass --gold FILE", origin=str(path))
    part = check_part(options.get("part"))
    records = select(load_examples(path), part, key=lambda r: r["code"])
    if limit is not None:
        records = records[: int(limit)]
    if not records:
        raise EvaluationError(f"no codebook example to score (part {part!r})", origin=str(path))
    folder = options.get("dictionaries")
    config = PipelineConfig(stages=stages_before_events(), dictionaries=str(folder) if folder else None)
    articles = [
        Article(
            article_id=f"cameo-{r['code']}", title="", text=example_text(str(r["example"])), published=None
        )
        for r in records
    ]
    results = run_events(articles, config)
    code_ok = root_ok = empty = crashes = 0
    by_root: dict[str, dict[str, int]] = {}
    misses: list[str] = []
    for rec, art in zip(records, articles, strict=True):
        code, root = str(rec["code"]), str(rec.get("root") or str(rec["code"])[:2])
        events = results.get(art.article_id)
        crashes += events is None
        coded = [(e.cameo_code, e.cameo_root) for e in events or ()]
        exact = any(c == code for c, _ in coded)
        same_root = any(r == root for _, r in coded)
        code_ok += exact
        root_ok += same_root
        empty += not coded
        row = by_root.setdefault(root, {"n": 0, "code": 0, "root": 0})
        row["n"] += 1
        row["code"] += exact
        row["root"] += same_root
        if not same_root:
            misses.append(json.dumps({"code": code, "coded": sorted({c for c, _ in coded})}))
    n = len(records)
    metrics: dict[str, Any] = {
        "n": n,
        "code_accuracy": round(code_ok / n, 4),
        "root_accuracy": round(root_ok / n, 4),
        "no_event": round(empty / n, 4),
        "crashes": crashes,
        "part": part,
        "gold": str(path),
        "dictionaries": str(folder) if folder else None,
    }
    breakdown = {
        root: {
            "n": row["n"],
            "code": round(row["code"] / row["n"], 4),
            "root": round(row["root"] / row["n"], 4),
        }
        for root, row in sorted(by_root.items())
    }
    report = EvalReport("codebook", metrics, breakdown)
    if part == "dev":
        report.notes = misses  # codes whose root was not found; never listed for check
    return report


if __name__ == "__main__":
    print(evaluate().to_json())
