"""Datelines: "LONDON (Reuters) - " opens a paragraph and is no part of its first sentence's
subject, though the parser often makes it so."""

from __future__ import annotations

import re
from typing import Any

from ..nlp import text_of

__all__ = ["after_dateline", "dateline_end"]


#: A dateline opening a paragraph: "LONDON (Reuters) - ", "PHILADELPHIA, July 25 (UPI) — ".
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ ]{1,30}[A-Z.](?:, [\w.'’ ]{1,20})?(?: \([\w .'’]{1,20}\))?"  # LONDON (Reuters)
    r"|[A-Z][\w.'’ ]{1,30}(?:, [\w.'’ ]{1,20})? \([\w .'’]{1,20}\))"  # Washington (AFP)
    r"\s*(?:--|[-–—])\s+"
)


def dateline_end(doc: Any, offset: int) -> int:
    """Where the dateline of the paragraph holding ``offset`` ends (-1: it has none)."""
    text = text_of(doc)
    start = text.rfind("\n", 0, offset) + 1
    m = _DATELINE.match(text, start, start + 80)
    return m.end() if m is not None else -1


def after_dateline(cue: Any, head: Any) -> Any | None:
    """ "Washington (AFP) – Democrat Hillary Clinton has taken a swipe …": the parser may make the
    dateline's place the subject; the speaker is the first name after the dash."""
    end = dateline_end(cue.doc, head.idx)
    if head.idx >= end:
        return head
    run: list[Any] = []
    for tok in cue.doc[head.i : cue.i]:
        if tok.idx < end:
            continue
        if tok.pos_ in ("PROPN", "NOUN"):
            run.append(tok)
        elif run or tok.pos_ not in ("DET", "ADJ"):
            break
    return run[-1] if run else head
