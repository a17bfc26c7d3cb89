"""A compact read-only map from place-name keys to gazetteer rows (hashes, not strings)."""

from __future__ import annotations

import hashlib
from array import array
from bisect import bisect_left

__all__ = ["KeyIndex"]


def _key_hash(key: str) -> int:
    """A 64-bit hash of a name key that is the same in every process (``hash()`` is salted)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class KeyIndex:
    """A read-only ``key -> code or [codes]`` map stored as two sorted arrays (hash, code).

    A dict of half a million place-name strings costs ~100 MB in each worker; these arrays
    cost 16 bytes per (key, code). Keys are not kept: two keys sharing a 64-bit hash (about one
    chance in 10^8 for this many keys) would share their codes.
    """

    def __init__(self, mapping: dict[str, int | list[int]]) -> None:
        pairs = sorted(
            (_key_hash(key), code)
            for key, value in mapping.items()
            for code in ([value] if isinstance(value, int) else value)
        )
        self._hashes = array("q", (h for h, _ in pairs))
        self._codes = array("q", (c for _, c in pairs))

    def __len__(self) -> int:
        return len(self._hashes)

    def get(self, key: str) -> int | list[int] | None:
        h = _key_hash(key)
        i = bisect_left(self._hashes, h)
        j = i
        while j < len(self._hashes) and self._hashes[j] == h:
            j += 1
        if j == i:
            return None
        return self._codes[i] if j == i + 1 else list(self._codes[i:j])
