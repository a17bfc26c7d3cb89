"""A happening named again by a definite noun: "Israel denied the visit", "the U.N. condemned
the attack", "Peres criticised the planned meeting with Mashal".

The act is done to whoever did the happening the noun refers back to: the visitor, the
attackers, the one who meets.  The noun names no doer of its own (else the parse gives it:
"condemned Hamas's attack"), so the doer comes from the article's events coded before it, the
latest of the same kind (a visit, a meeting or an announced meeting, an act of force), and,
where the noun names a partner ("the meeting with Mashal"), the one done with that partner.

A noun for an act that is no event of its own ("criticised the move", "the decision was
welcomed by Labor") refers to the doer of the latest such act the text told of just before:
the author of the same noun named earlier ("the decision by the court"), else the subject of a
main verb of that act in this or the two sentences before (any verb but one of telling for
"the move").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ...knowledge.wordlists import word_lists
from ...models import ActorRef, Event
from .merge import UNNAMED_PREFIX, compatible
from .syntax import agent_heads, pobjs, subjects

if TYPE_CHECKING:
    from .parties import Parties

__all__ = ["doer_of_the_latest", "family", "referred_author", "referred_doer"]

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments
#: act nouns -> the lemmas of the verbs whose doer they refer to (empty: any verb but telling)
ACT_NOUNS: dict[str, frozenset[str]] = {
    noun: frozenset(verbs.split()) for noun, verbs in _WORDS.table("act_nouns").items()
}
#: codes of reactions (praise, support, agreement 05; demands 10; disapproval 11; rejection
#: 12) whose passive's subject may refer back: "the killing was condemned by Karzai"
REACTION_ROOTS = {"05", "10", "11", "12"}
#: how many sentences before the noun's own the act it refers to is looked for
ACT_LOOKBACK = 2
#: verbs of telling: what they tell of is the act, not the telling ("the move" is no "said")
TELLING_VERBS = _WORDS.words("neutral_speech_verbs") | {"claim", "warn", "insist"}

DEFINITE = {"the", "this", "that", "these", "those"}
PARTNER_PREPS = {"with", "to", "against", "on"}
#: prepositions after a verb that introduce what it reacts to ("protested against the visit")
REACTION_PREPS = {"against", "about", "over", "of", "to", "on"}


def family(code: str) -> str:
    """The kind of happening a code belongs to, as a noun refers back to it: consultations and
    the intents to meet that announce them; all acts of force; otherwise the CAMEO root."""
    root = code[:2]
    if root == "04" or code.startswith("036"):
        return "consult"
    if root in {"18", "19", "20"}:
        return "force"
    return root


def _referring_nouns(tok: Any, known: Callable[[Any], bool], code: str, *, strict: bool = False) -> list[Any]:
    """Objects of ``tok`` (and, for a reaction coded ``code``, the subject of its passive: "the
    killing was condemned by Karzai") that are a definite noun ``known`` accepts, with no doer
    of its own.  ``strict``: a possessive pronoun, an "of" or a clause naming a doer ("the
    comments I made", "this action, which was pushed by the Defence Ministry") are one too."""
    deps = {"dobj", "obj", "nsubjpass"} if code[:2] in REACTION_ROOTS else {"dobj", "obj"}
    heads = [c for c in tok.children if c.dep_ in deps]
    heads += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in REACTION_PREPS for o in pobjs(c)]
    out = []
    for h in heads:
        if h.pos_ != "NOUN" or not known(h):
            continue
        dets = [c for c in h.children if c.dep_ in {"det", "poss"}]
        own_doer = any(c.dep_ == "poss" and (strict or c.pos_ != "PRON") for c in dets) or any(
            c.dep_ in {"compound", "amod"} and c.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            for c in h.children
        )
        doer_preps = {"by", "of"} if strict else {"by"}
        by_doer = any(c.dep_ in {"prep", "agent"} and c.lower_ in doer_preps for c in h.children)
        if strict and any(c.dep_ in {"relcl", "acl"} and _names_a_doer(c) for c in h.children):
            by_doer = True
        definite = any(c.lower_ in DEFINITE or c.pos_ == "PRON" for c in dets)
        if definite and not own_doer and not by_doer:
            out.append(h)
    return out


def _names_a_doer(clause: Any) -> bool:
    """True for a clause that says who did what the noun names: a subject other than a
    relative pronoun for the noun, or a passive's "by"."""
    subj = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"WDT", "WP"}]
    return bool(subj) or bool(agent_heads(clause))


def referred_doer(
    tok: Any,
    event_nouns: Mapping[str, str],
    happenings: Sequence[Event],
    partner_ids: Any,
    exclude: set[str],
    code: str = "",
) -> tuple[ActorRef, Any] | None:
    """The doer of the happening an object of ``tok`` refers back to, with the noun, or None.

    ``partner_ids(noun)`` gives the actor ids the noun names as a partner; ``exclude`` holds the
    acting side's own ids (who criticises a meeting is not its own target)."""
    for noun in _referring_nouns(tok, lambda h: h.lower_ in event_nouns, code):
        kind = family(event_nouns[noun.lower_])
        partners = partner_ids(noun)
        before = [e for e in reversed(happenings) if e.source is not None and family(e.cameo_code) == kind]
        if partners:
            before = [e for e in before if e.target is not None and e.target.actor_id in partners] or before
        for e in _named_first(before):
            doer = e.source
            if doer is not None and doer.actor_id not in exclude:
                return doer, noun
    return None


def doer_of_the_latest(
    kind: str, happenings: Sequence[Event], sentence: int, exclude: set[str]
) -> ActorRef | None:
    """The doer of the latest happening of family ``kind`` told in the ``ACT_LOOKBACK``
    sentences up to ``sentence`` ("He was killed in the airstrike" after "the United States
    carried out an airstrike"), a named doer before a typed one; None when there is none."""
    before = [
        e
        for e in reversed(happenings)
        if e.source is not None
        and family(e.cameo_code) == kind
        and sentence - ACT_LOOKBACK <= e.provenance.sentence_index <= sentence
    ]
    for e in _named_first(before):
        if e.source is not None and e.source.actor_id not in exclude:
            return e.source
    return None


def _named_first(before: list[Event]) -> list[Event]:
    """Happenings latest first, except that a vaguer retelling ("militants ambushed their
    convoy", by "unidentified rebels") gives way to the happening it retells with the doer's
    name ("Janjaweed militants ambushed their convoy"): the noun that refers back ("condemned
    the attack") names the happening, whose doer the text named.  A doer the coder only typed
    ("Palestinian armed group" for "were killed") is no name."""
    latest = before[0].source if before else None
    if latest is None or _called_by_name(latest):
        return before
    named = next(
        (
            e
            for e in before[1:]
            if e.source is not None and _called_by_name(e.source) and compatible(latest, e.source)
        ),
        None,
    )
    return [named, *before] if named is not None else before


def _called_by_name(ref: ActorRef) -> bool:
    """True for an actor the text names, not a collective the coder typed for an unnamed doer
    ("unidentified rebels", "Palestinian armed group"); a group called by its name keeps it."""
    return not ref.actor_id.startswith(UNNAMED_PREFIX) or "#" in ref.actor_id


def referred_author(
    tok: Any, parties: Parties, exclude: set[str], code: str = ""
) -> tuple[ActorRef, Any] | None:
    """Who did the act an act noun among the objects of ``tok`` refers back to ("criticised
    the move": who moved), with the noun, or None.  ``parties`` maps token heads to actors
    (:class:`.parties.Parties`); ``exclude`` holds the acting side's ids."""
    for noun in _referring_nouns(tok, lambda h: h.lemma_.lower() in ACT_NOUNS, code, strict=True):
        if any(c.dep_ == "prep" and c.lower_ in {"against", "with"} for c in noun.children):
            continue  # "the move against the teacher" names its own party: the parse has it
        verbs = ACT_NOUNS[noun.lemma_.lower()]
        found = _author_named_before(noun, parties, exclude)
        found = found or _doer_of_act_before(noun, tok, verbs, parties, exclude)
        if found is not None:
            return found, noun
    return None


def _author_named_before(noun: Any, parties: Parties, exclude: set[str]) -> ActorRef | None:
    """The author of the same noun named with one earlier ("the decision by the Paris court",
    "the court's decision")."""
    lemma = noun.lemma_.lower()
    for earlier in reversed(noun.doc[: noun.i]):
        if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
            continue
        heads = [c for c in earlier.children if c.dep_ == "poss"]
        heads += [
            o
            for c in earlier.children
            if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "of"}
            for o in pobjs(c)
        ]
        found = [r for r, _ in parties.refs(heads) if r.actor_id not in exclude]
        if found:
            return found[0]
    return None


def _doer_of_act_before(
    noun: Any, tok: Any, verbs: frozenset[str], parties: Parties, exclude: set[str]
) -> ActorRef | None:
    """The doer of the latest verb of ``verbs`` (any verb but one of telling when empty) told
    before ``noun`` in its sentence or the :data:`ACT_LOOKBACK` before it, outside the clause
    that reacts (``tok``'s): its subject, or the "by" of a passive."""
    doc = noun.doc
    first = noun.sent.start
    for _ in range(ACT_LOOKBACK):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    reacting = {tok.i, *(a.i for a in noun.ancestors)}
    quoted = [st.content_span for st in parties.item.statements]
    for verb in reversed(doc[first : noun.i]):
        if verb.pos_ != "VERB" or verb.i in reacting or not _main_clause(verb):
            continue
        if any(a <= verb.idx < b for a, b in quoted):  # what a speaker says is no act told
            continue
        lemma = verb.lemma_.lower()
        if (verbs and lemma not in verbs) or (not verbs and lemma in TELLING_VERBS):
            continue
        if any(o.dep_ in ("dobj", "obj") and o.lemma_ == noun.lemma_ for o in verb.children):
            continue  # "Abbas praised the measure. Hamas also welcomed the measure": a reaction too
        subj, passive = subjects(verb)
        heads = agent_heads(verb) if passive else subj
        found = [r for r, _ in parties.refs(heads) if r.actor_id not in exclude]
        if found:
            return found[0]
    return None


def _main_clause(verb: Any) -> bool:
    """True for the verb of a sentence's main clause or one coordinated with it."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return bool(verb.dep_ == "ROOT")
