"""Pass 1: attribute each quotation to a cue and a speaker."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from ...knowledge.wordlists import word_lists
from ...text.quotes import ALL_MARKS, MIN_UNCUED_WORDS, SINGLE_MARKS, Quote
from .context import Attribution, Context
from .modality import evidence_only, not_a_speech_verb
from .syntax import (
    clean_span,
    cue_extent,
    is_cue_token,
    nominal_subject,
    speaker_head,
    speaker_span,
    subject_of,
)

_WORDS = word_lists("statement_words.yaml")  # the word lists below: see the file's comments


def _cue_candidates(ctx: Context, start: int, end: int, lemmas: frozenset[str]) -> list[Any]:
    return [
        t
        for t in ctx.tokens(start, end)
        if not ctx.quoted(t)
        and (is_cue_token(t, lemmas) or t.lower_ == "according")
        and not (ctx.lex.speech_only and evidence_only(t, subject_of(t), ctx.lex))
        and not (ctx.lex.speech_only and not_a_speech_verb(t))
    ]


def _depth(tok: Any) -> int:
    return sum(1 for _ in tok.ancestors)


def _reports_elsewhere(ctx: Context, cue: Any, q: Quote) -> bool:
    """True when ``cue`` already has a clausal complement outside the quote (so the quote is a
    title or a scare quote inside someone else's sentence: 'On "Fox News Sunday," Pence said he …')."""
    for child in cue.children:
        if child.dep_ != "ccomp" or q.start <= child.idx < q.end:
            continue
        sub = list(child.subtree)
        if sum(1 for t in sub if not ctx.quoted(t) and not t.is_punct) >= 2:
            return True
    return False


def _quote_cue(ctx: Context, q: Quote) -> tuple[Any, str] | None:
    """The cue verb that attributes quote ``q`` and where it stands ("after" / "before" / "colon")."""
    pstart, pend = ctx.para_of(q.start)
    s_start = ctx.sent_bounds(q.start)[0]
    s_end = ctx.sent_bounds(max(q.end - 1, q.start))[1]
    lo, hi = max(pstart, s_start), min(pend, s_end)
    cues = ctx.lex.quote_cues
    raw = ctx.text[q.start : q.end].rstrip(ALL_MARKS + " ’'‘")
    closes = raw[-1:] in tuple(",.?!…-—–") or ctx.text[q.end : q.end + 1] in (",", "—", "–", "-")
    short = len(ctx.text[q.content_start : q.content_end].split()) < MIN_UNCUED_WORDS
    after = [
        t
        for t in _cue_candidates(ctx, q.end, hi, cues)
        if not _subordinate(t)
        # "…," Warren told Stumpf, after he admitted he had not been held …: the frame, even
        # when the parser also hangs a clause after it from the cue
        and (
            not _reports_elsewhere(ctx, t, q)
            or (not short and closes and _frame_after(ctx, q, t, short, closes))
        )
    ]
    if short and not closes:  # "no idea" if he would have told her: a quoted phrase
        after = []
    as_frame = next((t for t in after if _as_frame(ctx, q, t)), None)
    if as_frame is not None:
        return as_frame, "after"  # "…," as a Homeland Security memo put it
    before = [t for t in _cue_candidates(ctx, lo, q.start, cues) if _governs_quote(ctx, t, q)]
    outer = _outermost_cue(ctx, q, before)
    if outer is not None:
        before = [outer]
        if _quote_kind(ctx, q, outer, "before") == "partial":
            return outer, "before"  # called it "messy," adding …: the phrase is his
    # "…," he said — the frame right after the quote wins when the cue follows within a few
    # words; otherwise the cue before it ("He said: …").
    if after and (not before or _frame_after(ctx, q, after[0], short, closes)):
        return after[0], "after"
    if before:
        return before[-1], "before"
    ends = raw[-1:] in tuple(".?!")
    if after and not (ends and len(ctx.tokens(q.end, after[0].idx)) > 4):
        return after[0], "after"  # not "“… couldn't.” Lenox was a juggernaut, Clarke said"
    nxt = _cue_in_next_sentence(ctx, q, pend, hi, closes) if q.end < pend and hi <= q.end + 2 else None
    if nxt is not None:
        return nxt, "after"
    intro = _colon_intro(ctx, q, lo)
    return (intro, "colon") if intro is not None else None


#: Subordinators that make a cue after a quote part of another clause ("…," when Clinton
#: blasted him), not its frame; "as" frames ("…," as the memo put it).
_SUBORDINATORS = _WORDS.words("subordinators")


def _subordinate(cue: Any) -> bool:
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in _SUBORDINATORS for c in cue.children)


def _frame_after(ctx: Context, q: Quote, cue: Any, short: bool, closes: bool) -> bool:
    """ "…," he said: a cue within a few tokens after the quote; "…," as a Homeland Security memo
    put it: after a closing mark with only its own subject (no other verb) between."""
    if len(ctx.tokens(q.end, cue.idx)) <= 4:
        return True
    return not short and closes and _as_frame(ctx, q, cue)


def _as_frame(ctx: Context, q: Quote, cue: Any) -> bool:
    """The cue's clause starts right after the quote with "as" and holds only its subject."""
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return False
    gap = [t for t in ctx.tokens(q.end, cue.idx) if not (t.is_punct or t.is_space)]
    if not gap or gap[0].lower_ != "as" or len(gap) > 8 or any(t.pos_ in ("VERB", "AUX") for t in gap):
        return False
    return all(t.lower_ == "as" or any(a.i == cue.i for a in t.ancestors) for t in gap)


def _outermost_cue(ctx: Context, q: Quote, before: list[Any]) -> Any | None:
    """Of the speech cues before ``q`` that govern it, the outermost ("She says it shows that
    …"), climbing from the nearest only through reported clauses, never through "…, adding,"."""
    first = ctx.tokens(q.content_start, q.content_start + 1)
    ancestors = {a.i for a in first[0].ancestors} if first else set()
    governing = [t for t in before if t.i in ancestors and t.lemma_.lower() in ctx.lex.speech]
    if not governing:
        return None
    cue = max(governing, key=_depth)
    if _nearer_frame(first[0], cue, before[-1]):
        return None  # "footage of Trump saying during the debate, “…”": the nearer frame
    outer = {t.i: t for t in governing}
    node = cue
    while node.dep_ in ("ccomp", "xcomp", "conj") and node.head != node:
        if node.dep_ == "conj" and nominal_subject(node) is not None:
            break  # "…, and the mother replied, “…”": a clause with its own speaker
        node = node.head
        if node.i in outer:
            cue = outer[node.i]
    return cue


def _nearer_frame(first: Any, governing: Any, nearest: Any) -> bool:
    """True when ``nearest`` (a cue between ``governing`` and the quote, not governing it) is the
    quote's frame: it stands outside the clause through which ``governing`` reaches the quote
    ("saying anybody who complains about X “…”": "complains" is inside what "saying" says)."""
    if nearest.i <= governing.i:
        return False
    path = next((a for a in [first, *first.ancestors] if a.head.i == governing.i), None)
    return path is not None and nearest.i not in {t.i for t in path.subtree}


def _cue_in_next_sentence(ctx: Context, q: Quote, pend: int, hi: int, closes: bool) -> Any | None:
    """ "…?" Graham asked. — the parser may end the sentence at the closing mark."""
    nxt_end = min(pend, ctx.sent_bounds(min(q.end + 1, pend - 1))[1])
    words = [t for t in ctx.tokens(q.end, nxt_end) if not (t.is_punct or t.is_space)]
    lead = words[:5] if len(words) <= 8 and closes else []  # "Graham asked." is short
    nxt = [t for t in lead if not ctx.quoted(t) and is_cue_token(t, ctx.lex.quote_cues)]
    return nxt[0] if nxt and not _reports_elsewhere(ctx, nxt[0], q) else None


def _colon_intro(ctx: Context, q: Quote, lo: int) -> Any | None:
    """A cue ending the previous sentence or paragraph with a colon introduces the quote."""
    if ctx.text[lo : q.start].strip():
        return None
    prev_end = q.start
    while prev_end > 0 and ctx.text[prev_end - 1].isspace():
        prev_end -= 1
    if prev_end == 0 or ctx.text[prev_end - 1] != ":":
        return None
    ps, _ = ctx.sent_bounds(prev_end - 1)
    ps = max(ps, ctx.para_of(prev_end - 1)[0])
    intro = _cue_candidates(ctx, ps, prev_end, ctx.lex.quote_cues | ctx.lex.belief)
    return intro[-1] if intro else None


def _governs_quote(ctx: Context, cue: Any, q: Quote) -> bool:
    """A cue before a quote attributes it when the quote hangs from the cue in the parse, or
    follows it with nothing but punctuation, "that" or a few adverbs in between."""
    if cue.dep_ in ("amod", "compound") and cue.lower_ != "said":  # "so-called", not "Said Ellis:"
        return False
    first = ctx.tokens(q.content_start, q.content_start + 1)
    if first and any(a.i == cue.i for a in first[0].ancestors):
        # in a ledger of speech acts, a verb that only frames a quote ("she went on: “…”",
        # "went on about how it is “rigged”") does not frame one inside its other phrases ("go
        # against a tradition of “stiff upper lip”"); PolNeAR attributes those too
        speech = cue.lemma_.lower() in ctx.lex.speech
        return speech or not ctx.lex.speech_only or not _through_other_phrase(first[0], cue)
    # "As Dell said last week in Tel Aviv, “…”" / "told The Post he was “not quite there yet”":
    # a few words of the frame, but no other verb, between the cue and the quote
    gap = ctx.tokens(cue.idx + len(cue), q.start)
    if any(t.text == ";" or ctx.quoted(t) for t in gap):
        return False
    between = [t for t in gap if not (t.is_punct or t.is_space)]
    return len(between) <= 8 and all(t.pos_ != "VERB" for t in between)


#: Prepositions through which a framing verb still introduces its quote: what it is about and
#: what it calls someone ("went on about …", "went after Trump as “a leech”").
_FRAMING_PREPS = frozenset({"about", "as"})


def _through_other_phrase(tok: Any, cue: Any) -> bool:
    """Whether ``tok`` hangs from ``cue`` through a preposition other than "about" or "as"."""
    node = tok
    while node.head.i != cue.i and node.head != node:
        node = node.head
    return bool(node.dep_ == "prep" and node.lower_ not in _FRAMING_PREPS)


def _quote_kind(ctx: Context, q: Quote, cue: Any, where: str) -> str:
    if where != "before":
        return "direct"
    before = ctx.text[: q.start].rstrip()
    prev_char = before[-1:] if before else ""
    if prev_char in (",", ":", "—", "–", "-") or not prev_char:
        return "direct"
    prev_word = _last_word(before)
    if prev_word and prev_word[0].lower() in (cue.lower_, "that") and ctx.text[q.content_start].isupper():
        return "direct"
    return "partial"


_LAST_WORD = re.compile(r"[\w’']+$")


def _last_word(text: str) -> list[str]:
    r"""``re.findall(r"[\w’']+$", text)`` read from the end: the search from the start of the
    article up to each quote made this quadratic in the article's length."""
    tail = text[-48:]
    found = _LAST_WORD.findall(tail)
    if found and len(found[0]) == len(tail) < len(text):  # the word may begin before the tail
        found = _LAST_WORD.findall(text)
    return found


_SMALL_WORDS = _WORDS.words("title_small_words")


#: A sentence ending inside a quoted stretch ("Oakland. Or"; not "Mr. Smith").
_SENTENCE_INSIDE = re.compile(r"[a-z]{2}[a-z]+[.?!]\s+[A-Z]")


def is_title(text: str) -> bool:
    """A short quoted stretch in title case with no sentence punctuation: a show, a book, an ad."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    end = text.rstrip()[-1:]
    if not words or len(words) > 6 or end in tuple(".?!") or (end == "," and len(words) < 2):
        return False  # "No," he said is an answer; On "Fox News Sunday," Pence said … is a title
    if _SENTENCE_INSIDE.search(text):
        return False  # "Like Oakland. Or Ferguson," Trump said: two sentences, not a title
    return all(w[0].isupper() for w in words if w.lower() not in _SMALL_WORDS)


_DASH_SOURCE = re.compile(r"\s*([―—–]|--)\s*((?:[A-Z][\w.’'-]*,?\s?){1,6})")
_TRANSCRIPT = re.compile(r"[\"“]?([A-Z][A-Z.’' -]{1,40}[A-Z.]):\s+")
_NOT_SPEAKERS = _WORDS.words("not_speakers")


def _dash_attribution(ctx: Context, q: Quote) -> Attribution | None:
    """ "…" ― Sonya Herridge: a dash and a name right after the closing mark."""
    _, pend = ctx.para_of(max(q.end - 1, 0))
    m = _DASH_SOURCE.match(ctx.text, q.end, pend)
    if m is None:
        return None
    name_start, name_end = m.span(2)
    name_end = clean_span(ctx.text, name_start, name_end)[1]
    toks = [t for t in ctx.tokens(name_start, name_end) if not t.is_punct]
    if not toks:
        return None
    return Attribution(
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


#: A dash, a name and the colon right before a quote: a roundup's credit line.
_DASH_NAME = re.compile(r"\s[-–—―]\s+((?:[A-Z][\w.’'-]*\s){0,4}[A-Z][\w.’'-]*):$")


def _colon_attribution(ctx: Context, q: Quote) -> Attribution | None:
    """The piece used her words as its headline: "…" — a colon frame with no cue verb."""
    before = ctx.text[: q.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    named = _DASH_NAME.search(before, max(ctx.para_of(colon)[0], colon - 60))
    if named is not None:  # "IOWA POLLS NOT WRONG, JUST TOO EARLY - Mark Blumenthal: “…”"
        name = [t for t in ctx.tokens(*named.span(1)) if not t.is_punct]
        if name and all(t.pos_ == "PROPN" for t in name):
            return Attribution(
                cue=None,
                cue_span=(colon, colon + 1),
                cue_text=":",
                speaker_head=name[-1],
                speaker_span=named.span(1),
                kind="direct",
                content_span=(q.content_start, q.content_end),
                parts=list(q.segments),
                quote=q,
            )
    toks = ctx.tokens(colon, colon + 1)
    if not toks or toks[0].sent.start_char > colon:
        return None
    root = toks[0].sent.root
    subj = nominal_subject(root)
    if subj is None or subj.dep_ == "nsubjpass" or subj.lower_ in ("it", "this", "that", "there", "here"):
        return None
    if subj.idx >= q.start or "\n" in ctx.text[subj.idx : colon]:
        return None
    return Attribution(
        cue=None,
        cue_span=(colon, colon + 1),
        cue_text=":",
        speaker_head=subj,
        speaker_span=speaker_span(subj),
        kind="direct",
        content_span=(q.content_start, q.content_end),
        parts=list(q.segments),
        quote=q,
    )


def transcript_attributions(ctx: Context) -> list[Attribution]:
    """PENCE: Well, look, … — a paragraph of a transcript, its speaker in capitals."""
    found = []
    for pstart, pend in ctx.paras:
        m = _TRANSCRIPT.match(ctx.text, pstart, pend)
        if m is None or m.group(1).strip() in _NOT_SPEAKERS or not re.search(r"[A-Z]{2}", m.group(1)):
            continue
        name_words = m.group(1).split()
        if len(name_words) > 3 or any(w.lower() in _SMALL_WORDS for w in name_words):
            continue  # "FIX IS IN: …" is a headline
        content = clean_span(ctx.text, m.end(), pend)
        if len(ctx.text[content[0] : content[1]].split()) < 4:
            continue
        name = ctx.tokens(*m.span(1))
        if not name:
            continue
        found.append(_named_before_colon(m, name[-1], "direct", content))
    return found


def _named_before_colon(m: re.Match[str], head: Any, kind: str, content: tuple[int, int]) -> Attribution:
    """The statement of "NAME: what they say", the name being ``m``'s first group."""
    return Attribution(
        cue=None,
        cue_span=(m.end(1), m.end(1) + 1),
        cue_text=":",
        speaker_head=head,
        speaker_span=m.span(1),
        kind=kind,
        content_span=content,
    )


_HEADLINE = re.compile(r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2}): +(\S.{10,})")


def headline_attribution(ctx: Context) -> Attribution | None:
    """ "Pence: Gennifer Flowers Won't Be at Debate": a headline (the text's first paragraph,
    the article's title) that gives a named person or body, a colon and what they say."""
    if not ctx.paras:
        return None
    pstart, pend = ctx.paras[0]
    title = " ".join(ctx.item.article.title.split()).rstrip(".")
    first = " ".join(ctx.text[pstart:pend].split()).rstrip(".")
    m = _HEADLINE.fullmatch(ctx.text, pstart, pend)
    if not title or first != title or m is None or m.group(1) in _NOT_SPEAKERS:
        return None
    name = [t for t in ctx.tokens(*m.span(1)) if not t.is_punct]
    if not name or any(t.pos_ not in ("PROPN", "NOUN") for t in name):
        return None
    ref = ctx.item.actor_ref_at(*m.span(1))
    actor = ctx.item.actors.get(ref.actor_id) if ref is not None else None
    if actor is None:
        return None  # "The Ninth Circle: …" is a column's name, not a speaker
    return _named_before_colon(m, name[-1], "indirect", clean_span(ctx.text, m.start(2), pend))


_NOMINAL = ("NOUN", "PROPN", "PRON")
_TITLE_POS = ("ADV", "X", "INTJ", "NUM", "ADJ", "VERB")  # a capitalised name the tagger misread


def _frame_speaker(ctx: Context, q: Quote, cue: Any, where: str) -> Any | None:
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


def quoting_speaker(head: Any, quoted: Callable[[Any], bool], lemmas: frozenset[str]) -> Any | None:
    """For a cue outside a quotation whose speaker the parse found inside it ('Ndlovu said, "I am
    condemning …," while calling Mandela …': the participle hangs from the quoted verb, whose
    subject is "I"): the speaker of the cue that quotes those words, which is who goes on."""
    node = head
    for _ in range(8):
        if node.head == node:
            return None
        node = node.head
        if not quoted(node):
            break
    else:
        return None
    if node.pos_ not in ("VERB", "AUX") or not is_cue_token(node, lemmas):
        return None
    outer = speaker_head(node)
    return outer if outer is not None and not quoted(outer) else None


def _attribute_quote(ctx: Context, q: Quote) -> Attribution | None:
    found = _quote_cue(ctx, q)
    if found is None:
        return _dash_attribution(ctx, q) or _colon_attribution(ctx, q)
    cue, where = found
    head = speaker_head(cue)
    if head is not None and ctx.quoted(head):
        head = quoting_speaker(head, ctx.quoted, ctx.lex.quote_cues | ctx.lex.reported_cues)
    if head is None:
        head = _frame_speaker(ctx, q, cue, where)
    kind = _quote_kind(ctx, q, cue, where) if where == "before" else "direct"
    cue_span, cue_text = cue_extent(cue)
    content_span = (q.content_start, q.content_end)
    parts = list(q.segments)
    if kind == "partial":
        # the reported clause: from just after the cue through the end of the quote's clause
        sub = [t for t in cue.subtree if t.i > cue.i and not t.is_punct]
        end = max([q.content_end] + [t.idx + len(t) for t in sub if t.idx < q.end + 1])
        first = next((t for t in sub if t.dep_ not in ("prt", "mark") and t.lower_ != "that"), None)
        start = min(first.idx, q.content_start) if first is not None else q.content_start
        content_span = clean_span(ctx.text, start, end)
        parts = [content_span]
    return Attribution(
        cue=cue,
        cue_span=cue_span,
        cue_text=cue_text,
        speaker_head=head,
        speaker_span=speaker_span(head) if head is not None else None,
        kind=kind,
        content_span=content_span,
        parts=parts,
        quote=q,
    )


def _said_just_before(ctx: Context, q: Quote) -> Attribution | None:
    """ "Cummings called him a master at bolting deals together. “He showed again and again …”":
    a quote with no cue goes on from the speech cue of the sentence just before it, in its
    paragraph (the cue itself stays free for the reported statement: the two are one)."""
    pstart, _ = ctx.para_of(q.start)
    before = ctx.text[pstart : q.start].rstrip()
    if not before.endswith((".", "!", "?")):
        return None  # the quote must open a sentence of its own
    ps = max(pstart, ctx.sent_bounds(pstart + len(before) - 1)[0])
    cues = [t for t in _cue_candidates(ctx, ps, q.start, ctx.lex.speech) if subject_of(t) is not None]
    if not cues:
        return None
    cue = cues[-1]
    head = speaker_head(cue)
    if head is None or ctx.quoted(head):
        return None
    cue_span, cue_text = cue_extent(cue)
    return Attribution(
        cue=None,
        cue_span=cue_span,
        cue_text=cue_text,
        speaker_head=head,
        speaker_span=speaker_span(head),
        kind="direct",
        content_span=(q.content_start, q.content_end),
        parts=list(q.segments),
        quote=q,
        inherited=True,
    )


def quote_attributions(ctx: Context) -> list[Attribution]:
    found: list[Attribution] = []
    last: Attribution | None = None
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
                att = Attribution(
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
        if att is None and not is_title(text):
            att = _said_just_before(ctx, q)
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
