"""CI quality gate for the statements stage on PolNeAR dev (84 documents, 624 direct quotes).

Measured on the full dev split (nlp + dates + actors stages): see the report in
``newsledger evaluate statements --json``.  The floors sit a little below the measured scores so
that a change which makes attribution worse fails like a broken test.  The full dev split takes
about 20 s of CPU (plus model and knowledge-base loading).
"""

from __future__ import annotations

import pytest

from newsledger.evaluate.base import data_root

from ..conftest import missing_data  # noqa: TID252

GOLD = "quotes/polnear_train_dev.jsonl"

# measured: direct P 0.98 R 0.91 F1 0.95, speaker accuracy 0.93; all P 0.88 R 0.64 F1 0.74
# (train, first 200 docs: direct F1 0.91, speaker 0.91, all F1 0.70)
DIRECT_F1_FLOOR = 0.90
SPEAKER_ACCURACY_FLOOR = 0.89
ALL_F1_FLOOR = 0.70


@pytest.mark.eval
@pytest.mark.slow
def test_statements_floor() -> None:
    root = data_root()
    if root is None or not (root / GOLD).is_file():
        missing_data(f"gold file {GOLD} not found (set NEWSLEDGER_DATA)")
    from newsledger.evaluate.statements import evaluate

    report = evaluate(str(root / GOLD), split="dev")  # a file given is scored whole unless a split is named
    metrics = report.metrics
    assert metrics["n"] == 84
    assert set(metrics) >= {"n", "direct", "all"}
    assert metrics["direct"]["f1"] >= DIRECT_F1_FLOOR, metrics
    assert metrics["direct"]["speaker_accuracy"] >= SPEAKER_ACCURACY_FLOOR, metrics
    assert metrics["all"]["f1"] >= ALL_F1_FLOOR, metrics
