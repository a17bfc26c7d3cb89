"""Statements: direct, partial and indirect quotes, with their speakers, cues, media and stance.

The stage works in two passes over one parsed article.

1. **Quotations.**  Quotation marks are paired paragraph by paragraph (straight, curly,
   ''doubled'' and headline-style ‘single’ marks; marks inside markup are ignored), so that one
   unbalanced mark never spoils the rest of the document; a quote left open at the end of a
   paragraph continues when the next paragraph opens with a mark (the newspaper convention for
   multi-paragraph quotes).  Each quotation is attributed to a cue verb of its frame: the cue
   right after it ("…," he said / "…," said Smith), the cue before it that governs it in the parse
   or is separated from it by a few verbless words ("As Dell said last week, “…”"; of nested cues
   the outermost reporting one), a short cue sentence right after it ("…?" she asked.), a cue that
   ends the previous sentence or paragraph with a colon, a dash and a name ("…" ― Ana Ruiz), a
   colon frame with no verb ("The piece used her words as its headline: “…”"), or, for a quote
   that stands alone in its paragraph, the speaker of the direct quote just before it (a second
   tweet).  Within a paragraph, quotes that share a cue become one statement ("…," he said, "…").
   Transcript lines ("PENCE: …") are direct statements of the named speaker.
2. **Reported speech.**  Every cue verb outside the quotations whose dependency children hold what
   it reports (``ccomp``, a that-clause, some ``xcomp``/``dobj``/prepositional objects, by cue
   class in ``data/cues.yaml``) yields an indirect statement: ``nsubj`` (the agent of a passive,
   the antecedent of "who", the author of "a statement saying …", the subject of the governing
   verb for "…, adding …") is the speaker, the complement the content; "according to X, …" too.

Speakers are resolved through the actors stage's mentions (:meth:`AnalyzedArticle.actor_ref_at`),
dated with :func:`newsledger.stages.dates.date_for_span` when that module is installed (a quote
with no date of its own takes the date of the sentence that introduces its speaker), placed in a
medium (Twitter, a TV channel, a press conference, an outlet "told"), and marked as reported by the
outlet and by the organisations that "reported that".  ``about`` lists the actors mentioned in the
content with the speaker's stance toward each (:mod:`newsledger.knowledge.stance`).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KnowledgeError
from ..knowledge.files import load_yaml
from ..knowledge.stance import NEUTRAL, StanceLexicon
from ..models import AboutRef, ActorRef, AnalyzedArticle, Sentence, Statement
from ..pipeline import Resources, stage
from .nlp import text_of

NAME = "newsledger.statements.v1"

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
STRAIGHT = '"'
ALL_MARKS = OPEN_MARKS + CLOSE_MARKS + STRAIGHT
_FILLER = "\x01"  # stands in for the first half of a two-character mark ('' or ``)
SINGLE_MARKS = "‘’"
_OPEN_BEFORE = set(" \t\n([{—–-/")  # a straight mark after these opens a quote
_CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-/")  # a straight mark before these closes one

#: A quotation this short, with no cue governing it, is a scare quote or a title, not a statement.
MIN_UNCUED_WORDS = 4
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us", "u"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# verbs of saying whose xcomp is what was said ("urged X to …", "vowed to …")
XCOMP_CUES = frozenset(
    {"promise", "vow", "pledge", "threaten", "urge", "agree", "propose", "demand", "ask", "call", "decline"}
)


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """The cue verbs of ``data/cues.yaml`` (lemmas, lower case) and the media it names."""

    speech: frozenset[str]
    objects: frozenset[str]
    belief: frozenset[str]
    quote_only: frozenset[str]
    attitude: frozenset[str]
    media: tuple[tuple[str, tuple[str, ...]], ...]  # (medium name, its lower-case terms)

    @property
    def quote_cues(self) -> frozenset[str]:
        return self.speech | self.quote_only

    @property
    def reported_cues(self) -> frozenset[str]:
        return self.speech | self.belief

    @classmethod
    def load(cls, path: str | Path | None = None) -> CueLexicon:
        data, origin = load_yaml(path, "cues.yaml", "cue lexicon")
        if not isinstance(data, dict):
            raise KnowledgeError(
                "cue lexicon must be a mapping of lists (speech, belief, ...)", origin=origin
            )

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data.get(key) or ())

        if not isinstance(data.get("media") or {}, dict):
            raise KnowledgeError("cue lexicon 'media' must map a medium to its words", origin=origin)
        media = tuple(
            (str(name), tuple(str(t).lower() for t in terms))
            for name, terms in (data.get("media") or {}).items()
        )
        return cls(
            speech=words("speech"),
            objects=words("object"),
            belief=words("belief"),
            quote_only=words("quote_only"),
            attitude=words("attitude"),
            media=media,
        )


def cue_lexicon(res: Resources) -> CueLexicon:
    path: str | None = res.config.option("cues_file")
    lex: CueLexicon = res.cached(f"statements.cues:{path}", lambda: CueLexicon.load(path))
    return lex


def stance_lexicon(res: Resources) -> StanceLexicon:
    path: str | None = res.config.option("stance_file")
    return res.cached(f"statements.stance:{path}", lambda: StanceLexicon.load(path))


def _outlet_registry(res: Resources) -> Any:
    from ..knowledge.outlets import OutletRegistry

    user = res.config.outlet_registry
    return res.cached(f"outlets:{user}", lambda: OutletRegistry.load(user))


# --------------------------------------------------------------------------- quotation marks


@dataclass(slots=True)
class Quote:
    """One quotation: ``segments`` are the quoted text (marks excluded), possibly over paragraphs."""

    segments: list[tuple[int, int]]
    start: int  # the opening mark (or paragraph start when the mark is missing)
    end: int  # just after the closing mark (or the paragraph end when it is missing)
    para: int
    last_para: int
    open_end: bool = False  # no closing mark before the paragraph ended

    @property
    def content_start(self) -> int:
        return self.segments[0][0]

    @property
    def content_end(self) -> int:
        return self.segments[-1][1]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines of ``text`` as ``[start, end)`` spans, surrounding blanks trimmed."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _mark_role(text: str, i: int, pstart: int, pend: int) -> str:
    ch = text[i]
    if ch in OPEN_MARKS:
        return "open"
    if ch in CLOSE_MARKS:
        return "close"
    prev = text[i - 1] if i > pstart else " "
    if prev == _FILLER:
        prev = text[i - 2] if i - 1 > pstart else " "
    nxt = text[i + 1] if i + 1 < pend else " "
    if nxt == _FILLER and i + 2 < pend and text[i + 2] == '"':  # a closing '' right after
        nxt = '"'
    opens = prev in _OPEN_BEFORE or prev in OPEN_MARKS
    closes = nxt in _CLOSE_AFTER or nxt in CLOSE_MARKS
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ALL_MARKS + _FILLER):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ALL_MARKS + "," + _FILLER):
        end -= 1
    return start, end


_MARKUP = re.compile(r"</?[A-Za-z][\w-]*(?:\s+[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>]+))*\s*/?>")


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks paragraph by paragraph; never give up on unbalanced marks."""
    original = text
    # ''doubled apostrophes'' and ``TeX-style'' marks (some archives) stand for straight marks:
    # the first character becomes a filler so that offsets do not move
    text = text.replace("''", _FILLER + '"').replace("``", _FILLER + '"')
    quotes: list[Quote] = []
    # marks inside markup (<tweet author="…">) are attribute delimiters, not quotations
    markup = {i for m in _MARKUP.finditer(text) for i in range(m.start(), m.end())}
    for p, (pstart, pend) in enumerate(paragraphs(text)):
        opened: int | None = None
        found_here = 0
        for i in range(pstart, pend):
            if text[i] not in ALL_MARKS or i in markup:
                continue
            role = _mark_role(text, i, pstart, pend)
            if opened is None:
                if role == "close":
                    # A closing mark with no opening one: the quote began at the paragraph start
                    # (a missing opening mark), unless that would swallow an earlier quote.
                    seg = _trim(text, pstart, i)
                    if not found_here and len(text[seg[0] : seg[1]].split()) >= MIN_UNCUED_WORDS:
                        quotes.append(Quote([seg], pstart, i + 1, p, p))
                        found_here += 1
                    continue
                opened = i
            elif role in ("close", "either") or (role == "open" and i + 1 < pend and text[i + 1] in " \t"):
                seg = _trim(text, opened + 1, i)
                if seg[1] > seg[0]:
                    quotes.append(Quote([seg], opened, i + 1, p, p))
                    found_here += 1
                opened = None
        if opened is not None:
            seg = _trim(text, opened + 1, pend)
            if seg[1] > seg[0]:
                quotes.append(Quote([seg], opened, pend, p, p, open_end=True))
    joined = _join_paragraphs(original, quotes)
    return sorted(joined + _single_quotes(original, joined), key=lambda q: q.start)


def _single_quotes(text: str, double: list[Quote]) -> list[Quote]:
    """‘Headline style’ single quotes outside any double-quoted stretch.  ’ is also the
    apostrophe, so a quote opens only at ‘ after a space and closes at the first ’ that is not
    followed by a letter ("Trump’s" never closes one)."""
    inside = [(q.start, q.end) for q in double]
    found: list[Quote] = []
    for p, (pstart, pend) in enumerate(paragraphs(text)):
        i = pstart
        while True:
            i = text.find("‘", i, pend)
            if i < 0:
                break
            prev = text[i - 1] if i > pstart else " "
            if (prev not in _OPEN_BEFORE and prev != ":") or any(s <= i < e for s, e in inside):
                i += 1
                continue
            j = i + 1
            close = -1
            while True:
                j = text.find("’", j, pend)
                if j < 0:
                    break
                nxt = text[j + 1] if j + 1 < pend else " "
                if not nxt.isalpha():
                    close = j
                    break
                j += 1
            if close < 0:
                break
            seg = _trim(text, i + 1, close)
            if seg[1] > seg[0] and not any(s < close and i < e for s, e in inside):
                found.append(Quote([seg], i, close + 1, p, p))
            i = close + 1
    return found


def _join_paragraphs(text: str, quotes: list[Quote]) -> list[Quote]:
    """A quote left open at a paragraph end goes on in the next paragraph that opens with a mark."""
    paras = paragraphs(text)
    joined: list[Quote] = []
    for q in quotes:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.open_end
            and q.para == prev.last_para + 1
            and q.start == paras[q.para][0]
        ):
            prev.segments.extend(q.segments)
            prev.end = q.end
            prev.last_para = q.last_para
            prev.open_end = q.open_end
            continue
        joined.append(Quote(list(q.segments), q.start, q.end, q.para, q.last_para, q.open_end))
    return joined


# --------------------------------------------------------------------------- parse helpers


@dataclass(slots=True)
class _Attribution:
    cue: Any | None  # the cue token; None for a dash ("― Name") or a colon frame
    cue_span: tuple[int, int]
    cue_text: str
    speaker_head: Any | None
    speaker_span: tuple[int, int] | None
    kind: str
    content_span: tuple[int, int]
    parts: list[tuple[int, int]] = field(default_factory=list)  # the content pieces, in order
    quote: Quote | None = None
    inherited: bool = False  # speaker carried over from the quote before (no cue of its own)

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [self.content_span]

    @property
    def cue_lemma(self) -> str:
        return str(self.cue.lemma_).lower() if self.cue is not None else ""

    def absorb(self, other: _Attribution) -> None:
        """Take in the rest of a split quote ("…," he said, "…")."""
        for part in other.parts:
            if any(s <= part[0] and part[1] <= e for s, e in self.parts):
                continue
            self.parts.append(part)
        self.parts.sort()
        self.content_span = (min(s for s, _ in self.parts), max(e for _, e in self.parts))


_SAY_FORMS = frozenset({"said", "says", "say"})


def _is_cue_token(tok: Any, lemmas: frozenset[str]) -> bool:
    if tok.lower_ in _SAY_FORMS and "say" in lemmas:  # "Said Ellis: …" is often tagged PROPN
        return True
    return bool(tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lemmas)


def _cue_span(tok: Any) -> tuple[tuple[int, int], str]:
    """The cue as written: the verb and its particle ("point out"), or "according to"."""
    toks = [tok]
    if tok.lower_ == "according":
        toks += [c for c in tok.children if c.lower_ == "to"]
    else:
        toks += [c for c in tok.children if c.dep_ == "prt"]
    toks.sort(key=lambda t: t.i)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    return (start, end), " ".join(t.text for t in toks)


#: Nouns for what was said: their author, when the text names one, is the speaker.
SPEECH_NOUNS = frozenset(
    {
        "comment",
        "remark",
        "statement",
        "tweet",
        "message",
        "speech",
        "letter",
        "post",
        "interview",
        "op-ed",
        "email",
    }
)


def _nominal_subject(verb: Any) -> Any | None:
    """The ``nsubj`` or ``nsubjpass`` child of ``verb``, if it has one."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _author_of(noun: Any) -> Any | None:
    """Who made a statement-noun: "his comments" -> his; "Mojahed released a statement
    describing …" / "Zarif was criticized for comments that …" -> the subject of the verb."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    node = noun
    for _ in range(4):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = _nominal_subject(node)
            if (
                subj is not None
                and subj.i != noun.i
                and subj.lemma_.lower() not in SPEECH_NOUNS
                and "\n" not in noun.doc[min(subj.i, noun.i) : max(subj.i, noun.i)].text_with_ws
            ):
                return subj
            return None
    return None


def _speaker_head(cue: Any) -> Any | None:
    """The head token of the speaker of ``cue``."""
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    head = _subject_of(cue)
    if head is not None and head.lemma_.lower() in SPEECH_NOUNS:
        head = _author_of(head) or head
    # (a token slice, not doc.text: spaCy rebuilds the whole text on each access)
    if head is not None and "\n" in cue.doc[min(head.i, cue.i) : max(head.i, cue.i)].text_with_ws:
        # the parser joined a heading or a timestamp to the sentence: keep the words of the
        # subject that stand in the cue's own paragraph
        lo = text_of(cue.doc).rfind("\n", 0, cue.idx) + 1
        near = [t for t in head.subtree if lo <= t.idx < cue.idx and t.pos_ in ("NOUN", "PROPN", "PRON")]
        return near[-1] if near else None
    return head


def _subject_of(cue: Any) -> Any | None:
    tok = cue
    for _ in range(4):  # climb through conjunctions and participles to a clause with a subject
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if subj is not None and subj.dep_ == "nsubjpass" and agent is not None:
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subj is not None and subj.pos_ == "ADP":  # "Of Carson, Levine said" misparsed
            subj = next((c for c in subj.children if c.dep_ == "pobj"), None) or subj
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                return tok.head
            if subj.dep_ == "nsubjpass":
                return None  # "it was reported that …": no speaker in the text
            return subj
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if tok.dep_ == "relcl" or tok.tag_ == "VBG":  # "footage of Clinton asking, …"
                return tok.head
            return None
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":  # "… before asking her, …"
            tok = tok.head.head
            continue
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head != tok:
            if tok.dep_ in ("advcl", "xcomp") and tok.tag_ not in ("VBG", "VB", "VBN"):
                return None
            tok = tok.head
            continue
        return None
    return None


def _speaker_span(head: Any) -> tuple[int, int]:
    """The speaker as written: the noun phrase up to its head, with short "of/for" attachments."""
    left = head.left_edge
    end_tok = head
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "case"):
            end_tok = max(end_tok, child.right_edge, key=lambda t: t.i)
        elif child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "from"):
            sub = list(child.subtree)
            if len(sub) <= 8 and not any(t.text in ",;" for t in sub):
                end_tok = max(end_tok, child.right_edge, key=lambda t: t.i)
        else:
            break
    # a left edge reaching into an appositive or a quote is cut back to the head's own phrase
    toks = [t for t in head.doc[left.i : end_tok.i + 1]]
    if any("\n" in t.text for t in toks):  # never reach across a paragraph break (headings)
        cut = (
            max(i for i, t in enumerate(toks) if "\n" in t.text and t.i < head.i)
            if any("\n" in t.text and t.i < head.i for t in toks)
            else -1
        )
        toks = [t for t in toks[cut + 1 :] if "\n" not in t.text]
    cuts = [k for k, t in enumerate(toks) if t.i < head.i and (t.text in ALL_MARKS or t.text in ",;:")]
    if cuts:  # the left edge reached back over a closing quote or a clause boundary
        toks = toks[cuts[-1] + 1 :]
    while toks and (
        toks[0].is_punct or toks[0].is_space or toks[0].text in ALL_MARKS or toks[0].lower_ in _SAY_FORMS
    ):
        toks.pop(0)
    while toks and (toks[-1].is_space or toks[-1].text in "([,;"):
        toks.pop()
    if not toks:
        return head.idx, head.idx + len(head)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _without_other_reports(content: list[Any], cue: Any, cues: frozenset[str]) -> list[Any]:
    """``content`` less the cue itself and any conjoined clause that reports another speaker:
    "She said fathers would not be eligible, and when pressed, the mother replied, “…”" reports
    two statements; the second (often a quotation) is not part of the first."""
    skip = {cue.i}
    for t in content:
        if t.dep_ == "conj" and t.i > cue.i and _is_cue_token(t, cues) and _nominal_subject(t) is not None:
            skip.update(k.i for k in t.subtree)
            skip.update(c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i)
    return [t for t in content if t.i not in skip]


_SAY_LEMMAS = frozenset({"say", "tell", "add"})


def _bare_finite_clause(verb: Any) -> bool:
    """A clause with its own subject and a finite verb, and no subordinator ("when", "because"):
    a reported clause the parser took for an adverbial one."""
    kids = list(verb.children)
    if any(k.dep_ == "mark" or (k.dep_ == "advmod" and k.tag_ == "WRB") for k in kids):
        return False
    if _nominal_subject(verb) is None:
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        k.dep_ in ("aux", "auxpass") and k.tag_ in ("MD", "VBD", "VBZ", "VBP") for k in kids
    )


def _span_of(tokens: Sequence[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ALL_MARKS + ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ALL_MARKS + ",;:—–-"):
        end -= 1
    return start, end


def _complement(cue: Any, lex: CueLexicon) -> list[Any] | None:
    """The tokens of what ``cue`` reports, from its dependency children; None when it has none."""
    lemma = cue.lemma_.lower()
    # what follows the cue first: in "The revelation set off fireworks: Republicans said they …"
    # the parser hangs the clause before the colon from "said" as well
    children = sorted(cue.children, key=lambda c: (c.i < cue.i, c.i))
    for child in children:
        if child.dep_ in ("ccomp", "csubj") or (
            child.dep_ in ("dobj", "advcl", "dep", "xcomp", "attr")
            and any(g.dep_ == "mark" and g.lower_ in ("that", "whether", "if") for g in child.children)
        ):
            return list(child.subtree)
    if lemma in _SAY_LEMMAS:
        for child in children:
            subj = _nominal_subject(child)
            if child.dep_ == "advcl" and child.i > cue.i and subj is not None and _bare_finite_clause(child):
                # "said after the convention he would not accept …": from the clause's subject on
                return [t for t in child.subtree if t.i >= subj.left_edge.i]
    if lemma in XCOMP_CUES:
        for child in children:
            if child.dep_ == "xcomp":
                return list(child.subtree)
        if lemma == "call":
            for child in children:
                if child.dep_ == "prep" and child.lower_ in ("for", "on"):
                    return list(child.subtree)
    if lemma in lex.objects:
        for child in children:
            if child.dep_ == "dobj":
                return list(child.subtree)
    if lemma in lex.attitude:
        return _attitude_content(cue)
    if cue.dep_ == "parataxis" and lemma in lex.speech:  # "The economy, he said, is weak."
        head = cue.head
        own = {t.i for t in cue.subtree}
        rest = [t for t in head.subtree if t.i not in own]
        return rest or None
    return None


_ATTITUDE_PREPS = frozenset({"about", "of", "to", "for", "on", "against", "with", "as"})


def _attitude_content(cue: Any) -> list[Any] | None:
    """What a verb of stance or intention is about: its xcomp ("wants to leave"), its object
    ("attacked the media", with an object predicate), or its prepositional object ("pointed to
    reports", "warned against hackers")."""
    children = list(cue.children)
    for child in children:
        if child.dep_ == "xcomp":
            return list(child.subtree)
    if cue.lemma_.lower() == "call" and not any(c.dep_ == "oprd" for c in children):
        # "called the plan a disgrace" reports; "called a meeting" does not
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ in ("for", "on")]
        return list(preps[0].subtree)[1:] or None if preps else None
    objs = [c for c in children if c.dep_ in ("dobj", "oprd", "dative")]
    if objs:
        toks = [t for c in objs for t in c.subtree]
        preps = [
            c for c in children if c.dep_ == "prep" and c.lower_ in ("as", "for", "of") and c.i > objs[0].i
        ]
        toks += [t for c in preps[:1] for t in c.subtree]
        return toks
    for child in children:
        if child.dep_ == "prep" and child.lower_ in _ATTITUDE_PREPS:
            sub = list(child.subtree)
            return sub[1:] if len(sub) > 1 else None
    return None


# --------------------------------------------------------------------------- attribution


class _Context:
    """Per-article lookups shared by both passes."""

    def __init__(self, item: AnalyzedArticle, lex: CueLexicon) -> None:
        self.item = item
        self.doc = item.doc
        self.text: str = text_of(item.doc)
        self.lex = lex
        self.paras = paragraphs(self.text)
        self.starts = [t.idx for t in self.doc]
        self.quotes = find_quotes(self.text)
        self.single_marks = frozenset(
            k for q in self.quotes if self.text[q.start] in SINGLE_MARKS for k in (q.start, q.end - 1)
        )
        self.in_quote = bytearray(len(self.text) + 1)
        for q in self.quotes:
            for s, e in q.segments:
                self.in_quote[s:e] = b"\x01" * (e - s)

    def quoted(self, tok: Any) -> bool:
        return bool(self.in_quote[tok.idx])

    def para_of(self, offset: int) -> tuple[int, int]:
        for s, e in self.paras:
            if s <= offset < e:
                return s, e
        return 0, len(self.text)

    def tokens(self, start: int, end: int) -> list[Any]:
        """The tokens that overlap ``[start, end)``."""
        if end <= start or not len(self.doc):
            return []
        i = max(bisect_right(self.starts, start) - 1, 0)
        tok = self.doc[i]
        if tok.idx + len(tok) <= start:
            i += 1
        j = bisect_left(self.starts, end)
        return list(self.doc[i:j]) if j > i else []

    def sent_bounds(self, offset: int) -> tuple[int, int]:
        toks = self.tokens(offset, offset + 1)
        if not toks:
            return self.para_of(offset)
        sent = toks[0].sent
        return sent.start_char, sent.end_char


def _cue_candidates(ctx: _Context, start: int, end: int, lemmas: frozenset[str]) -> list[Any]:
    return [
        t
        for t in ctx.tokens(start, end)
        if not ctx.quoted(t) and (_is_cue_token(t, lemmas) or t.lower_ == "according")
    ]


def _depth(tok: Any) -> int:
    return sum(1 for _ in tok.ancestors)


def _reports_elsewhere(ctx: _Context, cue: Any, q: Quote) -> bool:
    """True when ``cue`` already has a clausal complement outside the quote (so the quote is a
    title or a scare quote inside someone else's sentence: 'On "Fox News Sunday," Pence said he …')."""
    for child in cue.children:
        if child.dep_ != "ccomp" or q.start <= child.idx < q.end:
            continue
        sub = list(child.subtree)
        if sum(1 for t in sub if not ctx.quoted(t) and not t.is_punct) >= 2:
            return True
    return False


def _quote_cue(ctx: _Context, q: Quote) -> tuple[Any, str] | None:
    """The cue verb that attributes quote ``q`` and where it stands ("after" / "before" / "colon")."""
    pstart, pend = ctx.para_of(q.start)
    s_start = ctx.sent_bounds(q.start)[0]
    s_end = ctx.sent_bounds(max(q.end - 1, q.start))[1]
    lo, hi = max(pstart, s_start), min(pend, s_end)
    cues = ctx.lex.quote_cues
    raw = ctx.text[q.start : q.end].rstrip(ALL_MARKS + " ’'‘")
    closes = raw[-1:] in tuple(",.?!…-—–") or ctx.text[q.end : q.end + 1] in (",", "—", "–", "-")
    after = [t for t in _cue_candidates(ctx, q.end, hi, cues) if not _reports_elsewhere(ctx, t, q)]
    short = len(ctx.text[q.content_start : q.content_end].split()) < MIN_UNCUED_WORDS
    if short and not closes:  # "no idea" if he would have told her: a quoted phrase
        after = []
    before = [t for t in _cue_candidates(ctx, lo, q.start, cues) if _governs_quote(ctx, t, q)]
    if before:
        # of the cues that govern the quote, the outermost speaks ("She says it shows that …")
        first = ctx.tokens(q.content_start, q.content_start + 1)
        ancestors = {a.i for a in first[0].ancestors} if first else set()
        governing = [t for t in before if t.i in ancestors and t.lemma_.lower() in ctx.lex.speech]
        if governing:
            # from the cue nearest the quote, climb only through reported clauses ("She says it
            # underscores that …"), never through "…, adding, “…”"
            cue = max(governing, key=_depth)
            outer = {t.i: t for t in governing}
            node = cue
            while node.dep_ in ("ccomp", "xcomp", "conj") and node.head != node:
                if node.dep_ == "conj" and _nominal_subject(node) is not None:
                    break  # "…, and the mother replied, “…”": a clause with its own speaker
                node = node.head
                if node.i in outer:
                    cue = outer[node.i]
            before = [cue]
            if _quote_kind(ctx, q, before[0], "before") == "partial":
                return before[0], "before"  # called it "messy," adding …: the phrase is his
    # "…," he said — the frame right after the quote wins when the cue follows within a few
    # words; otherwise the cue before it ("He said: …").
    if after and (not before or len(ctx.tokens(q.end, after[0].idx)) <= 4):
        return after[0], "after"
    if before:
        return before[-1], "before"
    if after:
        return after[0], "after"
    # "…?" Graham asked. — the parser may end the sentence at the closing mark
    if q.end < pend and hi <= q.end + 2:
        nxt_end = min(pend, ctx.sent_bounds(min(q.end + 1, pend - 1))[1])
        words = [t for t in ctx.tokens(q.end, nxt_end) if not (t.is_punct or t.is_space)]
        lead = words[:5] if len(words) <= 8 and closes else []  # "Graham asked." is short
        nxt = [t for t in lead if not ctx.quoted(t) and _is_cue_token(t, cues)]
        if nxt and not _reports_elsewhere(ctx, nxt[0], q):
            return nxt[0], "after"
    # a colon at the end of the previous sentence or paragraph introduces the quote
    prefix = ctx.text[lo : q.start].strip()
    if not prefix:
        prev_end = q.start
        while prev_end > 0 and ctx.text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end > 0 and ctx.text[prev_end - 1] == ":":
            ps, _ = ctx.sent_bounds(prev_end - 1)
            ps = max(ps, ctx.para_of(prev_end - 1)[0])
            intro = _cue_candidates(ctx, ps, prev_end, cues | ctx.lex.belief)
            if intro:
                return intro[-1], "colon"
    return None


def _governs_quote(ctx: _Context, cue: Any, q: Quote) -> bool:
    """A cue before a quote attributes it when the quote hangs from the cue in the parse, or
    follows it with nothing but punctuation, "that" or a few adverbs in between."""
    if cue.dep_ in ("amod", "compound") and cue.lower_ != "said":  # "so-called", not "Said Ellis:"
        return False
    first = ctx.tokens(q.content_start, q.content_start + 1)
    if first and any(a.i == cue.i for a in first[0].ancestors):
        return True
    # "As Dell said last week in Tel Aviv, “…”" / "told The Post he was “not quite there yet”":
    # a few words of the frame, but no other verb, between the cue and the quote
    gap = ctx.tokens(cue.idx + len(cue), q.start)
    if any(t.text == ";" or ctx.quoted(t) for t in gap):
        return False
    between = [t for t in gap if not (t.is_punct or t.is_space)]
    return len(between) <= 8 and all(t.pos_ != "VERB" for t in between)


def _quote_kind(ctx: _Context, q: Quote, cue: Any, where: str) -> str:
    if where != "before":
        return "direct"
    before = ctx.text[: q.start].rstrip()
    prev_char = before[-1:] if before else ""
    if prev_char in (",", ":", "—", "–", "-") or not prev_char:
        return "direct"
    prev_word = re.findall(r"[\w’']+$", before)
    if prev_word and prev_word[0].lower() in (cue.lower_, "that") and ctx.text[q.content_start].isupper():
        return "direct"
    return "partial"


_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "on", "in", "for", "to", "with", "at", "or", "is"})


def is_title(text: str) -> bool:
    """A short quoted stretch in title case with no sentence punctuation: a show, a book, an ad."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    end = text.rstrip()[-1:]
    if not words or len(words) > 6 or end in tuple(".?!") or (end == "," and len(words) < 2):
        return False  # "No," he said is an answer; On "Fox News Sunday," Pence said … is a title
    return all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS)


_DASH_SOURCE = re.compile(r"\s*([―—–]|--)\s*((?:[A-Z][\w.’'-]*,?\s?){1,6})")
_TRANSCRIPT = re.compile(r"[\"“]?([A-Z][A-Z.’' -]{1,40}[A-Z.]):\s+")
_NOT_SPEAKERS = frozenset(
    {"UPDATE", "NOTE", "EDITOR'S NOTE", "WATCH", "RELATED", "READ MORE", "PHOTO", "VIDEO"}
)


def _dash_attribution(ctx: _Context, q: Quote) -> _Attribution | None:
    """ "…" ― Sonya Herridge: a dash and a name right after the closing mark."""
    _, pend = ctx.para_of(max(q.end - 1, 0))
    m = _DASH_SOURCE.match(ctx.text, q.end, pend)
    if m is None:
        return None
    name_start, name_end = m.span(2)
    name_end = _clean_span(ctx.text, name_start, name_end)[1]
    toks = [t for t in ctx.tokens(name_start, name_end) if not t.is_punct]
    if not toks:
        return None
    return _Attribution(
        cue=None,
        cue_span=m.span(1),
        cue_text=m.group(1),
        speaker_head=toks[-1],
        speaker_span=(toks[0].idx, toks[-1].idx + len(toks[-1])),
        kind="direct",
        content_span=(q.content_start, q.content_end),
        parts=list(q.segments),
        quote=q,
    )


def _colon_attribution(ctx: _Context, q: Quote) -> _Attribution | None:
    """The piece used her words as its headline: "…" — a colon frame with no cue verb."""
    before = ctx.text[: q.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    toks = ctx.tokens(colon, colon + 1)
    if not toks or toks[0].sent.start_char > colon:
        return None
    root = toks[0].sent.root
    subj = _nominal_subject(root)
    if subj is None or subj.dep_ == "nsubjpass" or subj.lower_ in ("it", "this", "that", "there", "here"):
        return None
    if subj.idx >= q.start or "\n" in ctx.text[subj.idx : colon]:
        return None
    return _Attribution(
        cue=None,
        cue_span=(colon, colon + 1),
        cue_text=":",
        speaker_head=subj,
        speaker_span=_speaker_span(subj),
        kind="direct",
        content_span=(q.content_start, q.content_end),
        parts=list(q.segments),
        quote=q,
    )


def _transcript_attributions(ctx: _Context) -> list[_Attribution]:
    """PENCE: Well, look, … — a paragraph of a transcript, its speaker in capitals."""
    found = []
    for pstart, pend in ctx.paras:
        m = _TRANSCRIPT.match(ctx.text, pstart, pend)
        if m is None or m.group(1).strip() in _NOT_SPEAKERS or not re.search(r"[A-Z]{2}", m.group(1)):
            continue
        name_words = m.group(1).split()
        if len(name_words) > 3 or any(w.lower() in _SMALL_WORDS for w in name_words):
            continue  # "FIX IS IN: …" is a headline
        content = _clean_span(ctx.text, m.end(), pend)
        if len(ctx.text[content[0] : content[1]].split()) < 4:
            continue
        name = ctx.tokens(*m.span(1))
        if not name:
            continue
        found.append(
            _Attribution(
                cue=None,
                cue_span=(m.end(1), m.end(1) + 1),
                cue_text=":",
                speaker_head=name[-1],
                speaker_span=m.span(1),
                kind="direct",
                content_span=content,
            )
        )
    return found


_NOMINAL = ("NOUN", "PROPN", "PRON")
_TITLE_POS = ("ADV", "X", "INTJ", "NUM", "ADJ", "VERB")  # a capitalised name the tagger misread


def _frame_speaker(ctx: _Context, q: Quote, cue: Any, where: str) -> Any | None:
    """The speaker when the parse put the subject inside the quote (or found none): the first
    noun phrase of the frame between the quote and the cue ("…," Gene Sperling, an adviser,
    said), else the nearest one before the cue, else the name right after it ("…," said Skelly)."""

    def first_run(tokens: Iterable[Any]) -> Any | None:
        run: list[Any] = []
        for t in tokens:
            if ctx.quoted(t) or t.is_space:
                break
            if not run and (t.is_punct or t.pos_ == "DET"):
                continue
            if (
                t.pos_ in _NOMINAL
                or t.pos_ in ("ADJ", "PART", "DET")
                or (t.is_title and t.pos_ in _TITLE_POS)
            ):
                run.append(t)
            else:
                break
        nouns = [t for t in run if t.pos_ in _NOMINAL or (t.is_title and t.pos_ in _TITLE_POS)]
        return nouns[-1] if nouns else None

    if where == "after":
        found = first_run(ctx.tokens(q.end, cue.idx))
    else:
        lo = max(ctx.para_of(cue.idx)[0], ctx.sent_bounds(cue.idx)[0])
        before = [t for t in ctx.tokens(lo, cue.idx) if not ctx.quoted(t)]
        found = before[-1] if before and before[-1].pos_ in _NOMINAL else None
    if found is None:
        found = first_run(ctx.tokens(cue.idx + len(cue), ctx.sent_bounds(cue.idx)[1]))
    return found


def _attribute_quote(ctx: _Context, q: Quote) -> _Attribution | None:
    found = _quote_cue(ctx, q)
    if found is None:
        return _dash_attribution(ctx, q) or _colon_attribution(ctx, q)
    cue, where = found
    head = _speaker_head(cue)
    if head is None or ctx.quoted(head):
        head = _frame_speaker(ctx, q, cue, where)
    kind = _quote_kind(ctx, q, cue, where) if where == "before" else "direct"
    cue_span, cue_text = _cue_span(cue)
    content_span = (q.content_start, q.content_end)
    parts = list(q.segments)
    if kind == "partial":
        # the reported clause: from just after the cue through the end of the quote's clause
        sub = [t for t in cue.subtree if t.i > cue.i and not t.is_punct]
        end = max([q.content_end] + [t.idx + len(t) for t in sub if t.idx < q.end + 1])
        first = next((t for t in sub if t.dep_ not in ("prt", "mark") and t.lower_ != "that"), None)
        start = min(first.idx, q.content_start) if first is not None else q.content_start
        content_span = _clean_span(ctx.text, start, end)
        parts = [content_span]
    return _Attribution(
        cue=cue,
        cue_span=cue_span,
        cue_text=cue_text,
        speaker_head=head,
        speaker_span=_speaker_span(head) if head is not None else None,
        kind=kind,
        content_span=content_span,
        parts=parts,
        quote=q,
    )


def _quote_attributions(ctx: _Context) -> list[_Attribution]:
    found: list[_Attribution] = []
    last: _Attribution | None = None
    for q in ctx.quotes:
        # as quoted, with the punctuation inside the marks ("No," he said is not a title)
        text = ctx.text[q.content_start : q.end].rstrip(ALL_MARKS + SINGLE_MARKS + " ")
        att = _attribute_quote(ctx, q)
        if att is not None and att.kind == "direct" and is_title(text):
            att = None
        if att is None:
            # no cue: a quote standing alone in its paragraph (or its sentence) goes on from the
            # direct quote just before it ("…," Shamkhani tweeted. ¶ "Someone, who …").
            pstart, _ = ctx.paras[q.para]
            alone = not ctx.text[ctx.sent_bounds(q.start)[0] : q.start].strip() or q.start == pstart
            near = last is not None and last.quote is not None and q.para - last.quote.last_para <= 1
            if alone and near and last is not None and last.kind == "direct" and not is_title(text):
                att = _Attribution(
                    cue=last.cue,
                    cue_span=last.cue_span,
                    cue_text=last.cue_text,
                    speaker_head=last.speaker_head,
                    speaker_span=last.speaker_span,
                    kind="direct",
                    content_span=(q.content_start, q.content_end),
                    parts=list(q.segments),
                    quote=q,
                    inherited=True,
                )
        if att is None:
            continue
        # "…," he said, "…" and "…," he said. "…": one utterance within a paragraph; a new
        # paragraph without a cue (a second tweet) stays a statement of its own.
        prev = found[-1] if found else None
        if (
            prev is not None
            and prev.quote is not None
            and att.quote is not None
            and att.cue_span == prev.cue_span
            and att.quote.para == prev.quote.last_para
        ):
            prev.absorb(att)
            prev.quote = att.quote
            last = prev
            continue
        found.append(att)
        last = att
    return found


def _reported_attributions(
    ctx: _Context, taken: set[int], quoted_spans: list[tuple[int, int]]
) -> list[_Attribution]:
    """Indirect statements: cue verbs with a clausal complement, and "according to X"."""
    found: list[_Attribution] = []
    lex = ctx.lex
    for tok in ctx.doc:
        if tok.i in taken or ctx.quoted(tok):
            continue
        according = tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)
        if not according and not _is_cue_token(tok, lex.reported_cues | lex.objects | lex.attitude):
            continue
        head = _speaker_head(tok)
        if head is None or ctx.quoted(head) or head.lower_ in FIRST_SECOND_PERSON:
            continue  # "I think …" outside marks is a quotation the marks missed, or the author
        if according:
            own = {t.i for t in tok.subtree}
            clause = (
                [t for t in tok.head.subtree if t.i not in own and not t.is_punct] if tok.head != tok else []
            )
            content = clause or None
        else:
            content = _complement(tok, lex)
        if not content:
            continue
        content = _without_other_reports(content, tok, lex.reported_cues)
        content.sort(key=lambda t: t.i)
        # a leading "that" is the complementiser, not what was said
        while content and (
            content[0].is_punct or (content[0].dep_ == "mark" and content[0].lower_ == "that")
        ):
            content.pop(0)
        if not content:
            continue
        span = _clean_span(ctx.text, *_span_of(content))
        if span[1] <= span[0] or len(content) < 2:
            continue
        if any(s < span[1] and span[0] < e for s, e in quoted_spans):
            continue  # the quotation pass already covers it
        has_marks = any(ch in ALL_MARKS for ch in ctx.text[span[0] : span[1]])
        cue_span, cue_text = _cue_span(tok)
        found.append(
            _Attribution(
                cue=tok,
                cue_span=cue_span,
                cue_text=cue_text,
                speaker_head=head,
                speaker_span=_speaker_span(head),
                kind="partial" if has_marks else "indirect",
                content_span=span,
            )
        )
    return found


# --------------------------------------------------------------------------- records


def statement_id(article_id: str, span: tuple[int, int]) -> str:
    return hashlib.sha1(f"{article_id}:{span[0]}:{span[1]}".encode()).hexdigest()[:16]


def _content_text(text: str, att: _Attribution, marks: frozenset[int] = frozenset()) -> str:
    """The content as read: quotation marks dropped (single marks only where they quote)."""
    pieces = []
    for s, e in att.parts:
        piece = text[s:e].replace("''", _FILLER * 2).replace("``", _FILLER * 2)
        pieces.append(
            "".join(ch for k, ch in enumerate(piece, s) if ch not in ALL_MARKS + _FILLER and k not in marks)
        )
    return re.sub(r"\s+", " ", " ".join(p.strip() for p in pieces)).strip()


def medium_of(text: str, lex: CueLexicon) -> str | None:
    """The medium a stretch of text names ("on Twitter", "told Tolo TV", "a press conference")."""
    low = text.lower()
    for name, pattern in _media_patterns(lex.media):
        if pattern.search(low):
            return name
    match = re.search(r"(?:television|TV) (?:channel|station|network) ([A-Z][\w-]+(?: [A-Z][\w-]+)*)", text)
    return match.group(1) if match else None


@lru_cache(maxsize=8)
def _media_patterns(media: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[str, re.Pattern[str]]]:
    """One compiled pattern per medium, its terms as whole words (in the lexicon's order)."""
    return [
        (name, re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(t) for t in terms)})(?![\w-])"))
        for name, terms in media
        if terms
    ]


_TOLD_OUTLET = re.compile(
    r"\b(?:told|tells|telling|interview with|interviewed by|appearance on|speaking to|spoke to|wrote in)\s+"
    r"((?:[Tt]he\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})"
)


def _outlet_medium(text: str, res: Resources | None) -> str | None:
    """ "told The Washington Post", "in an interview with CNN's Wolf Blitzer": an outlet of the
    registry named right after a verb of telling is where the statement was made."""
    if res is None:
        return None
    registry = _outlet_registry(res)
    for match in _TOLD_OUTLET.finditer(text):
        words = re.sub(r"[’']s\b.*$", "", match.group(1)).split()
        for n in range(len(words), 0, -1):  # longest known outlet name first
            outlet = registry.by_name(" ".join(words[:n]))
            if outlet is not None:
                return str(outlet.name)
    return None


def _date_for(item: AnalyzedArticle, start: int, end: int) -> tuple[str | None, str]:
    """The date of the statement whose cue is at ``[start, end)``: the dates stage's rule when
    that module is installed, else the publication day."""
    try:
        from . import dates
    except ImportError:
        dates = None  # type: ignore[assignment]  # the dates stage is optional
    helper = getattr(dates, "date_for_span", None)
    if helper is not None:
        try:
            found = helper(item, start, end)
        except Exception:  # a failing date helper must not cost the statement
            found = None
        if isinstance(found, tuple) and len(found) == 2:
            return found[0], str(found[1] or "unknown")
    return (item.date, "day") if item.date else (None, "unknown")


def _lead_date(
    item: AnalyzedArticle, first: Sentence, last: Sentence, speaker: ActorRef | None
) -> tuple[str, str] | None:
    """A quote paragraph often follows the sentence that dates it: "In 2018, spokesman Mojahed
    released a statement …" ¶ "…," Mojahed said.  When the quote's own sentence has no date, the
    date of the sentence just before it is used if that sentence names the same speaker."""
    if speaker is None or first.index <= 0:
        return None
    if any(first.index <= t.sentence <= last.index and t.value for t in item.times):
        return None
    prev = first.index - 1
    if not any(m.sentence == prev and m.actor_id == speaker.actor_id for m in item.mentions):
        return None
    dated = [t for t in item.times if t.sentence == prev and t.value and t.kind in ("DATE", "TIME")]
    if not dated:
        return None
    return dated[0].value or "", dated[0].precision


def _ref_for(
    item: AnalyzedArticle, head: Any | None, span: tuple[int, int] | None, day: str | None
) -> ActorRef | None:
    if head is not None:
        ref = item.actor_ref_at(head.idx, head.idx + len(head), day)
        if ref is not None:
            return ref
    return item.actor_ref_at(*span, day) if span else None


def _about(
    item: AnalyzedArticle, ctx: _Context, att: _Attribution, speaker: ActorRef | None, stance: StanceLexicon
) -> tuple[AboutRef, ...]:
    cs, ce = att.content_span
    seen: dict[str, AboutRef] = {}
    content_toks = ctx.tokens(cs, ce)
    # the cue's own polarity ("condemned X", "praised X") goes to the actors in its object
    cue_score = stance.polarity([att.cue_lemma]) if att.cue is not None else 0
    cue_objects = {
        t.i
        for c in (att.cue.children if att.cue is not None else ())
        if c.dep_ in ("dobj", "oprd")
        for t in c.subtree
    }
    whole = stance.polarity([t.text for t in content_toks], [t.lemma_ for t in content_toks])
    for m in item.mentions:
        if not m.actor_id or m.start < cs or m.end > ce or m.actor_id in seen:
            continue
        if speaker is not None and m.actor_id == speaker.actor_id:
            continue
        actor = item.actors.get(m.actor_id)
        if actor is None:
            continue
        # the words that govern the mention ("struggle against America"), else the clause around
        # it (its nearest verb ancestor's subtree, inside the content), else the whole content
        toks = ctx.tokens(m.start, m.end)
        clause: list[Any] = []
        score = 0
        if toks:
            node = toks[-1]
            governors: list[Any] = []
            while node.head != node and node.pos_ not in ("VERB", "AUX"):
                node = node.head
                governors.append(node)
            if governors:
                gov = sorted(
                    {t.i: t for g in governors for t in (g, *g.children) if cs <= t.idx < ce}.values(),
                    key=lambda t: t.i,
                )
                score = stance.polarity([t.text for t in gov], [t.lemma_ for t in gov])
            clause = [t for t in node.subtree if cs <= t.idx < ce]
        if score == 0 and clause:
            score = stance.polarity([t.text for t in clause], [t.lemma_ for t in clause])
        if score == 0:
            score = whole
        if cue_score and toks and toks[-1].i in cue_objects:
            score += cue_score
        label = "supportive" if score > 0 else "critical" if score < 0 else NEUTRAL
        seen[m.actor_id] = AboutRef(actor.actor_id, actor.name, label)
    return tuple(seen.values())


def _reporters(item: AnalyzedArticle, res: Resources, report_atts: Iterable[_Attribution]) -> list[ActorRef]:
    """The outlet's actor and the organisations that "reported that" in the article."""
    refs: dict[str, ActorRef] = {}
    names: set[str] = set()
    art = item.article
    try:
        outlet = _outlet_registry(res).identify(site=art.site, name=art.outlet, text=art.text)
    except Exception:  # a broken user registry must not cost the statements
        outlet = None
    if art.outlet:
        names.add(art.outlet)
    if outlet is not None:
        names.update((outlet.name, *outlet.names))
    keys = {_norm(n) for n in names if n}
    if keys:
        for actor in item.actors.values():
            if {_norm(actor.name), *(_norm(a) for a in actor.aliases)} & keys:
                refs.setdefault(actor.actor_id, actor.ref_on(item.date))
    for att in report_atts:
        if att.speaker_head is None:
            continue
        heads = [att.speaker_head, *(c for c in att.speaker_head.subtree if c.dep_ == "conj")]
        for head in heads:
            ref = item.actor_ref_at(head.idx, head.idx + len(head))
            org = item.actors.get(ref.actor_id) if ref else None
            if ref is not None and org is not None and org.kind in ("organization", "group"):
                refs.setdefault(ref.actor_id, ref)
    return list(refs.values())


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()


def extract(
    item: AnalyzedArticle, lex: CueLexicon, stance: StanceLexicon, res: Resources | None = None
) -> None:
    """Fill ``item.statements`` and ``item.reporters`` from a parsed article."""
    ctx = _Context(item, lex)
    atts = _quote_attributions(ctx)
    atts += [
        t
        for t in _transcript_attributions(ctx)
        if not any(
            a.content_span[0] < t.content_span[1] and t.content_span[0] < a.content_span[1] for a in atts
        )
    ]
    taken = {a.cue.i for a in atts if a.cue is not None}
    quoted = [a.content_span for a in atts]
    atts += _reported_attributions(ctx, taken, quoted)
    atts.sort(key=lambda a: a.content_span)

    report_atts = [a for a in atts if a.cue_lemma == "report"]
    item.reporters = _reporters(item, res, report_atts) if res is not None else []
    text = ctx.text
    statements: list[Statement] = []
    seen: set[tuple[int, int]] = set()
    for att in atts:
        if att.content_span in seen:
            continue
        seen.add(att.content_span)
        content = _content_text(text, att, ctx.single_marks)
        if not content:
            continue
        sentence = item.sentence_at(att.cue_span[0]) or item.sentence_at(att.content_span[0])
        if sentence is None:
            sentence = Sentence(-1, att.content_span[0], att.content_span[1], text[slice(*att.content_span)])
        bounds = [att.content_span, att.cue_span] + ([att.speaker_span] if att.speaker_span else [])
        span = (min(b[0] for b in bounds), max(b[1] for b in bounds))
        date, precision = _date_for(item, *att.cue_span)
        speaker = _ref_for(item, att.speaker_head, att.speaker_span, date if precision == "day" else None)
        first = item.sentence_at(span[0]) or sentence
        lead = _lead_date(item, first, sentence, speaker) if att.kind == "direct" else None
        if lead is not None and lead[0] != date:
            date, precision = lead
            speaker = _ref_for(item, att.speaker_head, att.speaker_span, date if precision == "day" else None)
        reported = tuple(r for r in item.reporters if speaker is None or r.actor_id != speaker.actor_id)
        prev_sent = item.sentences[sentence.index - 1].text if sentence.index > 0 and item.sentences else ""
        medium = (
            medium_of(att.cue_text, lex)
            or _outlet_medium(sentence.text, res)
            or medium_of(sentence.text, lex)
            or medium_of(prev_sent, lex)
        )
        statements.append(
            Statement(
                statement_id=statement_id(item.article.article_id, att.content_span),
                provenance=item.provenance(sentence, span, NAME, reported),
                speaker=speaker,
                speaker_text=text[slice(*att.speaker_span)] if att.speaker_span else None,
                speaker_span=att.speaker_span,
                cue=att.cue_text,
                kind=att.kind,
                content=content,
                content_span=att.content_span,
                cue_span=att.cue_span,
                medium=medium,
                date=date,
                date_precision=precision,
                about=_about(item, ctx, att, speaker, stance),
            )
        )
    item.statements = statements


@stage(
    NAME,
    requires=("doc", "sentences", "times", "mentions", "actors"),
    assigns=("statements", "reporters"),
)
def statements(item: AnalyzedArticle, res: Resources) -> None:
    """The stage.  Options (``PipelineConfig.options``): ``cues_file`` and ``stance_file`` replace
    the shipped lexicons; ``statement_attitudes=False`` keeps only verbs of saying and believing
    (no "X attacked Y" / "X wants to …" attributions, which PolNeAR counts but a ledger of what
    was said may not want)."""
    lex = cue_lexicon(res)
    if not res.config.option("statement_attitudes", True):
        lex = replace(lex, attitude=frozenset())
    extract(item, lex, stance_lexicon(res), res)
