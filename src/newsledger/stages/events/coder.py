"""The coder: triggers of each sentence, their source and target, modality, and the events."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ...knowledge.actors import ActorKB
from ...knowledge.cameo import lookup
from ...knowledge.petrarch_verbs import VerbDictionary
from ...models import ActorRef, AnalyzedArticle, Event
from ..dates import date_for_span
from ..nlp import text_of
from ..places import place_for_span
from .matcher import Match, Matcher
from .modality import intent_code, modality
from .parties import Parties
from .syntax import LIGHT_VERBS, clause_depth, conjuncts, nominal_roles, pobjs, subjects, target_heads

NAME = "newsledger.events.v1"
VISIT_ROOTS = {"042", "043", "044"}


def event_id(
    article_id: str, span: tuple[int, int], code: str, source: str | None, target: str | None
) -> str:
    raw = f"{article_id}|{span[0]}:{span[1]}|{code}|{source or '-'}|{target or '-'}"
    return "ev_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


@dataclass
class RawTrigger:
    tok: Any
    span: tuple[int, int]  # token span of the trigger
    match: Match
    nominal: bool = False


def triggers(item: AnalyzedArticle, vd: VerbDictionary, m: Matcher, sent: Any) -> Iterator[RawTrigger]:
    for tok in sent:
        if tok.tag_.startswith("VB") or tok.pos_ in {"VERB", "AUX"}:
            entries = vd.candidates(tok.text, tok.lemma_)
            if not entries:
                continue
            match, span = m.code(tok, entries, sent.start, sent.end)
            if match is not None and match.code is not None:
                yield RawTrigger(tok, span, match)
        elif tok.pos_ in {"NOUN", "PROPN"} and vd.nouns:
            entries = vd.nouns.get(tok.lower_, [])
            if not entries:
                continue
            fitting = [e for e in entries if m.entry_span(e, tok) is not None]
            if not fitting:
                continue
            fitting.sort(key=lambda e: -len(e.before))
            entry = fitting[0]
            if entry.code is None:
                continue
            span = m.entry_span(entry, tok) or (tok.i, tok.i + 1)
            yield RawTrigger(tok, span, Match(entry.code, entry.pair, None, entry), nominal=True)


def _key(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _discarded(tokens: Any, phrases: set[str]) -> bool:
    """True when a discard phrase (normalised as the actor KB keys it) starts at a token."""
    longest = max((len(p) for p in phrases), default=0)
    keys = [_key(t.text) for t in tokens]
    for i in range(len(keys)):
        acc = ""
        for k in keys[i:]:
            acc += k
            if acc in phrases:
                return True
            if len(acc) >= longest:
                break
    return False


def code_item(
    item: AnalyzedArticle,
    vd: VerbDictionary,
    *,
    kb: ActorKB | None = None,
    require_dyad: bool = False,
    intent_codes: bool = True,
) -> list[Event]:
    """Code the events of one parsed article (the stage body, usable without Resources).

    ``intent_codes``: an act announced with "will"/"plans to" gets CAMEO's intent, threat or
    refusal code (03/13/12); PETRARCH dictionaries code such wording with their own patterns."""
    doc = item.doc
    if doc is None:
        return []
    events: list[Event] = []
    seen: set[tuple[Any, ...]] = set()
    story_discards: set[str] = kb.story_discards if kb is not None else set()
    discards: set[str] = kb.discards if kb is not None else set()
    if story_discards and _discarded(doc, story_discards):
        return []  # a PETRARCH story discard ("World Golf Championships"): not political news
    m = Matcher(doc, vd)
    actors = Parties(item, item.date, kb)
    for sent_i, sent in enumerate(doc.sents):
        sentence = (
            item.sentences[sent_i] if sent_i < len(item.sentences) else item.sentence_at(sent.start_char)
        )
        if sentence is None:
            continue
        if discards and _discarded(sent, discards):
            continue
        raws = list(triggers(item, vd, m, sent))
        coded_heads = {r.tok.i for r in raws if not r.nominal}
        object_of_coded = set()
        for r in raws:
            if not r.nominal and r.match.pattern is not None:
                for t in r.tok.subtree:
                    if t.i != r.tok.i:
                        object_of_coded.add(t.i)
        for raw in raws:
            tok = raw.tok
            if not raw.nominal and tok.dep_ == "xcomp" and tok.head.i in coded_heads:
                continue  # absorbed by the governing verb's pattern ("urged Bree to help")
            if raw.nominal and tok.i in object_of_coded:
                continue  # "hosted earlier meetings": the host verb codes it
            if raw.nominal and tok.head.i in coded_heads and tok.dep_ in {"dobj", "obj"}:
                continue
            events.extend(
                _events_for(item, raw, actors, sentence, seen, require_dyad, intent_codes, vd.lemma_fallback)
            )
    return events


def _events_for(
    item: AnalyzedArticle,
    raw: RawTrigger,
    actors: Parties,
    sentence: Any,
    seen: set[tuple[Any, ...]],
    require_dyad: bool,
    intent_codes: bool,
    strict: bool = False,
) -> list[Event]:
    tok, match = raw.tok, raw.match
    doc = item.doc
    code = match.code
    assert code is not None
    slots = match.slots
    compound = "comp" in slots and slots["comp"][1] <= raw.span[0]
    # --- sources
    if "src" in slots:
        s, e = slots["src"]
        sources = actors.refs([doc[s:e].root])
    elif raw.nominal:
        src_heads, _, compound = nominal_roles(tok)
        sources = actors.refs([h for head in src_heads for h in conjuncts(head)])
        if not sources or (compound and len(sources) < 2):
            return []
    else:
        subj, passive = subjects(tok)
        agent_heads = [o for c in tok.children if c.dep_ == "agent" for o in pobjs(c)]
        if passive and agent_heads:
            sources = actors.refs(agent_heads)
        elif passive and "tgt" not in slots:
            sources = []
        else:
            sources = actors.refs([h for head in subj for h in conjuncts(head)])
            # "Ethiopia indicated it would act", "Iraq announced that it is prepared to impose":
            # an unresolved pronoun subject is the subject of the clause that embeds it
            cur, hops = tok, 0
            while not sources and subj and all(h.pos_ == "PRON" for h in subj) and hops < 4:
                while cur.dep_ in {"xcomp", "acomp", "conj"} and cur.head is not cur:
                    cur = cur.head
                if cur.dep_ not in {"ccomp", "xcomp"} or cur.head is cur:
                    break
                cur, hops = cur.head, hops + 1
                subj, _ = subjects(cur)
                sources = actors.refs([h for head in subj for h in conjuncts(head)])
    # --- targets
    targets: list[tuple[ActorRef, Any]] = []
    if "tgt" in slots:
        s, e = slots["tgt"]
        targets = actors.refs([doc[s:e].root])
    elif "comp" in slots and not compound:
        s, e = slots["comp"]
        targets = actors.refs(conjuncts(doc[s:e].root))
    elif raw.nominal:
        _, groups, _ = nominal_roles(tok)
        for g in groups:
            targets = [t for t in actors.refs(g) if t[0].actor_id not in {s[0].actor_id for s in sources}]
            if targets:
                break
    else:
        subj, passive = subjects(tok)
        skip = {h.i for h in subj}
        if passive and "src" not in slots:
            agent_heads = [o for c in tok.children if c.dep_ == "agent" for o in pobjs(c)]
            if agent_heads or not sources:
                targets = actors.refs([h for head in subj for h in conjuncts(head)])
        if not targets:
            skip |= {c.i for c in tok.children if c.dep_ == "agent"}
            src_ids = {s[0].actor_id for s in sources}
            fallback: list[tuple[ActorRef, Any]] = []
            for group in target_heads(tok, skip):
                found = [t for t in actors.refs(group) if t[0].actor_id not in src_ids]
                if found and all(t[0].country is None and t[0].sector for t in found) and not fallback:
                    fallback = found  # "send troops to the border with India": troops are no target
                    continue
                if found:
                    targets = found
                    break
            targets = targets or fallback
            if not targets:
                skip_sub = {x.i for h in subj for x in h.subtree}
                targets = [t for t in actors.first_in(tok, skip_sub) if t[0].actor_id not in src_ids]
    if code[:3] in VISIT_ROOTS and not raw.nominal:
        targets = [(actors.visited(ref, head), head) for ref, head in targets]
    # a cooperative act without its agent is doubtful ("the wave traveled to Guadeloupe")
    agentless = not sources and strict and code[:2] <= "08" and not raw.nominal and not subjects(tok)[1]
    # --- pairs
    pairs: list[tuple[ActorRef | None, ActorRef | None, str]] = []
    if len(sources) > 1 and not targets and match.pair is not None:
        compound = True  # "Gondor and Osgiliath have renewed diplomatic ties" [064:064]
    if compound and len(sources) > 1:
        for first, _ in sources:
            for second, _ in sources:
                if first.actor_id != second.actor_id:
                    pairs.append((first, second, code))
    else:
        src_list: list[ActorRef | None] = [s for s, _ in sources] or [None]
        tgt_list: list[ActorRef | None] = [t for t, _ in targets] or [None]
        for src in src_list:
            for tgt in tgt_list:
                if src is not None and tgt is not None and src.actor_id == tgt.actor_id:
                    continue
                pairs.append((src, tgt, code))
                if match.pair and src is not None and tgt is not None:
                    pairs.append((tgt, src, match.pair))
    negated, hypothetical, intent = modality(tok) if not raw.nominal else (False, False, False)
    if intent and intent_codes:
        pairs = [(a, b, intent_code(c, negated)) for a, b, c in pairs]
    # "staged rallies", "held talks": the noun is the event the light verb reports
    light = raw.nominal and tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in LIGHT_VERBS
    depth = clause_depth(tok.head if light else tok)
    start_c, end_c = actors.chars(raw.span[0], raw.span[1])
    trigger = text_of(doc)[start_c:end_c]
    date, precision = date_for_span(item, start_c, end_c)
    place = place_for_span(item, start_c, end_c)
    reported_by = _reported_by(item, start_c)
    out: list[Event] = []
    for a, b, c in pairs:
        if a is None and b is None:
            continue
        if require_dyad and (a is None or b is None):
            continue
        key = (start_c, c, a.actor_id if a else None, b.actor_id if b else None)
        if key in seen:
            continue
        seen.add(key)
        info = lookup(c)
        conf = 0.5 + (0.15 if match.pattern is not None else 0.0) + (0.15 if a and b else 0.0)
        conf -= (
            (0.15 if raw.nominal and not light else 0.0)
            + min(0.2, 0.05 * depth)
            + (0.2 if agentless else 0.0)
        )
        out.append(
            Event(
                event_id=event_id(
                    item.article.article_id,
                    (start_c, end_c),
                    c,
                    a.actor_id if a else None,
                    b.actor_id if b else None,
                ),
                provenance=item.provenance(sentence, (start_c, end_c), NAME, reported_by),
                trigger=trigger,
                cameo_code=c,
                cameo_root=info.root,
                quad_class=info.quad_class,
                goldstein=info.goldstein,
                plover_type=info.plover_type,
                plover_mode=info.plover_mode,
                source=a,
                target=b,
                date=date,
                date_precision=precision,
                location=place,
                negated=negated,
                hypothetical=hypothetical,
                confidence=round(max(0.05, min(conf, 0.95)), 2),
            )
        )
    return out


def _reported_by(item: AnalyzedArticle, offset: int) -> tuple[ActorRef, ...]:
    reporters = tuple(item.reporters)
    for st in item.statements:
        cs, ce = st.content_span
        if cs <= offset < ce and st.speaker is not None:
            rest = tuple(r for r in reporters if r.actor_id != st.speaker.actor_id)
            return (st.speaker, *rest)
    return reporters
