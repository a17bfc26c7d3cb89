"""The one text normaliser for comparing names and phrases (actor names, aliases, lexicon terms).

``norm_key`` folds what varies between two spellings of one name in news text and nothing else:
case, runs of white space, and the curly apostrophe ("Xi’s" / "Xi's").  Accents and
punctuation are kept: "Sánchez" and "Sanchez" may be different people, and "U.S." is how the
lexicons spell it.
"""

from __future__ import annotations

import re

__all__ = ["norm_key"]

_SPACE = re.compile(r"\s+")


def norm_key(text: str) -> str:
    """Lower case, one space between words, the curly apostrophe as a straight one."""
    return _SPACE.sub(" ", text.replace("’", "'")).strip().lower()
