"""Quoted criticism with no cue verb: "Khamenei said, 'Even Europeans are speechless before this
oppressive America'", "Bush said of the PKK that 'they are an enemy of Turkey'".

A statement whose words judge one named actor is itself a CAMEO criticism (111) by its
speaker (the codebook's "Y's view is so warped"), or praise (051) where the words praise
("Dr. Tewolde is one of the most respected scientists", "Mandela, a great leader").  A stance read from a word list alone is
often wrong (``stances.stance_events`` is off by default for that reason), so here the judging
word must be tied to the actor by the parse:

* an adjective on the actor's own noun: "oppressive America", "the criminal regime of X";
* the predicate of a copula whose subject names the actor: "they are an enemy of Turkey",
  "Carter's view is so warped" (the owner of a view is the one judged);
* a noun the actor owns: "America's aggression";
* an apposition to the actor: "Bush, a war criminal";
* the quality a naming verb gives the actor: "called Rumsfeld's approach 'intellectually
  bankrupt'", "branded Iran a rogue state";
* a verb of wrongdoing whose doer is the actor (or what the actor owns): "Carter is
  undermining a current policy", "DeLay's conduct is hurting the party".

The speaker must be known and not the one judged, the statement must not be negated, an
attribution ("according to") or a report ("announced"), and the actor judged must be named
(no unidentified group), not the speaker's own country, not an outlet, and not already in an
event from the speaker in the same sentence.
"""

from __future__ import annotations

from typing import Any

from ...knowledge.wordlists import word_lists
from ...models import ActorRef, AnalyzedArticle, Event, Statement
from .parties import Parties
from .stances import statement_event, voiced_statements

__all__ = ["judging_events"]

_WORDS = word_lists("event_words.yaml")
#: words that judge whoever they are tied to (see the module docstring for how)
JUDGING_WORDS = _WORDS.words("judging_words")
#: words that praise whoever they are tied to, as adjectives or nouns ("a man of integrity" is
#: not read: the word must be the actor's own modifier, predicate or apposition)
PRAISING_WORDS = _WORDS.words("praising_words")
CRITICISM = "111"
PRAISE = "051"
#: verbs that give their object a name or a quality: "called X a disgrace", "branded X criminal"
NAMING_VERBS = {"call", "describe", "label", "brand", "term", "dub", "consider", "deem"}


def judging_events(item: AnalyzedArticle, events: list[Event], parties: Parties) -> list[Event]:
    """The criticism events of ``item``'s statements whose words judge one named actor."""
    doc = item.doc
    if doc is None:
        return []
    reporters = {r.actor_id for r in item.reporters}
    coded = {(e.provenance.sentence_index, e.source.actor_id) for e in events if e.source is not None}
    out: list[Event] = []
    for st, speaker in voiced_statements(item, reporters):
        if (st.provenance.sentence_index, speaker.actor_id) in coded:
            continue  # the verbs already coded what the speaker did here
        span = doc.char_span(*st.content_span, alignment_mode="expand")
        if span is None:
            continue
        judged = {
            code: _judged(span, st, speaker, parties, reporters, words, verbs=verbs)
            for code, words, verbs in _JUDGEMENTS
        }
        ids = [ref.actor_id for ref in judged.values() if ref is not None]
        for code, ref in judged.items():
            if ref is not None and ids.count(ref.actor_id) == 1:  # praised and criticised: neither
                out.append(statement_event(item, st, speaker, ref, code))
    return out


#: each judgement: its code, its words, and whether a verb of them judges its doer
_JUDGEMENTS = ((CRITICISM, JUDGING_WORDS, True), (PRAISE, PRAISING_WORDS, False))


def _judged(
    span: Any,
    st: Statement,
    speaker: ActorRef,
    parties: Parties,
    reporters: set[str],
    words: frozenset[str],
    *,
    verbs: bool = True,
) -> ActorRef | None:
    """The one named actor the statement's ``words`` judge, or None; ``verbs``: a verb of
    ``words`` judges its doer too."""
    found: dict[str, ActorRef] = {}
    for w in span:
        if w.lemma_.lower() not in words or _negated(w) or _supposed(w) or (w.pos_ == "VERB" and not verbs):
            continue
        for head in _judged_heads(w):
            refs = parties.refs([head])
            if not refs and head.pos_ == "PRON":
                refs = parties.refs(_spoken_of(span.doc, st))  # "said of the PKK that 'they are ...'"
            for ref, _ in refs:
                if _may_be_judged(ref, speaker, parties, reporters):
                    found[ref.actor_id] = ref
    return next(iter(found.values())) if len(found) == 1 else None


def _judged_heads(w: Any) -> list[Any]:
    """The tokens whose actor the judging word ``w`` is tied to by the parse."""
    while w.dep_ == "conj" and w.head.pos_ == w.pos_:
        w = w.head  # "a great and courageous leader": as "great" is
    head = w.head
    if w.dep_ == "amod" and head.pos_ in {"NOUN", "PROPN"}:
        described = _described_by_a_copula(head)
        return described or [head]  # "this oppressive America", "X is a reckless man"
    if w.dep_ in {"attr", "acomp"} and head.lemma_ == "be":
        subj = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        owners = [p for s in subj for p in s.children if p.dep_ == "poss"]
        return owners or subj  # "they are an enemy of Turkey", "Carter's view is so warped"
    if w.dep_ in {"oprd", "xcomp", "acomp", "ccomp"} and head.lemma_.lower() in NAMING_VERBS:
        objs = [c for c in head.children if c.dep_ in {"dobj", "obj"}]
        owners = [p for o in objs for p in o.children if p.dep_ == "poss"]
        return owners or objs  # "called Rumsfeld's approach 'intellectually bankrupt'"
    if w.dep_ == "appos":
        return [head]  # "Bush, a war criminal"
    if w.pos_ == "NOUN":
        return [c for c in w.children if c.dep_ == "poss"]  # "America's aggression"
    if w.pos_ == "VERB":  # "Carter is undermining", "his conduct is hurting", "misled by X"
        doers = [c for c in w.children if c.dep_ == "nsubj"]
        doers += [o for c in w.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        return [p for d in doers for p in d.children if p.dep_ == "poss"] or doers
    return []


def _described_by_a_copula(noun: Any) -> list[Any]:
    """The subject a copula describes by ``noun``: "X is a reckless man", "X is one of the most
    respected scientists"; [] when ``noun`` is no such description."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        noun = noun.head.head  # "one of the most respected scientists"
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return []
    return [c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _spoken_of(doc: Any, st: Statement) -> list[Any]:
    """Whom the speaker speaks of ("said of the PKK that", "said about Iran"): who a pronoun
    of the statement stands for."""
    if st.cue_span is None:
        return []
    cue = doc.char_span(*st.cue_span, alignment_mode="expand")
    if cue is None:
        return []
    preps = [c for c in cue.root.children if c.dep_ == "prep" and c.lower_ in {"of", "about"}]
    return [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _supposed(w: Any) -> bool:
    """ "If the West is honest in its claim": a judgement on a condition, not made."""
    for t in [w, *list(w.ancestors)[:3]]:
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in t.children):
            return True
    return False


def _negated(w: Any) -> bool:
    """ "is not an enemy", "no aggression": the judgement is denied."""
    near = [w, w.head]
    return any(c.dep_ == "neg" or c.lower_ in {"no", "never"} for t in near for c in t.children)


def _may_be_judged(ref: ActorRef, speaker: ActorRef, parties: Parties, reporters: set[str]) -> bool:
    if ref.actor_id == speaker.actor_id or ref.actor_id in reporters or parties.is_outlet(ref):
        return False
    if ref.name.startswith("unidentified"):
        return False  # a generic group is no one in particular
    own_country = ref.country is not None and ref.country == speaker.country and not ref.sector
    return not own_country  # "China's spending will increase", said a Chinese spokesman
