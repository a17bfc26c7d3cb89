"""The CLI never leaves a user guessing: wrong values name the right ones, nothing is created by a
typo, an empty result says so, and every command and option explains itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.cli import export as export_command
from newsledger.cli_values import shorten

runner = CliRunner()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_article_path: Path) -> str:
    db = str(tmp_path_factory.mktemp("usage") / "seed.db")
    res = runner.invoke(app, ["ingest", "--db", db, "--quiet", "--workers", "1", str(seed_article_path)])
    assert res.exit_code == 0, res.output
    return db


def _run(*args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_version_is_printed() -> None:
    code, stdout, _ = _run("--version")
    assert code == 0 and stdout.startswith("newsledger ")


def test_a_mistyped_ledger_path_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    typo = tmp_path / "ledgr.db"
    code, _, stderr = _run("events", "--db", str(typo))
    assert code == 1
    assert "does not exist" in stderr and "newsledger ingest" in stderr
    assert not typo.exists()


def test_ingest_of_a_missing_path_says_it_does_not_exist(tmp_path: Path) -> None:
    code, _, stderr = _run("ingest", "--db", str(tmp_path / "new.db"), str(tmp_path / "nope"))
    assert code == 1
    assert "no such file or folder" in stderr and "unsupported" not in stderr


def test_a_country_name_is_answered_with_its_code(seed_db: str) -> None:
    code, stdout, stderr = _run("events", "--db", seed_db, "--country", "Iran")
    assert code == 1 and stdout == ""
    assert "IRN" in stderr


def test_an_unreadable_date_is_an_error_with_the_iso_form(seed_db: str) -> None:
    code, _, stderr = _run("events", "--db", seed_db, "--from", "yesterday")
    assert code == 1 and "ISO date" in stderr and "did you mean --from 20" in stderr
    assert _run("events", "--db", seed_db, "--to", "2021-02-30")[0] == 1


def test_an_unknown_actor_suggests_the_id_and_an_exact_name_is_accepted(seed_db: str) -> None:
    code, _, stderr = _run("events", "--db", seed_db, "--actor", "zarif")
    assert code == 1 and "did you mean --actor" in stderr and "Zarif" in stderr
    code, stdout, _ = _run("events", "--db", seed_db, "--actor", "Mohammad Javad Zarif", "--json")
    assert code == 0 and stdout.strip()


def test_an_empty_result_says_so(seed_db: str) -> None:
    code, stdout, stderr = _run("events", "--db", seed_db, "--country", "NOR", "--cameo", "20")
    assert code == 0 and stdout == ""
    assert "no events match" in stderr and "country=NOR" in stderr


def test_export_help_points_at_the_project_docs() -> None:
    _, stdout, _ = _run("export", "--help")
    assert "docs/EXPORT_SCHEMA.md" in stdout and "../" not in stdout


def test_tables_show_ids(seed_db: str) -> None:
    code, stdout, _ = _run("statements", "--db", seed_db, "-n", "3")
    assert code == 0 and "statement_id" in stdout


def test_the_stats_table_shows_every_key_beside_long_values(seed_db: str) -> None:
    # A long value (events_by_root, a dict) squeezed the key column to nothing at 80 columns.
    code, stdout, _ = _run("stats", "--db", seed_db)
    _, figures, _ = _run("stats", "--db", seed_db, "--json")
    keys = list(json.loads(figures))
    assert code == 0 and "events_by_root" in keys
    shown = {line.strip(" │").split()[0] for line in stdout.splitlines() if line.strip(" │")}
    assert set(keys) <= shown


def test_an_export_to_a_terminal_asks_for_out_or_limit(seed_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_command, "stdout_is_terminal", lambda: True)
    code, stdout, stderr = _run("export", "events", "--db", seed_db)
    assert code == 1 and stdout == "" and "--out" in stderr and "--limit" in stderr
    code, stdout, _ = _run("export", "events", "--db", seed_db, "--limit", "2")
    assert code == 0 and len(stdout.splitlines()) == 2


def test_shorten_cuts_at_a_word_boundary_with_an_ellipsis() -> None:
    assert shorten("the quick brown fox jumps", 14) == "the quick…"
    assert shorten("short", 14) == "short"
    assert shorten("a\nmulti   line", 40) == "a multi line"


def _commands() -> list[tuple[str, Any]]:
    group: Any = typer.main.get_command(app)
    return sorted(group.commands.items())


def test_every_option_is_explained_and_no_flag_shows_a_type() -> None:
    for name, command in _commands():
        assert command.help, f"{name} has no help"
        for param in command.params:
            assert getattr(param, "help", None), f"{name} {param.name} is not explained"
        code, stdout, _ = _run(name, "--help")
        assert code == 0 and "<bool>" not in stdout, name
        assert "../shared/EXPORT" not in stdout, f"{name} --help points outside the project"


def test_an_evaluation_missing_a_dependency_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A module the evaluation imports that is not installed is named, not reported as an
    evaluation "not available" (issue #13: an import error is not an absent feature)."""
    import importlib

    real = importlib.import_module

    def missing(name: str, package: str | None = None) -> Any:
        if name.startswith("newsledger.evaluate."):
            raise ModuleNotFoundError("No module named 'pyarrow'", name="pyarrow")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", missing)
    res = runner.invoke(app, ["evaluate", "dates"])
    assert res.exit_code != 0 and "'pyarrow'" in res.output and "not installed" in res.output


def test_the_events_table_fits_an_80_column_terminal_with_ellipses(
    seed_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Eight columns folded into 80 broke names and triggers mid-word over several lines
    # ("Telesc" / "ope"); now each event is one line and a cut cell ends with an ellipsis.
    from newsledger.cli import common

    monkeypatch.setattr(common.out, "width", 80)
    code, stdout, _ = _run("events", "--db", seed_db, "-n", "20")
    _, lines, _ = _run("events", "--db", seed_db, "-n", "20", "--json")
    events = [json.loads(line) for line in lines.splitlines()]
    assert code == 0 and events
    assert all(len(line) <= 80 for line in stdout.splitlines())
    rows = {line.split()[0]: line for line in stdout.splitlines() if line.startswith("ev_")}
    assert set(rows) == {e["event_id"] for e in events}  # one line per event
    for event in events:
        shown = rows[event["event_id"]].rstrip().split("  ")[-1].strip()  # the trigger, last column
        assert shown == event["trigger"] or (
            shown.endswith("…") and event["trigger"].startswith(shown[:-1])
        ), (shown, event["trigger"])


def test_a_wide_terminal_shows_cells_whole(seed_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsledger.cli import common

    monkeypatch.setattr(common.out, "width", 400)
    code, stdout, _ = _run("events", "--db", seed_db, "-n", "20")
    assert code == 0 and "…" not in stdout
