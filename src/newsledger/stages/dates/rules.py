"""How the parsers are built: an ordered list of rules, each reading one form of expression.

A rule returns a value when the expression is its form, None when it is not (the next rule
tries), or :data:`NO_DATE` when the expression is its form but gives no date: the parser then
stops and answers None, as a rule that recognises "may" alone as the verb must.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

#: A rule's answer for "mine, but no date": stops the parser, which answers None.
NO_DATE = ""


@dataclass(frozen=True, slots=True)
class Ask:
    """One question to the parser: the cleaned text, the anchor day, the tense of the governing
    verb, the TimeML type when known and the previous date of the document."""

    t: str
    day0: dt.date | None
    tense: str | None = None
    kind: str | None = None
    reference: str | None = None


Rule = Callable[[Ask], "str | None"]


def first_answer(rules: Sequence[Rule], ask: Ask) -> str | None:
    """The value of the first rule that recognises the expression (None for :data:`NO_DATE`)."""
    for rule in rules:
        value = rule(ask)
        if value is not None:
            return value or None
    return None
