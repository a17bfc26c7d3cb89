"""Near-duplicate detection with MinHash LSH (datasketch).

Each article gets a MinHash signature over 5-word shingles; the signature is cut into
``BANDS`` bands of ``ROWS`` rows whose hashes are stored, so a new article is compared only with
the stored articles that share a band (locality-sensitive hashing), not with the whole ledger.
A near-duplicate is stored and linked (``duplicate_of``) but not analysed again, so a story
syndicated by ten sites is not counted ten times.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS, ROWS = 16, 4  # catches pairs with Jaccard >= ~0.5 as candidates; THRESHOLD decides
SHINGLE = 5
THRESHOLD = 0.8
# Pinned so that signatures stored by one datasketch release stay comparable with the next.
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(data, dtype=np.uint64))


def bands(mh: MinHash) -> list[tuple[int, str]]:
    values = np.asarray(mh.hashvalues, dtype=np.uint64)
    return [
        (b, hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest())
        for b in range(BANDS)
    ]


def similarity(a: MinHash, b: MinHash) -> float:
    return float(a.jaccard(b))


class BatchIndex:
    """Band index over the articles of the batch being written (not yet in the store)."""

    def __init__(self) -> None:
        self._bands: dict[tuple[int, str], list[str]] = {}
        self._sigs: dict[str, MinHash] = {}

    def candidates(self, article_bands: list[tuple[int, str]]) -> dict[str, MinHash]:
        found: dict[str, MinHash] = {}
        for key in article_bands:
            for aid in self._bands.get(key, ()):
                found[aid] = self._sigs[aid]
        return found

    def add(self, article_id: str, mh: MinHash, article_bands: list[tuple[int, str]]) -> None:
        self._sigs[article_id] = mh
        for key in article_bands:
            self._bands.setdefault(key, []).append(article_id)


def best_match(mh: MinHash, candidates: dict[str, MinHash]) -> tuple[str, float] | None:
    """The most similar candidate at or above THRESHOLD, if any."""
    best: tuple[str, float] | None = None
    for aid, other in sorted(candidates.items()):
        sim = similarity(mh, other)
        if sim >= THRESHOLD and (best is None or sim > best[1]):
            best = (aid, sim)
    return best
