"""Place-name keys: how a name is normalised before the gazetteer looks it up."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["LEADING_THE", "POSSESSIVE", "is_latin_name", "normalize_name", "qualifying_names"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "-": " "})
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"\s*['’]s?$")
_QUALIFYING_SEPARATOR = re.compile(r",\s*|\s+")
_LIST_SEPARATOR = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a place name (periods are kept)."""
    text = name.translate(_APOSTROPHES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split()).casefold()


def is_latin_name(name: str) -> bool:
    """True for names an English text could use: Latin script (with accents), no digits."""
    return len(name) >= 3 and all((ch.isalpha() and ord(ch) < 0x250) or ch in " '-.’" for ch in name)


def qualifying_names(text: str, spans: Sequence[tuple[int, int]]) -> dict[int, int]:
    """``i -> i + 1`` where the name at ``spans[i + 1]`` may qualify the one before it, as
    "Ohio" does in "Cleveland, Ohio" or "Portland Oregon": the two are separated by a comma
    or a space alone, and not in the middle of a list ("Berlin, Paris, London, Rome").  The
    disambiguation counts a pair only where the second names a country or state that holds a
    reading of the first.  ``spans`` are character spans of ``text`` in text order."""
    pairs: dict[int, int] = {}
    for i in range(len(spans) - 1):
        if not _QUALIFYING_SEPARATOR.fullmatch(text[spans[i][1] : spans[i + 1][0]]):
            continue
        before = i > 0 and _LIST_SEPARATOR.fullmatch(text[spans[i - 1][1] : spans[i][0]])
        after = i + 2 < len(spans) and _LIST_SEPARATOR.fullmatch(text[spans[i + 1][1] : spans[i + 2][0]])
        if not (before and after):
            pairs[i] = i + 1
    return pairs
