"""How the outlet frames the actors it writes about: the loaded terms it chooses, and for whom.

Each term of the framing lexicon (``knowledge/data/framing.yaml``) found in the article becomes a
:class:`FramingTerm` with its category (delegitimising, securitising, loaded-label, sympathetic,
euphemistic) and, when the text says so, the actor it is applied to:

1. a resolved mention that covers the term ("the Iranian regime" resolved to the government);
2. the parse: a possessor or modifier of the term ("Iran's meddling", "the Assad regime"),
   the subject a predicate term describes ("Hamas is a terrorist group"), the noun a modifier
   term qualifies ("the so-called caliphate", "a puppet government"), the object an "as"-phrase
   or object predicate labels ("reestablish the Taliban as a terrorist threat");
3. for definite descriptions that point back ("the regime", "the mullahs", "the terrorist
   group"), the nearest earlier actor of the kind the lexicon names (a government, a group).

Quoted words are the speaker's framing, not the outlet's: a term inside a quotation (as the one
quote finder, :func:`newsledger.text.quotes.quoted_spans`, reads them, single ‘scare quotes’
included) is left out of :class:`Framing`; the statements stage
keeps the quote, with its speaker, as a record.  Reported speech without quotation marks is
the outlet's paraphrase ("the regime claims that it considers the Taliban a terrorist entity"),
so its loaded words count as the outlet's.
A term written with a capital letter in mid-sentence is part of a proper name ("National
Council of Resistance of Iran", "Iranian Resistance") and is left out too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..knowledge.framing import Lexicon, TermMatch, load_lexicon
from ..models import Actor, AnalyzedArticle, Framing, FramingTerm
from ..pipeline import Resources, stage
from ..text.quotes import quoted_spans
from .nlp import span_at

NAME = "newsledger.framing.v1"

__all__ = ["NAME", "frame", "frame_terms", "target_of"]

STATE_SECTORS = frozenset({"GOV", "MIL", "SPY", "JUD", "LEG"})
#: How far back (in characters) a definite description may point to its antecedent.
LOOKBACK_CHARS = 600


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _proper_name(text: str, match: TermMatch, doc: Any) -> bool:
    """A capitalised term that does not open its sentence belongs to a name."""
    if not match.text[:1].isupper():
        return False
    span = span_at(doc, match.start, match.end)
    if span is not None:
        return not span[0].is_sent_start
    before = text[: match.start].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?:\n"


# --------------------------------------------------------------------------- targets


def _is_government(actor: Actor | None) -> bool:
    return actor is not None and actor.kind != "person" and actor.sector in STATE_SECTORS


def _is_group(actor: Actor | None) -> bool:
    return actor is not None and actor.kind in ("organization", "group") and actor.sector not in STATE_SECTORS


def _government_for(actor: Actor | None, actors: dict[str, Actor]) -> Actor | None:
    """``actor`` itself when it is a government; for a country, its government when the
    knowledge base has one (a body named a government before other GOV bodies), else the
    country; ``None`` for anyone else (people, groups)."""
    if actor is None or _is_government(actor):
        return actor
    if actor.kind != "country" or not actor.country:
        return None
    govs = [c for c in actors.values() if c.country == actor.country and _is_government(c) and not c.roles]
    govs.sort(key=lambda c: "government" not in c.name.lower())
    return govs[0] if govs else actor


def _fits(actor: Actor | None, refers_to: str) -> bool:
    if actor is None:
        return False
    if refers_to == "government":
        return _is_government(actor) or actor.kind == "country"
    if refers_to == "group":
        return _is_group(actor)
    return True


def _mention_actor(item: AnalyzedArticle, start: int, end: int, refers_to: str) -> Actor | None:
    best: tuple[int, Actor] | None = None
    for m in item.mentions:
        if not m.actor_id or not (m.start < end and start < m.end):
            continue
        actor = item.actors.get(m.actor_id)
        if not _fits(actor, refers_to) or actor is None:
            continue  # "the regime's Foreign Minister Zarif": "regime" is not about Zarif
        size = m.end - m.start
        if best is None or size > best[0]:
            best = (size, actor)
    return best[1] if best else None


def _token_actor(item: AnalyzedArticle, token: Any, refers_to: str) -> Actor | None:
    """The actor a token (and the phrase it heads) refers to: a resolved mention, else a
    country named by its name or demonym ("Iranian") in the knowledge base's aliases."""
    found = _mention_actor(item, token.left_edge.idx, token.idx + len(token.text), refers_to)
    if found is None and token.ent_type_ in ("NORP", "GPE"):
        found = _country_named(item, token.text)
    return found


def _country_named(item: AnalyzedArticle, name: str) -> Actor | None:
    key = name.lower()
    for actor in item.actors.values():
        if actor.kind == "country" and key in (n.lower() for n in (actor.name, *actor.aliases)):
            return actor
    return None


def _parse_target(item: AnalyzedArticle, match: TermMatch) -> Actor | None:
    span = span_at(item.doc, match.start, match.end)
    if span is None:
        return None
    for tok in _target_candidates(span.root, {t.i for t in span}):
        actor = _token_actor(item, tok, "any")
        if actor is not None:
            return actor
    return None


def _target_candidates(root: Any, inside: set[int]) -> Iterator[Any]:
    """The tokens a term at ``root`` may apply to, most telling first."""
    # a possessor or modifier of the term: "Iran's meddling", "the Assad regime", "Iranian regime"
    for child in root.children:
        if child.i not in inside and child.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod"):
            yield child
    # "the regime of Bashar al-Assad", "the regime in Tehran"
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in"):
            yield from (obj for obj in child.children if obj.dep_ == "pobj")
    head = root.head
    # a modifier term qualifies its head noun: "the so-called caliphate", "puppet government"
    if root.dep_ in ("amod", "compound", "advmod") and head.i not in inside:
        yield head
    yield from _predicated(root, head)


def _predicated(root: Any, head: Any) -> Iterator[Any]:
    """What a predicate, appositive or "as"-phrase term describes."""
    # a predicate term describes the subject ("Hamas is a terrorist group"), an object
    # predicate the object ("the EU labelled Hamas a terrorist organization")
    if root.dep_ in ("attr", "acomp", "oprd", "dobj"):
        order = ("nsubj", "nsubjpass") if root.dep_ in ("attr", "acomp") else ("dobj", "nsubjpass")
        for dep in order:
            yield from (sib for sib in head.children if sib.dep_ == dep and sib.i != root.i)
    # an appositive: "Hezbollah, the militant group, ..."
    if root.dep_ == "appos":
        yield head
    # an "as"-phrase labels the object: "reestablish the Taliban as a terrorist threat"
    if root.dep_ == "pobj" and head.lower_ == "as":
        yield from (sib for sib in head.head.children if sib.dep_ in ("dobj", "nsubjpass"))


def _antecedent(item: AnalyzedArticle, match: TermMatch) -> Actor | None:
    """The nearest earlier mention of the kind the term refers to (a government, a group)."""
    refers_to = match.entry.refers_to
    best: tuple[int, Actor] | None = None
    for m in item.mentions:
        if not m.actor_id or m.end > match.start or match.start - m.end > LOOKBACK_CHARS:
            continue
        actor = item.actors.get(m.actor_id)
        if refers_to == "government":
            actor = _government_for(actor, item.actors)
        if not _fits(actor, refers_to) or actor is None:
            continue
        if best is None or m.end > best[0]:
            best = (m.end, actor)
    return best[1] if best else None


def target_of(item: AnalyzedArticle, match: TermMatch) -> str | None:
    """The actor_id the term is applied to, or ``None`` when the text does not say."""
    refers_to = match.entry.refers_to
    if refers_to == "none":
        return None
    actor = _mention_actor(item, match.start, match.end, refers_to) or _parse_target(item, match)
    if actor is None and refers_to in ("government", "group"):
        actor = _antecedent(item, match)
    if refers_to == "government":
        actor = _government_for(actor, item.actors) or actor
    return actor.actor_id if actor else None


def _policy_sense(doc: Any, match: TermMatch) -> bool:
    """ "the sanctions regime", "a welfare-to-work regime": a set of rules, not a government."""
    span = span_at(doc, match.start, match.end)
    if span is None:
        return False
    inside = {t.i for t in span}
    return any(
        child.i not in inside and child.dep_ in ("compound", "nmod") and child.pos_ == "NOUN"
        for child in span.root.children
    )


def frame_terms(item: AnalyzedArticle, lexicon: Lexicon) -> list[FramingTerm]:
    text = item.article.text
    quotes = quoted_spans(text)
    out = []
    for match in lexicon.find_terms(text):
        if _inside(match.start, match.end, quotes) or _proper_name(text, match, item.doc):
            continue
        if match.entry.refers_to == "government" and _policy_sense(item.doc, match):
            continue
        out.append(
            FramingTerm(match.start, match.end, match.text, match.entry.category, target_of(item, match))
        )
    return out


@stage(NAME, requires=("doc", "sentences", "mentions", "actors"), assigns=("framing",))
def frame(item: AnalyzedArticle, res: Resources) -> None:
    path = res.config.options.framing_lexicon
    lexicon = res.cached(f"framing.lexicon:{path}", lambda: load_lexicon(path))
    item.framing = Framing(
        item.article.article_id, item.article.outlet_type, tuple(frame_terms(item, lexicon))
    )
