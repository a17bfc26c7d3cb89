"""CI quality gate: toponym resolution and detection on LGL must stay above recorded floors."""

from __future__ import annotations

import pytest

from newsledger.evaluate.base import data_root

from ..conftest import missing_data  # noqa: TID252

# Measured on geo/lgl.jsonl: acc@161 0.83 (cities500; 0.82 with cities1000) over all 588 articles (4,462 toponyms); on the first
# 150 articles detection F1 0.66 and end-to-end acc@161 0.85.  Floors sit a little below.
ACC161_FLOOR = 0.79
DETECTION_F1_FLOOR = 0.62
END_TO_END_FLOOR = 0.80


def _require_gold() -> None:
    root = data_root()
    if root is None or not (root / "geo" / "lgl.jsonl").exists():
        missing_data("geo/lgl.jsonl not found (set NEWSLEDGER_DATA)")


@pytest.mark.eval
def test_places_resolution_floor() -> None:
    _require_gold()
    from newsledger.evaluate.places import evaluate

    report = evaluate()
    assert report.metrics["n"] > 4000
    assert report.metrics["accuracy"] >= ACC161_FLOOR, report.to_json()


@pytest.mark.eval
@pytest.mark.slow
def test_places_detection_floor() -> None:
    _require_gold()
    from newsledger.evaluate.places import evaluate

    report = evaluate(limit=150, detection=True)
    assert report.metrics["detection"]["f1"] >= DETECTION_F1_FLOOR, report.to_json()
    assert report.metrics["end_to_end_acc161"] >= END_TO_END_FLOOR, report.to_json()
