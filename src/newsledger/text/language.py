"""Which language an article is written in, so the English pipeline only sees English.

py3langid (a maintained fork of langid.py, its model shipped in the wheel) scores the text.  Two
things keep English news from being misread: English articles quote names in their own script
("Queen Sirikit (Thai: สมเด็จพระนางเจ้าสิริกิติ์ …)"), which outweigh the Latin letters in
bytes, so a text whose letters are mostly Latin is scored on its Latin letters only; and a short
text says too little, so a text is called non-English only with enough letters and a confident
score.  Otherwise it stays English: a wrongly skipped article is lost to the analyst, while a
non-English one run through the pipeline only yields few records.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["DEFAULT_LANGUAGE", "Detected", "detect_language"]

DEFAULT_LANGUAGE = "en"
#: Letters needed before a Latin-script text is called non-English (about 30 words; on the Wikinews corpus even 200-character openings are never misread).
MIN_LETTERS = 150
#: py3langid's calibrated probability needed to call a text non-English.
MIN_CONFIDENCE = 0.99
#: Characters scored (the start of the article: enough for a sure answer, cheap for long texts).
SAMPLE_CHARS = 2000
_LATIN = "a-zA-Z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(f"[{_LATIN}]")
_NON_LATIN_LETTER = re.compile(f"[^\\W\\d_{_LATIN}]")


@dataclass(frozen=True, slots=True)
class Detected:
    language: str  # ISO 639-1 code, "en" when unsure
    confidence: float  # the score of that language (1.0 when no detection was needed)


def detect_language(text: str) -> Detected:
    """The language of ``text``; English unless another language is clear (see module doc)."""
    sample = text[:SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return Detected(DEFAULT_LANGUAGE, 1.0)
    latin = len(_LATIN_LETTER.findall(sample))
    if latin * 2 < letters:  # mostly another script: English it is not
        language, confidence = _classify(sample)
        return Detected(language if language != DEFAULT_LANGUAGE else "und", confidence)
    latin_only = _NON_LATIN_LETTER.sub(" ", sample)
    if latin < MIN_LETTERS:
        return Detected(DEFAULT_LANGUAGE, 1.0)
    language, confidence = _classify(latin_only)
    if language != DEFAULT_LANGUAGE and confidence >= MIN_CONFIDENCE:
        return Detected(language, confidence)
    return Detected(DEFAULT_LANGUAGE, confidence if language == DEFAULT_LANGUAGE else 1.0 - confidence)


def _classify(text: str) -> tuple[str, float]:
    language, confidence = _identifier().classify(text)
    return str(language), float(confidence)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The model, loaded once per process on the first article that needs it: from the disk
    cache (a pickle, ~0.07 s), else from py3langid's LZMA file (~0.6 s of decompression), which
    is then cached (see :func:`~newsledger.knowledge.gazetteer.cache.cache_dir`)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from ..knowledge.gazetteer.cache import read_pickle, write_pickle

    path = _cache_path(Path(MODEL_DIR) / MODEL_FILE)
    cached = read_pickle(path, "language model") if path is not None else None
    if isinstance(cached, LanguageIdentifier):
        return cached
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if path is not None:
        write_pickle(path, identifier, "language model")
    return identifier


def _cache_path(model: Path) -> Path | None:
    """Where the loaded model is cached, named by py3langid's version and its model file's name
    and size: not its path or time, which differ in every virtual environment (a key with them
    made checkouts sharing one cache folder rewrite the 69 MB pickle over each other)."""
    from importlib.metadata import version

    from ..knowledge.gazetteer.cache import cache_dir

    folder = cache_dir()
    if folder is None or not model.is_file():
        return None
    stat = model.stat()
    key = repr((version("py3langid"), model.name, stat.st_size, "norm_probs"))
    return folder / f"langid-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"
