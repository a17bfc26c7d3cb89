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
