"""CI quality gate: toponym resolution on LGL must stay above its recorded floor."""

from __future__ import annotations

import pytest

from newsledger.evaluate.base import data_root

# Measured acc@161 on geo/lgl.jsonl (all 588 articles): 0.82; the floor sits a little below it.
ACC161_FLOOR = 0.79


@pytest.mark.eval
def test_places_resolution_floor() -> None:
    if data_root() is None or not (data_root() / "geo" / "lgl.jsonl").exists():  # type: ignore[operator]
        pytest.skip("geo/lgl.jsonl not found (set NEWSLEDGER_DATA)")
    from newsledger.evaluate.places import evaluate

    report = evaluate()
    assert report.metrics["n"] > 4000
    assert report.metrics["accuracy"] >= ACC161_FLOOR, report.to_json()
