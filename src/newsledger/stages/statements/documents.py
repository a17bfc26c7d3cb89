"""Documents that speak: "the report said", "a statement by army officials said".

A report, a statement or a resolution speaks for whoever issued it.  :mod:`.speakers` hands over
a speaker whose head is such a noun and that no actor resolved; its author is, in order:

1. named in its own modifiers: an organisation ("Human Rights Watch's report"), or a country,
   through its government or another sector when an agent word qualifies it ("official Chinese
   reports" -> the Chinese government, "a U.S. military statement" -> the U.S. military);
2. its "by"/"from" attachment ("a statement by army officials", "a report from the UN"), or
   the agent of a participle on it ("a statement issued by the Interior Ministry");
3. the subject of the verb that issued it ("HRW released a report", "U.S. officials said in a
   statement");
4. for "the report", "the statement": the author of the same noun named last before it, in the
   sentences just before ("HRW released a report on Monday. … The report said …").
"""

from __future__ import annotations

from typing import Any

from ...knowledge.actors import ActorKB
from ...knowledge.wordlists import word_lists
from ...models import ActorRef, AnalyzedArticle
from .collective import country_at, owner_tokens, unnamed_speaker, weak

__all__ = ["DOCUMENT_NOUNS", "document_speaker"]

_WORDS = word_lists("statement_words.yaml")  # the word lists below: see the file's comments

#: Documents that speak for whoever issued them.
DOCUMENT_NOUNS = _WORDS.words("document_nouns")
#: How many sentences back "the report" may find the report it refers to.
ANTECEDENT_REACH = 6
_AUTHOR_PREPS = frozenset({"by", "from"})
_ISSUED_IN = frozenset({"in", "through", "via"})


def document_speaker(item: AnalyzedArticle, kb: ActorKB, head: Any, day: str | None) -> ActorRef | None:
    """The author of the document ``head`` names, or None (see the module doc)."""
    lemma = head.lemma_.lower()
    if lemma not in DOCUMENT_NOUNS or head.pos_ != "NOUN":
        return None
    found = _author(item, kb, head, day)
    if found is not None or not any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children
    ):
        return found
    first_sent = head.sent.start
    sents = list(head.doc.sents)
    k = next((n for n, s in enumerate(sents) if s.start == first_sent), 0)
    lo = sents[max(0, k - ANTECEDENT_REACH)].start
    for tok in reversed(head.doc[lo : head.i]):
        if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN":
            found = _author(item, kb, tok, day)
            if found is not None:
                return found
    return None


def _strong_at(item: AnalyzedArticle, tok: Any, day: str | None) -> ActorRef | None:
    ref = item.actor_ref_at(tok.idx, tok.idx + len(tok), day)
    return None if weak(ref) else ref


def _author(item: AnalyzedArticle, kb: ActorKB, doc_tok: Any, day: str | None) -> ActorRef | None:
    return (
        _named_owner(item, kb, doc_tok, day)
        or _by_author(item, kb, doc_tok, day)
        or _issuer(item, doc_tok, day)
    )


def _named_owner(item: AnalyzedArticle, kb: ActorKB, doc_tok: Any, day: str | None) -> ActorRef | None:
    owners = owner_tokens(doc_tok)
    for tok in owners:
        ref = _strong_at(item, tok, day)
        actor = item.actors.get(ref.actor_id) if ref else None
        if ref is not None and actor is not None and actor.kind in ("organization", "group"):
            return ref  # "Human Rights Watch's report", "a U.S. military statement"
    country = country_at(item, kb, owners)
    if country is None:
        return None
    agents = [a for a in (kb.agent(t.text) for t in owners) if a is not None and a.code]
    actor = kb.group(country, agents[0].code) if agents else kb.country(country)
    if actor is None:
        return None
    item.actors.setdefault(actor.actor_id, actor)
    return actor.ref_on(day or item.date)


def _by_author(item: AnalyzedArticle, kb: ActorKB, doc_tok: Any, day: str | None) -> ActorRef | None:
    """ "a statement by army officials", or the agent of a participle on the document ("a
    statement issued by the Interior Ministry", "a report released by the UN")."""
    preps = [c for c in doc_tok.children if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPS]
    for part in doc_tok.children:
        if part.dep_ == "acl" and part.tag_ == "VBN":
            preps += [c for c in part.children if c.dep_ == "agent"]
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ == "pobj":
                return _strong_at(item, obj, day) or unnamed_speaker(item, kb, obj, day)
    return None


def _issuer(item: AnalyzedArticle, doc_tok: Any, day: str | None) -> ActorRef | None:
    """ "HRW released a report", "officials said in a statement": the issuing verb's subject."""
    verb = None
    if doc_tok.dep_ == "dobj":
        verb = doc_tok.head
    elif doc_tok.dep_ == "pobj" and doc_tok.head.lower_ in _ISSUED_IN and doc_tok.head.dep_ == "prep":
        verb = doc_tok.head.head
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return _strong_at(item, subj, day) if subj is not None else None
