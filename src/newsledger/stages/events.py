"""Code who did what to whom as CAMEO/PLOVER events, over spaCy's dependency parse.

The stage ``newsledger.events.v1`` finds event triggers (verbs, and nouns such as "meeting" or
"visit") in a verb dictionary — PETRARCH's format when ``--dictionaries DIR`` is given, our
shipped ``verbs_default.yaml`` otherwise — picks the first matching pattern of the verb's
block, and takes source and target from the parse rather than from word order:

* subjects, climbing through ``xcomp``/``conj``/purpose clauses ("is about to restore",
  "condemned ... and promised"); passives swap roles ("was attacked by X": X is the source);
* targets from the object, the dative, prepositional objects ("met with", "traveled to Tehran")
  and complement clauses ("believes Dagolath can cope");
* coordinated actors give one event each ("Iran and Russia condemned ..."); paired codes
  ("032:033" visit / receive a visit) and compound ``%`` patterns give both directions;
* nominal events: "Baradar's second visit to Iran", "the meeting with the Taliban",
  "negotiations between Iran and the Taliban".

Each event carries modality (negated, hypothetical), date (``dates.date_for_span``), place
(``places.place_for_span``) and who reports it: an event inside a statement's content is a
claim of that statement's speaker, before the article's own reporters.  With our default
patterns an act announced ("will give aid", "plans to attack", "refused to release") takes
CAMEO's intent, threat or refusal code (03 / 13 / 12); PETRARCH dictionaries code such
wording with their own patterns.

Options (``PipelineConfig.options``): ``require_dyad`` (drop events without both actors,
default False), ``intent_codes`` (default: on without ``--dictionaries``), ``verb_defaults``
(add our patterns to user dictionaries, default: off when dictionaries are given).
``confidence`` is a heuristic in [0.05, 0.95]: higher for a matched pattern and a full dyad,
lower for nominal triggers, embedded clauses and cooperative acts without an agent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..knowledge.cameo import lookup
from ..knowledge.petrarch_verbs import Item, VerbDictionary, VerbEntry, VerbPattern, load_verbs
from ..models import Actor, ActorRef, AnalyzedArticle, Event, Mention, Place
from ..pipeline import Resources, stage
from .nlp import text_of

__all__ = ["NAME", "code_events", "code_item", "event_id", "verbs_for"]

NAME = "newsledger.events.v1"

MODALS = {"would", "could", "might", "may", "should", "will", "shall", "can", "must", "'ll", "wo", "ca"}
INTENT_HEADS = {
    "plan", "intend", "want", "hope", "seek", "aim", "vow", "pledge", "promise", "offer", "agree",
    "decide", "prepare", "expect", "threaten", "try", "attempt", "propose", "wish", "need", "consider",
    "mull", "about", "ready", "willing", "likely", "set", "going", "urge", "call", "ask", "demand",
    "warn", "refuse", "decline", "fail", "reject", "prepared", "determined", "determine", "eager", "keen",
}  # fmt: skip
NEGATING_HEADS = {"refuse", "decline", "fail", "reject", "deny"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJ_DEPS = {"dobj", "obj", "dative", "attr", "oprd"}
CLIMB_DEPS = {"xcomp", "conj", "acomp", "advcl", "pcomp"}
TARGET_PREPS = {
    "with", "to", "against", "at", "on", "for", "from", "into", "toward", "towards", "in", "upon",
    "over", "about", "of", "between", "among", "near", "by",
}  # fmt: skip
VISIT_ROOTS = {"042", "043", "044"}
MAX_PHRASE_RESOLUTIONS = 1000
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
PARTICLES = {
    "for", "to", "with", "on", "up", "out", "down", "off", "over", "back", "in", "into", "upon", "about",
    "away", "around", "through", "by", "at", "from", "against",
}  # fmt: skip
PEOPLE_NOUNS = {
    "official", "leader", "member", "representative", "delegation", "delegate", "envoy", "minister",
    "lawmaker", "legislator", "soldier", "troop", "force", "people", "citizen", "resident", "activist",
    "authority", "government", "ambassador", "diplomat", "spokesman", "spokeswoman", "spokesperson",
    "head", "chief", "president", "militant", "fighter", "rebel", "police", "officer", "army",
    "supporter", "protester", "demonstrator", "worker", "student", "cleric", "team", "side", "ministry",
    "agency", "council", "court", "parliament", "party", "group", "faction", "militia", "navy", "unit",
}  # fmt: skip
NP_CUT_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj", "prep", "advcl", "ccomp"}


# --------------------------------------------------------------------------- resources


def verbs_for(res: Resources) -> VerbDictionary:
    """The verb dictionary of this configuration: user dictionaries, else our defaults."""
    cfg = res.config
    folder = cfg.dictionaries
    with_defaults = bool(cfg.option("verb_defaults", folder is None))
    key = f"events.verbs:{folder}:{with_defaults}"
    return res.cached(key, lambda: load_verbs(folder, with_defaults=with_defaults))


def event_id(
    article_id: str, span: tuple[int, int], code: str, source: str | None, target: str | None
) -> str:
    raw = f"{article_id}|{span[0]}:{span[1]}|{code}|{source or '-'}|{target or '-'}"
    return "ev_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- pattern matching


@dataclass
class _Match:
    code: str | None
    pair: str | None
    pattern: VerbPattern | None
    entry: VerbEntry
    slots: dict[str, tuple[int, int]] = field(default_factory=dict)  # token spans of $, +, %


class _Matcher:
    """Matches PETRARCH-style patterns around one trigger token of a parsed doc."""

    def __init__(self, doc: Any, vd: VerbDictionary) -> None:
        self.doc = doc
        self.vd = vd
        self.lower = [t.lower_ for t in doc]
        # Our news patterns name the verb's own object ("imposed sanctions"): a following word
        # must come within a few tokens. PETRARCH patterns may reach anywhere in the phrase.
        self.window: int | None = 6 if vd.lemma_fallback else None
        self.chunk_end: dict[int, int] = {}
        try:
            for nc in doc.noun_chunks:
                self.chunk_end[nc.start] = nc.end
        except (ValueError, NotImplementedError):  # no parser: slots match single nouns only
            pass

    # -- single items
    def _np_at(self, p: int, limit: int) -> int | None:
        end = self.chunk_end.get(p)
        if end is not None and end <= limit:
            return end
        tok = self.doc[p]
        if tok.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
            return p + 1
        return None

    def _item_at(self, item: Item, p: int, limit: int) -> int | None:
        """End position when ``item`` matches at token ``p`` (not beyond ``limit``), else None."""
        if p >= limit:
            return None
        if item.kind == "word":
            return p + 1 if self.lower[p] == item.value else None
        if item.kind == "syn":
            for member in self.vd.synsets.get(item.value, ()):
                n = len(member)
                if n and p + n <= limit and tuple(self.lower[p : p + n]) == member:
                    return p + n
            return None
        end = self._np_at(p, limit)  # $ + % ^ : a noun phrase
        coordinated = end is not None and any(c.dep_ == "conj" for t in self.doc[p:end] for c in t.children)
        if item.kind == "comp" and not coordinated:  # % : a compound actor ("Gondor and Osgiliath")
            return None
        return end

    def _seq(
        self,
        items: Sequence[Item],
        i: int,
        pos: int,
        limit: int,
        first_fixed: bool,
        end_fixed: bool,
        window: int | None = None,
    ) -> dict[str, tuple[int, int]] | None:
        if i == len(items):
            return {} if (not end_fixed or pos == limit) else None
        item = items[i]
        fixed = item.adjacent or (i == 0 and first_fixed)
        reach = limit if window is None else min(limit, pos + window)
        starts: Iterable[int] = [pos] if fixed else range(pos, reach)
        for p in starts:
            end = self._item_at(item, p, limit)
            if end is None:
                continue
            rest = self._seq(items, i + 1, end, limit, False, end_fixed, window)
            if rest is not None:
                if item.kind in {"src", "tgt", "comp"}:
                    rest = {**rest, item.kind: (p, end)}
                return rest
        return None

    def match(
        self, pat: VerbPattern, lo: int, v_start: int, v_end: int, hi: int
    ) -> dict[str, tuple[int, int]] | None:
        pre = self._seq(pat.pre, 0, lo, v_start, False, pat.pre_adjacent) if pat.pre else {}
        if pre is None:
            return None
        post = self._seq(pat.post, 0, v_end, hi, pat.post_adjacent, False, self.window) if pat.post else {}
        if post is None:
            return None
        return {**pre, **post}

    # -- entries
    def entry_span(self, entry: VerbEntry, tok: Any) -> tuple[int, int] | None:
        """Token span of a (multi-word) entry around ``tok``, or None when it does not fit."""
        start, end = tok.i, tok.i + 1
        if entry.before:
            n = len(entry.before)
            if start - n < 0 or tuple(self.lower[start - n : start]) != entry.before:
                return None
            start -= n
        if entry.after:
            # a particle or preposition touches the verb ("called for", "leave for"); a fixed
            # object may follow a determiner or an adjective ("held direct talks")
            pos = end
            for word in entry.after:
                found = None
                for q in range(pos, min(pos + 3, len(self.doc))):
                    if self.lower[q] == word or self.doc[q].lemma_.lower() == word:
                        found = q
                        break
                    if self.doc[q].pos_ not in {"DET", "ADJ", "ADV", "NUM"} or word in PARTICLES:
                        break
                if found is None:
                    return None
                pos = found + 1
            end = pos
        return start, end

    def code(
        self, tok: Any, entries: Sequence[VerbEntry], lo: int, hi: int
    ) -> tuple[_Match | None, tuple[int, int]]:
        fitting: list[tuple[VerbEntry, tuple[int, int]]] = []
        for entry in entries:
            span = self.entry_span(entry, tok)
            if span is not None:
                fitting.append((entry, span))
        if not fitting:
            return None, (tok.i, tok.i + 1)
        fitting.sort(key=lambda es: -(len(es[0].before) + len(es[0].after)))
        best_len = len(fitting[0][0].before) + len(fitting[0][0].after)
        tried: set[str] = set()
        for entry, span in fitting:
            if entry.block in tried:
                continue
            tried.add(entry.block)
            for pat in self.vd.patterns.get(entry.block, ()):
                slots = self.match(pat, lo, span[0], span[1], hi)
                if slots is not None:
                    return _Match(pat.code, pat.pair, pat, entry, slots), span
        particles = {
            c.lower_
            for c in tok.children
            if c.dep_ == "prt" and not (c.i + 1 < len(self.doc) and self.lower[c.i + 1] == "to")
        }  # "kidnapped up to 16": no particle
        for entry, span in fitting:
            if len(entry.before) + len(entry.after) < best_len:
                break
            if particles - set(entry.after) and self.vd.lemma_fallback:
                continue  # a phrasal verb we do not list: "gave up" is not "gave"
            if entry.code is not None:
                return _Match(entry.code, entry.pair, None, entry), span
        return _Match(None, None, None, fitting[0][0]), fitting[0][1]


# --------------------------------------------------------------------------- structure


def _subjects(tok: Any, depth: int = 0) -> tuple[list[Any], bool]:
    """Subject heads of a verb (climbing through xcomp/conj/...), and whether it is passive."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
    subs = [c for c in tok.children if c.dep_ in SUBJ_DEPS]
    if subs:
        return subs, passive
    if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return [tok.head], passive
    if tok.dep_ == "acl" and any(c.lower_ == "to" for c in tok.children):
        owners = [c for c in tok.head.children if c.dep_ == "poss"]  # "the Taliban's willingness to protect"
        if owners:
            return owners, passive
    if tok.dep_ in CLIMB_DEPS and tok.head != tok and depth < 4:
        if tok.dep_ == "advcl" and not any(c.lower_ == "to" for c in tok.children):
            return [], passive
        if tok.dep_ == "xcomp":  # object control: "urged Bree to help" -> Bree
            objs = [c for c in tok.head.children if c.dep_ in {"dobj", "obj"}]
            if objs and tok.head.lemma_ in {
                "urge",
                "ask",
                "force",
                "order",
                "persuade",
                "encourage",
                "invite",
            }:
                return objs, passive
        up, _ = _subjects(tok.head, depth + 1)
        return up, passive
    return [], passive


def _conjuncts(tok: Any) -> list[Any]:
    """``tok`` and the members coordinated with it, including list members the parser hung as
    appositions ("Mordor, the Shire, Fornost and Bree")."""
    nominal = {"NOUN", "PROPN", "PRON"}
    out = [tok] + [c for c in tok.conjuncts if c.pos_ in nominal]
    for c in tok.children:  # "Arnor, Calenardhon and the evil Gondor": a list parsed as a modifier
        if _listy_modifier(c):
            out.extend([c] + [x for x in c.conjuncts if x.pos_ in nominal])
    appos = [c for m in out for c in m.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}]
    for a in appos:
        members = [a] + [c for c in a.conjuncts if c.pos_ in nominal]
        if len(out) > 1 or len(members) > 1:  # a list, not "Shamkhani, the Secretary of ..."
            out.extend(members)
    seen: set[int] = set()
    uniq = []
    for t in sorted(out, key=lambda t: t.i):
        if t.i not in seen:
            seen.add(t.i)
            uniq.append(t)
    return uniq


def _listy_modifier(c: Any) -> bool:
    return c.dep_ in {"nmod", "compound"} and c.pos_ == "PROPN" and any(x.dep_ == "conj" for x in c.children)


def _np_span(tok: Any) -> tuple[int, int]:
    """Token span of the noun phrase headed by ``tok``, without clauses, appositions and PPs."""
    start, end = tok.i, tok.i + 1
    for child in tok.children:
        if child.dep_ in NP_CUT_DEPS or _listy_modifier(child):
            continue
        sub = list(child.subtree)
        if child.i < tok.i:
            start = min(start, sub[0].i)
        else:
            end = max(end, sub[-1].i + 1)
    return start, end


def _pobjs(prep: Any) -> list[Any]:
    out: list[Any] = []
    for c in prep.children:
        if c.dep_ in {"pobj", "pcomp"}:
            out.extend(_conjuncts(c))
    return out


def _clause_targets(clause: Any) -> list[list[Any]]:
    """Subjects, agents and objects of a clause that hangs on an object ("hopes that X could",
    "memos sent by Bree", "roads leading into Mordor")."""
    groups: list[list[Any]] = []
    for s in clause.children:
        if s.dep_ in SUBJ_DEPS:
            groups.append(_conjuncts(s))
    for s in clause.children:
        if s.dep_ == "agent" or (s.dep_ == "prep" and s.lower_ in TARGET_PREPS):
            groups.append(_pobjs(s))
        elif s.dep_ in {"dobj", "obj"}:
            groups.append(_conjuncts(s))
    return groups


def _target_heads(tok: Any, skip: set[int], depth: int = 0) -> list[list[Any]]:
    """Candidate target groups in order of preference: objects, then prepositional objects."""
    groups: list[list[Any]] = []
    children = list(tok.children)
    for c in children:
        if c.dep_ in OBJ_DEPS and c.i not in skip:
            for p in c.children:  # "condemned an attack by Osgiliath soldiers": the attackers
                if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by"):
                    groups.append(_pobjs(p))
            groups.append(_conjuncts(c))
    for c in children:
        if c.dep_ in OBJ_DEPS and c.i not in skip:  # "restore ties with Gondor", "an attack by X"
            for p in c.children:
                if (p.dep_ == "prep" and p.lower_ in TARGET_PREPS) or p.dep_ == "agent":
                    groups.append(_pobjs(p))
                elif p.dep_ in {"acl", "relcl", "ccomp"}:
                    groups.extend(_clause_targets(p))
    for c in children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in TARGET_PREPS and c.i not in skip:
            groups.append(_pobjs(c))
            for obj in _pobjs(c):  # "clashed over the efforts of Eriadori"
                for p in obj.children:
                    if p.dep_ == "prep" and p.lower_ in TARGET_PREPS:
                        groups.append(_pobjs(p))
                    elif p.dep_ in {"acl", "relcl"}:
                        groups.extend(_clause_targets(p))
        if c.dep_ == "prt":
            for p in c.children:
                if p.dep_ == "prep":
                    groups.append(_pobjs(p))
    for c in children:
        if c.dep_ in {"ccomp", "xcomp"} and c.i > tok.i:  # "believes Dagolath and Osgiliath can cope"
            subs = [s for s in c.children if s.dep_ in SUBJ_DEPS and s.i > tok.i]
            for s in subs:
                groups.append(_conjuncts(s))
            if depth < 2:  # "vowed to wage war on the Rohans"
                groups.extend(_target_heads(c, skip, depth + 1))
    return [g for g in groups if g]


# --------------------------------------------------------------------------- actors


class _Actors:
    """Actor lookups for token heads: mentions first, then the actors stage's phrase resolver,
    then the country of a place ("traveled to Tehran" -> Iran)."""

    def __init__(self, item: AnalyzedArticle, day: str | None) -> None:
        self.item = item
        self.doc = item.doc
        self.day = day
        self._resolve: Any = None
        self._resolved: dict[tuple[int, int], ActorRef | None] = {}
        self.resolving = True  # off while scanning a clause for its first named actor
        # resolve_phrase keeps one resolver per article, so a phrase costs little; the budget
        # only guards against a pathological document (the 40 longest corpus articles use <= 182)
        self.budget = MAX_PHRASE_RESOLUTIONS
        try:
            from .actors import resolve_phrase

            self._resolve = resolve_phrase
        except ImportError:  # the actors stage is optional here
            self._resolve = None

    def chars(self, start: int, end: int) -> tuple[int, int]:
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    def mention(self, cs: int, ce: int) -> Mention | None:
        """The longest resolved mention overlapping ``[cs, ce)``; on a tie, the agent reading
        ("Osgiliath" in "the ambassadors of Arnor, Osgiliath and Gondor" -> OSGGOV)."""
        best: Mention | None = None
        for m in self.item.mentions:
            if not m.actor_id or m.end <= cs or m.start >= ce:
                continue
            if best is None:
                best = m
                continue
            size, best_size = m.end - m.start, best.end - best.start
            if size > best_size or (size == best_size and "agent" in m.method and "agent" not in best.method):
                best = m
        return best

    def ref_for_span(self, start: int, end: int, *, places: bool = True) -> ActorRef | None:
        cs, ce = self.chars(start, end)
        m = self.mention(cs, ce)
        ref = self.item.actor_ref(m.actor_id, self.day) if m is not None else None
        if ref is None and self._resolve is not None and self.resolving:
            if (cs, ce) not in self._resolved:  # the phrase resolver is costly: once per phrase
                resolved = None
                if self.doc[start:end].root.pos_ == "NOUN" and self.budget > 0:  # "Iranian officials"
                    self.budget -= 1
                    try:
                        resolved = self._resolve(self.item, cs, ce)
                    except Exception:  # a resolver failure must not lose the event
                        resolved = None
                self._resolved[(cs, ce)] = resolved
            ref = self._resolved[(cs, ce)]
        if ref is None:
            ref = self._demonym_ref(start, end)
        if ref is None and places:
            ref = self._country_of_place(cs, ce)
        return ref

    def _demonym_ref(self, start: int, end: int) -> ActorRef | None:
        """ "Israeli jets", "Russian warplanes": a nationality on a phrase the actors stage left
        unresolved stands for its country (as PETRARCH codes it)."""
        kb: Any = self.item.notes.get("newsledger.actors.kb")
        lookup = getattr(kb, "lookup_exact", None)
        if kb is None or lookup is None:
            return None
        for t in self.doc[start:end]:
            if t.dep_ not in {"amod", "compound", "nmod"} or t.ent_type_ not in {"NORP", "GPE"}:
                continue
            hit = lookup(t.text)
            if hit is None or getattr(hit, "how", "") not in {"demonym", "country"}:
                continue
            actor = kb.actors.get(hit.actor_id)
            if actor is not None:
                self.item.actors.setdefault(actor.actor_id, actor)
                ref: ActorRef = actor.ref_on(self.day)
                return ref
        return None

    def refs(self, heads: Iterable[Any]) -> list[tuple[ActorRef, Any]]:
        out: list[tuple[ActorRef, Any]] = []
        for h in heads:
            if h.tag_ in {"WDT", "WP"}:  # "who" in a relative clause: its antecedent
                continue
            start, end = _np_span(h)
            ref = self.ref_for_span(start, end)
            if ref is None and h.lower_ in FIRST_PERSON:
                ref = self.speaker_at(h.idx)  # "I found ...", Shamkhani tweeted: I = Shamkhani
            if ref is None:
                if h.lemma_.lower() not in PEOPLE_NOUNS:
                    continue  # "jurisdiction of the Schiavo case" is not the Schiavo family
                for p in h.children:  # "officials from Gondor", "lawmakers in Fornost and Gondor"
                    if p.dep_ == "prep" and p.lower_ in {"of", "from", "in"}:
                        for obj in _pobjs(p):
                            s2, e2 = _np_span(obj)
                            r2 = self.ref_for_span(s2, e2)
                            if r2 is not None:
                                out.append((r2, obj))
                continue
            out.append((ref, h))
            if ref.sector:  # "the ambassadors of Arnor, Osgiliath and Gondor": the agent carries over
                for p in h.children:
                    if p.dep_ == "prep" and p.lower_ in {"of", "from", "in"}:
                        for obj in _pobjs(p)[1:]:
                            cs, ce = self.chars(*_np_span(obj))
                            m = self.mention(cs, ce)
                            if m is not None and "agent" in m.method:
                                r2 = self.item.actor_ref(m.actor_id, self.day)
                                if r2 is not None:
                                    out.append((r2, obj))
        seen: set[str] = set()
        uniq = []
        for ref, h in out:
            if ref.actor_id not in seen:
                seen.add(ref.actor_id)
                uniq.append((ref, h))
        return uniq

    def speaker_at(self, offset: int) -> ActorRef | None:
        """The speaker of the statement whose quoted or reported content covers ``offset``."""
        for st in self.item.statements:
            cs, ce = st.content_span
            if cs <= offset < ce and st.speaker is not None:
                return st.speaker
        return None

    def first_in(self, tok: Any, exclude: set[int]) -> list[tuple[ActorRef, Any]]:
        """The first actor named after ``tok`` inside its clause, as PETRARCH takes the first
        actor of the verb phrase; clauses of their own ("after crowds trashed ...") excluded."""
        blocked: set[int] = set(exclude)
        for d in tok.subtree:
            if d is tok:
                continue
            own_clause = d.dep_ in {"advcl", "relcl", "ccomp", "parataxis"} and any(
                c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in d.children
            )
            if own_clause:
                blocked |= {x.i for x in d.subtree}
        self.resolving = False
        try:
            for d in tok.subtree:
                if d.i <= tok.i or d.i in blocked or d.pos_ not in {"PROPN", "NOUN"}:
                    continue
                if d.dep_ in {"compound", "flat", "amod", "nmod", "nummod", "det"} and d.head.i > d.i:
                    continue  # "Minas" of "Minas Tirith and Osgiliath": take the phrase's head
                found = self.refs([d])
                if found:
                    extra = self.refs([c for c in d.conjuncts if c.i > d.i and c.i not in blocked])
                    return found + [x for x in extra if x[0].actor_id not in {f[0].actor_id for f in found}]
            return []
        finally:
            self.resolving = True

    def _place_at(self, cs: int, ce: int) -> Place | None:
        for pm in self.item.places:
            if pm.place is not None and pm.start < ce and cs < pm.end and pm.place.country:
                return pm.place
        return None

    def _country_of_place(self, cs: int, ce: int) -> ActorRef | None:
        place = self._place_at(cs, ce)
        return self.country_ref(place.country) if place is not None and place.country else None

    def country_ref(self, iso: str) -> ActorRef | None:
        """The country actor for an ISO code: from the article, else from the actor KB."""
        for actor in self.item.actors.values():
            if actor.kind == "country" and actor.country == iso and not actor.sector:
                return actor.ref_on(self.day)
        kb: Any = self.item.notes.get("newsledger.actors.kb")
        actor_id = getattr(kb, "country_ids", {}).get(iso) if kb is not None else None
        found: Actor | None = kb.actors.get(actor_id) if kb is not None and actor_id else None
        if found is None:
            return None
        self.item.actors.setdefault(found.actor_id, found)  # as resolve_phrase does
        ref: ActorRef = found.ref_on(self.day)
        return ref

    def visited(self, ref: ActorRef, head: Any) -> ActorRef:
        """A city visited stands for its country ("traveled to Tehran" -> Iran), not its
        government, which the capital's name alone would give."""
        start, end = _np_span(head)
        cs, ce = self.chars(start, end)
        place = self._place_at(cs, ce)
        if place is None or place.feature == "country" or not place.country:
            return ref
        return self.country_ref(place.country) or ref


# --------------------------------------------------------------------------- modality


INTENT_MODALS = {"will", "would", "shall", "'ll", "wo"}
INTENT_VERBS = {
    "plan", "intend", "prepare", "prepared", "ready", "willing", "vow", "pledge", "promise", "offer",
    "threaten", "decide", "going", "aim", "swear", "expect", "set", "determined", "determine",
}  # fmt: skip


def _modality(tok: Any) -> tuple[bool, bool, bool]:
    """(negated, hypothetical, intent): "did not meet", "could attack", "will / plans to meet"."""
    negated = any(c.dep_ == "neg" for c in tok.children)
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    hypothetical = bool(aux & MODALS)
    intent = bool(aux & INTENT_MODALS)
    hypothetical = hypothetical or any(
        c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in tok.children
    )
    head, cur, hops = tok.head, tok, 0
    while cur.dep_ in {"xcomp", "acomp", "ccomp", "advcl"} and head != cur and hops < 3:
        if cur.dep_ == "advcl" and not any(c.lower_ == "to" for c in cur.children):
            break
        lemma = head.lemma_.lower()
        if cur.dep_ == "ccomp" and lemma not in INTENT_HEADS:
            break  # "X said Y will ...": Y's own modality only
        if lemma in INTENT_HEADS or cur.dep_ == "acomp":
            hypothetical = True
            intent = intent or lemma in INTENT_VERBS
        if lemma in NEGATING_HEADS:
            negated = intent = True  # "refused to release", "failed to reach agreement"
        head_aux = {c.lower_ for c in head.children if c.dep_ == "aux"}
        if any(c.dep_ == "neg" for c in head.children) and cur.dep_ in {"xcomp", "acomp"}:
            negated = True
        if head_aux & MODALS and cur.dep_ in {"xcomp", "acomp"}:
            hypothetical = True
            intent = intent or bool(head_aux & INTENT_MODALS)
        cur, head, hops = head, head.head, hops + 1
    return negated, hypothetical, intent


# CAMEO's "express intent" codes: a cooperative act announced ("will give aid") is an intent to
# cooperate (03), a conflictual one ("would impose martial law") a threat (13); refusing a
# cooperative act ("will not allow inspectors") is a rejection (12).
INTENT_CODE = {
    "081": "0351", "0811": "0351", "0812": "0351", "0813": "0351", "0814": "0351", "082": "0352",
    "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344", "084": "0353",
    "0841": "0353", "0842": "0353", "085": "0354", "086": "0355", "0861": "0355", "0862": "0355",
    "0863": "0355", "087": "0356", "0871": "0356", "0872": "0356", "0873": "0356", "0874": "0356",
    "061": "0311", "062": "0312", "063": "0313", "064": "0314", "071": "0331", "072": "0332",
    "073": "0333", "074": "0334", "045": "039", "046": "036",
    "160": "1313", "161": "1313", "162": "1311", "1621": "1311", "1622": "1311", "1623": "1311",
    "163": "1312", "164": "134", "165": "135", "166": "136", "1661": "136", "1662": "136",
    "1663": "136", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "175": "137", "191": "1381", "192": "1382", "204": "1385", "2041": "1385", "2042": "1385",
}  # fmt: skip
INTENT_ROOT = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133", "15": "138",
    "16": "131", "17": "130", "18": "1383", "19": "1384", "20": "1383",
}  # fmt: skip
REFUSAL_CODE = {
    "061": "1211", "062": "1212", "063": "1213", "064": "1214", "071": "1221", "072": "1222",
    "073": "1223", "074": "1224", "081": "1241", "082": "1242", "083": "123", "084": "1243",
    "0841": "1243", "0842": "1243", "085": "1244", "086": "1245", "0861": "1245", "0862": "1245",
    "0863": "1245", "087": "1246", "0871": "1246", "0872": "1246",
}  # fmt: skip
REFUSAL_ROOT = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}


def intent_code(code: str, negated: bool) -> str:
    """The CAMEO code of an announced act: intent (03), threat (13) or refusal (12)."""
    root = code[:2]
    if negated:
        return REFUSAL_CODE.get(code) or REFUSAL_ROOT.get(root) or code
    return INTENT_CODE.get(code) or INTENT_ROOT.get(root) or code


def _clause_depth(tok: Any) -> int:
    depth, cur, hops = 0, tok, 0
    while cur.head is not cur and hops < 12:
        if cur.dep_ in {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "pcomp"}:
            depth += 1
        cur, hops = cur.head, hops + 1
    return depth


# --------------------------------------------------------------------------- the stage


@dataclass
class _Raw:
    tok: Any
    span: tuple[int, int]  # token span of the trigger
    match: _Match
    nominal: bool = False


def _triggers(item: AnalyzedArticle, vd: VerbDictionary, m: _Matcher, sent: Any) -> Iterator[_Raw]:
    for tok in sent:
        if tok.tag_.startswith("VB") or tok.pos_ in {"VERB", "AUX"}:
            entries = vd.candidates(tok.text, tok.lemma_)
            if not entries:
                continue
            match, span = m.code(tok, entries, sent.start, sent.end)
            if match is not None and match.code is not None:
                yield _Raw(tok, span, match)
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
            yield _Raw(tok, span, _Match(entry.code, entry.pair, None, entry), nominal=True)


LIGHT_VERBS = {
    "hold", "attend", "conduct", "launch", "stage", "carry", "make", "pay", "begin", "start", "join",
    "host", "organize", "organise", "lead", "continue", "resume", "end", "have", "mount", "wage",
}  # fmt: skip
EVENT_CONTEXT_PREPS = {"after", "during", "before", "at", "in", "following", "since"}


def _nominal_roles(tok: Any) -> tuple[list[Any], list[list[Any]], bool]:
    """Source and target heads of a nominal event ("Baradar's visit to Iran"), and whether the
    actors are a compound ("negotiations between Iran and the Taliban")."""
    sources = [c for c in tok.children if c.dep_ == "poss" and c.ent_type_ not in {"DATE", "TIME"}]
    sources += [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for o in _pobjs(c)]
    sources += [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    sources += [c for c in tok.children if c.dep_ == "amod" and c.ent_type_ == "NORP"]  # "Palestinian riots"
    targets: list[list[Any]] = []
    between: list[Any] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"between", "among"}:
            between.extend(_pobjs(c))
        elif c.dep_ == "prep" and c.lower_ in {"with", "to", "against", "on", "in", "at", "for", "of"}:
            targets.append(_pobjs(c))
    if len(between) > 1:
        return between, [], True
    if not sources or all(h.pos_ == "PRON" for h in sources):
        head = tok.head
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in EVENT_CONTEXT_PREPS:
            head = head.head  # "After the meeting with the Taliban, Shamkhani continued ..."
        elif not (tok.dep_ in {"dobj", "obj"} and head.lemma_.lower() in LIGHT_VERBS):
            head = None  # "held talks with": the verb's subject; otherwise no source
        if head is not None and head.pos_ in {"VERB", "AUX"}:
            sources = sources + _subjects(head)[0]  # "Israel mounted its invasion": its = Israel
    return sources, targets, False


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
    item: AnalyzedArticle, vd: VerbDictionary, *, require_dyad: bool = False, intent_codes: bool = True
) -> list[Event]:
    """Code the events of one parsed article (the stage body, usable without Resources).

    ``intent_codes``: an act announced with "will"/"plans to" gets CAMEO's intent, threat or
    refusal code (03/13/12); PETRARCH dictionaries code such wording with their own patterns."""
    doc = item.doc
    if doc is None:
        return []
    events: list[Event] = []
    seen: set[tuple[Any, ...]] = set()
    kb = item.notes.get("newsledger.actors.kb")
    story_discards: set[str] = set(getattr(kb, "story_discards", ()) or ())
    discards: set[str] = set(getattr(kb, "discards", ()) or ())
    if story_discards and _discarded(doc, story_discards):
        return []  # a PETRARCH story discard ("World Golf Championships"): not political news
    m = _Matcher(doc, vd)
    actors = _Actors(item, item.date)
    for sent_i, sent in enumerate(doc.sents):
        sentence = (
            item.sentences[sent_i] if sent_i < len(item.sentences) else item.sentence_at(sent.start_char)
        )
        if sentence is None:
            continue
        if discards and _discarded(sent, discards):
            continue
        raws = list(_triggers(item, vd, m, sent))
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
    raw: _Raw,
    actors: _Actors,
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
        src_heads, _, compound = _nominal_roles(tok)
        sources = actors.refs([h for head in src_heads for h in _conjuncts(head)])
        if not sources or (compound and len(sources) < 2):
            return []
    else:
        subj, passive = _subjects(tok)
        agent_heads = [o for c in tok.children if c.dep_ == "agent" for o in _pobjs(c)]
        if passive and agent_heads:
            sources = actors.refs(agent_heads)
        elif passive and "tgt" not in slots:
            sources = []
        else:
            sources = actors.refs([h for head in subj for h in _conjuncts(head)])
            # "Ethiopia indicated it would act", "Iraq announced that it is prepared to impose":
            # an unresolved pronoun subject is the subject of the clause that embeds it
            cur, hops = tok, 0
            while not sources and subj and all(h.pos_ == "PRON" for h in subj) and hops < 4:
                while cur.dep_ in {"xcomp", "acomp", "conj"} and cur.head is not cur:
                    cur = cur.head
                if cur.dep_ not in {"ccomp", "xcomp"} or cur.head is cur:
                    break
                cur, hops = cur.head, hops + 1
                subj, _ = _subjects(cur)
                sources = actors.refs([h for head in subj for h in _conjuncts(head)])
    # --- targets
    targets: list[tuple[ActorRef, Any]] = []
    if "tgt" in slots:
        s, e = slots["tgt"]
        targets = actors.refs([doc[s:e].root])
    elif "comp" in slots and not compound:
        s, e = slots["comp"]
        targets = actors.refs(_conjuncts(doc[s:e].root))
    elif raw.nominal:
        _, groups, _ = _nominal_roles(tok)
        for g in groups:
            targets = [t for t in actors.refs(g) if t[0].actor_id not in {s[0].actor_id for s in sources}]
            if targets:
                break
    else:
        subj, passive = _subjects(tok)
        skip = {h.i for h in subj}
        if passive and "src" not in slots:
            agent_heads = [o for c in tok.children if c.dep_ == "agent" for o in _pobjs(c)]
            if agent_heads or not sources:
                targets = actors.refs([h for head in subj for h in _conjuncts(head)])
        if not targets:
            skip |= {c.i for c in tok.children if c.dep_ == "agent"}
            src_ids = {s[0].actor_id for s in sources}
            fallback: list[tuple[ActorRef, Any]] = []
            for group in _target_heads(tok, skip):
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
    agentless = not sources and strict and code[:2] <= "08" and not raw.nominal and not _subjects(tok)[1]
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
    negated, hypothetical, intent = _modality(tok) if not raw.nominal else (False, False, False)
    if intent and intent_codes:
        pairs = [(a, b, intent_code(c, negated)) for a, b, c in pairs]
    # "staged rallies", "held talks": the noun is the event the light verb reports
    light = raw.nominal and tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in LIGHT_VERBS
    depth = _clause_depth(tok.head if light else tok)
    start_c, end_c = actors.chars(raw.span[0], raw.span[1])
    trigger = text_of(doc)[start_c:end_c]
    date, precision = _date_for(item, start_c, end_c)
    place = _place_for(item, start_c, end_c)
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


def _date_for(item: AnalyzedArticle, start: int, end: int) -> tuple[str | None, str]:
    try:
        from .dates import date_for_span
    except ImportError:
        return (item.date, "day") if item.date else (None, "unknown")
    value, precision = date_for_span(item, start, end)
    return value, precision


def _place_for(item: AnalyzedArticle, start: int, end: int) -> Place | None:
    try:
        from .places import place_for_span
    except ImportError:
        return None
    return place_for_span(item, start, end)


def _reported_by(item: AnalyzedArticle, offset: int) -> tuple[ActorRef, ...]:
    reporters = tuple(item.reporters)
    for st in item.statements:
        cs, ce = st.content_span
        if cs <= offset < ce and st.speaker is not None:
            rest = tuple(r for r in reporters if r.actor_id != st.speaker.actor_id)
            return (st.speaker, *rest)
    return reporters


@stage(
    NAME,
    requires=("doc", "sentences", "times", "places", "mentions", "actors", "statements", "reporters"),
    assigns=("events",),
)
def code_events(item: AnalyzedArticle, res: Resources) -> None:
    vd = verbs_for(res)
    cfg = res.config
    item.events = code_item(
        item,
        vd,
        require_dyad=bool(cfg.option("require_dyad", False)),
        intent_codes=bool(cfg.option("intent_codes", cfg.dictionaries is None)),
    )
