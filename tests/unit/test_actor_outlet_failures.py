"""A broken user outlet registry costs the outlet actor, never the stage, and it is said (#13)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from newsledger.pipeline import PipelineConfig, Resources
from newsledger.stages.actors import outlets_for


def test_a_registry_that_cannot_be_read_is_logged_not_swallowed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "outlets.yaml"
    broken.write_text("- name: [unclosed\n", "utf-8")
    res = Resources(PipelineConfig(outlet_registry=str(broken)))
    with caplog.at_level(logging.WARNING, logger="newsledger.stages.actors"):
        assert outlets_for(res) is None
    assert any(str(broken) in r.getMessage() for r in caplog.records)


def test_the_shipped_registry_loads_without_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsledger.stages.actors"):
        assert outlets_for(Resources(PipelineConfig())) is not None
    assert not caplog.records
