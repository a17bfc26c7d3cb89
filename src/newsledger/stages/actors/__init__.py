"""Resolve every reference to an actor: names, titles, collectives, NORP phrases and pronouns.

The stage ``newsledger.actors.v1`` reads the spaCy ``doc`` and writes ``mentions`` (one
:class:`Mention` per resolved reference, with ``actor_id`` and ``method``) and ``actors``
(one :class:`Actor` per canonical actor referred to, plus the article's outlet).

Resolution, in order:

1. **names** — the longest phrase the knowledge base knows (KB people and organisations,
   PETRARCH dictionary actors, countries, demonyms, capitals), then spaCy entities it does not
   know (new people and organisations, with stable ids from their normalised names);
2. **partial names** — a surname or first name of a person already named in the article
   ("Baradar", "Abdulghani"), whatever label spaCy gave it ("Shamkhani" tagged ORG);
3. **titles** — words before a name become the person's title and, for people the KB does not
   know, their role ("Taliban spokesperson Zabihollah Mojahed" -> AFG, INS, affiliated with the
   Taliban); a title without a name refers back to the person who holds it ("the Taliban deputy");
4. **agent phrases** — country/organisation + agent word ("Iranian regime officials" ->
   IRNGOV, "Gondor's main opposition group" -> GONMOP with PETRARCH dictionaries); definite
   collectives ("the regime", "the mullahs") -> the government of the article's focus country;
5. **pronouns** — "he"/"she"/"his"/"her" outside quotations -> the last person named before
   who is not known to be of the other gender and is not the subject of the pronoun's own clause;
   "it"/"its" -> the organisation or government last named as a subject; "they" -> a plural
   group; "who" -> the person its relative clause describes;
6. **definite descriptions** — "the group", "the agency" -> the organisation named last;
   "the Interior Ministry" -> the government of the country the article is about.

Every resolved reference becomes a :class:`Mention` (with ``method`` saying how), and every
actor referred to an :class:`Actor` in ``item.actors`` with the aliases seen and its roles.
:func:`resolve_phrase` gives other stages the actor of a noun phrase that has no mention; they
get the knowledge base as a resource through :func:`kb_for` (this stage leaves nothing in
``item.notes`` for them).

Modules, one layer of the resolver each: :mod:`.words` (word lists), :mod:`.doc_index`
(per-document look-ups), :mod:`.base` (working state), :mod:`.names`, :mod:`.titles`,
:mod:`.phrases`, :mod:`.pronouns`, and :mod:`.resolver` (runs them and writes the records);
:mod:`.screen` says what is no actor (markup, digits, acronyms, places, deities, modifiers) and
what is no alias ("Senator", "the government").

Actor ids follow the one scheme of :mod:`newsledger.knowledge.actors.ids` (``country:ISO3``,
``group:CODE``, ``person:slug``, ``org:slug``): a person the knowledge base does not know gets
``person:`` + the slug of the name without middle initials, the id the knowledge base gives a
person of that name, so the same name is the same id in every article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...knowledge.actors import ActorKB
from ...knowledge.phoenix import actor_kb
from ...models import ActorRef, AnalyzedArticle, Mention
from ...pipeline import Resources, stage
from ..places import gazetteer_for
from .resolver import Resolver

log = logging.getLogger(__name__)

__all__ = ["NAME", "build_kb", "kb_for", "resolve_actors", "resolve_phrase"]

NAME = "newsledger.actors.v1"
RESOLVER_NOTE = "newsledger.actors.resolver"  # resolve_phrase's resolver, once per article


def build_kb(actor_files: Iterable[str] = (), dictionaries: str | None = None) -> ActorKB:
    """The KB for a ``--dictionaries`` setting: the shipped Phoenix dictionaries by default
    (compiled and cached on disk), a user folder, or ``"none"``."""
    return actor_kb(actor_files, dictionaries)


def outlets_for(res: Resources) -> Any:
    """The outlet registry, shared with the other stages through the same cache key."""
    from ...knowledge.outlets import OutletRegistry

    user = res.config.outlet_registry
    try:
        return res.cached(f"outlets:{user}", lambda: OutletRegistry.load(user))
    except Exception:  # the outlet actor is a convenience; a broken registry must not stop the stage
        log.warning("outlet registry %s could not be loaded; no outlet actors this run", user, exc_info=True)
        return None


def common_words_for(res: Resources) -> frozenset[str] | None:
    """The nouns, verbs and adjectives of the spaCy model's lemmatizer index (WordNet's): a
    dictionary agent written capitalised is a group's name only when English lists no such
    word ("Janjaweed", not "Foreign Office" or "Prince"). None when the model has no index."""
    found: frozenset[str] | None = res.cached(
        "spacy.common_words", lambda: _lemma_index_words(res, ("noun", "verb", "adj", "adv"))
    )
    return found


def adjectives_for(res: Resources) -> frozenset[str] | None:
    """The words the lemmatizer index lists as adjectives ("social", "free", not "house"):
    capitalised before a party's one-word alias, they make another party's name."""
    found: frozenset[str] | None = res.cached("spacy.adjectives", lambda: _lemma_index_words(res, ("adj",)))
    return found


def _lemma_index_words(res: Resources, poses: tuple[str, ...]) -> frozenset[str] | None:
    from ..nlp import nlp_for

    nlp = nlp_for(res)
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = nlp.get_pipe("lemmatizer").lookups
    if "lemma_index" not in lookups.tables:
        return None
    index = lookups.get_table("lemma_index")
    return frozenset(w for pos in poses for w in index.get(pos, ()))


def kb_for(res: Resources) -> ActorKB:
    cfg = res.config
    cache_key = f"actors.kb:{cfg.actor_files}:{cfg.dictionaries}"
    return res.cached(cache_key, lambda: build_kb(cfg.actor_files, cfg.dictionaries))


@stage(NAME, requires=("doc", "sentences"), assigns=("mentions", "actors"))
def resolve_actors(item: AnalyzedArticle, res: Resources) -> None:
    kb = kb_for(res)
    resolver = Resolver(item, kb)
    resolver.outlets = outlets_for(res)
    resolver.gazetteer = gazetteer_for(res)
    resolver.stems = res.config.options.actor_stems  # PETRARCH itself does not stem
    resolver.common_words = common_words_for(res)
    resolver.adjectives = adjectives_for(res)
    resolver.run()


def resolve_phrase(item: AnalyzedArticle, start: int, end: int, kb: ActorKB) -> ActorRef | None:
    """The actor a noun phrase ``[start, end)`` refers to, even where no mention covers it
    ("Iranian officials" -> the Iranian government); adds the actor to ``item.actors``.
    ``kb``: the actor knowledge base, a resource the caller gets from :func:`kb_for`."""
    ref = item.actor_ref_at(start, end)
    if ref is not None:
        return ref
    if item.doc is None:
        return None
    span = item.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    resolver = _phrase_resolver(item, kb)
    actor = resolver.phrase_actor(span.start, span.end, in_article=True)
    if actor is None:
        return None
    item.actors.setdefault(actor.actor_id, actor)
    return item.actor_ref(actor.actor_id)


def _phrase_resolver(item: AnalyzedArticle, kb: ActorKB) -> Resolver:
    """The resolver :func:`resolve_phrase` works with: rebuilt from the stage's mentions once
    per article (kept in ``item.notes``), not once per phrase. Resolving a phrase reads its
    working mentions and never changes them; only its view of ``item.actors`` is renewed, since
    other stages add actors between calls."""
    cached = item.notes.get(RESOLVER_NOTE)
    if isinstance(cached, _PhraseResolver) and cached.matches(item, kb):
        cached.resolver.actors = dict(item.actors)
        return cached.resolver
    resolver = Resolver(item, kb, keep=True)
    resolver.restore(item.mentions)
    item.notes[RESOLVER_NOTE] = _PhraseResolver(resolver, item.doc, kb, item.mentions, len(item.mentions))
    return resolver


@dataclass
class _PhraseResolver:
    """A restored resolver and what it was restored from (to notice a change)."""

    resolver: Resolver
    doc: Any
    kb: ActorKB
    mentions: list[Mention]
    n_mentions: int

    def matches(self, item: AnalyzedArticle, kb: ActorKB) -> bool:
        return (
            self.doc is item.doc
            and self.kb is kb
            and self.mentions is item.mentions
            and self.n_mentions == len(item.mentions)
        )
