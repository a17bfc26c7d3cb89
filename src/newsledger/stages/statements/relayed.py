"""Speech relayed by someone else: "Reuters quoted X as saying …", "X was quoted by Reuters as
saying …", "X said …, according to CNN".  The one who spoke is X; the outlet that passes the words
on is not the speaker but who reported them (the statement's ``reported_by``)."""

from __future__ import annotations

from typing import Any

from ..nlp import text_of

QUOTE_LEMMA = "quote"


def _quoting_verb(cue: Any) -> Any | None:
    """The "quote" of a quote frame that ``cue`` belongs to: ``cue`` itself ("X was quoted by the
    BBC as saying." with the quotation before), or the verb whose "as" governs ``cue``
    ("quoted X as saying that …")."""
    if cue.lemma_.lower() == QUOTE_LEMMA:
        return cue if any(c.lower_ == "as" and c.dep_ == "prep" for c in cue.children) else None
    if cue.dep_ == "pcomp" and cue.head.lower_ == "as" and cue.head.head.lemma_.lower() == QUOTE_LEMMA:
        return cue.head.head
    return None


def quote_frame(cue: Any) -> tuple[Any, Any | None] | None:
    """(the quoted person, the outlet that quotes them or None) when ``cue`` is the verb of a quote
    frame: the object of active "quote" or the subject of passive "was quoted" speaks; the subject
    of the active or the "by" agent of the passive only relays."""
    quote = _quoting_verb(cue)
    if quote is None:
        return None
    spoke = next((c for c in quote.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if spoke is None:
        return None
    relay = next((c for c in quote.children if c.dep_ == "nsubj"), None)
    if relay is None:
        agent = next((c for c in quote.children if c.dep_ == "agent"), None)
        relay = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return spoke, relay


def _according_object(tok: Any) -> Any | None:
    if tok.lower_ != "according":
        return None
    for to in tok.children:
        if to.lower_ == "to":
            return next((o for o in to.children if o.dep_ == "pobj"), None)
    return None


def relaying_according(cue: Any) -> Any | None:
    """The "according" of an "according to Y" that relays what ``cue``'s speaker said: one that
    hangs from the cue before it ("According to CNN, X said …"), or one that closes the sentence
    after a comma ("X said …, according to CNN").  An "according to" in the middle of the content
    ("X said that, according to the UN, 500 died") is part of what X said."""
    if cue.lower_ == "according":
        return None
    sent = cue.sent
    if "according" not in text_of(cue.doc)[sent.start_char : sent.end_char].lower():
        return None  # most sentences: no Token object per word to find none
    for tok in sent:
        if _according_object(tok) is None or tok.i == cue.i:
            continue
        if tok.i < cue.i and tok.head.i == cue.i:
            return tok
        if tok.i > cue.i and _closes_sentence(tok) and _under(tok, cue):
            return tok
    return None


def _closes_sentence(tok: Any) -> bool:
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    last = max(t.i for t in tok.subtree)
    rest = tok.doc[last + 1 : tok.sent.end]
    return prev is not None and prev.text == "," and all(t.is_punct for t in rest)


def _under(tok: Any, cue: Any) -> bool:
    return tok.head.i == cue.i or any(a.i == cue.i for a in tok.ancestors)


def relayed_by(cue: Any) -> Any | None:
    """The token naming whoever relays ``cue``'s statement, if the sentence says so."""
    if cue is None:
        return None
    frame = quote_frame(cue)
    if frame is not None and frame[1] is not None:
        return frame[1]
    according = relaying_according(cue)
    return _according_object(according) if according is not None else _as_reported_by(cue)


def _as_reported_by(cue: Any) -> Any | None:
    """ "Iranian television, as reported by BBC Monitoring, said …" / "…, as reported by CNN":
    the agent of an "as reported by" clause on the cue or on its subject relays the statement."""
    holders = {cue.i, *(c.i for c in cue.children if c.dep_ in ("nsubj", "nsubjpass"))}
    for tok in cue.sent:
        if tok.lemma_.lower() != "report" or tok.tag_ != "VBN" or tok.head.i not in holders:
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
            continue
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((o for o in agent.children if o.dep_ == "pobj"), None)
    return None


def relayed_tokens(cue: Any) -> set[int]:
    """The indices of the relaying "according to Y" words, which are not part of the content."""
    according = relaying_according(cue)
    return {t.i for t in according.subtree} if according is not None else set()
