"""Lookup keys and slugs: how a name is normalised before the knowledge base looks it up."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["key", "slug"]


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """Normalised lookup key: letters and digits only, upper case, accents removed."""
    if text.isascii():
        return _NOT_ALNUM.sub("", text.upper())
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.upper() if ch.isalnum() and not unicodedata.combining(ch))


_NOT_ALNUM = re.compile(r"[^A-Z0-9]+")


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
