"""The word lists and code tables shipped as data (knowledge/data) say what their readers expect:
codes that exist, countries the knowledge base knows, genders that do not overlap."""

from __future__ import annotations

import pycountry

from newsledger.knowledge.actors.words import COUNTRY_NAMES, DEMONYMS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from newsledger.knowledge.cameo import lookup
from newsledger.knowledge.intent import INTENT_CODE, INTENT_ROOT, REFUSAL_CODE, REFUSAL_ROOT


def test_intent_and_refusal_tables_map_known_codes_to_their_families() -> None:
    for table, roots in ((INTENT_CODE, {"03", "13"}), (REFUSAL_CODE, {"12"})):
        assert table
        for act, coded in table.items():
            assert lookup(act).known and lookup(coded).known, (act, coded)
            assert coded[:2] in roots, (act, coded)
    for table, roots in ((INTENT_ROOT, {"03", "13"}), (REFUSAL_ROOT, {"12"})):
        assert table
        for root, coded in table.items():
            assert len(root) == 2 and lookup(coded).known and coded[:2] in roots, (root, coded)


def test_every_demonym_names_a_country_the_knowledge_base_knows() -> None:
    known = {c.alpha_3 for c in pycountry.countries} | set(COUNTRY_NAMES.values())
    assert len(DEMONYMS) > 150
    assert {name: code for name, code in DEMONYMS.items() if code not in known} == {}
    assert DEMONYMS["Iranian"] == "IRN" and DEMONYMS["American"] == "USA" == DEMONYMS["U.S.-based"]


def test_first_names_give_one_gender() -> None:
    assert len(FEMALE_FIRST_NAMES) > 100 and len(MALE_FIRST_NAMES) > 100
    assert set() == FEMALE_FIRST_NAMES & MALE_FIRST_NAMES
