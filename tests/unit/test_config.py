"""Typed configuration: one definition of the stage options, read from a file, the environment
and --set (later wins), with errors that name the option and its origin; documented."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from newsledger.config import (
    ENVIRONMENT,
    StageOptions,
    cache_folder,
    load_options,
    option_names,
    paths,
    server_secret,
)
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


#: Ways Python code reads the environment, and a CLI option naming its variable by a literal.
ENV_READ = re.compile(
    r"""\bos\.environ\b|\bos\.environb\b|\bgetenv\b|\bfrom os import [^\n]*\benviron|envvar=\s*["']"""
)


def test_only_the_config_module_reads_the_environment() -> None:
    src = REPO / "src" / "newsledger"
    readers = sorted(
        f"{p.relative_to(src)}:{n}: {line.strip()}"
        for p in src.rglob("*.py")
        if p.name != "config.py" or p.parent != src
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if ENV_READ.search(line)
    )
    assert readers == [], "read environment variables through newsledger.config (ENVIRONMENT)"
    # the grep itself finds what it must: config.py reads the environment, and a literal envvar
    assert ENV_READ.search((src / "config.py").read_text())
    assert ENV_READ.search('typer.Option(None, envvar="NEWSLEDGER_X")')


def test_every_envvar_of_the_cli_is_a_documented_config_variable() -> None:
    import typer.main

    from newsledger.cli import app

    named: set[str] = set()
    group: Any = typer.main.get_command(app)
    for command in group.commands.values():
        for param in command.params:
            envvar = getattr(param, "envvar", None)
            named.update([envvar] if isinstance(envvar, str) else envvar or [])
    assert named and named <= set(ENVIRONMENT), named - set(ENVIRONMENT)


def test_every_environment_variable_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    assert [name for name in ENVIRONMENT if f"`{name}`" not in section] == []
    assert "`NEWSLEDGER_<NAME>`" in section  # the stage options' variables


def test_cache_folder_and_server_secret_read_the_given_environment(tmp_path: Path) -> None:
    assert cache_folder({"NEWSLEDGER_CACHE": "off", "XDG_CACHE_HOME": "/x"}) is None
    assert cache_folder({"NEWSLEDGER_CACHE": str(tmp_path)}) == tmp_path
    assert cache_folder({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "newsledger"
    assert cache_folder({}) == Path.home() / ".cache" / "newsledger"
    assert server_secret({"NEWSLEDGER_SECRET": "s3"}) == "s3"
    assert server_secret({"NEWSLEDGER_SECRET": ""}) is None and server_secret({}) is None


def test_every_option_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    assert [n for n in option_names() if f"`{n}`" not in section] == []
    assert len(option_names()) == len(fields(StageOptions)) >= 12
