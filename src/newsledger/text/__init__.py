"""Text helpers every stage shares: one quote finder, one stance model, one normaliser.

Each is defined once here so that stages agree: what is inside a quotation
(:mod:`.quotes`), how a stretch of words leans toward an actor (:mod:`.stance`), and when two
spellings are one name (:mod:`.normalize`).  This package imports nothing from the stages.
"""

from .normalize import norm_key
from .quotes import Quote, find_quotes, quote_mask, quoted_spans
from .stance import CRITICAL, NEUTRAL, SUPPORTIVE, StanceLexicon, stance_of

__all__ = [
    "CRITICAL",
    "NEUTRAL",
    "SUPPORTIVE",
    "Quote",
    "StanceLexicon",
    "find_quotes",
    "norm_key",
    "quote_mask",
    "quoted_spans",
    "stance_of",
]
