"""Documentation cannot drift from the CLI: every command is in the README's tour."""

from __future__ import annotations

from pathlib import Path

from newsledger.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_cli_command_is_documented_in_the_readme() -> None:
    text = README.read_text()
    commands = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert commands, "no commands registered"
    missing = [c for c in commands if f"newsledger {c}" not in text]
    assert missing == []


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (README.parent / ".ci" / "run").read_text()
    assert "scripts/test" in README.read_text() and "exec scripts/test" in ci


DOCS = README.parent / "docs"


def test_every_cli_command_and_option_is_in_the_generated_reference() -> None:
    """docs/CLI.md is written by scripts/docs; a new command or option must be regenerated into it."""
    from newsledger.docgen import commands

    reference = (DOCS / "CLI.md").read_text()
    missing = []
    for name, command in commands():
        if f"## newsledger {name}\n" not in reference:
            missing.append(name)
        section = reference.split(f"## newsledger {name}\n", 1)[-1].split("\n## ", 1)[0]
        missing += [
            f"{name} {opt}"
            for p in command.params
            for opt in p.opts
            if opt.startswith("-") and opt not in section
        ]
    assert missing == [], "run scripts/docs to regenerate docs/CLI.md"


def test_every_endpoint_and_its_parameters_are_in_the_api_reference() -> None:
    from newsledger.docgen import app_spec, endpoints

    reference = (DOCS / "API.md").read_text()
    for e in endpoints(app_spec()):
        heading = f"## {e['method']} {e['path']}\n"
        assert heading in reference, f"{heading.strip()} missing: run scripts/docs"
        section = reference.split(heading, 1)[1].split("\n## ", 1)[0]
        for p in e["params"]:
            assert f"`{p['name']}`" in section, f"{e['path']} {p['name']}: run scripts/docs"


def test_each_endpoint_documents_only_the_filters_it_reads() -> None:
    from newsledger.docgen import app_spec, endpoints

    params = {(e["method"], e["path"]): {p["name"] for p in e["params"]} for e in endpoints(app_spec())}
    assert "quad_class" not in params[("GET", "/api/actors")] and "kind" in params[("GET", "/api/actors")]
    assert (
        "outlet_type" in params[("GET", "/api/articles")] and "actor" not in params[("GET", "/api/articles")]
    )
    assert {"cameo", "quad_class", "actor"} <= params[("GET", "/api/events")]
    assert params[("GET", "/api/stats")] == set()


def test_docs_link_only_to_files_that_exist() -> None:
    import re

    for doc in [README, *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#:]+\.md)\)", doc.read_text()):
            assert (doc.parent / target).is_file(), f"{doc.name} links to missing {target}"
