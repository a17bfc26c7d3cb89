"""PETRARCH-style verb patterns matched around one trigger token of a parsed document."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...knowledge.petrarch_verbs import Item, VerbDictionary, VerbEntry, VerbPattern
from ...knowledge.wordlists import word_lists
from ..nlp import lowers_of, noun_chunks_of

_WORDS = word_lists("event_words.yaml")  # the word lists below: see the file's comments

__all__ = ["PARTICLES", "Match", "Matcher", "infinitive_complement", "verb_clause"]

PARTICLES = _WORDS.words("particles")
TOPIC_HEADS = _WORDS.words("topic_heads") | _WORDS.words("dealing_heads")
#: prepositions of place, which the parser hangs on the nearest noun as often as on the verb
#: ("protested about the abortions outside the center")
WHERE_WORDS = {"outside", "in", "at", "near", "inside", "around"}


#: Particles that may follow the verb's object ("force X out", "beat X up"), unlike the
#: prepositions of a prepositional verb ("call for", "side with"), which touch the verb.
SEPARABLE = {"up", "out", "down", "off", "back", "away"}
#: how the parser hangs the predicate a verb gives its object ("found X guilty", "took X
#: hostage", "set X free"): what it says the object is or becomes
PREDICATE_DEPS = {"oprd", "ccomp", "acomp", "xcomp", "advcl", "dobj", "attr"}

#: Dependents that open a clause of their own: a pattern's words must not be found there.
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass"}


def infinitive_complement(tok: Any) -> bool:
    """True for "Germany to pay" in "Sharon wants Germany to pay": an infinitive with its own
    subject that the parser hangs as a clause (ccomp) of the verb, though it is that verb's
    complement, as in "urged Germany to pay" (object and xcomp)."""
    return (
        tok.dep_ == "ccomp"
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
        and not any(c.dep_ == "mark" for c in tok.children)
    )


#: prepositions of a phrase that says when an act was, no word of its pattern ("killed three
#: policemen after the meeting"); not "before", which also brings whom one appears before
TIME_PREPS = {"after", "since", "following", "during", "amid", "amidst", "until"}


def verb_clause(tok: Any) -> set[int]:
    """Token indices of the clause of verb ``tok``: its subtree (from the verb that governs it
    through "to"/auxiliaries: "agreed to send troops") without the clauses embedded in it, so
    that a pattern word is one the verb governs, not one of another clause of the sentence."""
    head, path = tok, {tok.i}
    while head.dep_ in {"xcomp", "aux", "auxpass"} and head.head is not head:
        head = head.head
        path.add(head.i)
    out: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for child in t.children:
            separate = (child.dep_ in CLAUSE_DEPS and not infinitive_complement(child)) or (
                child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}
            )
            # when the act was is none of its words: "killed three policemen after the meeting"
            # matches no "kill ... talks"
            separate = separate or (t.i in path and child.dep_ == "prep" and child.lower_ in TIME_PREPS)
            if separate and child.i not in path:
                continue
            stack.append(child)
    return out


@dataclass
class Match:
    code: str | None
    pair: str | None
    pattern: VerbPattern | None
    entry: VerbEntry
    # token spans of $, +, % and, for a passive coded by its subject, the "thing" done
    slots: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def reverse(self) -> bool:
        """A reverse-only code ("[:110]"): the event goes from the target to the source."""
        return self.pattern.reverse if self.pattern is not None else self.entry.reverse

    @property
    def dyad_only(self) -> bool:
        """A code the dictionary gives only between a source and a target (PETRARCH's rule)."""
        return self.pattern.dyad_only if self.pattern is not None else self.entry.dyad_only


#: words the parser takes for a verb's particle where they open a preposition ("kidnapped up
#: to 16", "was kidnapped along with his driver", "arrested together with"): the verb is no
#: phrasal verb ("up" and any other particle: before "to")
PREPOSITIONS_AFTER: dict[str, set[str]] = {"along": {"with"}, "together": {"with"}}


class Matcher:
    """Matches PETRARCH-style patterns around one trigger token of a parsed doc."""

    def __init__(self, doc: Any, vd: VerbDictionary) -> None:
        self.doc = doc
        self.vd = vd
        self.lower = lowers_of(doc)
        self.present = frozenset(self.lower)
        # Our news patterns name the verb's own object ("imposed sanctions"): a following word
        # must come within a few tokens. PETRARCH patterns may reach anywhere in the phrase.
        self.window: int | None = 6 if vd.lemma_fallback else None
        self.clause: set[int] | None = None  # the trigger's clause (None: no parse, no bound)
        self.allowed: set[int] | None = None  # where the items being matched may be
        # the clause plus the verb's governors, for the patterns of one verb (see match)
        self._pre_allowed: tuple[set[int] | None, int, set[int] | None] = (None, -1, None)
        self.chunk_end: dict[int, int] = {}
        try:
            for start, end, _ in noun_chunks_of(doc):
                self.chunk_end[start] = end
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
        if p >= limit or (self.allowed is not None and p not in self.allowed):
            return None
        if item.kind == "word":
            return p + 1 if self.lower[p] == item.value else None
        if item.kind == "syn":
            for member in self.vd.synset_members(item.value, self.lower[p]):
                n = len(member)
                if p + n <= limit and tuple(self.lower[p : p + n]) == member:
                    return p + n
            return None
        end = self._np_at(p, limit)  # $ + % ^ : a noun phrase
        if item.kind != "comp" or end is None:
            return end
        # % : a compound actor ("Gondor and Osgiliath")
        return end if any(c.dep_ == "conj" for t in self.doc[p:end] for c in t.children) else None

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
            if end is None or (i == len(items) - 1 and self._not_the_verbs(items, end)):
                continue
            rest = self._seq(items, i + 1, end, limit, False, end_fixed, window)
            if rest is not None:
                if item.kind in {"src", "tgt", "comp"}:
                    rest = {**rest, item.kind: (p, end)}
                return rest
        return None

    def _not_the_verbs(self, items: Sequence[Item], end: int) -> bool:
        """True when a pattern's last word belongs to another word than the verb: a modifier
        that only names the kind of the noun after it ("war" in "announced an investigation
        into war crimes"; a "ceasefire agreement" is a ceasefire), or a preposition of a noun
        ("launch its flight on the Paris route" fires on no one)."""
        item = items[-1]
        if item.kind not in {"word", "syn"} or end >= len(self.doc):
            return False
        last = self.doc[end - 1]
        if (
            last.dep_ == "prep"
            and item.kind == "word"
            and last.head.pos_ == "NOUN"
            and last.lower_ not in WHERE_WORDS
        ):
            # "called for an end to the violence": the noun is the pattern's own
            return last.head.lower_ not in {it.value for it in items if it.kind == "word"}
        return last.dep_ == "compound" and last.head.i >= end and last.head.lemma_.lower() in TOPIC_HEADS

    def match(
        self, pat: VerbPattern, lo: int, v_start: int, v_end: int, hi: int
    ) -> dict[str, tuple[int, int]] | None:
        if not pat.words <= self.present:  # a word the pattern needs is nowhere it may be
            return None
        # words before the verb may also be the verbs that govern it ("INDICATED WOULD * NOW":
        # "Ethiopia indicated it would act now"); words after it are in its clause
        self.allowed = self._before_verb(v_start)
        pre = self._seq(pat.pre, 0, lo, v_start, False, pat.pre_adjacent) if pat.pre else {}
        if pre is None:
            return None
        self.allowed = self.clause
        post = self._seq(pat.post, 0, v_end, hi, pat.post_adjacent, False, self.window) if pat.post else {}
        if post is None:
            return None
        return {**pre, **post}

    def _before_verb(self, v_start: int) -> set[int] | None:
        """Where the words before the verb may be: its clause and the verbs that govern it.
        The same for every pattern tried on one verb, so made once per clause and verb."""
        clause, start, allowed = self._pre_allowed
        if clause is not self.clause or start != v_start:
            allowed = (
                None if self.clause is None else self.clause | {t.i for t in self.doc[v_start].ancestors}
            )
            self._pre_allowed = (self.clause, v_start, allowed)
        return allowed

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
                if word in SEPARABLE and self._separated_particle(tok, word):
                    continue  # "forced the agency out", "beat them up": the verb's own particle
                found = None
                for q in range(pos, min(pos + 3, len(self.doc))):
                    if self.lower[q] == word or self.doc[q].lemma_.lower() == word:
                        found = q
                        break
                    if self.doc[q].pos_ not in {"DET", "ADJ", "ADV", "NUM"} or word in PARTICLES:
                        break
                if found is None and word == entry.after[-1] and self._separated_complement(tok, word, pos):
                    continue  # "took three soldiers hostage", "found Ebbers guilty", "set them free"
                if found is None:
                    return None
                pos = found + 1
            end = pos
        return start, end

    def _opens_a_preposition(self, particle: Any) -> bool:
        """True when what the parser took for a particle opens a preposition with the word after."""
        nxt = particle.i + 1
        return nxt < len(self.doc) and self.lower[nxt] in PREPOSITIONS_AFTER.get(particle.lower_, {"to"})

    @staticmethod
    def _separated_particle(tok: Any, word: str) -> bool:
        """True when ``word`` is an adverbial particle of verb ``tok`` placed after its object
        ("forced the UN refugee agency out of the country")."""
        return any(
            c.lower_ == word and c.i > tok.i + 1 and c.dep_ in {"prt", "advmod", "prep"} for c in tok.children
        )

    @staticmethod
    def _separated_complement(tok: Any, word: str, pos: int) -> bool:
        """True when ``word`` is the predicate verb ``tok`` gives its object, placed after the
        object ("took three soldiers hostage", "found Bernard Ebbers guilty", "set the
        prisoners free"): within a few words, never before ``pos``."""
        return any(
            (c.lower_ == word or c.lemma_.lower() == word)
            and pos < c.i <= tok.i + 6
            and c.dep_ in PREDICATE_DEPS
            for c in tok.children
        )

    def code(
        self, tok: Any, entries: Sequence[VerbEntry], lo: int, hi: int
    ) -> tuple[Match | None, tuple[int, int]]:
        fitting: list[tuple[VerbEntry, tuple[int, int]]] = []
        for entry in entries:
            span = self.entry_span(entry, tok)
            if span is not None:
                fitting.append((entry, span))
        if not fitting:  # "an agreement was reached": only a passive's subject can fit the entry
            return self._passive_object_match(tok, entries, fitting), (tok.i, tok.i + 1)
        bound = self.vd.clause_bound and self.doc.has_annotation("DEP")
        self.clause = verb_clause(tok) if bound else None
        self.present = (  # the words a pattern may use: its clause's and its governors'
            frozenset(self.lower)
            if self.clause is None
            else frozenset(self.lower[i] for i in self.clause) | {a.lower_ for a in tok.ancestors}
        )
        fitting.sort(key=lambda es: -(len(es[0].before) + len(es[0].after)))
        best_len = len(fitting[0][0].before) + len(fitting[0][0].after)
        tried: set[str] = set()
        for entry, span in fitting:
            if entry.block in tried:
                continue
            if tried and _own_phrase(fitting[0][0]):
                break  # "found guilty": our phrase of the verb, over another block's patterns
            tried.add(entry.block)
            for pat in self.vd.patterns.get(entry.block, ()):
                slots = self.match(pat, lo, span[0], span[1], hi)
                if slots is not None:
                    return Match(pat.code, pat.pair, pat, entry, slots), span
        passive = self._passive_object_match(tok, entries, fitting)
        if passive is not None:
            return passive, (tok.i, tok.i + 1)
        particles = {
            c.lower_ for c in tok.children if c.dep_ == "prt" and not self._opens_a_preposition(c)
        }  # "kidnapped up to 16", "kidnapped along with his driver": no particle
        for entry, span in fitting:
            if len(entry.before) + len(entry.after) < best_len:
                break
            if particles - set(entry.after) and self.vd.lemma_fallback:
                continue  # a phrasal verb we do not list: "gave up" is not "gave"
            if entry.code is not None:
                return Match(entry.code, entry.pair, None, entry), span
        return Match(None, None, None, fitting[0][0]), fitting[0][1]

    def _passive_object_match(
        self, tok: Any, entries: Sequence[VerbEntry], fitting: Sequence[tuple[VerbEntry, tuple[int, int]]]
    ) -> Match | None:
        """The code a passive verb takes from its subject, the thing the act was done with
        ("new sanctions were imposed on Iran", "tributes were paid to him"): the entry or the
        one-word pattern that names that thing after the verb in the active voice."""
        noun = _passive_object(tok)
        if noun is None or any(c.dep_ in {"dobj", "obj"} for c in tok.children):
            return None  # "prisoners have been given a barbecue": the subject received it
        words = {noun.lower_, noun.lemma_.lower()}
        thing = {"thing": (noun.i, noun.i + 1)}  # roles: the thing is no target
        for entry in entries:
            if not entry.before and len(entry.after) == 1 and entry.after[0] in words:
                return Match(entry.code, entry.pair, None, entry, thing)  # "impose sanctions"
        for entry, span in fitting:
            if span != (tok.i, tok.i + 1):
                continue
            for pat in self.vd.patterns.get(entry.block, ()):
                if not pat.pre and len(pat.post) == 1 and self._names_noun(pat.post[0], noun, words):
                    return Match(pat.code, pat.pair, pat, entry, thing)
        return None

    def _names_noun(self, item: Item, noun: Any, words: set[str]) -> bool:
        """True when a pattern's one word or synset names ``noun`` (a synset member may end
        with it: "economic sanctions")."""
        if item.kind == "word":
            return item.value in words
        if item.kind != "syn":
            return False
        singles = {(w,) for w in words}
        return any(
            tuple(self.lower[p : noun.i + 1]) == member or member in singles
            for p in range(noun.left_edge.i, noun.i + 1)
            for member in self.vd.synset_members(item.value, self.lower[p])
        )


def _passive_object(tok: Any) -> Any:
    """The common-noun subject of a passive verb ("sanctions" of "sanctions were imposed"; a
    capitalised first word the tagger reads as a name, in no entity: "Tributes were paid"), or
    None."""
    if not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    return next(
        (
            c
            for c in tok.children
            if c.dep_ == "nsubjpass" and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and not c.ent_type_))
        ),
        None,
    )


def _own_phrase(entry: VerbEntry) -> bool:
    """True for a coded phrase of a verb that applies whoever is named ("find guilty"), not one
    of the dictionaries' patterns that code only between a source and a target."""
    return entry.code is not None and not entry.dyad_only and bool(entry.before or entry.after)
