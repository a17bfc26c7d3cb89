"""Speakers that name no one: titles and collectives, typed with their country.

:mod:`.speakers` hands over a speaker phrase that has no named actor, or only a government of
unknown country ("the embassy said" -> "unidentified government").  Read here:

1. a singular title of a country ("Iran's foreign minister", "the Iranian foreign minister"):
   the person the knowledge base says held that title in that country on the statement's date,
   when exactly one did;
2. an agent word (``agents`` of the knowledge base: "embassy", "officials", "media",
   "spokesman", "ministry", …): the group of its sector (GOV, MED, …) of the country found, in
   order, in the phrase's own modifiers ("the U.S. embassy in India" -> USA: a place after "in"
   is where the embassy is, not whose), in its "of"/"for" attachment ("a spokesman for the
   Iranian ministry"), in the phrase with the same noun earlier in the article ("the embassy" ->
   "the U.S. embassy in India"), else the country the article is about (at least half of the
   country mentions before the speaker).

The group joins the article's actors (as the events stage's phrases do), so the ledger holds
the actor a statement's speaker points to.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ...knowledge.actors import ActorKB
from ...models import Actor, ActorRef, AnalyzedArticle, Role

__all__ = ["context_country", "country_at", "owner_tokens", "title_holder", "unnamed_speaker", "weak"]

#: Modifiers that say whose a collective is ("U.S. embassy", "China's ministry", "Sudanese media").
_OWNER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
#: Attachments that say whose it is ("a spokesman for the ministry", "the embassy of France").
_OWNER_PREPS = frozenset({"of", "for", "from"})
#: Share of an article's country mentions a country must exceed to be the one it is about.
CONTEXT_SHARE = 0.5
_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def weak(ref: ActorRef | None) -> bool:
    """No actor, or a collective of unknown country ("unidentified government")."""
    return ref is None or (ref.actor_id.startswith("group:") and not ref.country)


def unnamed_speaker(item: AnalyzedArticle, kb: ActorKB, head: Any, day: str | None) -> ActorRef | None:
    """The actor an unnamed speaker phrase (head token ``head``) stands for, or None."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    agent = kb.agent(head.text) or kb.agent(head.lemma_)
    if agent is None:
        return None
    country = _owner_country(item, kb, head) or _antecedent_country(item, kb, head)
    if country is None:
        country = context_country(item, head.idx)
    if country is None:
        return None
    holder = title_holder(item, kb, head, country, day)
    if holder is not None:
        return holder
    sector = _sector_of(kb, head, agent.code)
    group = kb.group(country, sector or None)
    item.actors.setdefault(group.actor_id, group)
    return group.ref_on(day or item.date)


def title_holder(
    item: AnalyzedArticle, kb: ActorKB, head: Any, country: str | None, day: str | None
) -> ActorRef | None:
    """The person who held the singular title ``head`` ends ("foreign minister") in
    ``country`` on ``day``, when the knowledge base knows exactly one."""
    agent = kb.agent(head.text) or kb.agent(head.lemma_)
    if country is None or agent is None or not agent.person or head.tag_ not in ("NN", "NNP"):
        return None
    holder = _title_holder(kb, _title_words(head), country, day)
    if holder is None:
        return None
    item.actors.setdefault(holder.actor_id, holder)
    return holder.ref_on(day or item.date)


def _sector_of(kb: ActorKB, head: Any, code: str) -> str:
    """The sector of "a spokesman for the army" and of "army officials" is the army's; of
    "officials", the agent's."""
    for mod in head.children:
        inner = _modifier_agent(kb, mod) if mod.dep_ == "compound" and mod.i < head.i else None
        if inner is not None and inner.code:
            return str(inner.code)
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _OWNER_PREPS:
            for obj in prep.children:
                inner = kb.agent(obj.text) or kb.agent(obj.lemma_) if obj.dep_ == "pobj" else None
                if inner is not None and inner.code:
                    return str(inner.code)
    return code


def _modifier_agent(kb: ActorKB, mod: Any) -> Any | None:
    """The agent a noun modifier names: "army officials", and in the singular a body the
    knowledge base lists in the plural ("union leaders", "trade union officials": unions)."""
    words = [t.text for t in mod.subtree if t.dep_ in ("compound", "amod") or t.i == mod.i]
    phrase = " ".join(words)
    for text in (mod.text, phrase):
        found = kb.agent(text) or kb.agent(text + "s")
        if found is not None:
            return found
    return None


def country_at(item: AnalyzedArticle, kb: ActorKB, toks: list[Any]) -> str | None:
    """The country of the first token of ``toks`` that names one: by its mention's actor (a
    country, a country's group or organisation), else by the knowledge base ("Sudanese")."""
    for tok in toks:
        ref = item.actor_ref_at(tok.idx, tok.idx + len(tok))
        actor = item.actors.get(ref.actor_id) if ref else None
        if actor is not None and actor.kind != "person" and ref is not None and ref.country:
            return _iso3(ref.country)
        if tok.pos_ in ("PROPN", "ADJ") or tok.ent_type_ in ("GPE", "NORP"):
            hit = kb.lookup(tok.text)
            if hit is not None and hit.how in ("country", "demonym"):
                found = kb.actors.get(hit.actor_id)
                if found is not None and found.country:
                    return _iso3(found.country)
    return None


def _iso3(code: str) -> str | None:
    return code[:3] if len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() else None


def owner_tokens(head: Any) -> list[Any]:
    """The words before ``head`` that modify it, nearest first; for a subject the parser made a
    compound of its verb ("Sudanese media states"), the verb's modifiers before it too."""
    toks = [t for c in head.children if c.dep_ in _OWNER_DEPS and c.i < head.i for t in c.subtree]
    if head.dep_ == "compound" and head.head.pos_ in ("VERB", "AUX") and head.head.i > head.i:
        toks += [
            t for c in head.head.lefts if c.dep_ in ("amod", "compound") and c.i < head.i for t in c.subtree
        ]
    return sorted(toks, key=lambda t: -t.i)


def _owner_country(item: AnalyzedArticle, kb: ActorKB, head: Any) -> str | None:
    country = country_at(item, kb, owner_tokens(head))
    if country is not None:
        return country
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _OWNER_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    found = country_at(item, kb, [obj, *owner_tokens(obj)])
                    if found is not None:
                        return found
    return None


def _antecedent_country(item: AnalyzedArticle, kb: ActorKB, head: Any) -> str | None:
    """ "the embassy" refers to the last "… embassy" named with its country before it."""
    if not any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in head.children):
        return None
    lemma = head.lemma_.lower()
    for tok in reversed(head.doc[: head.i]):
        if tok.lemma_.lower() == lemma and tok.pos_ == head.pos_:
            found = _owner_country(item, kb, tok)
            if found is not None:
                return found
    return None


def context_country(item: AnalyzedArticle, offset: int) -> str | None:
    """The country the article is about up to ``offset``: the one that holds more than half of
    the country mentions (countries and their collectives) before it."""
    counts: Counter[str] = Counter()
    for m in item.mentions:
        if m.end > offset or not m.actor_id:
            continue
        actor = item.actors.get(m.actor_id)
        if actor is None or actor.kind not in ("country", "group") or not actor.country:
            continue
        code = _iso3(actor.country)
        if code is not None:
            counts[code] += 1
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n > CONTEXT_SHARE * sum(counts.values()) else None


def _title_words(head: Any) -> str:
    """ "Iran's foreign minister" -> "foreign minister": the head and the plain words before it."""
    words = [head.lower_]
    for tok in reversed(head.doc[head.left_edge.i : head.i]):
        if tok.dep_ in ("compound", "amod") and tok.pos_ in ("NOUN", "ADJ") and tok.ent_type_ != "NORP":
            words.insert(0, tok.lower_)
        else:
            break
    return " ".join(words)


def _title_holder(kb: ActorKB, title: str, country: str, day: str | None) -> Actor | None:
    """The one person the knowledge base says held ``title`` in ``country`` on ``day``."""
    if not day:
        return None
    holders = {
        a.actor_id: a
        for a, role in _titles(kb).get(title, ())
        if (role.country or a.country) == country and role.active_on(day)
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


_TITLE_INDEX: dict[int, tuple[ActorKB, dict[str, list[tuple[Actor, Role]]]]] = {}


def _titles(kb: ActorKB) -> dict[str, list[tuple[Actor, Role]]]:
    """The knowledge base's people by the lower-case title of each of their roles (built once
    per knowledge base: it is scanned whole)."""
    cached = _TITLE_INDEX.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    index: dict[str, list[tuple[Actor, Role]]] = {}
    for actor in kb.actors.values():
        if actor.kind == "person":
            for role in actor.roles:
                index.setdefault(role.title.lower(), []).append((actor, role))
    _TITLE_INDEX[id(kb)] = (kb, index)
    return index
