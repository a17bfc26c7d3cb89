"""Claims: a statement's content words with negations removed and antonyms folded, and its polarity."""

from __future__ import annotations

from ...knowledge.framing import Lexicon
from ...text.stance import _tokens
from .common import _STOP


def _claim(content: str, lexicon: Lexicon) -> tuple[list[str], int]:
    """Content words of a claim with negations removed and antonyms folded onto one side,
    and the claim's polarity (number of negations and folded antonyms, mod 2)."""
    antonyms = lexicon.antonym_map()
    canonical = {a: min(a, b) for a, b in antonyms.items()}
    words, flips = [], 0
    toks = [t for _, _, t in _tokens(content) if t.isalnum() or "'" in t or "-" in t]
    i = 0
    while i < len(toks):
        tok = toks[i]
        pair = " ".join(toks[i : i + 2])
        if pair in lexicon.negations:
            flips += 1
            i += 2
            continue
        if tok in lexicon.negations or tok.endswith("n't"):
            flips += 1
            if tok.endswith("n't") and tok not in lexicon.negations:
                words.append(tok[:-3])
            i += 1
            continue
        if tok in canonical:
            if canonical[tok] != tok:
                flips += 1
            words.append(canonical[tok])
        elif tok not in _STOP:
            words.append(tok)
        i += 1
    return words, flips % 2
