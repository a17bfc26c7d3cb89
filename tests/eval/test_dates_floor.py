"""CI quality gate for time expressions on TempEval-3 TIMEX3 gold (TBAQ-cleaned training set).

Measured (2026-11-25, all 256 documents): value accuracy 0.848 without spaCy, 0.855 with the
governing verb's tense; detection relaxed F1 0.936, strict F1 0.856, value F1 0.776.  On the first
120 documents (the slow test): accuracy 0.86, F1 0.94, value F1 0.78.  Floors sit a little below.
"""

from __future__ import annotations

import pytest

from newsledger.evaluate.base import data_root
from newsledger.evaluate.dates import GOLD, evaluate

from ..conftest import missing_data  # noqa: TID252

pytestmark = pytest.mark.eval


@pytest.fixture(scope="module")
def gold() -> str:
    root = data_root()
    if root is None or not (root / GOLD).is_file():
        missing_data(f"gold file {GOLD} not found (set NEWSLEDGER_DATA)")
    return str(root / GOLD)


def test_value_accuracy_floor(gold: str) -> None:
    report = evaluate(gold, detect=False)
    assert report.metrics["n"] > 1500
    assert report.metrics["accuracy"] >= 0.83, report.metrics
    assert report.breakdown["DATE"]["accuracy"] >= 0.83, report.breakdown
    assert report.breakdown["DURATION"]["accuracy"] >= 0.86, report.breakdown


@pytest.mark.slow
def test_detection_floor(gold: str) -> None:
    report = evaluate(gold, limit=120)
    assert report.metrics["n"] > 700
    assert report.metrics["accuracy"] >= 0.85, report.metrics
    assert report.metrics["f1"] >= 0.92, report.metrics
    assert report.metrics["value_f1"] >= 0.77, report.metrics
