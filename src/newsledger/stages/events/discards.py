"""Discard phrases (PETRARCH's and Phoenix's ``discards``): a sentence that holds one codes no
event, a story that holds a story discard ("World Golf Championships") codes none at all.  The
phrases are normalised as the actor knowledge base keys its names, so a span's key is its
tokens' keys joined and no text is sliced."""

from __future__ import annotations

#: the most tokens a discard phrase spans (the Phoenix discards' longest is 7)
MAX_DISCARD_TOKENS = 8


def discarded(keys: list[str], phrases: set[str]) -> bool:
    """True when a discard phrase (normalised as the actor KB keys it) starts at a token of
    ``keys`` (the tokens' keys); a phrase spans at most MAX_DISCARD_TOKENS tokens (the Phoenix
    discards' longest is 7)."""
    prefixes = _prefixes(phrases)
    for i in range(len(keys)):
        acc = ""
        for k in keys[i : i + MAX_DISCARD_TOKENS]:
            acc += k
            if acc in phrases:
                return True
            if acc not in prefixes:  # no phrase starts so: none goes on from here either
                break
    return False


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
