"""A learned filter over the rules' own events (issue #11.2, the precision side).

The rules are run on every labelled dev sentence of :mod:`.event_data` (each sentence alone, as
``evaluate codebook`` runs its examples); each event they code is an example, ``REAL`` when its
root is a root of the sentence.  The classifier (the same small ``textcat_multilabel`` as the
root model, one label) reads the event's root, code, trigger, dyad and flags as tokens, then its
sentence: it learns which of the rules' events tend to be wrong ("said" as a stance, a month as
a trigger) rather than event types from scratch.  Folds and the leak guard are the sentences'.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..models import Article, Event
from .event_data import Example, build_examples

__all__ = ["REAL", "event_features", "filter_examples"]

REAL = "REAL"


def event_features(ev: Event) -> str:
    """The text the filter reads for one event: tokens for what the rules decided, then the
    sentence."""
    trigger = "_".join(ev.trigger.lower().split()[:4]) or "none"
    dyad = f"D{int(ev.source is not None)}{int(ev.target is not None)}"
    flags = " ".join(f for f, on in (("NEG", ev.negated), ("HYP", ev.hypothetical)) if on)
    return f"R{ev.cameo_root} C{ev.cameo_code} T_{trigger} {dyad} {flags} | {ev.provenance.sentence}"


def coded(sentences: Sequence[str]) -> list[list[Event]]:
    """The rules' events of each sentence, coded alone (the pipeline up to events)."""
    from ..evaluate.events import STAGES
    from ..evaluate.ledger import analyse
    from ..pipeline import PipelineConfig, registered_stages

    known = registered_stages()
    config = PipelineConfig(stages=tuple(s for s in STAGES if s in known))
    articles = [Article(f"s{n}", "", text, None) for n, text in enumerate(sentences)]
    results = analyse(articles, config)
    out = []
    for a in articles:
        result = results.get(a.article_id)
        out.append(list(result.events) if result else [])
    return out


def filter_examples(root: Path, labelled: Path | None = None) -> list[Example]:
    """One example per event the rules code on a labelled dev sentence; ``roots`` is
    ``(REAL,)`` when the event's root is one of the sentence's."""
    sentences = build_examples(root, labelled)
    out: list[Example] = []
    for sentence, events in zip(sentences, coded([s.text for s in sentences]), strict=True):
        for ev in events:
            label = (REAL,) if ev.cameo_root in sentence.roots else ()
            out.append(Example(event_features(ev), label, sentence.origin, sentence.fold))
    return out


def real_scores(nlp: Any, events: Sequence[Event]) -> dict[str, float]:
    """The filter's probability that each event is real, by its feature text."""
    from .event_model import predict

    texts = sorted({event_features(e) for e in events})
    return {t: s[REAL] for t, s in zip(texts, predict(nlp, texts), strict=True)}
