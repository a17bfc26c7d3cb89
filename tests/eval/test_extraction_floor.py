"""CI quality gate: HTML body extraction on the Scrapinghub benchmark stays above its floor."""

from __future__ import annotations

import pytest

from newsledger.evaluate.base import data_root

from ..conftest import missing_data  # noqa: TID252

pytestmark = pytest.mark.eval


def test_extraction_f1_floor() -> None:
    if data_root() is None:
        missing_data("gold data not found (set NEWSLEDGER_DATA)")
    from newsledger.evaluate.extraction import evaluate

    report = evaluate()
    assert report.metrics["n"] == 181
    # measured 2026-11-25: P 0.947 R 0.983 F1 0.959 (trafilatura alone: F1 0.956)
    assert report.metrics["f1"] >= 0.94, report.metrics
    assert report.metrics["failed_pages"] == 0
