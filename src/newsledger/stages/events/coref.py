"""Actors named together again: "both countries", "the two leaders", "both sides".

A plural noun marked as a pair ("both", "the two") stands for the last two actors of its kind
the article named before it: "U.S. and Israeli officials have both expressed disapproval ...
Both countries have sought to marginalize Hamas" -> the United States and Israel.  Countries
count by country (a government or a nationality is its country), leaders by person, sides by
any actor; the article's reporters are never one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...knowledge.wordlists import word_lists
from ...models import Actor, ActorRef, AnalyzedArticle, Mention
from .relations import KIN_NOUNS
from .syntax import names_people

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

__all__ = ["pair_kind", "pair_refs", "relative", "relative_antecedent"]

#: plural nouns that can stand for a pair of actors, and the kind of actor each counts
PAIR_NOUNS: dict[str, str] = _WORDS.table("pair_nouns")
#: how far back (in sentences) the pair may have been named
WINDOW = 3


def pair_kind(head: Any) -> str | None:
    """The kind of actor a pair noun counts ("both countries": country), or None when ``head``
    is no pair noun ("two soldiers", "countries").  "They" right after two met stands for the
    two ("Chavez met Khamenei. They pledged further cooperation")."""
    if head.lower_ in PAIR_PRONOUNS and head.dep_ in {"nsubj", "nsubjpass"} and _after_a_meeting(head):
        return "party"  # whoever met: people, bodies or states
    if head.lower_ == "two" and head.pos_ == "NUM" and head.dep_ in PARTY_DEPS and _definite(head):
        return "party"  # "Chan and Sukumaran were sentenced. The two were charged with"
    if head.tag_ not in {"NNS", "NNPS"} or head.lemma_.lower() not in PAIR_NOUNS:
        return None
    marks = {c.lower_ for c in head.children if c.dep_ in {"det", "predet", "preconj", "nummod", "amod"}}
    # "two groups claimed responsibility" introduces two; "the two groups", "both" refer back
    if "both" in marks or ("two" in marks and _definite(head)):
        return PAIR_NOUNS[head.lemma_.lower()]
    return None


def _definite(head: Any) -> bool:
    """True when a noun is definite: "the", "these", "those" or a possessor."""
    return any(
        (c.dep_ == "det" and c.lower_ in {"the", "these", "those"}) or c.dep_ == "poss" for c in head.children
    )


#: where "the two" standing alone is a party to an act
PARTY_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "pobj"}
#: pronouns that may stand for the two who met
PAIR_PRONOUNS = {"they", "we"}
#: verbs of two parties meeting: a plural pronoun subject after one is the two
MEETING_LEMMAS = frozenset(_WORDS.words("meeting_lemmas"))


def _after_a_meeting(pron: Any) -> bool:
    """True when the sentence before ``pron``'s, or a clause before it in its own, tells of a
    subject meeting, visiting or talking with someone named as its object or partner."""
    doc, sent = pron.doc, pron.sent
    roots = [sent.root] if sent.root.i < pron.i else []
    if sent.start > 0:
        roots.append(doc[sent.start - 1].sent.root)
    for root in roots:
        if root.lemma_.lower() not in MEETING_LEMMAS:
            continue
        has_subject = any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in root.children)
        partner = any(
            c.dep_ in {"dobj", "obj"} or (c.dep_ == "prep" and c.lower_ == "with") for c in root.children
        )
        if has_subject and partner:
            return True
    return False


def _key(actor: Actor, kind: str) -> str | None:
    """What the pair counts an actor by, or None when it is not of the pair's kind."""
    if kind == "country":
        government = actor.kind == "country" or actor.sector in {None, "GOV"}
        return actor.country if government and actor.kind != "person" and actor.country else None
    if kind == "person":
        return actor.actor_id if actor.kind == "person" else None
    if kind == "party":
        return actor.actor_id
    return actor.actor_id if actor.kind != "person" or actor.sector else None


def pair_refs(
    item: AnalyzedArticle,
    head: Any,
    day: str | None,
    country_ref: Callable[[str], ActorRef | None],
    reporters: set[str],
) -> list[ActorRef]:
    """The two actors the pair noun ``head`` stands for, in the order first named, or []: the
    latest two named together ("Russia and China condemned Iran": Russia and China), else the
    latest two named."""
    kind = pair_kind(head)
    sentence = item.sentence_at(head.idx)
    if kind is None or sentence is None:
        return []
    before: list[tuple[Mention, str, Actor]] = []  # latest first
    for m in sorted(item.mentions, key=lambda m: -m.start):
        if m.start >= head.idx or m.sentence < sentence.index - WINDOW:
            continue
        actor = item.actors.get(m.actor_id) if m.actor_id else None
        key = _key(actor, kind) if actor is not None and actor.actor_id not in reporters else None
        if actor is not None and key is not None:
            before.append((m, key, actor))
    chosen = _coordinated(head.doc, before) or _latest_two(before)
    refs = [country_ref(key) if kind == "country" else actor.ref_on(day) for key, actor in chosen]
    found = [r for r in refs if r is not None]
    return found if len(found) == 2 else []


def _latest_two(before: list[tuple[Mention, str, Actor]]) -> list[tuple[str, Actor]]:
    found: dict[str, Actor] = {}
    for _, key, actor in before:
        found.setdefault(key, actor)
        if len(found) == 2:
            return list(reversed(found.items()))
    return []


def _coordinated(doc: Any, before: list[tuple[Mention, str, Actor]]) -> list[tuple[str, Actor]]:
    """The latest two actors whose words are coordinated ("U.S. and Israeli", "A and B")."""
    for m, key, actor in before:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        partners = {t.i for t in span.root.conjuncts}
        for other, other_key, other_actor in before:
            if other_key == key:
                continue
            other_span = doc.char_span(other.start, other.end, alignment_mode="expand")
            if other_span is not None and other_span.root.i in partners:
                pair = sorted(
                    [(other.start, other_key, other_actor), (m.start, key, actor)], key=lambda x: x[0]
                )
                return [(k, a) for _, k, a in pair]
    return []


RELATIVE_TAGS = {"WDT", "WP", "WP$"}


#: people a relative "whose" owns are themselves, not its antecedent ("whose son", "whose leader")
SOMEONES = KIN_NOUNS | _WORDS.words("people_nouns") | _WORDS.words("person_nouns")


def relative(head: Any) -> bool:
    """True for a relative word ("who", "which", "whose") and for a thing or an act a relative
    "whose" owns ("soldiers whose tank fire killed", "Rajoelina, whose attempt to challenge
    ... was rejected"); not the people it owns ("the group whose leader was arrested" is the
    leader, "Marie, whose son Anthony was killed" is Anthony)."""
    if head.tag_ in RELATIVE_TAGS:
        return True
    # every head the coder resolves passes here: the cheap test first
    if head.pos_ != "NOUN" or not any(c.dep_ == "poss" and c.tag_ == "WP$" for c in head.children):
        return False
    named = any(c.ent_type_ == "PERSON" for c in head.children)  # "whose son Anthony"
    return not (named or names_people(head) or head.lemma_.lower() in SOMEONES)


def relative_antecedent(head: Any) -> Any | None:
    """The noun a relative word, or what it owns, stands for: the noun its clause describes
    ("Peres, who criticized the meeting": Peres); None when the clause describes no noun."""
    clause = next((a for a in head.ancestors if a.dep_ == "relcl"), None)
    if clause is None or clause.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return clause.head
