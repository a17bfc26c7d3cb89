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

import re
from dataclasses import dataclass
from functools import lru_cache
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
    """The model, loaded once per process (about two seconds) on the first article that needs it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
