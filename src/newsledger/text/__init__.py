"""Text helpers every stage shares: one quote finder, one stance model, one normaliser.

Each is defined once here so that stages agree: what is inside a quotation
(:mod:`.quotes`), how a stretch of words leans toward an actor (:mod:`.stance`, imported by its
own name: it reads the knowledge package's framing lexicon, which itself uses
:mod:`.normalize`), and when two spellings are one name (:mod:`.normalize`).  This package
imports nothing from the stages.
"""

from .normalize import norm_key
from .quotes import Quote, find_quotes, quote_mask, quoted_spans

__all__ = ["Quote", "find_quotes", "norm_key", "quote_mask", "quoted_spans"]
