"""Word lists the stages read live in knowledge/data (issue #13): the reader rejects what YAML
would silently turn into something else, every shipped list is read by some module, the lists
say what their readers expect, and no stage module keeps a large word list in code again."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

import newsledger.knowledge
from newsledger.errors import KnowledgeError
from newsledger.knowledge.wordlists import WordLists, word_lists

SRC = Path(newsledger.knowledge.__file__).resolve().parents[1]
DATA = SRC / "knowledge" / "data"
#: The word-list files the stages read through knowledge/wordlists.py.
WORD_FILES = (
    "actor_text_words.yaml",
    "contradiction_words.yaml",
    "date_words.yaml",
    "event_modality_words.yaml",
    "event_words.yaml",
    "place_words.yaml",
    "stance_syntax_words.yaml",
    "statement_words.yaml",
)
#: Lists written in upper case on purpose (keys and labels compared in upper case).
UPPER_CASE = {"name_stop", "not_speakers", "federal_states"}


def _lists(text: str) -> WordLists:
    return WordLists(yaml.safe_load(text), "test.yaml")


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("modals: [will, no, would]\n", "not words"),  # YAML reads `no` as False
        ("modals: [will, null]\n", "not words"),
        ("modals: [will, will]\n", "twice"),
        ("modals: will would\n", "must be a YAML list"),
        ("other: [x]\n", "no list 'modals'"),
        ("- will\n", "expected a mapping"),
    ],
)
def test_the_reader_rejects_what_is_not_a_list_of_words(text: str, complaint: str) -> None:
    with pytest.raises(KnowledgeError, match=complaint) as err:
        _lists(text).words("modals")
    assert "test.yaml" in str(err.value)


def test_tables_keep_file_order_and_check_their_values() -> None:
    lists = _lists('n: {"two": 2, "one": 1}\nc: {"a": "X", "b": 3}\n')
    assert list(lists.table("n", int).items()) == [("two", 2), ("one", 1)]
    with pytest.raises(KnowledgeError, match="'b'"):
        lists.table("c")
    assert _lists('s: ["b", "a"]\n').ordered("s") == ("b", "a")


@pytest.mark.parametrize("name", WORD_FILES)
def test_every_shipped_list_loads_and_is_read_by_some_module(name: str) -> None:
    lists = word_lists(name)
    code = "\n".join(p.read_text() for p in SRC.rglob("*.py"))
    assert f'word_lists("{name}")' in code
    unread = [n for n in lists.names() if not re.search(rf"""\.(words|ordered|table)\("{n}"[,)]""", code)]
    assert unread == [], f"{name}: lists no module reads"
    for list_name in lists.names():
        raw = yaml.safe_load((DATA / name).read_text())[list_name]
        entries = list(raw) if isinstance(raw, (list, dict)) else []
        assert entries, (name, list_name)
        for word in entries:
            assert isinstance(word, str) and word == word.strip(), (name, list_name, word)
            cased = word.upper() if list_name in UPPER_CASE else word.lower()
            assert word == cased, (name, list_name, word)


def test_the_lists_say_what_their_readers_expect() -> None:
    from newsledger.stages.actors.words import FEMALE_TITLES, GROUP_ANAPHORS, HONORIFICS, MALE_TITLES
    from newsledger.stages.dates.lexicon import FUTURE_WORDS, ORDINALS, PAST_WORDS, PRESENT_WORDS, SMALL
    from newsledger.stages.events.modality import INTENT_HEADS, INTENT_VERBS, REFUSING_HEADS
    from newsledger.stages.statements.modality import INTENT_HEADS as SPEECH_INTENT
    from newsledger.stages.statements.modality import REFUSAL_HEADS

    assert not FEMALE_TITLES & MALE_TITLES
    assert not (PRESENT_WORDS & FUTURE_WORDS) and not (FUTURE_WORDS & PAST_WORDS)
    assert SMALL["dozen"] == 12 and ORDINALS["last"] == -1
    assert HONORIFICS[:2] == ("mr", "mrs") and "terrorist group" in GROUP_ANAPHORS
    # an announced act's head is an intent head; refusing is read before intending
    assert INTENT_HEADS | {"swear"} >= INTENT_VERBS and REFUSING_HEADS - {"deny"} <= INTENT_HEADS
    assert not SPEECH_INTENT & REFUSAL_HEADS


#: Code whose word lists moved to knowledge/data (every stage, the lead-label finder, and the stance reader the
#: statements and contradictions stages share); a literal of this many words or more there is a
#: word list in code again.
MOVED = ("stages", "text/stance.py", "text/leadlabel.py")
LIMIT = 12


def _literal_words(node: ast.AST) -> int:
    """Strings in a set, tuple or list literal, or keys of a dict literal mapping words to
    constants (a table whose values are code, such as holidays to the function that dates
    them, stays code)."""
    if isinstance(node, ast.Call) and node.args:  # frozenset({...})
        return _literal_words(node.args[0])
    if isinstance(node, ast.Dict):
        pairs = zip(node.keys, node.values, strict=True)
        return sum(isinstance(k, ast.Constant) and isinstance(v, ast.Constant) for k, v in pairs)
    elts = getattr(node, "elts", [])
    return sum(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elts)


def _word_lists_in(path: Path) -> list[str]:
    """``file:line`` of each assignment (``__all__`` aside) of a literal of LIMIT words or more."""
    return [
        f"{path.relative_to(SRC)}:{node.lineno}"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        and node.value is not None
        and "__all__" not in ast.unparse(node)
        and _literal_words(node.value) >= LIMIT
    ]


def test_no_large_word_list_is_back_in_the_moved_stage_code() -> None:
    paths: list[Path] = []
    for part in MOVED:
        paths += [SRC / part] if part.endswith(".py") else sorted((SRC / part).rglob("*.py"))
    found = [hit for path in paths for hit in _word_lists_in(path)]
    assert found == [], "move these word lists to knowledge/data (see knowledge/wordlists.py)"
    # the scan sees a word list written the ways the old code wrote them
    words = ", ".join(f'"w{i}"' for i in range(LIMIT))
    table = ", ".join(f'"w{i}": {i}' for i in range(LIMIT))
    for code in (f"X = frozenset({{{words}}})", f"X: set[str] = {{{words}}}", f"X = {{{table}}}"):
        assert _literal_words(ast.parse(code).body[0].value) == LIMIT, code  # type: ignore[attr-defined]
