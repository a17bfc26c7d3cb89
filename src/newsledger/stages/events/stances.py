"""Statements that are themselves CAMEO acts: criticism (111) and praise (051) of one actor.

The codebook codes a statement as an event when the statement is itself an act ("X criticised
Y", "Y does not deserve to host", "Y's view is so warped"): the speaker criticises or praises the
actor its content judges.  The statements stage already gives each statement the actors it names
with the speaker's stance toward each (``Statement.about``); this module turns a clear stance into
a subordinate event from the speaker to that actor, reported by the speaker.

Only a clear judgement becomes an event, because a stance read from a lexicon is easily wrong:

* exactly one named actor carries a stance (several judged actors, or praise next to blame,
  leave the target unclear: "giving legitimacy to an unreformed Hamas" names Hamas and others);
* a generic group ("civilians", "unidentified armed group") is no target, and one of unknown
  country ("officials said" -> "unidentified government") is no speaker;
* a speaker describing their own country ("China's spending will increase", said a Chinese
  spokesman) is not criticising it;
* the article's reporters are not actors ("the reporter is never the actor"), and a source the
  article cites with "according to" makes a claim, not a judgement;
* an event the verbs already coded between the same two actors in the statement's sentence wins.

Likewise "S said X must / should do Y" is S demanding of X (100) or appealing to X (020) even
when Y is no act the verb dictionary knows ("Sudan must return the helicopter"): the demand is
the act, whatever is demanded (``obligation_events``; known acts get their specific 10x/02x code
from the coder's ``conventions.obligation_pairs``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from ...models import AboutRef, ActorRef, AnalyzedArticle, Event, Provenance, Statement
from ..dates import date_for_span
from .coder import NAME, code_fields
from .modality import modality, obliged_code
from .parties import FIRST_PERSON, Parties
from .refine import POPULATION_WORDS
from .syntax import conjuncts, subjects

#: the CAMEO code of each stance: criticize or denounce, praise or endorse
STANCE_CODES = {"critical": "111", "supportive": "051"}

#: cues that pass news on rather than judge: announced, reported, confirmed
INFORMING_CUES = ("announc", "report", "confirm", "inform")
#: prepositions that place a happening: their objects are where, not whom
PLACE_PREPS = {"in", "off", "near", "across", "throughout", "inside", "within", "at", "into", "around"}

#: lower than a verb-coded event: the act is read from the stance words, not a trigger verb
STANCE_CONFIDENCE = 0.4


def stance_events(item: AnalyzedArticle, events: list[Event]) -> list[Event]:
    """The criticism and praise events of ``item``'s statements (none already in ``events``)."""
    reporters = {r.actor_id for r in item.reporters}
    coded = {
        (e.provenance.sentence_index, e.source.actor_id, e.target.actor_id)
        for e in events
        if e.source is not None and e.target is not None
    }
    out: list[Event] = []
    for st, speaker in voiced_statements(item, reporters):
        if _vague(speaker):
            continue
        judged = _judged(item, st, speaker)
        if judged is None:
            continue
        about, target = judged
        if (st.provenance.sentence_index, speaker.actor_id, target.actor_id) in coded:
            continue
        out.append(statement_event(item, st, speaker, target, STANCE_CODES[about.stance]))
    return out


def voiced_statements(item: AnalyzedArticle, reporters: set[str]) -> Iterator[tuple[Statement, ActorRef]]:
    """The statements of ``item`` that may be an act of their speaker, with the speaker: a known
    speaker who is none of the article's ``reporters``, not negated, not a source credited with
    "according to" (``_attribution``) and not a cue that passes news on (``_informing``)."""
    for st in item.statements:
        speaker = st.speaker
        if speaker is None or st.negated or speaker.actor_id in reporters:
            continue
        if not (_attribution(st) or _informing(st)):
            yield st, speaker


def _vague(speaker: ActorRef) -> bool:
    """ "officials said …" with no country found ("unidentified government"): no one in
    particular praises or criticises; a stance read from a lexicon makes no act of it."""
    return speaker.actor_id.startswith("group:---") or speaker.name.startswith("unidentified")


def _attribution(st: Statement) -> bool:
    """ "according to X, ...": the article credits X with a claim; X voices no judgement."""
    return (st.cue or "").lower().startswith("according")


def _informing(st: Statement) -> bool:
    """ "the U.S. military has announced that five soldiers were killed": a cue that informs
    (announce, report, confirm) passes news on; it judges no one."""
    words = (st.cue or "").lower().split()
    return bool(words) and words[0].startswith(INFORMING_CUES)


def _only_a_place(item: AnalyzedArticle, st: Statement, actor_id: str) -> bool:
    """True when the statement names the actor only as a place ("the growing problem of piracy
    off Somalia", "attacks in Iraq"): where something happens is not whom the speaker judges."""
    doc = item.doc
    cs, ce = st.content_span
    named = [m for m in item.mentions if m.actor_id == actor_id and cs <= m.start and m.end <= ce]
    if doc is None or not named:
        return False
    for m in named:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        head = span.root if span is not None else None
        while head is not None and head.dep_ in {"compound", "conj", "appos"} and head.head is not head:
            head = head.head
        if head is None or not (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS):
            return False
    return True


def _mention_heads(item: AnalyzedArticle, st: Statement, actor_id: str) -> list[Any]:
    """The syntactic head of each mention of the actor inside the statement's content."""
    doc = item.doc
    cs, ce = st.content_span
    heads = []
    for m in item.mentions:
        if m.actor_id == actor_id and cs <= m.start and m.end <= ce and doc is not None:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                heads.append(span.root)
    return heads


def _not_the_one_judged(item: AnalyzedArticle, st: Statement, actor_id: str) -> bool:
    """True when every mention of the actor in the content is a nationality of people ("those
    who want a war against British Muslims": the Muslims, not Britain) or stands beside the
    speaker ("Jeri and I will always be grateful": on the speaker's side, not judged)."""
    heads = _mention_heads(item, st, actor_id)
    return bool(heads) and all(_of_people(h) or _beside_the_speaker(h) for h in heads)


def _of_people(head: Any) -> bool:
    noun = head.head
    return (
        head.dep_ in {"amod", "compound"}
        and noun is not head
        and (noun.ent_type_ == "NORP" or noun.lemma_.lower() in POPULATION_WORDS)
    )


def _beside_the_speaker(head: Any) -> bool:
    group = conjuncts(head.head if head.dep_ == "conj" else head)
    return any(t.lower_ in FIRST_PERSON for t in group)


def obligation_events(item: AnalyzedArticle, events: list[Event], parties: Parties) -> list[Event]:
    """Demands and appeals "X must / should do Y" in a statement, where the coder coded no act."""
    doc = item.doc
    if doc is None:
        return []
    reporters = {r.actor_id for r in item.reporters}
    triggered = [e.provenance.span for e in events]
    out: list[Event] = []
    for st in item.statements:
        speaker = st.speaker
        if speaker is None or st.negated or speaker.actor_id in reporters or _an_outlet(item, speaker):
            continue  # "Greek daily Kathimerini said Greece had to speed up": an outlet's view
        cs, ce = st.content_span
        span = doc.char_span(cs, ce, alignment_mode="expand")
        for tok in span or ():
            if tok.pos_ != "VERB" or any(a <= tok.idx < b for a, b in triggered):
                continue
            mod = modality(tok)
            subj, passive = subjects(tok)
            # "X will have to be involved" (a state), "since X must ..." (a reason): no demand
            if mod.obligation is None or passive or tok.dep_ == "advcl":
                continue
            for ref, _ in parties.refs([h for head in subj for h in conjuncts(head)]):
                own_country = ref.actor_id.startswith("country:") and ref.country == speaker.country
                if ref.actor_id != speaker.actor_id and not own_country:  # "Australia would need to"
                    code = obliged_code("0", mod.obligation, mod.negated)
                    out.append(statement_event(item, st, speaker, ref, code, hypothetical=True))
    return out


def _an_outlet(item: AnalyzedArticle, speaker: ActorRef) -> bool:
    """True when the speaker is a news outlet, not a person working for one."""
    actor = item.actors.get(speaker.actor_id)
    return actor is not None and actor.kind != "person" and (actor.sector or "").endswith("MED")


def _judged(item: AnalyzedArticle, st: Statement, speaker: ActorRef) -> tuple[AboutRef, ActorRef] | None:
    """The one actor the statement clearly judges, with its reference, or None."""
    found: list[tuple[AboutRef, ActorRef]] = []
    reporters = {r.actor_id for r in item.reporters}
    for about in st.about:
        if about.stance not in STANCE_CODES or about.actor_id == speaker.actor_id:
            continue
        actor = item.actors.get(about.actor_id)
        if actor is None or actor.kind == "group" or about.name.startswith("unidentified"):
            continue
        own_country = (
            actor.kind == "country" and actor.country is not None and actor.country == speaker.country
        )
        # the outlet a speaker talks to ("told Wikinews in an interview") is never the one judged
        outlet = actor.sector == "MED" and actor.kind != "person"
        if own_country or outlet or about.actor_id in reporters or _only_a_place(item, st, about.actor_id):
            continue
        if _not_the_one_judged(item, st, about.actor_id):
            continue
        found.append((about, actor.ref_on(st.date or item.date)))
    return found[0] if len(found) == 1 else None


def statement_event(
    item: AnalyzedArticle,
    st: Statement,
    speaker: ActorRef,
    target: ActorRef,
    code: str,
    *,
    hypothetical: bool = False,
) -> Event:
    """The event of ``st``; a demand or appeal asks for what has not happened (hypothetical)."""
    span = st.cue_span or st.content_span
    date, precision = (st.date, st.date_precision) if st.date else date_for_span(item, *st.content_span)
    raw = f"{item.article.article_id}|{span[0]}:{span[1]}|{code}|{speaker.actor_id}|{target.actor_id}|stance"
    return voiced_act(
        item,
        st.provenance,
        "ev_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16],
        st.cue,
        (speaker, target, code),
        (date, precision),
        hypothetical=hypothetical or st.hypothetical,
    )


def voiced_act(
    item: AnalyzedArticle,
    prov: Provenance,
    event_id: str,
    trigger: str,
    dyad_code: tuple[ActorRef, ActorRef, str],
    when: tuple[str | None, str],
    *,
    hypothetical: bool = False,
) -> Event:
    """An act a speaker does by their words (a demand, criticism, praise): reported first by
    the speaker, then by the article's other reporters, never negated, at a stance's
    confidence."""
    speaker, target, code = dyad_code
    others = tuple(r for r in item.reporters if r.actor_id != speaker.actor_id)
    return Event(
        event_id=event_id,
        provenance=replace(prov, stage=NAME, reported_by=(speaker, *others)),
        trigger=trigger,
        **code_fields(code),
        source=speaker,
        target=target,
        date=when[0],
        date_precision=when[1],
        negated=False,
        hypothetical=hypothetical,
        confidence=STANCE_CONFIDENCE,
    )
