"""Place-name keys: how a name is normalised before the gazetteer looks it up."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["LEADING_THE", "POSSESSIVE", "is_latin_name", "normalize_name"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "-": " "})
LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"\s*['’]s?$")


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
