"""The shipped Phoenix dictionaries: every construct loads, the compiled cache, precedence, resolve."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.knowledge import phoenix
from newsledger.knowledge.cameo_dicts import CameoDictionaries, dictionary_files, load_dictionaries
from newsledger.knowledge.petrarch_verbs import parse_petrarch_verbs


@pytest.fixture(scope="module")
def shipped() -> CameoDictionaries:
    return load_dictionaries(phoenix.phoenix_folder())


def test_the_package_ships_every_file_with_its_licence() -> None:
    folder = phoenix.phoenix_folder()
    kinds = {kind for kind, _ in dictionary_files(folder)}
    assert kinds == {"actors", "agents", "discards", "issue"}
    assert (folder / "CAMEO.2.0.txt").is_file()
    assert "MIT License" in (folder / "LICENSE").read_text("utf-8")
    assert "676801cd9cb2924bbbad09f86d15c9323e7097bf" in (folder / "SOURCE.md").read_text("utf-8")


def test_every_actor_block_loads_with_its_dates(shipped: CameoDictionaries) -> None:
    """The reader raises on any block it cannot read, so loading at all means none was skipped;
    the typos the files really hold are read as their neighbours show they were meant."""
    korea = next(c for a in shipped.actors for c in a.codes if c.code == "KORGOVBUS" and c.line == 40)
    assert (korea.start, korea.end) == ("2004-01-07", "2006-12-01")
    usagov = [c for a in shipped.actors for c in a.codes if c.code == "USAGOV" and c.line == 51384]
    assert usagov and (usagov[0].start, usagov[0].end) == ("1982-01-01", None)
    assert len(shipped.actors) > 20_000 and len(shipped.agents) > 6_000 and shipped.issues


def test_every_verb_pattern_loads_without_literal_brackets() -> None:
    path = phoenix.phoenix_folder() / "CAMEO.2.0.txt"
    verbs = parse_petrarch_verbs(path.read_text("utf-8"), str(path))
    patterns = [p for ps in verbs.patterns.values() for p in ps]
    assert len(patterns) == sum(
        1
        for line in path.read_text("utf-8").splitlines()
        if line.startswith("-") and not line.startswith("---")
    )
    words = [i.value for p in patterns for i in (*p.pre, *p.post)]
    assert not [w for w in words if any(ch in w for ch in "(){}[]")]
    assert sum(1 for p in patterns if any(i.group for i in (*p.pre, *p.post))) > 1_500  # ~a third
    assert sum(1 for p in patterns if p.reverse) > 90  # "[:173]" and the like are events
    assert len(verbs.transformations) == 8


def test_compiled_cache_is_used_rebuilt_when_corrupt_and_skipped_when_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLEDGER_CACHE", str(tmp_path))
    kb = phoenix.phoenix_kb()
    cached = list(tmp_path.glob("phoenix-kb-*.pickle"))
    assert len(cached) == 1 and kb.resolve("Petro Poroshenko", "2016-01-01") is not None
    with cached[0].open("rb") as fh:
        assert isinstance(pickle.load(fh), type(kb))
    cached[0].write_bytes(b"not a pickle")
    assert phoenix.phoenix_kb().resolve("Petro Poroshenko") is not None  # rebuilt
    assert cached[0].read_bytes() != b"not a pickle"
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("NEWSLEDGER_CACHE", str(blocked))
    assert phoenix.phoenix_verbs().patterns  # built, not cached, no error


def test_own_files_win_and_fill_dated_roles(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSLEDGER_CACHE", str(tmp_path))
    kb = phoenix.actor_kb()
    rouhani = kb.resolve("Hassan Rouhani", "2015-01-01")
    assert rouhani is not None and rouhani.said_by.startswith(
        "newsledger/knowledge/data/actors_default.yaml:"
    )
    assert rouhani.ref.cameo_code == "IRNGOV" and rouhani.role_said_by is not None
    ukraine = kb.resolve("Ukraine", "2015-01-01")
    assert ukraine is not None and ukraine.ref.cameo_code == "UKR"  # not UKRUKR
    georgia = kb.resolve("Georgia", "2015-01-01")
    assert georgia is not None and georgia.ref.cameo_code == "GEO"
    poroshenko = kb.resolve("Petro Poroshenko", "2016-01-01")
    assert poroshenko is not None and poroshenko.ref.cameo_code == "UKRGOV"
    assert poroshenko.role_said_by is not None
    assert poroshenko.role_said_by.startswith(
        "newsledger/knowledge/data/phoenix/Phoenix.Countries.actors.txt:"
    )
    assert "1988" not in kb.discards and "1988" in kb.background_markers
    assert not kb.has_dictionaries  # shipped, not the user's: stages keep their own conventions
    assert not phoenix.actor_kb(dictionaries="none").resolve("Petro Poroshenko")


def test_resolve_command(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSLEDGER_CACHE", str(tmp_path))
    runner = CliRunner()
    result = runner.invoke(app, ["resolve", "Petro Poroshenko", "--date", "2016-01-01", "--json"])
    assert result.exit_code == 0, result.output
    assert '"code": "UKRGOV"' in result.output and "Phoenix.Countries.actors.txt:" in result.output
    unknown = runner.invoke(app, ["resolve", "Xyzzy Plugh"])
    assert unknown.exit_code == 1 and "not a name" in unknown.output
