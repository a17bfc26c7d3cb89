"""Durations ("three weeks" -> ``P3W``), sets ("every Monday") and vague references
("recently" -> ``PAST_REF``)."""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import (
    _MONTH_RE,
    _UNIT_RE,
    _WEEKDAY_RE,
    _WORD_NUM,
    DAY_PARTS,
    FUTURE_WORDS,
    ORDINALS,
    PAST_WORDS,
    PRESENT_WORDS,
    UNITS,
    VAGUE,
    _fmt_num,
    _month_of,
    _num,
    _unit_key,
    _weekday_of,
)


def _duration(n: float | None, unit: str) -> str:
    letter, timeish = UNITS[unit]
    if letter == "WE":
        return f"P{_fmt_num(2 * n) if n is not None else 'X'}D"
    if letter == "Q":
        return f"P{_fmt_num(n) if n is not None else 'X'}Q"
    if letter == "DE":
        return f"P{_fmt_num(10 * n)}Y" if n is not None else "PXDE"
    if n is not None and n != int(n):
        # 2 1/2 years -> P2Y6M, a minute and a half -> PT1M30S
        whole, frac = int(n), n - int(n)
        sub = {"Y": ("M", 12), "M": ("D", 30) if not timeish else ("S", 60), "H": ("M", 60), "D": ("H", 24)}
        if letter in sub:
            sl, mult = sub[letter]
            body = (
                f"{whole}{letter}{_fmt_num(round(frac * mult))}{sl}"
                if whole
                else f"{_fmt_num(round(frac * mult))}{sl}"
            )
            return f"PT{body}" if timeish else f"P{body}"
    count = _fmt_num(n) if n is not None else "X"
    return f"PT{count}{letter}" if timeish else f"P{count}{letter}"


#: "ago", "from now", "hence" make a point in time, never a duration ("3000 years ago" is no
#: calendar date the export can hold, and not a length of time either).
_POINT_IN_TIME = re.compile(r"\b(?:ago|from now|hence)$")


_VAGUE_PERIOD = re.compile(
    r"(?:the |in )?(recent|past|last few|past few|past several|last several|coming|next few|upcoming)"
    r" (?:days|weeks|months|years|decades|quarters)"
)


def _parse_vague(t: str) -> str | None:
    if t in PRESENT_WORDS or t == "today":
        return "PRESENT_REF"
    if t in FUTURE_WORDS or re.search(r"\b(coming|ahead|upcoming|future)\b", t):
        return "FUTURE_REF"
    if t in PAST_WORDS or re.search(r"\b(recent|past|ago|earlier|previous)\b", t):
        return "PAST_REF"
    return None


def _parse_set(t: str, *, strict: bool = False) -> str | None:
    simple = {
        "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q",
        "annually": "P1Y", "yearly": "P1Y", "annual": "P1Y", "hourly": "PT1H",
    }  # fmt: skip
    if t in simple:
        return simple[t]
    m = re.fullmatch(r"(?:every|each|per|a|an|once a|twice a) (?:other )?" + _UNIT_RE, t)
    if m:
        unit = _unit_key(m.group("unit"))
        return _duration(1, unit)
    m = re.fullmatch(
        r"(?:every|each|on) " + _WEEKDAY_RE + r"s?(?: (?P<part>morning|afternoon|evening|night)s?)?", t
    )
    if m is None and not strict:
        m = re.fullmatch(_WEEKDAY_RE + r"s?(?: (?P<part>morning|afternoon|evening|night)s?)?", t)
    if m:
        wd = _weekday_of(m.group("wd"))
        part = DAY_PARTS.get(m.group("part") or "", "")
        return f"XXXX-WXX-{(wd or 0) + 1}" + (f"T{part}" if part else "")
    m = re.fullmatch(r"(?:every|each) " + _MONTH_RE, t)
    if m:
        return f"XXXX-{_month_of(m.group('month')):02d}"
    if strict:
        return None
    m = re.fullmatch(r"(?:the )?(?P<ord>first|second|third|fourth)[ -]quarters?", t)
    if m:
        return f"XXXX-Q{ORDINALS[m.group('ord')]}"
    m = re.fullmatch(r"(?:the )?(?:\w+ )?" + _UNIT_RE, t)
    if m:
        return _duration(1, _unit_key(m.group("unit")))
    return None


def _parse_duration(t: str, day0: dt.date | None) -> str | None:
    t = re.sub(r"^(?:the |each of the |at least the )", "", t)
    t = re.sub(r"^(?P<a>[\w-]+)(?: to | or )(?:[\w-]+ )?(?=[a-z])", r"\g<a> ", t)  # "two to three weeks"
    t = re.sub(
        r"\b(?:fiscal|calendar|trading|business|working|additional|more|extra|straight|consecutive|full) ",
        "",
        t,
    )
    t = re.sub(r"\b(\w+s) or \w+s$", r"\1", t)  # "weeks or months"
    t = re.sub(r"^(?:a )?couple of ", "couple ", t)
    t = re.sub(
        r"^(?:past|last|next|coming|previous|first|latest|following|final|initial|recent|preceding|ensuing|same|remaining|more|additional|further|whole|full|entire|early|other)\s+",
        "",
        t,
    )
    t = re.sub(r"\s+(?:ago|earlier|later|before|after|since|long|old|more|or so|ahead)$", "", t)
    t = re.sub(r"-(?:old|long)$", "", t)
    m = re.fullmatch(
        r"(?P<num>" + _WORD_NUM + r"(?: and a half)?)?[ -]?" + _UNIT_RE + r"(?: term| period| span)?", t
    )
    if m:
        unit = _unit_key(m.group("unit"))
        numtext = (m.group("num") or "").strip()
        if not numtext or numtext in {"the", "this", "that"}:
            n: float | None = 1.0
            if m.group("unit").endswith("s") and unit != "century":
                n = None
        elif "couple" in numtext:
            n = 2
        elif numtext in VAGUE or numtext.split()[-1] in {"few", "several", "many", "some"}:
            n = None
        else:
            n = _num(numtext.replace(" and a half", " half"))
            if n is None:
                return None
        if unit in {"century"} and n is None:
            return "PXE"
        return _duration(n, unit)
    m = re.fullmatch(r"(?:a|an|one) (?P<unit>\w+) and a half", t)
    if m and _unit_key(m.group("unit")) in UNITS:
        return _duration(1.5, _unit_key(m.group("unit")))
    m = re.fullmatch(r"(?P<ord>first|second|third|fourth)[ -]quarter", t)
    if m and day0 is not None:
        return None  # a dated quarter: let the date rules handle it
    return None
