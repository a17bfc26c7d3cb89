"""Which time expression of a sentence governs a trigger: one attached to the trigger's own
clause or to a clause above it, not one of another clause, a relative clause or a happening
placed before or after it; and one that modifies the trigger noun itself."""

from __future__ import annotations

from typing import Any

from ...models import AnalyzedArticle, TimeExpression
from ..nlp import span_at

__all__ = ["adverbial", "clause_of", "dated_times", "governing_time", "noun_time", "sequenced"]


def clause_of(tok: Any) -> Any:
    """The verb of the clause a token belongs to (the token itself when it is that verb)."""
    for _ in range(12):
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass"}:
            return tok
        if tok.head is tok:
            return tok
        tok = tok.head
    return tok


def dated_times(item: AnalyzedArticle, sent_index: int) -> list[TimeExpression]:
    """The time expressions of sentence ``sent_index`` with a value that is a date or a time."""
    return [t for t in item.times if t.sentence == sent_index and t.value and t.kind in {"DATE", "TIME"}]


def noun_time(item: AnalyzedArticle, times: list[TimeExpression], focus: Any) -> TimeExpression | None:
    """The first of ``times`` (the sentence's :func:`dated_times`) that modifies the noun
    ``focus`` itself ("last year's election", "the 2003 invasion", "Monday's attack"): the
    happening the noun names took place then, whatever the clause around it dates."""
    if focus is None or focus.pos_ not in {"NOUN", "PROPN"} or item.doc is None:
        return None
    for tx in times:
        span = span_at(item.doc, tx.start, tx.end)
        if span is not None and span.root.head.i == focus.i and span.root.dep_ in _NOUN_MODIFIERS:
            return tx
    return None


#: Dependencies of a time expression that modifies a noun rather than a clause.
_NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod", "nummod", "poss"})


def adverbial(item: AnalyzedArticle, tx: TimeExpression) -> bool:
    """False for a time expression that only modifies a noun ("the 2015 nuclear deal", "violates
    the agreement of 1953")."""
    span = span_at(item.doc, tx.start, tx.end)
    if span is None:
        return True
    root = span.root
    if root.dep_ in _NOUN_MODIFIERS and root.head.pos_ in {"NOUN", "PROPN"}:
        return root.head.ent_type_ in {"DATE", "TIME"}
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ in {"NOUN", "PROPN"}:
        return of.head.ent_type_ in {"DATE", "TIME"}  # "March of 2005" dates; "the war of 1967" names
    return True


#: Words that place one happening before or after another.
_SEQUENCE_WORDS = frozenset({"after", "before", "following", "until", "till", "since", "prior"})


def _placed_before_or_after(child: Any, head: Any) -> bool:
    """True when ``child`` is a happening placed before or after its ``head``'s ("after Abbas
    called", "before meeting", "after the vote"), so it does not share the head's time."""
    if child.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _SEQUENCE_WORDS for c in child.children)
    return child.dep_ in {"pobj", "pcomp"} and head.lower_ in _SEQUENCE_WORDS


def sequenced(focus: Any) -> bool:
    """True when the trigger, or a clause it belongs to, is placed before or after another
    happening (see :func:`_placed_before_or_after`)."""
    return any(beyond for _, beyond in _clause_chain(focus).values())


def _clause_chain(root: Any) -> dict[int, tuple[int, bool]]:
    """The token ``root`` and the ancestors whose time can date it, each with its distance
    (the trigger's own clause first) and whether it lies beyond a happening placed before or
    after it (:func:`_placed_before_or_after`)."""
    chain = {root.i: (0, False)}
    child, sequenced = root, False
    for depth, tok in enumerate(root.ancestors, start=1):
        if child.dep_ in {"relcl", "appos"}:
            # a relative clause keeps its own time ("a committee, chaired by X, who served ...");
            # a participle shares its noun's ("In 2018 he released a statement describing ...");
            # a clause on a time is at that time ("a strike Monday, when 800,000 took to the streets")
            if child.dep_ == "relcl" and tok.ent_type_ in {"DATE", "TIME"}:
                chain[tok.i] = (depth, sequenced)
            break
        sequenced = sequenced or _placed_before_or_after(child, tok)
        chain[tok.i] = (depth, sequenced)
        child = tok
    return chain


def governing_time(
    item: AnalyzedArticle, start: int, end: int, times: list[TimeExpression]
) -> TimeExpression | None:
    """The time expression attached to the trigger's clause or to a clause above it."""
    doc = item.doc
    trigger = span_at(doc, start, end)
    if trigger is None:
        return None
    ancestors = _clause_chain(trigger.root)
    best: tuple[int, int, TimeExpression] | None = None
    for tx in times:
        span = span_at(doc, tx.start, tx.end)
        if span is None:
            continue
        tok = span.root
        if tok.dep_ == "pobj" and tok.head.lower_ in {"since", "until", "till", "from", "through"}:
            continue  # the boundary of a period does not date what happens within it
        steps = 0
        while tok.i not in ancestors:
            if tok.head == tok:
                break
            tok = tok.head
            steps += 1
            if tok.pos_ in {"VERB", "AUX"} and tok.i not in ancestors:
                break  # the expression belongs to another clause
        if tok.i in ancestors and not (ancestors[tok.i][1] and tx.precision == "day"):
            # a day above "after X" / "before X" is not X's day ("resigned Friday after Abbas
            # called for it"); a month or year around both is ("in October 1970 ... after
            # a diplomat was kidnapped")
            key = (ancestors[tok.i][0], steps, tx)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None
