"""CAMEO code table and the PETRARCH / YAML verb dictionary loaders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsledger.errors import KnowledgeError
from newsledger.knowledge.cameo import cameo_root, is_cameo_root, lookup, table
from newsledger.knowledge.petrarch_verbs import (
    default_verbs,
    load_verbs,
    parse_code,
    parse_petrarch_verbs,
    parse_yaml_verbs,
    verb_forms,
)

# --------------------------------------------------------------------------- code table


def test_every_root_and_quad_class() -> None:
    codes = table()
    for n in range(1, 21):
        root = f"{n:02d}"
        assert root in codes, root
        expected = 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4
        assert codes[root].quad_class == expected, root
        children = [c for c in codes if c.startswith(root) and len(c) > 2]
        assert children, f"root {root} has no codes"
        assert all(codes[c].quad_class == expected for c in children), root


def test_goldstein_range_and_sign() -> None:
    codes = table()
    assert all(-10.0 <= c.goldstein <= 10.0 for c in codes.values())
    assert codes["057"].goldstein > 0 > codes["190"].goldstein
    assert codes["042"].plover_type == "CONSULT" and codes["042"].plover_mode == "visit"
    assert codes["01"].plover_type is None  # plain statements are not PLOVER events


def test_lookup_of_codes_outside_the_table() -> None:
    sub = lookup("0431")  # not in CAMEO 1.1b3: answered by its parent 043
    assert sub.code == "0431" and sub.known is False and sub.plover_type == "CONSULT"
    lettered = lookup("174K")  # PETRARCH/TABARI lettered variant of 174
    assert lettered.known is False and lettered.quad_class == 4 and lettered.plover_type == "COERCE"
    weis = lookup("223")  # a WEIS code: "22" is no CAMEO root
    assert weis.known is False and weis.quad_class == 0 and weis.plover_type is None
    assert cameo_root("1712") == "17" and is_cameo_root("20") and not is_cameo_root("22")


def test_table_agrees_with_cameo2plover(shared_data: Path) -> None:
    path = shared_data / "event_coding" / "CAMEO2PLOVER-2021.txt"
    if not path.is_file():
        pytest.skip("CAMEO2PLOVER-2021.txt not found")
    codes = table()
    checked = 0
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,", line)
        if not m:
            continue
        code, plover = m.groups()
        assert code in codes, code
        assert codes[code].plover_type == plover, (code, plover, codes[code].plover_type)
        checked += 1
    assert checked > 200


# --------------------------------------------------------------------------- PETRARCH format

SAMPLE = """
<!-- a made-up dictionary in the PETRARCH format -->
&KINDS
+TRADE
+SECURITY

&MONEY
+US DOLLARS
+EUROS

--- PARLEY  [040:040]  ---
PARLEY
CONVENE [041]
- * WITH % [046]
- $ AND + * [044]

--- TOSS  [---]  ---
TOSS {TOSSED TOSSING}
+TOSS_OUT {+TOSSED_OUT}
- * &KINDS PACT  [161]  # comment
- * &MONEY [071]
- NOT_* [124]
"""


def test_parse_petrarch_sample() -> None:
    d = parse_petrarch_verbs(SAMPLE, source="sample")
    # synset members match in their regular plural too, unless exact ("_") or plural already
    assert d.synsets["kinds"] == (("trade",), ("trades",), ("security",), ("securities",))
    assert d.synsets["money"] == (("us", "dollars"), ("euros",))
    parley = d.candidates("parleyed", "parley")
    assert parley and parley[0].code == "040" and parley[0].pair == "040"
    convene = d.candidates("convened", "convene")
    assert convene[0].code == "041" and convene[0].block == "parley"
    toss = d.candidates("tossed", "toss")
    assert {e.after for e in toss} == {(), ("out",)}
    assert all(e.code is None for e in toss)  # [---]: the verb alone is not an event
    pats = d.patterns["toss"]
    assert [p.code for p in pats] == ["161", "071", "124"]
    assert pats[0].post[0].kind == "syn" and pats[0].post[1].value == "pact"
    assert pats[2].pre_adjacent and pats[2].pre[0].value == "not"
    slots = d.patterns["parley"][1]
    assert [i.kind for i in slots.pre] == ["src", "word", "tgt"]


GROUPED = """
&WEAPON
+MISSILE
+GUN_
&FIGHT_OF_WORDS
+WAR_OF_WORDS
--- RUSH  [---]  ---
RUSH
- * (TO BORDER) [154]
- * {FREE TRADE DEAL} [061:061]
- * &SECURITY (OVER {&WEAPON ATTACK}) [151]
- * (IN &FIGHT_OF_WORDS) [111]
- * (WITH +) [040]
--- OFFEND  [:110]  ---
OFFEND
- * (BEFORE COURT) [:173]
- * DOWN (FROM) [080!]
~ a (a b ATTACK) SAY = a b 015
"""


def test_grouped_patterns_are_words_not_literals() -> None:
    """CAMEO.2.0's "(PREP ...)" and "{NOUN PHRASE}" groups: brackets are structure, not tokens."""
    d = parse_petrarch_verbs(GROUPED, source="grouped")
    to_border, deal, security, words, with_target = d.patterns["rush"]
    assert [(i.kind, i.value) for i in words.post] == [("word", "in"), ("syn", "fight_of_words")]
    assert [(i.value, i.adjacent) for i in to_border.post] == [("to", False), ("border", False)]
    assert to_border.post[0].group == to_border.post[1].group != 0
    assert [(i.value, i.adjacent) for i in deal.post] == [("free", False), ("trade", True), ("deal", True)]
    assert [(i.kind, i.value) for i in security.post] == [
        ("syn", "security"), ("word", "over"), ("syn", "weapon"), ("word", "attack")
    ]  # fmt: skip
    assert security.post[3].adjacent and not security.post[1].adjacent
    assert [i.kind for i in with_target.post] == ["word", "tgt"]
    assert not any("(" in i.value or "{" in i.value for p in d.patterns["rush"] for i in p.post)


def test_synset_plurals_reverse_codes_and_transformations() -> None:
    d = parse_petrarch_verbs(GROUPED, source="grouped")
    assert d.synsets["weapon"] == (("missile",), ("missiles",), ("gun",))  # GUN_: exact
    offend = d.candidates("offended", "offend")[0]
    assert (offend.code, offend.reverse) == ("110", True)  # [:110] is an event, target -> source
    court, down = d.patterns["offend"]
    assert (court.code, court.pair, court.reverse) == ("173", None, True)
    assert (down.code, down.reverse) == ("080", False)  # "080!" is 080
    assert d.transformations[0].pattern == ("a", "(", "a", "b", "ATTACK", ")", "SAY")
    assert d.transformations[0].result == ("a", "b", "015") and d.transformations[0].line == 18


def test_verb_reader_errors_name_file_and_line() -> None:
    with pytest.raises(KnowledgeError) as err:
        parse_petrarch_verbs("--- MEET [040] ---\nMEET\n- * WITH +\n", source="v.txt")
    assert (err.value.origin, err.value.line) == ("v.txt", 3)  # a pattern without its [code]
    with pytest.raises(KnowledgeError) as err:
        parse_petrarch_verbs("<!-- a\ncomment -->\nMEET\n", source="v.txt")
    assert err.value.line == 3  # line numbers survive block comments


def test_parse_code_variants() -> None:
    assert parse_code("[032:033]") == ("032", "033")
    assert parse_code("---") == (None, None)
    assert parse_code("025?") == ("025", None)
    assert parse_code("+++") == (None, None)


def test_verb_forms() -> None:
    assert {"meets", "meeting", "meeted"} <= set(verb_forms("meet"))
    assert {"condemned", "condemns"} <= set(verb_forms("condemn"))
    assert {"arrived", "arriving"} <= set(verb_forms("arrive"))
    assert "departes" not in verb_forms("depart")  # a misspelling must not match


def test_yaml_blocks_and_errors() -> None:
    d = parse_yaml_verbs(
        {
            "synsets": {"aid": ["aid", "food aid"]},
            "blocks": [
                {
                    "block": "give",
                    "code": "070",
                    "verbs": ["give", "+hand over"],
                    "patterns": ["* &aid [073]"],
                }
            ],
        }
    )
    assert d.candidates("handed", "hand")[0].after == ("over",)
    assert d.patterns["give"][0].code == "073"
    with pytest.raises(KnowledgeError):
        parse_yaml_verbs([{"verbs": ["x"]}])
    with pytest.raises(KnowledgeError):
        parse_yaml_verbs([{"code": "010", "verbs": ["x"], "patterns": ["* y"]}])


def test_defaults_cover_every_cameo_root() -> None:
    d = default_verbs()
    roots: set[str] = set()
    for entries in list(d.lemma_entries.values()) + list(d.nouns.values()):
        roots |= {e.code[:2] for e in entries if e.code}
    for pats in d.patterns.values():
        roots |= {p.code[:2] for p in pats if p.code}
    assert {f"{n:02d}" for n in range(1, 21)} <= roots
    for word in ("meet", "visit", "host", "accuse", "criticize", "condemn", "demand", "threaten",
                 "attack", "sanction", "agree", "sign", "negotiate", "praise", "aid", "arrest", "protest"):  # fmt: skip
        assert d.candidates(word, word) or d.nouns.get(word), word


def test_load_verbs_folder(tmp_path: Path) -> None:
    (tmp_path / "my.verbs.txt").write_text(SAMPLE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a dictionary", encoding="utf-8")
    only = load_verbs(tmp_path, with_defaults=False)
    assert only.candidates("parley", "parley") and not only.candidates("condemn", "condemn")
    both = load_verbs(tmp_path)
    assert both.candidates("parley", "parley") and both.candidates("condemn", "condemn")
    with pytest.raises(KnowledgeError):
        load_verbs(tmp_path / "missing")


def test_petrarch2_style_verb_file_names(tmp_path: Path) -> None:
    (tmp_path / "CAMEO.2.0.txt").write_text(SAMPLE, encoding="utf-8")  # PETRARCH2's verbs file
    (tmp_path / "Phoenix.Countries.actors.txt").write_text("GONDOR [GON]\n", encoding="utf-8")
    d = load_verbs(tmp_path, with_defaults=False)
    assert d.candidates("parley", "parley") and not d.candidates("gondor", "gondor")
