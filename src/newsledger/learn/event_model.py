"""A small sentence -> CAMEO root classifier (spaCy ``textcat_multilabel``), trained on CPU.

Multi-label: a sentence may report events of several roots, or none (every score low).  Two
architectures are offered, both tiny and trained in seconds on the few hundred dev sentences
of :mod:`.event_data`:

* ``bow``: spaCy's bag of words and bigrams (``TextCatBOW.v3``), hashed into ``BOW_LENGTH``
  rows so that the saved model stays under a few MB;
* ``cnn``: a hashed-embedding CNN over lower case, prefix, suffix and shape (``TextCatCNN.v2``),
  which shares strength between word forms the bag of words keeps apart.

Training is deterministic for a seed: the random seed is fixed, the examples are shuffled by
their own ``random.Random(seed)``, and the pipeline is a blank English tokenizer (no parser
or vectors).  A saved model is a spaCy folder; :func:`load` reads it once per process.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from .event_data import ROOTS, Example

__all__ = ["Architecture", "load", "predict", "train"]

Architecture = Literal["bow", "cnn"]
BOW_LENGTH = 2**15
_CNN_WIDTH = 64


def _model_config(arch: Architecture) -> dict[str, Any]:
    if arch == "bow":
        return {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": False,
            "ngram_size": 2,
            "no_output_layer": False,
            "length": BOW_LENGTH,
        }
    return {
        "@architectures": "spacy.TextCatCNN.v2",
        "exclusive_classes": False,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": _CNN_WIDTH,
            "depth": 2,
            "embed_size": 2000,
            "window_size": 1,
            "maxout_pieces": 3,
            "subword_features": True,
        },
    }


def train(
    examples: Sequence[Example],
    *,
    arch: Architecture = "bow",
    epochs: int = 20,
    seed: int = 0,
    dropout: float = 0.2,
    labels: Sequence[str] = ROOTS,
) -> Any:
    """A blank English pipeline with a trained ``textcat_multilabel`` over ``labels`` (the CAMEO
    roots; an example's ``roots`` are its positive labels)."""
    import spacy
    from spacy.training import Example as SpacyExample
    from spacy.util import fix_random_seed, minibatch  # type: ignore[attr-defined]  # untyped re-export

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat: Any = nlp.add_pipe("textcat_multilabel", config={"model": _model_config(arch)})
    for label in labels:
        textcat.add_label(label)
    data = [
        SpacyExample.from_dict(nlp.make_doc(ex.text), {"cats": {r: float(r in ex.roots) for r in labels}})
        for ex in examples
    ]
    optimizer = nlp.initialize(lambda: data)
    order = list(range(len(data)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for batch in minibatch([data[i] for i in order], size=8):  # type: ignore[no-untyped-call]
            nlp.update(batch, sgd=optimizer, drop=dropout)
    return nlp


def predict(nlp: Any, texts: Sequence[str]) -> list[dict[str, float]]:
    """The model's score for each CAMEO root, for each text."""
    return [dict(doc.cats) for doc in nlp.pipe(texts)]


@lru_cache(maxsize=4)
def load(path: str) -> Any:
    """The saved model at ``path``, read once per process (lazily: spaCy loads on first use)."""
    import spacy

    return spacy.load(Path(path))
