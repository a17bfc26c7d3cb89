"""Discard phrases (PETRARCH's and Phoenix's ``discards``): a sentence that holds one codes no
event, a story that holds a story discard ("World Golf Championships") codes none at all.  The
phrases are normalised as the actor knowledge base keys its names, so a span's key is its
tokens' keys joined and no text is sliced."""

from __future__ import annotations

from typing import Any

from ...knowledge.wordlists import word_lists

#: the most tokens a discard phrase spans (the Phoenix discards' longest is 7)
MAX_DISCARD_TOKENS = 8
#: words of violence, which keep a sentence a sports discard would drop (see the file's comment)
VIOLENCE_WORDS = word_lists("event_words.yaml").words("violence_words")


def tells_of_violence(sent: Any) -> bool:
    """True when a sentence tells of violence: "seven members of the Sri Lankan cricket team
    have been injured in a gun and rocket attack" is news, whatever sport it names (a longer
    discard, "World War II", "traffic accident", still drops it)."""
    return any(t.lemma_.lower() in VIOLENCE_WORDS for t in sent)


def discarded(keys: list[str], phrases: set[str]) -> bool:
    """True when a discard phrase (normalised as the actor KB keys it) starts at a token of
    ``keys`` (the tokens' keys); a phrase spans at most MAX_DISCARD_TOKENS tokens (the Phoenix
    discards' longest is 7)."""
    return discard_length(keys, phrases) > 0


def discard_length(keys: list[str], phrases: set[str]) -> int:
    """How many tokens the first discard phrase found in ``keys`` spans, 0 when none is there:
    a one-word discard names a topic ("cricket"), a longer one a happening ("World War II",
    "traffic accident")."""
    prefixes = _prefixes(phrases)
    for i in range(len(keys)):
        acc = ""
        for n, k in enumerate(keys[i : i + MAX_DISCARD_TOKENS], 1):
            acc += k
            if acc in phrases:
                return n
            if acc not in prefixes:  # no phrase starts so: none goes on from here either
                break
    return 0


_PREFIXES: list[tuple[set[str], int, frozenset[str]]] = []


def _prefixes(phrases: set[str]) -> frozenset[str]:
    """Every leading part of every phrase ("" included), made once per set of phrases."""
    for known, size, prefixes in _PREFIXES:
        if known is phrases and size == len(phrases):
            return prefixes
    prefixes = frozenset(p[:j] for p in phrases for j in range(len(p) + 1))
    _PREFIXES[:] = [entry for entry in _PREFIXES if entry[0] is not phrases][-3:]
    _PREFIXES.append((phrases, len(phrases), prefixes))
    return prefixes
