"""Finding time expressions in a parsed text (spaCy ``DATE``/``TIME`` entities, minus ages and
bare numbers, plus patterns the small model misses)."""

from __future__ import annotations

import re
from typing import Any

from ..nlp import text_of
from .lexicon import _MONTH_RE

_EXTRA_RE = re.compile(
    r"\b(?:"
    r"(?:(?:early|late|mid)[ -])?"
    + _MONTH_RE.replace("?P<month>", "?:")
    + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|(?:in|since|by|until|during|of)\s+(?:(?:early|late|mid)[ -])?"
    + _MONTH_RE.replace("?P<month>", "?:")
    + r"(?:,?\s+\d{4})?"
    r"|(?:in|since|by|until|during|from|of|before|after)\s+(?:the\s+)?(?:(?:early|late|mid)[ -])?(?:1[5-9]|20)\d0s"
    r"|(?:in|since|by|until|during|from|of|before|after)\s+(?:(?:early|late|mid)[ -])?(?:1[5-9]\d\d|20\d\d)"
    r"|(?:last|this|next|past)\s+(?:week|month|year|weekend|decade|quarter|summer|winter|spring|fall|autumn)"
    r"|(?:earlier|later)\s+(?:this|that|last|next)\s+(?:week|month|year)"
    r"|(?:yesterday|tomorrow|today|tonight)"
    r"|(?:on\s+)?(?:last\s+|next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\s+ago"
    r"|now|nowadays|currently|recently|lately"
    r"|the\s+(?:near\s+|distant\s+)?future|the\s+past|in\s+recent\s+(?:days|weeks|months|years)"
    r"|daily|every\s+(?:day|week|month|year)|each\s+(?:day|week|month|year)"
    r"|(?:last\s+|next\s+)?(?:thanksgiving(?:\s+day)?|christmas(?:\s+day|\s+eve)?|new\s+year's\s+(?:day|eve)|election\s+day|independence\s+day|easter(?:\s+sunday)?)"
    r")\b",
    re.I,
)


_LEAD = re.compile(r"^(?:in|on|since|by|until|during|from|of|before|after|at)\s+", re.I)


# spaCy DATE entities that TimeML does not count as time expressions: ages, bare numbers,
# model numbers and adjectives of frequency.
_NOT_TIMEX = re.compile(
    r"^(?:\d+|[a-z]+)[- ](?:year|month|week|day)s?[- ]old$|^(?:\d+|[a-z]+(?:-[a-z]+)?) (?:years?|months?) old$"
    r"|^(?:aged? )?\d{1,3}$|^\d{5,}$|^(?:annual|quarterly|seasonally|olympic|biannual|the age of \d+)$",
    re.I,
)


#: "the day" / "the previous week" ... and the adverb that places it against the last date told
_ANAPHORIC_HEAD = re.compile(r"^(?:the|that) (?:day|night|week|month|year)$", re.I)
_ANAPHORIC_TAIL = re.compile(
    r" (?:before|earlier|later|after)(?=\s*[,.;:!?)]|\s*$)", re.I
)  # not "the day before the vote"


_PARTS = re.compile(r"^(?:morning|afternoon|evening|night|nights|noon|midnight)$", re.I)


_PERIOD_SPLIT = re.compile(r"\s+(?:ended|ending|through|to|until)\s+", re.I)


def _split_period(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "the quarter ended Sept. 30" -> "the quarter", "Sept. 30" (TimeML marks both)."""
    m = _PERIOD_SPLIT.search(text, start, end)
    if m is None:
        return [(start, end)]
    return [(start, m.start()), (m.end(), end)]


def find_dates(doc: Any) -> list[tuple[int, int, str, Any]]:
    """(start_char, end_char, text, spaCy span or None) of time expressions in a parsed doc.

    spaCy's DATE/TIME entities first (without ages such as "52-year-old", bare numbers and a
    possessive "'s"), adjacent pieces merged ("Wednesday" + "night"), then what the regex finds
    outside them (the small model misses many "on Tuesday"/"in 2018" and all of "recently",
    "now", "the future").  Leading prepositions are trimmed.
    """
    full = text_of(doc)
    spans: list[tuple[int, int]] = []
    labels: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in {"DATE", "TIME"}:
            continue
        for start, end in _split_period(full, ent.start_char, ent.end_char):
            text = full[start:end]
            if text.endswith(("'s", "\u2019s")):
                end -= 2
                text = text[:-2]
            if not text.strip() or _NOT_TIMEX.match(text.strip()):
                continue
            after = _ANAPHORIC_TAIL.match(full, end) if _ANAPHORIC_HEAD.match(text) else None
            if after:  # "the day before", "the week after": the model's entity stops at "day"
                end, text = after.end(), full[start : after.end()]
            if spans and re.fullmatch(r" |, ", full[spans[-1][1] : start]):
                prev = full[spans[-1][0] : spans[-1][1]]
                # "Wednesday" + "night", "5 p.m. EST" + "Nov. 9", "mid-afternoon" + "yesterday"
                if _PARTS.match(text) or _PARTS.match(prev) or "TIME" in {ent.label_, labels[-1]}:
                    spans[-1] = (spans[-1][0], end)
                    continue
            spans.append((start, end))
            labels.append(ent.label_)
    taken = list(spans)
    # names are no dates: "USA Today", "The Sunday Times", "Good Friday Agreement"
    names = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL"}
    ]
    for m in _EXTRA_RE.finditer(full):
        start, end = m.start(), m.end()
        lead = _LEAD.match(m.group(0))
        if lead:
            start += lead.end()
        if any(s < end and start < e for s, e in taken) or any(s < end and start < e for s, e in names):
            continue
        if m.group(0).lower().strip() == "may":
            continue
        taken.append((start, end))
    found: list[tuple[int, int, str, Any]] = []
    for start, end in sorted(taken):
        span = doc.char_span(start, end, alignment_mode="expand")
        found.append((start, end, full[start:end], span))
    return found


def _kind_of(value: str | None, text: str) -> str:
    if value is None:
        return "DATE"
    if (
        value.startswith("XXXX")
        or re.match(r"P1[DWMYQ]$|PT1H$", value)
        and re.search(r"\b(every|each|daily|weekly|monthly|annual|yearly|per)\b", text, re.I)
    ):
        return "SET"
    if value.startswith("P") and not value.endswith("_REF"):
        return "DURATION"
    if "T" in value[10:] or re.search(r"T\d\d", value):
        return "TIME"
    return "DATE"
