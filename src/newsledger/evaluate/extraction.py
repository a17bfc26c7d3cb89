"""Score article-body extraction from HTML on the Scrapinghub article-extraction benchmark.

Token-level precision / recall / F1 of the extracted body against the ground-truth body, per
page and averaged over pages (the benchmark's own measure), so it is comparable with the
figures in its SOURCE.md (trafilatura alone: P 0.948 R 0.977 F1 0.956).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import NewsledgerError
from ..knowledge.outlets import OutletRegistry
from ..models import RawDocument
from ..stages.extract import extract_article
from .base import EvalReport, data_path

GOLD = "article_extraction/scrapinghub_aeb/ground-truth.json"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def page_scores(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, true = _tokens(predicted), _tokens(gold)
    common = sum((pred & true).values())
    p = common / sum(pred.values()) if pred else 0.0
    r = common / sum(true.values()) if true else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold: str | None = None, *, limit: int | None = None, **options: Any) -> EvalReport:
    gold_path = Path(gold) if gold else data_path(GOLD)
    truth: dict[str, dict[str, str]] = json.loads(gold_path.read_text("utf-8"))
    html_dir = gold_path.parent / "html"
    outlets = OutletRegistry.load()
    sums = [0.0, 0.0, 0.0]
    failures: list[str] = []
    items = sorted(truth.items())[: limit or None]
    for item_id, record in items:
        raw = gzip.decompress((html_dir / f"{item_id}.html.gz").read_bytes())
        doc = RawDocument(f"{item_id}.html.gz", None, "html", raw, hashlib.sha256(raw).hexdigest())
        try:
            text = extract_article(doc, outlets).text
        except NewsledgerError:
            text = ""  # counted as an empty extraction: precision and recall 0 for the page
            failures.append(item_id)
        for i, score in enumerate(page_scores(text, record["articleBody"])):
            sums[i] += score
    n = len(items)
    p, r, f = (s / n if n else 0.0 for s in sums)
    return EvalReport(
        "extraction",
        {
            "n": n,
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "failed_pages": len(failures),
        },
        notes=[f"pages with no body extracted: {', '.join(failures[:10])}"] if failures else [],
    )


if __name__ == "__main__":
    print(evaluate().to_json())
