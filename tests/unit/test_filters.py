"""One filter definition (issue #13): the CLI's options and the API's query parameters are the
ones newsledger.filters defines, for each kind of record, with its descriptions and checks."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from typer.testing import CliRunner

from newsledger.errors import UsageError
from newsledger.filters import APPLIES, FILTER_HELP, KINDS, SPECS, Filters, check_value


def _cli_filters(command: Any) -> dict[str, tuple[list[str], str]]:
    """The command's filter options: filter name -> (option strings, help)."""
    from newsledger.cli.filters import PREFIX

    return {
        p.name.removeprefix(PREFIX): (list(p.opts), p.help or "")
        for p in command.params
        if p.name.startswith(PREFIX)
    }


def _api_filters(path: str) -> dict[str, str]:
    from newsledger.docgen import app_spec, endpoints

    (endpoint,) = [e for e in endpoints(app_spec()) if e["path"] == path and e["method"] == "GET"]
    return {p["name"]: p["description"] for p in endpoint["params"] if p["name"] in SPECS}


def test_every_filter_is_a_field_of_filters_with_one_spec() -> None:
    assert list(SPECS) == [f.name for f in dataclasses.fields(Filters)]
    assert set(FILTER_HELP) == set(SPECS) and all(FILTER_HELP.values())
    for name, spec in SPECS.items():
        assert spec.name == name and spec.applies and set(spec.applies) <= set(KINDS), name
        assert spec.option.startswith("--")


@pytest.mark.parametrize("kind", KINDS)
def test_the_cli_listing_and_the_api_take_exactly_the_filters_of_a_kind(kind: str) -> None:
    from newsledger.docgen import commands

    cli = _cli_filters(dict(commands())[kind])
    api = _api_filters(f"/api/{kind}")
    assert list(cli) == list(api) == list(APPLIES[kind])
    for name, description in api.items():
        options, help_text = cli[name]
        assert description == FILTER_HELP[name]
        assert help_text.startswith(FILTER_HELP[name]) and options[0] == SPECS[name].option


def test_export_takes_every_filter_and_says_which_kinds_it_applies_to() -> None:
    from newsledger.docgen import commands

    cli = _cli_filters(dict(commands())["export"])
    assert list(cli) == list(SPECS)
    assert "[events]" in cli["quad_class"][1] and "[articles]" in cli["duplicates"][1]


def test_the_pages_take_every_filter() -> None:
    import inspect

    from newsledger.api.params import filter_params

    assert list(inspect.signature(filter_params).parameters) == list(SPECS)


def test_a_typed_value_is_checked_by_its_spec() -> None:
    with pytest.raises(UsageError, match="IRN"):
        check_value(SPECS["country"], "Iran")
    assert check_value(SPECS["country"], "irn") == "IRN"
    with pytest.raises(UsageError, match="did you mean --from"):
        check_value(SPECS["date_from"], "27 January 2021")
    with pytest.raises(UsageError, match="--cameo"):
        check_value(SPECS["cameo"], "abc")
    assert check_value(SPECS["cameo"], "042") == "042"


def test_the_cli_refuses_what_the_api_refuses(tmp_path: Any) -> None:
    """A CAMEO code that is not digits and a quad class outside 1-4 are refused before the
    ledger is opened; the API's parameters carry the same patterns (422s: test_api.py)."""
    from newsledger.cli import app
    from newsledger.docgen import app_spec

    db = str(tmp_path / "none.db")
    for args in (["--cameo", "abc"], ["--quad-class", "5"]):
        result = CliRunner().invoke(app, ["events", "--db", db, *args])
        assert result.exit_code != 0 and "does not exist" not in result.output, args
    parameters = app_spec()["paths"]["/api/events"]["get"]["parameters"]
    patterns = {p["name"]: str(p["schema"]) for p in parameters}
    for name in ("cameo", "root", "quad_class", "date_from", "date_to"):
        assert repr(SPECS[name].pattern) in patterns[name], name
