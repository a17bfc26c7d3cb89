"""Who judges when the text names no one: a court convicts, sentences and jails for a term
("was sentenced", "has been jailed for ten years after being convicted"), not the police who
arrest; a verdict on someone named or described, not on "a person who is convicted"."""

from __future__ import annotations

from typing import Any

from .syntax import subjects

__all__ = ["JUDGING_CODES", "judged_by_a_court"]

#: find guilty, sentence (CAMEO 116): done by a court when the text names none
JUDGING_CODES = ("116",)
#: detention (173) a court orders when it comes with a term ("jailed for ten years")
DETENTION_CODE = "173"
PRISON_VERBS = frozenset({"jail", "imprison"})
TERM_NOUNS = frozenset({"year", "month", "week", "day", "life", "term", "decade"})
#: conjunctions of a clause that speaks of anyone, not of someone judged
CONDITION_MARKS = frozenset({"if", "unless", "whether", "once"})


def judged_by_a_court(tok: Any, code: str) -> bool:
    """True when an act the passive verb ``tok`` tells with no doer named is a court's: a verdict
    or a sentence on someone named or described ("Myuran Sukumaran was sentenced", "a British
    soldier has been jailed for ten years after being convicted"), not "a person who is
    convicted" or "if his wife is convicted"."""
    if code.startswith(DETENTION_CODE):
        return tok.lemma_.lower() in PRISON_VERBS and _a_term(tok) and _names_the_judged(tok)
    return code.startswith(JUDGING_CODES) and _names_the_judged(tok)


def _a_term(tok: Any) -> bool:
    """True for "jailed for ten years", "imprisoned for life": a sentence's term."""
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and any(o.lemma_.lower() in TERM_NOUNS for o in c.children)
        for c in tok.children
    )


def _names_the_judged(tok: Any) -> bool:
    """True for a passive verb whose subject is named or described, in no relative clause or
    condition ("two drug mules, Renae Lawrence and Scott Rush, were sentenced", "an Iranian-born
    British soldier has been jailed")."""
    subj, passive = subjects(tok)
    if tok.pos_ not in {"VERB", "AUX"} or not passive or not subj:
        return False
    general = tok.dep_ == "relcl" or any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children
    )
    return all(_named_or_described(h, general) for h in subj)


def _named_or_described(h: Any, general: bool) -> bool:
    if h.pos_ == "PROPN" or any(a.dep_ == "appos" and a.pos_ == "PROPN" for a in h.children):
        return True
    return not general and h.pos_ == "NOUN"
