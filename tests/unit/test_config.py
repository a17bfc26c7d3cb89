"""Typed configuration: one definition of the stage options, read from a file, the environment
and --set (later wins), with errors that name the option and its origin; documented."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from newsledger.config import StageOptions, load_options, option_names, paths
from newsledger.errors import NewsledgerError
from newsledger.knowledge.gazetteer import DEFAULT_MIN_POPULATION
from newsledger.pipeline import PipelineConfig

REPO = Path(__file__).resolve().parents[2]


def test_defaults_are_what_the_stages_used_before() -> None:
    o = PipelineConfig().options
    assert o == StageOptions()
    assert (o.batch_chars, o.statement_scope, o.require_dyad, o.one_record_per_happening) == (
        120_000,
        "speech",
        False,
        True,
    )
    assert o.gazetteer_min_population == DEFAULT_MIN_POPULATION
    assert (o.verb_defaults, o.intent_codes, o.ledger_conventions) == (None, None, None)


def test_file_then_environment_then_set_later_wins(tmp_path: Path) -> None:
    toml = tmp_path / "nl.toml"
    toml.write_text('[newsledger]\nrequire_dyad = true\nstatement_scope = "all"\nbatch_chars = 5000\n')
    env = {"NEWSLEDGER_STATEMENT_SCOPE": "attribution", "NEWSLEDGER_DB": "x.db", "OTHER": "1"}
    o = load_options(toml, ["batch-chars=7000", "intent_codes=off"], environ=env)
    assert (o.require_dyad, o.statement_scope, o.batch_chars, o.intent_codes) == (
        True,
        "attribution",
        7000,
        False,
    )
    yaml_file = tmp_path / "nl.yaml"
    yaml_file.write_text("actor_stems: yes\nverb_defaults: null\ngazetteer_min_population: 1000\n")
    o = load_options(yaml_file, environ={})
    assert (o.actor_stems, o.verb_defaults, o.gazetteer_min_population) == (True, None, 1000)
    assert load_options(environ={}) == StageOptions()


@pytest.mark.parametrize(
    ("assignment", "named"),
    [
        ("require_dyad=perhaps", "require_dyad"),
        ("batch_chars=many", "batch_chars"),
        ("statement_scope=everything", "statement_scope"),
        ("no_such_option=1", "no_such_option"),
        ("require_dyad", "NAME=VALUE"),
    ],
)
def test_a_bad_value_is_an_error_naming_the_option_and_its_origin(assignment: str, named: str) -> None:
    with pytest.raises(NewsledgerError) as err:
        load_options(assignments=[assignment], environ={})
    assert named in str(err.value) and "--set" in str(err.value)


def test_a_bad_file_is_an_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("require_dyad = [\n")
    with pytest.raises(NewsledgerError, match="bad.toml"):
        load_options(bad, environ={})
    with pytest.raises(NewsledgerError, match="missing.yaml"):
        load_options(tmp_path / "missing.yaml", environ={})


def test_paths_come_from_the_environment_only_here() -> None:
    assert paths({"NEWSLEDGER_DB": "a.db", "NEWSLEDGER_CACHE": ""}).db == "a.db"
    assert paths({"NEWSLEDGER_CACHE": ""}).cache == ""  # "" keeps meaning "no cache"
    src = REPO / "src" / "newsledger"
    reads = re.compile(r"""(environ\.get\(|environ\[|getenv\()\s*["']NEWSLEDGER_""")
    readers = sorted(
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if reads.search(p.read_text()) and p.name != "config.py"
    )
    assert readers == [], "read NEWSLEDGER_* variables through newsledger.config"


def test_every_option_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    assert [n for n in option_names() if f"`{n}`" not in section] == []
    assert len(option_names()) == len(fields(StageOptions)) >= 12
