"""Stance of a speaker toward an actor, from the cue and content words of a statement.

A small, editable lexicon (``data/stance.yaml``) lists critical and supportive words; a statement's
stance toward an actor is the balance of those words in the clause that mentions the actor (or the
whole content when the clause has none), with a negator shortly before a term flipping it.
The lexicon is deliberately transparent: it is a first cut that users extend, not a model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeError
from ..knowledge.files import load_yaml

CRITICAL = "critical"
SUPPORTIVE = "supportive"
NEUTRAL = "neutral"

#: How many words before a term a negator still flips it.
NEGATION_WINDOW = 3


@dataclass(frozen=True, slots=True)
class StanceLexicon:
    critical: frozenset[str]
    supportive: frozenset[str]
    negators: frozenset[str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # multi-word terms as word tuples + polarity

    @classmethod
    def load(cls, path: str | Path | None = None) -> StanceLexicon:
        """The shipped lexicon, or the YAML file at ``path`` (same keys)."""
        data, origin = load_yaml(path, "stance.yaml", "stance lexicon")
        if not isinstance(data, dict):
            raise KnowledgeError(
                "stance lexicon must map critical/supportive/negators to lists", origin=origin
            )
        return cls.from_lists(
            critical=data.get("critical") or (),
            supportive=data.get("supportive") or (),
            negators=data.get("negators") or (),
        )

    @classmethod
    def from_lists(
        cls, *, critical: Sequence[str], supportive: Sequence[str], negators: Sequence[str] = ()
    ) -> StanceLexicon:
        words: dict[str, set[str]] = {CRITICAL: set(), SUPPORTIVE: set()}
        phrases: list[tuple[tuple[str, ...], str]] = []
        for polarity, terms in ((CRITICAL, critical), (SUPPORTIVE, supportive)):
            for term in terms:
                parts = _words(str(term))
                if len(parts) == 1:
                    words[polarity].add(parts[0])
                elif parts:
                    phrases.append((parts, polarity))
        negators = [str(n) for n in negators]
        single_neg = frozenset(n.lower() for n in negators if " " not in n)
        for neg in negators:
            if " " in neg:
                phrases.append((_words(neg), "negator"))
        return cls(frozenset(words[CRITICAL]), frozenset(words[SUPPORTIVE]), single_neg, tuple(phrases))

    def polarity(self, words: Sequence[str], lemmas: Sequence[str] | None = None) -> int:
        """Supportive minus critical terms in ``words`` (lemmas too, when given), negation-aware."""
        low = [w.lower() for w in words]
        lem = [w.lower() for w in lemmas] if lemmas is not None else low
        hits: list[tuple[int, int]] = []  # (position, +1 / -1)
        negations: list[int] = []
        covered: set[int] = set()
        for parts, polarity in self.phrases:
            n = len(parts)
            for i in range(len(low) - n + 1):
                if tuple(low[i : i + n]) == parts or tuple(lem[i : i + n]) == parts:
                    if polarity == "negator":
                        negations.append(i + n - 1)
                    else:
                        hits.append((i, 1 if polarity == SUPPORTIVE else -1))
                    covered.update(range(i, i + n))
        for i, (word, lemma) in enumerate(zip(low, lem, strict=True)):
            if i in covered:
                continue
            if word in self.negators or lemma in self.negators:
                negations.append(i)
            elif word in self.critical or lemma in self.critical:
                hits.append((i, -1))
            elif word in self.supportive or lemma in self.supportive:
                hits.append((i, 1))
        score = 0
        for pos, sign in hits:
            negated = any(0 < pos - n <= NEGATION_WINDOW for n in negations)
            score += -sign if negated else sign
        return score

    def stance(self, words: Sequence[str], lemmas: Sequence[str] | None = None) -> str:
        """``supportive``, ``critical`` or ``neutral`` for a stretch of words."""
        score = self.polarity(words, lemmas)
        if score > 0:
            return SUPPORTIVE
        if score < 0:
            return CRITICAL
        return NEUTRAL


def _words(term: str) -> tuple[str, ...]:
    """A term as the tokenizer splits it: "show-off" -> ("show", "-", "off")."""
    return tuple(re.findall(r"[\w']+|[^\w\s]", term.lower()))


def stance_of(text: str, lexicon: StanceLexicon | None = None) -> str:
    """Stance of a plain string (whitespace-split, lower-cased words): for quick checks and tests."""
    lexicon = lexicon or StanceLexicon.load()
    return lexicon.stance(re.findall(r"[\w']+|[^\w\s]", text))
