"""The tense of the clause that governs a time expression (a future reading moves a date ahead)."""

from __future__ import annotations

import re
from typing import Any

from ...knowledge.wordlists import word_lists

#: Heads that put the clause they govern in the future (knowledge/data/date_words.yaml).
_FUTURE_HEADS = word_lists("date_words.yaml").words("future_heads")


_FUTURE_LEAD = re.compile(
    r"(?:\buntil|\btill|\bas (?:soon|early) as|\bno (?:earlier|later) than|\bnext)\s*$", re.I
)


def tense_of(span: Any) -> str | None:
    """The tense of the clause that governs a spaCy span: "future", "past", "present" or None.

    "future" for will/shall, for "scheduled/planned/expected to ...", and for a span introduced
    by "until", "as soon as" (a deadline lies ahead); "present" for a finite present verb, which
    news uses for scheduled events ("Arafat meets Albright Monday").
    """
    if span is None:
        return None
    doc = span.doc
    lead = doc[max(0, span.start - 4) : span.start].text
    if _FUTURE_LEAD.search(lead):
        return "future"
    tok = span.root
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} or tok.head == tok:
            break
        tok = tok.head
    verb = tok
    for _ in range(3):  # "is scheduled to close", "planned to hold"
        children = list(verb.children)
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"will", "'ll", "shall", "wo"} for c in children):
            return "future"
        if verb.lower_ in {"will", "shall"} or verb.lower_ in _FUTURE_HEADS:
            return "future"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and verb.dep_ in {
            "xcomp",
            "ccomp",
            "advcl",
        }:
            if verb.head.lower_ in _FUTURE_HEADS or verb.head.lemma_ in {
                "be",
                "plan",
                "expect",
                "schedule",
                "intend",
                "aim",
                "hope",
            }:
                return "future"
            verb = verb.head
            continue
        break
    tenses = verb.morph.get("Tense")
    if "Past" in tenses or verb.tag_ in {"VBD", "VBN"}:
        return "past"
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass"} and "Past" in child.morph.get("Tense"):
            return "past"
    if verb.tag_ in {"VBZ", "VBP"} and verb.lemma_ not in {"be", "have", "say"}:
        return "present"
    return None
