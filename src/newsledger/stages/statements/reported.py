"""Pass 2: reported speech outside quotation marks ("X said that …", "according to X")."""

from __future__ import annotations

from typing import Any

from spacy.attrs import POS
from spacy.symbols import AUX, VERB

from ...text.quotes import ALL_MARKS
from ..nlp import lowers_of
from .context import Attribution, Context
from .modality import evidence_only, not_a_speech_verb, open_question, small_clause
from .quoted import quoting_speaker
from .relayed import relayed_tokens
from .syntax import (
    _SAY_FORMS,
    clean_span,
    complement_of,
    cue_extent,
    is_cue_token,
    span_of,
    speaker_above,
    speaker_head,
    speaker_span,
    subject_of,
    without_other_reports,
)

FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us", "u"})


#: What a cue can be (see ``is_cue_token`` and "according to"): a verb, an auxiliary, a form of
#: "say" (often tagged PROPN) or "according".
_CUE_POS = frozenset({VERB, AUX})
_CUE_WORDS = _SAY_FORMS | {"according"}


def _possible_cues(doc: Any) -> list[int]:
    """The tokens that may be a cue, read from one array: the others (most of the text) are
    never made Token objects."""
    if not len(doc):
        return []
    lowers = lowers_of(doc)
    return [
        i for i, pos in enumerate(doc.to_array(POS).tolist()) if pos in _CUE_POS or lowers[i] in _CUE_WORDS
    ]


def reported_attributions(
    ctx: Context, taken: set[int], quoted_spans: list[tuple[int, int]]
) -> list[Attribution]:
    """Indirect statements: cue verbs with a clausal complement, and "according to X"."""
    found: list[Attribution] = []
    lex = ctx.lex
    cues = lex.reported_cues | lex.objects | lex.attitude  # once, not per token
    for i in _possible_cues(ctx.doc):
        tok = ctx.doc[i]
        if i in taken or ctx.quoted(tok):
            continue
        according = tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)
        if not according and not is_cue_token(tok, cues):
            continue
        if lex.speech_only and (
            evidence_only(tok, subject_of(tok), lex) or small_clause(tok) or not_a_speech_verb(tok)
        ):
            continue  # "a poll shows that …", "police found him dead": no one put forward a claim
        head = speaker_head(tok)
        if head is not None and ctx.quoted(head):
            head = quoting_speaker(head, ctx.quoted, lex.quote_cues | lex.reported_cues)
        if head is not None and head.pos_ == "PRON":
            head = speaker_above(tok, head, lex.reported_cues) or head
        if head is None or head.lower_ in FIRST_SECOND_PERSON:
            continue  # "I think …" outside marks is a quotation the marks missed, or the author
        if according:
            own = {t.i for t in tok.subtree}
            clause = (
                [t for t in tok.head.subtree if t.i not in own and not t.is_punct] if tok.head != tok else []
            )
            content = clause or None
        else:
            content = complement_of(tok, lex)
        if not content:
            continue
        content = without_other_reports(content, tok, lex.reported_cues)
        relay = relayed_tokens(tok)
        content = [t for t in content if t.i not in relay]
        content.sort(key=lambda t: t.i)
        # a leading "that" is the complementiser, not what was said
        while content and (
            content[0].is_punct or (content[0].dep_ == "mark" and content[0].lower_ == "that")
        ):
            content.pop(0)
        if not content or (lex.speech_only and open_question(tok, content[0].text, lex)):
            continue  # "only the voters know who they will pick": nothing is asserted
        span = clean_span(ctx.text, *span_of(content))
        if span[1] <= span[0] or len(content) < 2:
            continue
        if any(s < span[1] and span[0] < e for s, e in quoted_spans):
            continue  # the quotation pass already covers it
        has_marks = any(ch in ALL_MARKS for ch in ctx.text[span[0] : span[1]])
        cue_span, cue_text = cue_extent(tok)
        found.append(
            Attribution(
                cue=tok,
                cue_span=cue_span,
                cue_text=cue_text,
                speaker_head=head,
                speaker_span=speaker_span(head),
                kind="partial" if has_marks else "indirect",
                content_span=span,
            )
        )
    return found
