"""docs/ARCHITECTURE.md tells the truth: its stage table is the default pipeline's declared
contracts (names, order, modules, requires, assigns), and every path it names exists."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from newsledger.models import AnalyzedArticle
from newsledger.pipeline import DEFAULT_STAGES, STAGE_MODULES, registered_stages

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "ARCHITECTURE.md").read_text()


def _stage_rows() -> list[tuple[str, str, set[str], set[str]]]:
    rows = []
    for line in DOC.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`newsledger."):
            name, module, requires, assigns = (re.findall(r"`([^`]+)`", c) for c in cells)
            rows.append((name[0], module[0], set(requires), set(assigns)))
    return rows


def test_the_stage_table_is_the_default_pipelines_contracts() -> None:
    rows = _stage_rows()
    assert [r[0] for r in rows] == list(DEFAULT_STAGES)
    specs = registered_stages()
    for name, module, requires, assigns in rows:
        spec = specs[name]
        assert (requires, assigns) == (set(spec.requires), set(spec.assigns)), name
        dotted = module.removeprefix("src/").removesuffix(".py").replace("/", ".")
        assert spec.func.__module__ == dotted or spec.func.__module__.startswith(dotted + "."), name
        assert dotted in STAGE_MODULES, name


def test_every_field_a_stage_assigns_is_an_analysed_article_field() -> None:
    names = {f.name for f in dataclasses.fields(AnalyzedArticle)}
    assigned = {a for _, _, _, assigns in _stage_rows() for a in assigns}
    assert assigned <= names


def test_every_path_named_exists() -> None:
    paths = set(re.findall(r"`((?:src|docs|tests)/[^`\s]+)`", DOC))
    assert paths, "the map names no paths"
    assert sorted(p for p in paths if not (REPO / p).exists()) == []
