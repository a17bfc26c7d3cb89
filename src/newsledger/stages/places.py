"""Find toponyms and resolve them to coordinates and GeoNames ids; locate events.

The stage reads spaCy's GPE, LOC and FAC entities, resolves them together with the gazetteer
(countries and states named anywhere in the article steer the choice among same-named cities)
and stores one :class:`~newsledger.models.PlaceMention` per entity, ``place=None`` when the name
is not in the gazetteer.

:func:`place_for_span` is what the events stage calls to locate one event: the place named in a
locative or directional phrase attached to the trigger or its clause ("met in Tehran", "traveled
to Tehran", "visited Tehran"), else a city named in the same sentence, else nothing.  A country
standing as an actor ("Iran condemned ...") is never taken as the place of an event.
"""

from __future__ import annotations

from typing import Any

from ..knowledge.gazetteer import Gazetteer
from ..models import AnalyzedArticle, Place, PlaceMention
from ..pipeline import Resources, stage

NAME = "newsledger.places.v1"

#: spaCy entity labels that name places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels read only as context ("Iranian officials" points to Iran), never stored as places.
CONTEXT_LABELS = frozenset({"NORP"})

#: Prepositions whose object is where (or whither) something happens.
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "to",
        "into",
        "inside",
        "near",
        "outside",
        "across",
        "throughout",
        "toward",
        "towards",
        "within",
        "on",
    }
)

#: Verbs whose direct object is the place of the event.
PLACE_OBJECT_VERBS = frozenset(
    {"visit", "tour", "reach", "enter", "invade", "attack", "bomb", "raid", "shell", "host"}
)

#: Dependency relations by which a subordinate clause hangs on the clause that may hold the place.
_CLAUSE_LINKS = frozenset({"xcomp", "advcl", "conj", "ccomp", "relcl", "acl", "pcomp", "prep", "pobj"})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "compound", "amod", "agent"})


def gazetteer_for(res: Resources) -> Gazetteer:
    """The process-wide gazetteer (built on first use, ~seconds)."""
    min_pop = int(res.config.option("gazetteer_min_population", 1000))
    return res.cached(f"gazetteer:{min_pop}", lambda: Gazetteer.load(min_population=min_pop))


def place_mentions(item: AnalyzedArticle, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Resolve every place entity of ``item.doc`` with the whole article as context."""
    ents = [e for e in item.doc.ents if e.label_ in PLACE_LABELS]
    hints = [e.text for e in item.doc.ents if e.label_ in CONTEXT_LABELS]
    places = gazetteer.resolve_all([e.text for e in ents] + hints)[: len(ents)]
    out: list[PlaceMention] = []
    for ent, place in zip(ents, places, strict=True):
        sent = item.sentence_at(ent.start_char)
        out.append(PlaceMention(ent.start_char, ent.end_char, ent.text, place, sent.index if sent else -1))
    return out


@stage(NAME, requires=("doc", "sentences"), assigns=("places",))
def locate(item: AnalyzedArticle, res: Resources) -> None:
    item.places = place_mentions(item, gazetteer_for(res))


def place_for_span(item: AnalyzedArticle, start: int, end: int) -> Place | None:
    """The place of the event whose trigger covers ``[start, end)``, or None.

    1. a place in a locative/directional prepositional phrase (or the object of "visit") on the
       trigger, then on each clause above it up to the sentence root;
    2. else the first city named in the same sentence that does not stand as an actor;
    3. else None: the place is never guessed from the rest of the article.
    """
    if item.doc is None or not item.places:
        return None
    span = item.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    by_token = _places_by_token(item)
    token: Any = span.root
    seen = 0
    while token is not None and seen < 8:
        found = _place_on(token, by_token)
        if found is not None:
            return found
        if token.dep_ not in _CLAUSE_LINKS or token.head is token:
            break
        token = token.head
        seen += 1
    sent = item.sentence_at(start)
    if sent is None:
        return None
    for pm in item.places:
        if pm.sentence != sent.index or pm.place is None or pm.place.feature != "city":
            continue
        ent_span = item.doc.char_span(pm.start, pm.end, alignment_mode="expand")
        if ent_span is not None and ent_span.root.dep_ in _ACTOR_DEPS:
            continue
        return pm.place
    return None


def _places_by_token(item: AnalyzedArticle) -> dict[int, Place]:
    out: dict[int, Place] = {}
    for pm in item.places:
        if pm.place is None:
            continue
        ent_span = item.doc.char_span(pm.start, pm.end, alignment_mode="expand")
        if ent_span is None:
            continue
        for tok in ent_span:
            out[tok.i] = pm.place
    return out


def _place_on(token: Any, by_token: dict[int, Place]) -> Place | None:
    """A place attached to ``token`` by a locative preposition or as object of a visiting verb."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in by_token:
                    return by_token[obj.i]
                if obj.dep_ == "pobj":  # "in the capital Tehran", "in Tehran and Kabul"
                    for sub in obj.subtree:
                        if sub.i in by_token:
                            return by_token[sub.i]
        if child.dep_ in ("dobj", "obj") and token.lemma_ in PLACE_OBJECT_VERBS and child.i in by_token:
            return by_token[child.i]
    return None
