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

A naming verb judges in or out of quotes (:func:`naming_events`): "the ACLU described Bush's
veto as a callous disregard for human rights", "Nyongo called the government's stance a
betrayal": the quality it gives (words above, or words that judge only as such a quality:
"illegal", "a sham", "dangerous") makes it criticism or praise of the one named or of whose
act is named.

The speaker must be known and not the one judged, the statement must not be negated, an
attribution ("according to") or a report ("announced"), and the actor judged must be named
(no unidentified group), not the speaker's own country, not an outlet, and not already in an
event from the speaker in the same sentence.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, POS
from spacy.strings import get_string_id

from ...knowledge.wordlists import word_lists
from ...models import ActorRef, AnalyzedArticle, Event, Statement
from ..dates import date_for_span
from .coder import NAME
from .modality import modality
from .parties import PEOPLE_NOUNS, Parties
from .records import event_id
from .stances import statement_event, voiced_act, voiced_statements
from .syntax import agent_heads, conjuncts, direct_objects, subjects

__all__ = ["judging_events", "naming_events"]

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
#: naming verbs whose quality is the namer's own word for what is named (not "consider": an
#: opinion held, not said)
QUALIFYING_VERBS = {"call", "describe", "label", "brand", "term", "dub"}
#: what criticises as the quality a naming verb gives (see naming_criticism_words)
NAMING_CRITICISM = JUDGING_WORDS | _WORDS.words("naming_criticism_words")
#: objects of a naming verb that are someone, not something: the object itself is judged
_PERSONAL = {"him", "her", "them"}


def judging_events(item: AnalyzedArticle, events: list[Event], parties: Parties) -> list[Event]:
    """The criticism events of ``item``'s statements whose words judge one named actor."""
    doc = item.doc
    if doc is None:
        return []
    reporters, coded = _judged_already(item, events)
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
    if w.pos_ == "NOUN":  # "America's aggression", "U.S. imperialism", "Israeli aggression"
        owners = [c for c in w.children if c.dep_ == "poss"]
        return owners or [c for c in w.children if c.dep_ in {"compound", "amod"} and _names_a_party(c)]
    if w.pos_ == "VERB":  # "Carter is undermining", "his conduct is hurting", "misled by X"
        doers = [c for c in w.children if c.dep_ == "nsubj"]
        doers += [o for c in w.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        return [p for d in doers for p in d.children if p.dep_ == "poss"] or doers
    return []


def _names_a_party(modifier: Any) -> bool:
    """A name or a nationality modifying a noun ("U.S.", "Israeli"), not a common word."""
    return modifier.pos_ == "PROPN" or modifier.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"}


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
    """ "is not an enemy", "no aggression": the judgement is denied.  A verb's negation does
    not deny what its subject or object is called ("Israeli aggression will not go unanswered")."""
    near = [w] if w.dep_ in {"nsubj", "nsubjpass", "dobj", "obj", "pobj"} else [w, w.head]
    return any(c.dep_ == "neg" or c.lower_ in {"no", "never"} for t in near for c in t.children)


def _may_be_judged(ref: ActorRef, speaker: ActorRef, parties: Parties, reporters: set[str]) -> bool:
    if ref.actor_id == speaker.actor_id or ref.actor_id in reporters or parties.is_outlet(ref):
        return False
    if ref.name.startswith("unidentified"):
        return False  # a generic group is no one in particular
    own_country = ref.country is not None and ref.country == speaker.country and not ref.sector
    return not own_country  # "China's spending will increase", said a Chinese spokesman


def naming_events(item: AnalyzedArticle, events: list[Event], parties: Parties) -> list[Event]:
    """ "The ACLU described Bush's veto as a callous disregard for human rights", "Amnesty called
    the trial of X a farce": a naming verb whose quality judges criticises (111) or praises
    (051) the one named, or the one whose act is named, in words or out of quotes alike.  One
    namer and one named actor, as in :func:`judging_events`; not negated, not supposed, no
    modal, and no other event of the namer's in the sentence."""
    doc = item.doc
    if doc is None:
        return []
    reporters, coded = _judged_already(item, events)
    out: list[Event] = []
    for tok in _qualifying_verbs(doc):
        code = _quality_code(tok)
        if code is None or _supposed(tok):
            continue
        mod = modality(tok)
        if mod.negated or mod.hypothetical:
            continue
        namers, named = _namers(tok, parties), _named(tok, parties)
        sentence = item.sentence_at(tok.idx)
        if len(namers) != 1 or len(named) != 1 or sentence is None:
            continue
        namer, judged = namers[0], named[0]
        if namer.actor_id in reporters or (sentence.index, namer.actor_id) in coded:
            continue
        if not _may_be_judged(judged, namer, parties, reporters):
            continue
        coded.add((sentence.index, namer.actor_id))
        out.append(_naming_event(item, tok, sentence, namer, judged, code))
    return out


def _qualities(tok: Any) -> list[Any]:
    """The phrases that give what naming verb ``tok`` names its quality: a predicate ("called
    the trial a farce"), an "as" phrase wherever the parse hung it ("described X's veto of the
    ban as ..."), or a second object the parser read for one ("described X's veto, 'a brazen
    move'")."""
    objs = direct_objects(tok)
    qualities = [c for c in tok.children if c.dep_ in {"oprd", "xcomp", "acomp"}] + objs[1:]
    qualities += [t for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "as" and t.head.i <= t.i]
    return qualities


def _quality_code(tok: Any) -> str | None:
    """111 when the quality naming verb ``tok`` gives criticises, 051 when it praises, else
    None: "as a brazen move", "a farce", "unconstitutional"."""
    words = {t.lemma_.lower() for q in _qualities(tok) for t in q.subtree if not _negated(t)}
    critical, praising = bool(words & NAMING_CRITICISM), bool(words & PRAISING_WORDS)
    if critical == praising:
        return None
    return CRITICISM if critical else PRAISE


def _namers(tok: Any, parties: Parties) -> list[ActorRef]:
    """Who names: the subject, or a passive's agent, which the parser may hang on the quality
    ("were described as 'gross dishonesty' by Prime Minister Helen Clark")."""
    subj, passive = subjects(tok)
    heads = agent_heads(tok) if passive else [h for s in subj for h in conjuncts(s)]
    if passive and not heads:
        heads = [
            o
            for q in _qualities(tok)
            for p in q.subtree
            if p.dep_ == "prep" and p.lower_ == "by"
            for o in p.children
            if o.dep_ == "pobj"
        ]
    return [ref for ref, _ in parties.refs(heads)]


def _named(tok: Any, parties: Parties) -> list[ActorRef]:
    """Who is named: the object (the subject of a passive) when it is someone, else whose the
    thing named is ("Bush's veto", "the American decision")."""
    objs = [c for c in tok.children if c.dep_ == "nsubjpass"] + direct_objects(tok)[:1]
    heads: list[Any] = []
    for obj in objs:
        someone = obj.pos_ == "PROPN" or obj.lower_ in _PERSONAL or obj.lemma_.lower() in PEOPLE_NOUNS
        if someone:
            heads.append(obj)
        else:
            heads += [c for c in obj.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
    return [ref for ref, _ in parties.refs(heads)]


#: the lemmas of QUALIFYING_VERBS as the ids spaCy's arrays hold
_QUALIFYING_IDS = frozenset(get_string_id(w) for w in QUALIFYING_VERBS)
_VERB = get_string_id("VERB")


def _qualifying_verbs(doc: Any) -> list[Any]:
    """The naming verbs of ``doc``, found in one array call, so that its other tokens are not
    made Token objects (an article has some hundreds of them and a naming verb or two)."""
    rows = doc.to_array([LEMMA, POS]).tolist()
    return [doc[i] for i, (lemma, pos) in enumerate(rows) if pos == _VERB and lemma in _QUALIFYING_IDS]


def _judged_already(item: AnalyzedArticle, events: list[Event]) -> tuple[set[str], set[tuple[int, str]]]:
    """Who is never judged to act by words here: the article's reporters, and (sentence,
    source) of every event coded so far (a speaker or namer who already acts in a sentence
    does not act again there)."""
    reporters = {r.actor_id for r in item.reporters}
    coded = {(e.provenance.sentence_index, e.source.actor_id) for e in events if e.source is not None}
    return reporters, coded


def _naming_event(
    item: AnalyzedArticle, tok: Any, sentence: Any, namer: ActorRef, judged: ActorRef, code: str
) -> Event:
    span = (tok.idx, tok.idx + len(tok))
    eid = event_id(item.article.article_id, span, code, namer.actor_id, judged.actor_id)
    prov = item.provenance(sentence, span, NAME)
    return voiced_act(item, prov, eid, tok.text, (namer, judged, code), date_for_span(item, *span))
