"""CI quality gate: contradiction finding on the hand-written gold set (and the seed article).

The gold set lives in ``newsledger.evaluate.contradictions`` (no public gold exists for
conflicting messages); the seed part needs the seed article (a missing file fails in CI, see conftest.missing_data).
"""

from __future__ import annotations

import pytest

from newsledger.evaluate.contradictions import SEED, evaluate

from ..conftest import missing_data  # noqa: TID252

# Measured on the hand-made records (22 scenarios): P 1.00, R 0.75, F1 0.857 since findings need
# stronger evidence (2026-12-05: one target id, dates two years apart at most; 'old-meeting' is no
# longer gold); before that P 1.00, R 0.77, F1 0.87 since a stance must
# apply to the actor's name (was R 0.85, F1 0.92: on 2,600 Wikinews articles the stances that only
# stood near a name made every one of the extra findings a stance error).
RECORDS_F1_FLOOR = 0.84
# Measured on the seed article with the stages of 2026-11-25 09:45 UTC: P 1.00, R 0.91, F1 0.95
# (the seed part depends on every upstream stage, hence the wider margin).
SEED_F1_FLOOR = 0.6


@pytest.mark.eval
def test_contradictions_records_floor() -> None:
    report = evaluate(seed=False)
    records = report.breakdown["records"]
    assert records["n"] >= 10
    assert records["f1"] >= RECORDS_F1_FLOOR, report.to_json()
    assert report.breakdown["statement-statement"]["precision"] >= 0.8, report.to_json()
    assert report.breakdown["statement-action"]["precision"] >= 0.8, report.to_json()


@pytest.mark.eval
@pytest.mark.slow
def test_contradictions_seed_floor() -> None:
    if not SEED.is_file():
        missing_data(f"seed article not found at {SEED}")
    report = evaluate()
    seed = report.breakdown["seed"]
    assert seed["iran"] >= 1, report.to_json()
    assert seed["f1"] >= SEED_F1_FLOOR, report.to_json()
