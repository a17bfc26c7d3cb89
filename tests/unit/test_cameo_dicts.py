"""PETRARCH dictionary formats, on dictionary snippets written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.errors import KnowledgeError
from newsledger.knowledge.actors import ActorKB, key
from newsledger.knowledge.cameo_dicts import (
    NULL_CODE,
    CameoDictionaries,
    is_null_code,
    load_dictionaries,
    parse_actors,
    parse_agents,
    parse_code,
    parse_discards,
    parse_issues,
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
    entries = parse_actors("OLD_KING\n\t[AAAGOV 320101-331108]\n\t[AAAELI]\n")
    codes = entries[0].codes
    assert codes[0].start == "1932-01-01" and codes[0].end == "1933-11-08"  # 00-30 -> 20YY, else 19YY
    with pytest.raises(KnowledgeError) as err:  # an impossible date is an error naming file and line
        parse_actors("OLD_KING\n\t[AAAELI 991301-000101]\n", "kings.actors.txt")
    assert err.value.origin == "kings.actors.txt" and err.value.line == 2


@pytest.mark.parametrize(
    ("block", "start", "end"),
    [
        ("USAGOV 19820101", "1982-01-01", None),  # a bare date: from that day
        ("KORGOVBUS 2004017-20061201", "2004-01-07", "2006-12-01"),  # seven digits, a full year
        ("ARMUNR 9008223-911221", "1990-08-22", "1991-12-21"),  # seven digits, YYMMDD and one more
        ("GBRGOV >201005011", "2010-05-01", None),  # a stray digit at the end
        ("IRQOCC 1920030320-20060520", "2003-03-20", "2006-05-20"),  # a doubled century in front
        ("EGYGOV 20121207-20120802", "2012-08-02", "2012-12-07"),  # an end before its start
        ("AFGELI 19270101-730717", "1927-01-01", "1973-07-17"),  # YYYYMMDD-YYMMDD
        ("UKR > 911221", "1991-12-21", None),  # a space after ">"
        ("USRUKR <910824", None, "1991-08-23"),  # "<" is "before"
    ],
)
def test_phoenix_dates_are_read_not_skipped(block: str, start: str | None, end: str | None) -> None:
    code = parse_code(block)
    assert code is not None and (code.start, code.end) == (start, end)


def test_null_codes_and_comments_inside_codes() -> None:
    entries = {e.name: e for e in parse_actors("INDIAN_OCEAN  [---]\nISILDUR  [+++]\nNASGUL  [###] # x\n")}
    assert all(is_null_code(c.code) for e in entries.values() for c in e.codes)
    shipped = ActorKB.load(
        dictionaries=CameoDictionaries(actors=list(entries.values())), user_dictionaries=False
    )
    assert shipped.lookup("Indian Ocean") is None and key("Indian Ocean") in shipped.nobody
    user = ActorKB.load(dictionaries=CameoDictionaries(actors=list(entries.values())))
    hit = user.lookup("Indian Ocean")  # PETRARCH codes a user's null actor as "---"
    assert hit is not None and user.actors[hit.actor_id].cameo_code == NULL_CODE


def test_issue_sections_codes_and_exclusions() -> None:
    text = '<ISSUE CATEGORY="ENERGY" TYPE="ALL">\nn:oil [OIL]\nnatural gas\n~olive oil\n</ISSUE>\n'
    issues = parse_issues(text, "x.txt")
    assert [(i.phrase.text, i.code, i.category) for i in issues] == [
        ("OIL", "OIL", "ENERGY"),
        ("NATURAL GAS", "ENERGY", "ENERGY"),
        ("OLIVE OIL", None, "ENERGY"),
    ]
    with pytest.raises(KnowledgeError):
        parse_issues("stray phrase\n", "x.txt")


def test_dated_only_codes_do_not_leak_a_sector() -> None:
    """ "[USRUKR <910824] [UKR >911221]": Ukraine is UKR after 1991, never UKRUKR."""
    text = "GONDORIA_\n\t[USRGON <910824]\n\t[GONUNR 910824-911221]\n\t[GON >911221]\n"
    kb = ActorKB.load(dictionaries=CameoDictionaries(actors=parse_actors(text)))
    hit = kb.lookup("Gondoria")
    assert hit is not None
    actor = kb.actors[hit.actor_id]
    assert actor.ref_on("2015-01-01").cameo_code == "GON"
    assert actor.ref_on("1991-10-01").cameo_code == "GONUNR"
    assert actor.ref_on("1980-01-01").cameo_code == "USRGON"
    # a country the KB knows stays that country (no dictionary copy with a leaked sector)
    ukraine = "UKRAINE_\n+KIEV_\n\t[USRUKR <910824]\n\t[UKRUNR 910824-911221]\n\t[UKR >911221]\n"
    kb = ActorKB.load(dictionaries=CameoDictionaries(actors=parse_actors(ukraine)), user_dictionaries=False)
    resolved = kb.resolve("Ukraine", "2015-01-01")
    assert resolved is not None and resolved.ref.cameo_code == "UKR"


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


def test_our_files_win_and_fill_what_the_dictionaries_lack(tmp_path: Path) -> None:
    dicts = CameoDictionaries(
        actors=parse_actors("MITHRAN_DIR_\n+OLORIN_\n\t[ARNGOV 900101-991231]\n\t[ARNELI]\n", "x.actors.txt")
    )
    ours = tmp_path / "ours.yaml"
    ours.write_text(
        "- id: mithran-dir\n  name: Mithran Dir\n  kind: person\n  country: ARN\n  roles:\n"
        "    - {title: Steward, country: ARN, sector: GOV, start: 2020-01-01}\n",
        "utf-8",
    )
    kb = ActorKB.load([ours], dicts, user_dictionaries=False)
    late = kb.resolve("Mithran Dir", "2021-01-01")
    assert late is not None and late.actor.actor_id == "person:mithran-dir" and late.role is not None
    assert late.role.title == "Steward" and late.role_said_by == f"{ours}:6"
    early = kb.resolve("Olorin", "1995-01-01")  # the dictionary's other name, its dated role
    assert early is not None and early.actor.actor_id == "person:mithran-dir"
    assert early.ref.cameo_code == "ARNGOV" and early.role_said_by == "x.actors.txt:3"
