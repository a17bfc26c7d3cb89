"""Dating records: the date of an event or statement from the time expressions of its sentence,
or none when the text does not report an act of the news day."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.attrs import LOWER
from spacy.strings import get_string_id

from ...knowledge.wordlists import word_lists
from ...models import AnalyzedArticle, TimeExpression
from ...text.quotes import find_quotes
from ..nlp import span_at
from .days import _anchor_date
from .detect import _LEAD
from .governing import adverbial, clause_of, dated_times, governing_time, noun_time, sequenced
from .lexicon import _MONTH_RE
from .narrative import story_day
from .normalize import normalize_timex, timeml_to_iso
from .tense import tense_of

#: Background, modal and intent words: knowledge/data/date_words.yaml.
_WORDS = word_lists("date_words.yaml")

_BACKGROUND_RE = re.compile(
    r"\b(?:previously|formerly|used to|in the past|(?:years|decades|months) ago|a (?:year|decade) ago|"
    r"last year|earlier this year|historically|back in|repeatedly|numerous times|many times|"
    r"frequently|often|regularly|routinely|"
    r"for (?:years|decades|months)|(?:has|have|had) long|at the time|at that time|in those days|"
    r"since (?:then|\d{4}|last|early|late|the (?:\d{4}|\d0s))|"
    # a count up to now ("so far 10,000 have been deployed") sums acts over a past stretch
    r"so far|thus far|to date|up to now|until now|as yet|"
    # a stretch up to now ("criticised over recent months", "in the past few weeks")
    r"(?:over|in|during|for) (?:the )?(?:recent|past|last) (?:few |several )?(?:days|weeks|months|years)|"
    # an office held before ("in his first term", "during her previous tenure")
    r"(?:in|during) (?:his|her|their|its) (?:first|second|previous|earlier|former) "
    r"(?:term|tenure|presidency|premiership|mandate))\b",
    re.I,
)


_OLD_DATE_RE = re.compile(
    r"\b(?:in|since|during|until|by|from|of|before|after)\s+(?:(?:early|late|mid)[ -])?(?:the\s+)?"
    r"(?:" + _MONTH_RE.replace("?P<month>", "?:") + r"\s+)?(?:1[5-9]\d\d|20\d\d)s?\b",
    re.I,
)


_BACKGROUND_WORDS = _WORDS.words("background_words")  # the cues read from the parse
_BACKGROUND_HASHES = frozenset(get_string_id(w) for w in _BACKGROUND_WORDS)  # spaCy's LOWER ids


def is_background(
    sentence: Any,
    anchor: str | None = None,
    times: Iterable[TimeExpression] = (),
    *,
    focus: Any = None,
    cues: tuple[int | None, ...] | None = None,
) -> bool:
    """True when a sentence reports history rather than the news of the day.

    ``sentence`` is a spaCy span (preferred: past perfect is read from the tags) or plain text.
    Cues: past perfect ("had met"), temporal "since", "was once", "previously", "repeatedly",
    "earlier meetings", "last year", "years ago", "in 2019" or any of ``times`` (or a date in the
    text) that ends more than two weeks before the anchor.  ``cues`` are the sentence's
    :func:`background_cues` when the caller already has them (one sentence, many triggers).
    """
    day0 = _anchor_date(anchor)
    for tx in times:
        if tx.value and day0 is not None and _ends_before(tx.value, day0, days=14):
            return True
    if cues is None:
        cues = background_cues(sentence, anchor)
    if not cues:
        return False
    if focus is None or isinstance(sentence, str):
        return True
    # with a focus token (a trigger), cues count only in its clause or in a clause above it
    scope = {focus.i} | {a.i for a in focus.ancestors}
    return any(where is None or where in scope for where in cues)


def background_cues(
    sentence: Any, anchor: str | None = None, lowers: Sequence[int] | None = None
) -> tuple[int | None, ...]:
    """The cues of history in a sentence (see :func:`is_background`), each as the index of the
    clause token it applies to, or None for a cue that counts whatever the trigger's clause.

    They do not depend on the trigger, so a sentence's cues are found once for all its triggers.
    ``lowers``: the LOWER attribute of the span's whole doc, when the caller has it.
    """
    text = sentence if isinstance(sentence, str) else sentence.text
    day0 = _anchor_date(anchor)
    spacy_span = not isinstance(sentence, str)

    def where(start: int, end: int) -> int | None:
        if not spacy_span:
            return None
        piece = sentence.char_span(start, end, alignment_mode="expand")
        return None if piece is None else int(clause_of(piece.root).i)

    cues: list[int | None] = []
    if day0 is not None:
        cues.extend(where(m.start(), m.end()) for m in _old_dates_in(text, anchor, day0))
    if spacy_span:
        for tok in _cue_words(sentence, lowers):
            if _background_cue(tok):
                # the clause a cue modifies: a "since ..." clause modifies its head's head
                cues.append((tok.head.head if tok.dep_ == "mark" else tok.head).i)
    elif re.search(r"\bhad (?:\w+ )?\w+(?:ed|en|own|met|made|said|told|sent)\b", text, re.I):
        cues.append(None)
    cues.extend(where(m.start(), m.end()) for m in _BACKGROUND_RE.finditer(text))
    return tuple(cues)


def _cue_words(sentence: Any, lowers: Sequence[int] | None) -> Iterator[Any]:
    """The tokens of a sentence span that are :data:`_BACKGROUND_WORDS`; with the doc's
    ``lowers`` only those tokens are made (most of a sentence is no cue)."""
    if lowers is None:
        yield from (tok for tok in sentence if tok.lower_ in _BACKGROUND_WORDS)
        return
    doc = sentence.doc
    yield from (doc[i] for i in range(sentence.start, sentence.end) if lowers[i] in _BACKGROUND_HASHES)


_THE = re.compile(r"\bthe\s+", re.I)


def _old_dates_in(text: str, anchor: str | None, day0: dt.date) -> Iterator[re.Match[str]]:
    """The dates the text writes ("in 2019", "since March 2018") that end more than two weeks
    before the anchor."""
    for m in _OLD_DATE_RE.finditer(text):
        # "after the 2011 uprising": the year without its preposition and article
        value = normalize_timex(_THE.sub("", _LEAD.sub("", m.group(0))), anchor, "DATE")
        iso, _ = timeml_to_iso(value, anchor)
        if iso and _ends_before(iso, day0, days=14):
            yield m


def _background_cue(tok: Any) -> bool:
    """True for a token of :data:`_BACKGROUND_WORDS` used as a cue of history."""
    if tok.lower_ == "had" and tok.dep_ in {"aux", "auxpass"} and tok.head.tag_ == "VBN":
        return True  # past perfect
    if tok.lower_ == "since" and (
        tok.dep_ == "prep" or (tok.dep_ == "mark" and tok.head.tag_ in {"VBD", "VBN"})
    ):
        return True  # "since the war", "since the talks began" (not the causal "since")
    if tok.lower_ == "since" and tok.dep_ == "advmod":
        return True  # "has governed Gaza (ever) since"
    if tok.lower_ == "once" and tok.dep_ == "advmod" and tok.head.tag_ in {"VBD", "VBN"}:
        return True  # "was once", not "once the deal is signed"
    return bool(tok.lower_ == "earlier" and tok.dep_ == "amod")  # "earlier meetings"


def _ends_before(value: str, day0: dt.date, *, days: int) -> bool:
    """True when the period ``value`` (ISO at some precision) ends more than ``days`` before day0."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            end = dt.date.fromisoformat(value)
        elif re.fullmatch(r"\d{4}-\d{2}", value):
            y, mo = int(value[:4]), int(value[5:7])
            end = dt.date(y, mo, calendar.monthrange(y, mo)[1])
        elif re.fullmatch(r"\d{4}", value):
            end = dt.date(int(value), 12, 31)
        elif re.fullmatch(r"\d{3}", value):
            end = dt.date(int(value) * 10 + 9, 12, 31)
        else:
            return False
    except ValueError:
        return False
    return (day0 - end).days > days


def date_for_span(item: AnalyzedArticle, start: int, end: int) -> tuple[str | None, str]:
    """The date of an event or statement whose trigger (or cue) is at ``[start, end)``.

    1. a dated time expression of the same sentence attached to the trigger's own clause
       ("met *on Tuesday*"; "the meeting *on Tuesday*"), the closest on the dependency path;
    2. else one attached to a clause above the trigger ("*On Tuesday*, officials said they met");
       a time expression inside another clause ("said that they *had met in 2019*") does not date
       the trigger; without a parse, the nearest dated expression of the sentence;
    3. else ``(None, "unknown")`` when the text does not report an act of the news day: a
       background sentence (:func:`is_background`), an act that is only intended, possible or
       yet to come ("will visit", "may bring", "has yet to ratify", "try to negotiate"), or a
       past act the speaker tells of inside a direct quote ("I asked for permission");
    4. else the day the story is at (:func:`.narrative.story_day`): an act of a main clause in
       the simple past goes on with the day the sentence before gave its main act ("Carter met
       Shaer on Tuesday. During a visit to the West Bank, Carter laid a wreath");
    5. else the publication date, precision "day": the news of the day in the past tense ("X
       said on Monday" resolves in 1; "X has signed") happened on the day the article reports.

    A date from 1 or 2 is refused (``(None, "unknown")``) when its year lies outside
    [1800, publication year + 1], or when it lies after the publication day for an act that is
    not future or intended: a past act cannot happen after the article reporting it.
    """
    sent = item.sentence_at(start)
    if sent is None:
        return (item.date, "day") if item.date else (None, "unknown")
    dated = dated_times(item, sent.index)
    in_sent = [t for t in dated if adverbial(item, t)]
    trigger = span_at(item.doc, start, end)
    focus = trigger.root if trigger is not None else None
    own = noun_time(item, dated, focus)
    if own is not None:  # "last year's election", "the 2003 invasion": the noun's own time
        return plausible_date(own, item.date, ahead=True)
    if in_sent:
        chosen: TimeExpression | None
        if item.doc is None:
            chosen = min(in_sent, key=lambda t: min(abs(t.start - end), abs(start - t.end)))
        else:
            chosen = governing_time(item, start, end, in_sent)
        if chosen is not None:
            # a present tense with a time ahead is scheduled ("Blair flies tomorrow", "Arafat
            # meets Albright Monday"), as news tells it
            scheduled = tense_of(trigger) == "present"
            return plausible_date(chosen, item.date, ahead=scheduled or _looks_ahead(trigger, focus))
        if focus is not None and sequenced(focus):
            return None, "unknown"  # "resigned Friday after Abbas called for it": only the order is told
    if _sentence_is_background(item, sent, focus):
        return None, "unknown"
    if focus is not None and (
        _looks_ahead(trigger, focus)
        or _told_in_quote(item, start, focus)
        or _existential_perfect(focus)
        or _told_as_not_done(focus)
        or _past_of_a_participant(focus)
        or _alleged(focus)
    ):
        return None, "unknown"
    day = story_day(item, sent, focus)  # "... met Shaer on Tuesday. Carter laid a wreath": Tuesday
    if day is not None:
        return day, "day"
    return (item.date, "day") if item.date else (None, "unknown")


#: ``item.notes`` key: the background cues of each sentence by index, found once per article.
_CUES_NOTE = "dates.background_cues"
_LOWERS_NOTE = "dates.lowers"  # the doc's LOWER attribute (string ids), once per article


def _sentence_is_background(item: AnalyzedArticle, sent: Any, focus: Any) -> bool:
    """:func:`is_background` for the article's sentence ``sent``, its cues found once per sentence."""
    known: dict[int, tuple[Any, tuple[int | None, ...]]] = item.notes.setdefault(_CUES_NOTE, {})
    if sent.index not in known:
        span: Any = sent.text
        lowers = None
        if item.doc is not None:
            span = span_at(item.doc, sent.start, sent.end) or sent.text
            lowers = item.notes.get(_LOWERS_NOTE)
            if lowers is None:  # one C call per article: no Token objects for the cue look-up
                lowers = item.notes[_LOWERS_NOTE] = item.doc.to_array(LOWER).tolist()
        known[sent.index] = (span, background_cues(span, item.date, lowers))
    span, cues = known[sent.index]
    return is_background(span, item.date, (), focus=focus, cues=cues)


#: Modal auxiliaries that make an act possible, due or demanded rather than done ("can" is
#: left out: "cannot accept" reports a refusal made now).
_MODALS = _WORDS.words("modals")


#: Verbs (and "yet") whose infinitive complement is an act not (yet) done: "has yet to ratify",
#: "try to negotiate", "plans to visit", "wants to meet".
_INTENT_HEADS = _WORDS.words("intent_heads")


def _looks_ahead(trigger: Any, focus: Any) -> bool:
    """True when the trigger's act is future, possible or intended, not done (see _MODALS)."""
    if focus is None:
        return False
    if tense_of(trigger) == "future":
        return True
    verb = clause_of(focus)
    for _ in range(4):
        children = list(verb.children)
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
            return True
        if (
            verb.dep_ == "conj"
            and verb.tag_ == "VB"
            and not any(c.dep_.startswith("nsubj") for c in children)
        ):
            # a base form joined to another ("hopes to discuss food policies and to encourage"):
            # the first conjunct's modality; a tensed one ("and blamed", "have invited") has its own
            verb = verb.head
            continue
        # an infinitive ("plans to visit") or a bare one ("will only let Chavez meet") is held
        # by the verb above it
        bare = verb.tag_ == "VB" and not any(c.dep_ in {"aux", "auxpass"} for c in children)
        infinitive = bare or any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        if not infinitive or verb.dep_ not in {"xcomp", "ccomp"}:
            return False
        head = verb.head
        if _intent_head(head) or any(c.lower_ == "yet" for c in head.children):
            return True
        verb = head
    return False


def _intent_head(tok: Any) -> bool:
    """True for a verb of :data:`_INTENT_HEADS`, by lemma or by form (the small model lemmatises
    "hopes" as "hop")."""
    form = tok.lower_
    return (
        tok.lemma_.lower() in _INTENT_HEADS
        or form in _INTENT_HEADS
        or form.removesuffix("s") in _INTENT_HEADS
    )


def _told_as_not_done(focus: Any) -> bool:
    """True for an act the text says did not happen ("did not receive Carter", "never met the
    envoy", "did not agree to meet"): a happening that did not take place has no day.  A
    refusal ("refused to meet", "declined to comment") is an act of its own and keeps its day."""
    verb = clause_of(focus)
    for _ in range(2):
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in verb.children):
            return True  # "unless we give in", "if talks resume": a condition, not a happening
        if verb.dep_ != "xcomp" or verb.head is verb:
            return False
        verb = verb.head
    return False


#: Nouns and adverbs that make an act alleged (knowledge/data/event_modality_words.yaml).
_ALLEGING = word_lists("event_modality_words.yaml")
_ALLEGING_NOUNS = _ALLEGING.words("alleging_nouns")
_ALLEGING_ADVERBS = _ALLEGING.words("alleging_adverbs")


def _alleged(focus: Any) -> bool:
    """True for an act someone alleges ("accusations that Kazemi was attacked", "allegedly
    paid"): the news is the allegation; the text does not say when the act took place."""
    verb = clause_of(focus)
    if any(c.dep_ == "advmod" and c.lower_ in _ALLEGING_ADVERBS for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ in {"acl", "ccomp"} and head.pos_ == "NOUN" and head.lemma_.lower() in _ALLEGING_NOUNS


def _past_of_a_participant(focus: Any) -> bool:
    """True for a past act told in a relative clause ("President Peres, who criticized the
    planned meeting", "the nomination that was widely criticized"): what the clause tells of a
    participant is background to the news, and the text does not say when it happened."""
    verb = clause_of(focus)
    return verb.dep_ == "relcl" and told_as_past(verb)


def told_as_past(verb: Any) -> bool:
    """True for a verb in the simple past or with a past auxiliary ("set fire", "was killed",
    "had met"), not for "was to meet" (planned) or a verb under "will"."""
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children)


#: Subordinators of a condition.
_CONDITIONS = frozenset({"if", "unless", "whether"})


def _existential_perfect(focus: Any) -> bool:
    """True for "there have been talks / clashes": a state over a past stretch, not an act of
    the news day (the clause's verb is "be" with an expletive subject and a "have" auxiliary)."""
    verb = clause_of(focus)
    if verb.lemma_ != "be":
        return False
    children = list(verb.children)
    return any(c.dep_ == "expl" for c in children) and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in children
    )


def _told_in_quote(item: AnalyzedArticle, start: int, focus: Any) -> bool:
    """True for a past act told inside a direct quote ("I asked for permission," he said): the
    speaker's past, with no date the text gives, is not the news of the day.  What is inside a
    quote is what the one quote finder (:mod:`newsledger.text.quotes`) says, as for every stage."""
    verb = clause_of(focus)
    if verb.tag_ not in {"VBD", "VBN"} and "Past" not in verb.morph.get("Tense"):
        return False
    text = item.article.text
    pieces = [seg for q in find_quotes(text) for seg in q.segments]
    if any(s <= start < e for s, e in pieces):
        return True
    # a statement's span may run over the narration between two pieces of one speaker's quote
    # ('"...processing," the statement said. However, Labor criticised ... "The original ..."'):
    # it counts only where no quoted words come before in the paragraph (a quote whose marks
    # the source lost, told by a colon or a transcript)
    para_start = text.rfind("\n", 0, start) + 1
    if any(para_start <= s < start for s, _ in pieces):
        return False
    return any(
        st.kind == "direct" and st.content_span[0] <= start < st.content_span[1] for st in item.statements
    )


def plausible_date(tx: TimeExpression, anchor: str | None, *, ahead: bool) -> tuple[str | None, str]:
    """``tx``'s date, or ``(None, "unknown")`` when it cannot be the date of the act (see
    :func:`date_for_span`)."""
    value = tx.value
    day0 = _anchor_date(anchor)
    if not value or day0 is None:
        return value, tx.precision if value else "unknown"
    first = _first_day(value)
    if first is None:
        return value, tx.precision
    if not 1800 <= first.year <= day0.year + 1:
        return None, "unknown"
    if first > day0 and not ahead:
        return None, "unknown"
    return value, tx.precision


def _first_day(value: str) -> dt.date | None:
    """The first day of an ISO value at any export precision ("2019-12" -> 2019-12-01)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value[:10])
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        if re.fullmatch(r"\d{3}", value):
            return dt.date(int(value) * 10, 1, 1)
    except ValueError:
        return None
    return None
