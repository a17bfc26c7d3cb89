"""From attributions to Statement records: content, speaker, date, medium, reporters, stance."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ...knowledge.actors.duplicates import FORMS_OF_ADDRESS
from ...knowledge.framing import Lexicon
from ...models import AboutRef, ActorRef, AnalyzedArticle, Sentence, Statement
from ...pipeline import Resources
from ...text.normalize import norm_key
from ...text.quotes import ALL_MARKS, FILLER
from ...text.stance import NEUTRAL, StanceLexicon, lexical_stances
from ..actors import kb_for
from ..dates import date_for_span, plausible_date
from .context import Attribution, Context, merge_spans
from .lexicon import NAME, CueLexicon, framing_lexicon, outlet_registry
from .modality import speech_flags
from .quoted import headline_attribution, quote_attributions, transcript_attributions
from .relayed import relayed_by
from .reported import reported_attributions
from .speakers import Voice, described_voice, resolve_speaker, voice_of, went_on
from .syntax import named_in_apposition, speaker_span


def statement_id(article_id: str, span: tuple[int, int], speaker_no: int = 0) -> str:
    """A stable id from the content's place; the second and later of conjoined speakers of one
    content ("according to A and B") add their rank."""
    key = f"{article_id}:{span[0]}:{span[1]}" + (f":{speaker_no}" if speaker_no else "")
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def _each_speaker(atts: list[Attribution]) -> list[Attribution]:
    """One attribution per conjoined speaker: "according to US military analysis and official
    Chinese reports" and "Smith and Jones said" report what each of them said."""
    out: list[Attribution] = []
    for att in atts:
        out.append(att)
        head = att.speaker_head
        if head is None or head.pos_ not in ("NOUN", "PROPN"):
            continue
        c0, c1 = att.content_span
        others = [c for c in _conjuncts(head) if not c0 <= c.idx < c1]  # never a word of what is said
        for k, conj in enumerate(others, 1):
            # "Lloyd and his NSW counterpart Joe Tripodi said": the name in apposition speaks
            named = named_in_apposition(conj) if conj.pos_ == "NOUN" else None
            conj = named or conj
            out.append(replace(att, speaker_head=conj, speaker_span=speaker_span(conj), speaker_no=k))
    return out


def _conjuncts(head: Any) -> list[Any]:
    """The nouns conjoined to ``head`` ("A, B and C": B and C), in order."""
    found: list[Any] = []
    node = head
    while True:
        nxt = next((c for c in node.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")), None)
        if nxt is None or nxt in found:
            return found
        found.append(nxt)
        node = nxt


def _content_text(text: str, att: Attribution, marks: frozenset[int] = frozenset()) -> str:
    """The content as read: quotation marks dropped (single marks only where they quote)."""
    pieces = []
    for s, e in merge_spans(att.parts):
        piece = text[s:e].replace("''", FILLER * 2).replace("``", FILLER * 2)
        pieces.append(
            "".join(ch for k, ch in enumerate(piece, s) if ch not in ALL_MARKS + FILLER and k not in marks)
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
    registry = outlet_registry(res)
    for match in _TOLD_OUTLET.finditer(text):
        words = re.sub(r"[’']s\b.*$", "", match.group(1)).split()
        for n in range(len(words), 0, -1):  # longest known outlet name first
            outlet = registry.by_name(" ".join(words[:n]))
            if outlet is not None:
                return str(outlet.name)
    return None


def _date_for(item: AnalyzedArticle, start: int, end: int) -> tuple[str | None, str]:
    """The date of the statement whose cue is at ``[start, end)``: the cue's own time, by the
    dates stage's rule for a trigger (a time inside the reported content does not date it)."""
    value, precision = date_for_span(item, start, end)
    return value, str(precision or "unknown")


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
    value, precision = plausible_date(dated[0], item.date, ahead=False)  # a statement made, not planned
    return (value, precision) if value else None


def _about(
    item: AnalyzedArticle,
    ctx: Context,
    att: Attribution,
    speaker: ActorRef | None,
    stance: StanceLexicon,
    framing: Lexicon,
) -> tuple[AboutRef, ...]:
    """The actors the content names, with the speaker's stance toward each: the cue words that
    apply to the name (:func:`newsledger.text.stance.lexical_stances`, the reading contradictions
    cite), else the polarity of the words that govern it, of its clause, of the content."""
    cs, ce = att.content_span
    mentions = [
        m
        for m in item.mentions
        if m.actor_id
        and cs <= m.start
        and m.end <= ce
        and (speaker is None or m.actor_id != speaker.actor_id)
    ]
    located = [(m.start - cs, m.end - cs, m.actor_id or "", m.text) for m in mentions]
    named = lexical_stances(ctx.text[cs:ce], located, framing)
    # the polarity of the whole content is the stance toward an actor only when it names one
    whole = len({m.actor_id for m in mentions}) == 1
    scorer = _ClauseStance(ctx, att, stance, whole)
    seen: dict[str, AboutRef] = {}
    for m in mentions:
        actor = item.actors.get(m.actor_id or "")
        if actor is None or actor.actor_id in seen or _names_the_speaker(m.text, speaker):
            continue
        cue = named.get(actor.actor_id)
        if actor.actor_id.startswith(_UNIDENTIFIED):
            label = NEUTRAL  # "a benign dictator", "the media": no one in particular is judged
        elif cue is not None and cue.applied and cue.stance != NEUTRAL:
            label = cue.stance  # "X is a terrorist group", "praised X", "determined in the struggle"
        else:
            label = scorer.label(m.start, m.end)
        seen[actor.actor_id] = AboutRef(actor.actor_id, actor.name, label)
    return tuple(seen.values())


#: Collectives of no known country ("unidentified media"), the actors stage's ids for them.
_UNIDENTIFIED = "group:---"


def _names_the_speaker(text: str, speaker: ActorRef | None) -> bool:
    """ "Katherine Rich said … which Ms Rich said …": a form of address (the actor knowledge's,
    which the actors stage reads too) and the speaker's surname name the speaker, whatever
    actor the mention was resolved to."""
    words = text.replace(".", "").split()
    if speaker is None or len(words) != 2 or words[0].lower() not in FORMS_OF_ADDRESS:
        return False
    return speaker.name.split()[-1:] == words[1:]


def _may_judge(tok: Any, stance: StanceLexicon) -> bool:
    """Whether a word can carry the speaker's judgement: not a preposition or a particle, nor an
    adverb of place or time ("a flight back from the forum" backs no one), unless it negates."""
    if tok.lower_ in stance.negators or tok.lemma_.lower() in stance.negators:
        return True
    if tok.pos_ in ("ADP", "PART"):
        return False
    return bool(tok.pos_ != "ADV" or tok.lower_.endswith("ly"))


class _ClauseStance:
    """The stance lexicon's polarity around a mention: the words that govern it ("struggle
    against America"), else its clause (its nearest verb ancestor's subtree, inside the
    content), else the whole content; the cue's own polarity goes to the actors in its object
    ("condemned X")."""

    def __init__(self, ctx: Context, att: Attribution, stance: StanceLexicon, use_whole: bool = True) -> None:
        self.ctx, self.stance, self.use_whole = ctx, stance, use_whole
        self.cs, self.ce = att.content_span
        self.cue_score = stance.polarity([att.cue_lemma]) if att.cue is not None else 0
        self.cue_objects = {
            t.i
            for c in (att.cue.children if att.cue is not None else ())
            if c.dep_ in ("dobj", "oprd")
            for t in c.subtree
        }
        # the whole content's polarity, read only where it is used
        self.whole = self._polarity(ctx.tokens(self.cs, self.ce)) if use_whole else 0

    def _polarity(self, toks: list[Any]) -> int:
        toks = [t for t in toks if _may_judge(t, self.stance)]
        return self.stance.polarity([t.text for t in toks], [t.lemma_ for t in toks])

    def label(self, start: int, end: int) -> str:
        cs, ce = self.cs, self.ce
        toks = self.ctx.tokens(start, end)
        clause: list[Any] = []
        score = 0
        if toks:
            node = toks[-1]
            governors: list[Any] = []
            while node.head != node and node.pos_ not in ("VERB", "AUX"):
                node = node.head
                governors.append(node)
            if governors:
                gov = {t.i: t for g in governors for t in (g, *g.children) if cs <= t.idx < ce}
                score = self._polarity(sorted(gov.values(), key=lambda t: t.i))
            # its own clause: not the clauses conjoined to it ("X met Y and the talks failed")
            joined = {t.i for c in node.children if c.dep_ == "conj" for t in c.subtree}
            clause = [t for t in node.subtree if cs <= t.idx < ce and t.i not in joined]
        if score == 0 and clause:
            score = self._polarity(clause)
        if score == 0 and self.use_whole:
            score = self.whole
        if self.cue_score and toks and toks[-1].i in self.cue_objects:
            score += self.cue_score
        return "supportive" if score > 0 else "critical" if score < 0 else NEUTRAL


def _reporters(item: AnalyzedArticle, res: Resources, report_atts: Iterable[Attribution]) -> list[ActorRef]:
    """The outlet's actor and the organisations that "reported that" in the article."""
    refs: dict[str, ActorRef] = {}
    names: set[str] = set()
    art = item.article
    # a broken user registry is a KnowledgeError that names its file: it fails the stage loudly
    outlet = outlet_registry(res).identify(site=art.site, name=art.outlet, text=art.text)
    if art.outlet:
        names.add(art.outlet)
    if outlet is not None:
        names.update((outlet.name, *outlet.names))
    keys = {norm_key(n) for n in names if n}
    if keys:
        for actor in item.actors.values():
            if {norm_key(actor.name), *(norm_key(a) for a in actor.aliases)} & keys:
                refs.setdefault(actor.actor_id, actor.ref_on(item.date))
    for att in report_atts:
        if att.speaker_head is None:
            continue
        heads = [att.speaker_head, *(c for c in att.speaker_head.subtree if c.dep_ == "conj")]
        for head in heads:
            ref = item.actor_ref_at(head.left_edge.idx, head.idx + len(head))
            org = item.actors.get(ref.actor_id) if ref else None
            if ref is not None and org is not None and org.kind in ("organization", "group"):
                refs.setdefault(ref.actor_id, ref)
    return list(refs.values())


def extract(
    item: AnalyzedArticle, lex: CueLexicon, stance: StanceLexicon, res: Resources | None = None
) -> None:
    """Fill ``item.statements`` and ``item.reporters`` from a parsed article."""
    framing = framing_lexicon(res)
    kb = kb_for(res) if res is not None else None
    ctx = Context(item, lex)
    atts = quote_attributions(ctx)
    atts += [
        t
        for t in transcript_attributions(ctx)
        if not any(
            a.content_span[0] < t.content_span[1] and t.content_span[0] < a.content_span[1] for a in atts
        )
    ]
    headline = headline_attribution(ctx)
    if headline is not None and not any(a.content_span[0] < headline.content_span[1] for a in atts[:1]):
        atts.insert(0, headline)
    taken = {a.cue.i for a in atts if a.cue is not None}
    quoted = [a.content_span for a in atts]
    atts += reported_attributions(ctx, taken, quoted)
    atts = _each_speaker(sorted(atts, key=lambda a: a.content_span))

    report_atts = [a for a in atts if a.cue_lemma == "report"]
    item.reporters = _reporters(item, res, report_atts) if res is not None else []
    text = ctx.text
    statements: list[Statement] = []
    seen: set[tuple[int, int, int]] = set()
    voice: Voice | None = None  # the described speaker a later "he" may go on with
    lemmas: dict[str, str] = {}  # statement id -> its cue's lemma
    for att in atts:
        if (*att.content_span, att.speaker_no) in seen:
            continue
        seen.add((*att.content_span, att.speaker_no))
        content = _content_text(text, att, ctx.single_marks)
        if not content:
            continue
        sentence = item.sentence_at(att.cue_span[0]) or item.sentence_at(att.content_span[0])
        if sentence is None:
            sentence = Sentence(-1, att.content_span[0], att.content_span[1], text[slice(*att.content_span)])
        bounds = [att.content_span, att.cue_span] + ([att.speaker_span] if att.speaker_span else [])
        span = (min(b[0] for b in bounds), max(b[1] for b in bounds))
        date, precision = _date_for(item, *att.cue_span)
        speaker = resolve_speaker(
            item, att.speaker_head, att.speaker_span, date if precision == "day" else None, kb
        )
        first = item.sentence_at(span[0]) or sentence
        lead = _lead_date(item, first, sentence, speaker) if att.kind == "direct" else None
        if lead is not None and lead[0] != date:
            date, precision = lead
            speaker = resolve_speaker(
                item, att.speaker_head, att.speaker_span, date if precision == "day" else None, kb
            )
        went = described_voice(item, att.speaker_head, voice)
        if went is not None and voice is not None:
            speaker, voice = went, went_on(item, voice, att.speaker_head, att.content_span)
        elif att.speaker_head is not None and not _inside_content(att.speaker_head.idx, atts):
            # (a speaker inside what someone else said, "he added that the NRMA would agree",
            # does not take the floor)
            voice = voice_of(item, att.speaker_head, speaker, att.content_span)
        reported = _reported_by(item, att, speaker)
        prev_sent = item.sentences[sentence.index - 1].text if sentence.index > 0 and item.sentences else ""
        medium = (
            medium_of(att.cue_text, lex)
            or _outlet_medium(sentence.text, res)
            or medium_of(sentence.text, lex)
            or medium_of(prev_sent, lex)
        )
        negated, hypothetical = speech_flags(att.cue) if att.cue is not None else (False, False)
        sid = statement_id(item.article.article_id, att.content_span, att.speaker_no)
        lemmas[sid] = att.cue_lemma
        statements.append(
            Statement(
                statement_id=sid,
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
                about=_about(item, ctx, att, speaker, stance, framing),
                negated=negated,
                hypothetical=hypothetical,
            )
        )
    item.statements = _without_nested(statements, lemmas, lex) if lex.speech_only else statements


def _without_nested(statements: list[Statement], lemmas: dict[str, str], lex: CueLexicon) -> list[Statement]:
    """A ledger of speech acts drops a cue inside what another statement reports when it adds no
    speech act of its own: the same speaker saying or believing it ("Carman said he believed that
    …", "a spokesman for the NRMA added that the NRMA would agree …": one statement), or a mere
    belief reported by someone else ("she told the paper that her son feared that …": hers).
    PolNeAR's attributions keep both."""
    relayed: dict[str, list[ActorRef]] = {}  # statement id -> who relays it
    dropped: set[str] = set()
    for st in statements:
        inner = _relayed(st, statements, lemmas)
        if inner and st.speaker is not None:
            dropped.add(st.statement_id)
            for o in inner:
                relayed.setdefault(o.statement_id, []).append(st.speaker)
    kept = []
    for st in statements:
        if st.statement_id in dropped:
            continue
        if st.statement_id in relayed:
            st = _reported_also(st, relayed[st.statement_id])
        if st.cue_span is None:  # a dash or a colon frame: no cue word to be nested
            kept.append(st)
            continue
        c0, c1 = st.cue_span
        outer = [
            o
            for o in statements
            if o is not st
            and o.content_span[0] <= c0
            and c1 <= o.content_span[1]
            and o.content_span[0] <= st.content_span[0]
            and st.content_span[1] <= o.content_span[1]  # what it says is inside too
            and o.cue_span != st.cue_span
        ]
        if any(_same_voice(st, o) or _only_belief(st, lemmas, lex) for o in outer):
            continue
        kept.append(st)
    return kept


def _reported_also(st: Statement, relays: list[ActorRef]) -> Statement:
    """``st`` with ``relays`` first among who reports it."""
    known = {r.actor_id for r in st.provenance.reported_by}
    added = tuple(r for r in relays if r.actor_id not in known)
    if not added:
        return st
    return replace(st, provenance=replace(st.provenance, reported_by=added + st.provenance.reported_by))


def _relayed(st: Statement, statements: list[Statement], lemmas: dict[str, str]) -> list[Statement]:
    """The statements ``st`` only passes on: "BBC Monitoring reported that Iranian television
    said …": an outlet (or anyone who "reported") passing on what another speaker said is who
    reports that statement (its ``reported_by``), not a speaker of its own."""
    media = st.speaker is not None and st.speaker.sector == "MED"
    if not media and lemmas.get(st.statement_id) != "report":
        return []
    c0, c1 = st.content_span
    return [
        o
        for o in statements
        if o is not st
        and o.cue_span is not None
        and o.speaker_span is not None
        and c0 <= o.cue_span[0] < c1
        and c0 <= o.speaker_span[0] < c1
        and not _same_voice(st, o)
    ]


def _same_voice(st: Statement, outer: Statement) -> bool:
    return (
        st.speaker is not None and outer.speaker is not None and st.speaker.actor_id == outer.speaker.actor_id
    )


def _only_belief(st: Statement, lemmas: dict[str, str], lex: CueLexicon) -> bool:
    """A cue of belief only, not of saying ("believed", "fear", "expect")."""
    lemma = lemmas.get(st.statement_id, "")
    return lemma in lex.belief and lemma not in lex.speech


def _inside_content(offset: int, atts: list[Attribution]) -> bool:
    return any(a.content_span[0] <= offset < a.content_span[1] for a in atts)


def _reported_by(item: AnalyzedArticle, att: Attribution, speaker: ActorRef | None) -> tuple[ActorRef, ...]:
    """Who passes the statement on: the outlet the sentence names as relaying it ("Reuters quoted X
    as saying", "…, according to CNN") first, then the article's reporters; never the speaker."""
    relay = relayed_by(att.cue)
    # the relay's noun phrase: "BBC Monitoring" is named by its "BBC"
    first = item.actor_ref_at(relay.left_edge.idx, relay.idx + len(relay)) if relay is not None else None
    refs = ([first] if first is not None else []) + list(item.reporters)
    out: dict[str, ActorRef] = {}
    for ref in refs:
        if speaker is None or ref.actor_id != speaker.actor_id:
            out.setdefault(ref.actor_id, ref)
    return tuple(out.values())
