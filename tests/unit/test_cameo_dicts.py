"""PETRARCH dictionary formats, on dictionary snippets written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.errors import KnowledgeError
from newsledger.knowledge.actors import ActorKB
from newsledger.knowledge.cameo_dicts import (
    CameoDictionaries,
    load_dictionaries,
    parse_actors,
    parse_agents,
    parse_discards,
)

ACTORS = """<!-- TEST ACTORS -->
<!--
# a block comment
# -->
FREEDONIA_ [FRE]
+FREEDONIAN
SYLVANIA  [SYL] # comment
RUFUS T. FIREFLY  # leader
+FIREFLY
\t[FRE < 930101]
\t[FREGOV 19930101 - 19931231]
\t[FREREB > 940101]
TRENTINO [FRE]
\t[SYLGOV 930601-931231]
MARX_BROTHERS [GRO/HAR/CHI]
"""

AGENTS = """!PERSON! = MAN, WOMAN
SPY!PERSON! [~SPY]
WAR MINISTER [~GOVDEF]
PEACE_CORPS {} [NGO~]
AMBASSADOR {AMBASSADORS_AT_LARGE} [~GOV]
"""


def test_actor_entries_synonyms_and_dated_codes() -> None:
    entries = {e.name: e for e in parse_actors(ACTORS)}
    assert set(entries) == {"Freedonia", "Sylvania", "Rufus T. Firefly", "Trentino", "Marx Brothers"}
    assert entries["Marx Brothers"].codes[0].also == ("HAR", "CHI")
    assert [p.text for p in entries["Freedonia"].phrases] == ["FREEDONIA", "FREEDONIAN"]
    assert entries["Freedonia"].phrases[0].exact and not entries["Freedonia"].phrases[1].exact
    firefly = entries["Rufus T. Firefly"]
    assert firefly.code_on("1992-05-01") == "FRE"
    assert firefly.code_on("1993-06-01") == "FREGOV"
    assert firefly.code_on("1993-12-31") == "FREGOV"
    assert firefly.code_on("1995-01-01") == "FREREB"
    assert firefly.code_on("1994-01-01") == "FREREB"
    assert entries["Trentino"].code_on("1993-07-01") == "SYLGOV"
    assert entries["Trentino"].code_on("2010-01-01") == "FRE"


def test_agents_macros_plurals_and_prefix() -> None:
    agents = {a.phrase.text: a for a in parse_agents(AGENTS)}
    assert agents["SPYMAN"].code == "SPY" and "SPYWOMEN" in agents
    assert agents["WAR MINISTERS"].code == "GOVDEF"
    assert agents["PEACE CORPS"].prefix and "PEACE CORPSES" not in agents
    assert "AMBASSADORS AT LARGE" in agents and "AMBASSADORS" not in agents


def test_two_digit_years_and_bad_dates() -> None:
    entries = parse_actors("OLD_KING\n\t[AAAGOV 320101-331108]\n\t[AAAELI 991301-000101]\n\t[AAAELI]\n")
    codes = entries[0].codes
    assert codes[0].start == "1932-01-01" and codes[0].end == "1933-11-08"  # 00-30 -> 20YY, else 19YY
    assert [c.code for c in codes] == ["AAAGOV", "AAAELI"]  # the invalid date is skipped, not fatal


def test_agent_without_tilde_is_skipped_or_an_error() -> None:
    assert [a.phrase.text for a in parse_agents("SPY [SPY]\nMOLE [~SPY]\n")] == ["MOLE", "MOLES"]
    with pytest.raises(KnowledgeError):
        parse_agents("SPY [SPY]\n", strict=True)


def test_discards() -> None:
    out = parse_discards("+WORLD CUP  # story\nMONTHS LATER\n")
    assert [(d.phrase.text, d.story) for d in out] == [("WORLD CUP", True), ("MONTHS LATER", False)]


def test_folder_loading_and_kb_roles(tmp_path: Path) -> None:
    (tmp_path / "Test.actors.txt").write_text(ACTORS, "utf-8")
    (tmp_path / "Test.agents.txt").write_text(AGENTS, "utf-8")
    (tmp_path / "Test.discards.txt").write_text("BASEBALL\n", "utf-8")
    (tmp_path / "README.md").write_text("ignored", "utf-8")
    dicts = load_dictionaries(tmp_path)
    assert len(dicts.files) == 3 and dicts.discards
    kb = ActorKB.load(dictionaries=dicts)
    hit = kb.lookup("Rufus T. Firefly")
    assert hit is not None
    firefly = kb.actors[hit.actor_id]
    assert firefly.ref_on("1993-06-01").cameo_code == "FREGOV"
    assert firefly.ref_on("1992-06-01").cameo_code == "FRE"
    assert firefly.ref_on("2000-06-01").cameo_code == "FREREB"
    assert kb.lookup_stem("", "Freedonians") is not None  # stem match on a non-exact phrase
    assert kb.agent("war minister").code == "GOVDEF"  # type: ignore[union-attr]
    assert kb.is_discard("baseball")
    marx = kb.lookup("Marx Brothers")
    assert marx is not None and len(kb.members[marx.actor_id]) == 2
    assert {kb.actors[m].cameo_code for m in kb.members[marx.actor_id]} == {"HAR", "CHI"}


def test_missing_folder() -> None:
    with pytest.raises(KnowledgeError):
        load_dictionaries("/nonexistent/folder")
    assert CameoDictionaries().files == []
