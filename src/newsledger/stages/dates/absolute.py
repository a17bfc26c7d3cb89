"""Dates written out in the text: ISO and numeric dates, "January 27, 2021", "March 2019",
decades, centuries, seasons and quarters with their year, bare years.

Each form is one rule (see :mod:`.rules`), tried in the order of :data:`ABSOLUTE_RULES`.
"""

from __future__ import annotations

import datetime as dt
import re

from .days import _resolve_month_year, _week, _with_time
from .lexicon import _MONTH_RE, _YEAR_RE, ORDINALS, SEASONS, SMALL, _month_of, _year_words
from .rules import NO_DATE, Ask, Rule, first_answer

_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
_REL_YEAR = {"last": -1, "this": 0, "next": 1}


def _parse_absolute(t: str, day0: dt.date | None, tense: str | None, kind: str | None) -> str | None:
    return first_answer(ABSOLUTE_RULES, Ask(t, day0, tense, kind))


def _numeric(ask: Ask) -> str | None:
    """ISO dates anywhere in the text, 27.01.2021 (day first), Q3 2019, 1/27/21 (month first)."""
    t = ask.t
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", t)  # 27.01.2021, day first
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    m = re.fullmatch(r"q([1-4]),? (\d{4})|(\d{4}),? q([1-4])", t)
    if m:
        return f"{m.group(2) or m.group(3)}-Q{m.group(1) or m.group(4)}"
    return None


def _week_of(ask: Ask) -> str | None:
    """ "the week of March 3" (that week), "the first week of August" (that month)."""
    m = re.fullmatch(r"(?:the )?week of (.+)", ask.t)
    if m:
        inner = _parse_absolute(m.group(1), ask.day0, ask.tense, "DATE")
        if inner and re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner):
            return _week(dt.date.fromisoformat(inner))
    m = re.fullmatch(r"(?:the )?(?:first|second|third|fourth|last|final) week of (.+)", ask.t)
    if m:
        inner = _parse_absolute(m.group(1), ask.day0, ask.tense, "DATE")
        if inner and re.fullmatch(r"\d{4}-\d{2}", inner):
            return inner
    return None


def _slashed(ask: Ask) -> str | None:
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", ask.t)
    if not m:
        return None
    yy = int(m.group(3))
    yy = yy + (1900 if yy > 30 else 2000) if yy < 100 else yy
    return dt.date(yy, int(m.group(1)), int(m.group(2))).isoformat()


def _month_day(ask: Ask) -> str | None:
    """ "January 27(, 2021)", "27 January (2021)", "February 11 of last year"."""
    t, day0 = ask.t, ask.day0
    m = re.search(
        _MONTH_RE + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(?:of\s*)?" + _YEAR_RE + r")?", t
    ) or re.search(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s*" + _YEAR_RE + r")?", t
    )
    if not m:
        return None
    month = _month_of(m.group("month"))
    day = int(m.group("day"))
    if not month or not 1 <= day <= 31:
        return None
    rel_year = re.search(r"\b(?:of )?(last|this|next) year\b", t[m.end() :])
    if m.group("year"):
        year = int(m.group("year"))
    elif rel_year and day0 is not None:  # "February 11 of last year"
        year = day0.year + _REL_YEAR[rel_year.group(1)]
    elif day0 is not None:
        year = _resolve_month_year(month, day, day0, ask.tense)
    else:
        return f"XXXX-{month:02d}-{day:02d}"
    return _with_time(dt.date(year, month, day).isoformat(), t, ask.kind)


_MONTH_YEAR = re.compile(
    r"(?:(?P<mod>early|late|mid|the middle of|the end of|the beginning of|the start of|end of|beginning of|start of|this|last|next|this past|in|the month of)[ -]+)?"
    + _MONTH_RE
    + r"(?:,?\s*(?:of\s+)?(?:" + _YEAR_RE + r"|(?P<rel>this|last|next) year|(?P<yw>[a-z]+[ -][a-z]+(?:[ -][a-z]+)?)))?"
)  # fmt: skip


def _month_year(ask: Ask) -> str | None:
    """ "March 2019", "last February", "early May of this year", a bare month."""
    m = _MONTH_YEAR.fullmatch(ask.t)
    if not m:
        return None
    month = _month_of(m.group("month"))
    if month is None:
        return NO_DATE
    bare_may = m.group("month") == "may" and not (m.group("year") or m.group("mod") or m.group("rel"))
    if bare_may and ask.kind is None:
        return NO_DATE  # "may" alone is usually the verb: a date only when the caller says so
    if m.group("year"):
        return f"{int(m.group('year'))}-{month:02d}"
    if m.group("yw"):
        year = _year_words(m.group("yw"))
        return f"{year}-{month:02d}" if year is not None else NO_DATE
    if ask.day0 is None:
        return f"XXXX-{month:02d}"
    return f"{_month_year_of(m.group('rel'), m.group('mod') or '', month, ask.day0, ask.tense)}-{month:02d}"


def _month_year_of(rel: str | None, mod: str, month: int, day0: dt.date, tense: str | None) -> int:
    """The year of a month written without one, from "this/last/next year", the modifier, or
    the nearest occurrence."""
    if rel:
        return day0.year + {"this": 0, "last": -1, "next": 1}[rel]
    if mod in {"last", "this past"}:
        # "last February" written in March is a year back: the month just gone is "last month"
        return day0.year if month < day0.month - 1 else day0.year - 1
    if mod == "next":
        return day0.year if month > day0.month else day0.year + 1
    if mod == "this":
        return day0.year
    return _resolve_month_year(month, None, day0, tense)


def _decade(ask: Ask) -> str | None:
    """ "the 1990s", "the '80s", "the early nineties"."""
    day0 = ask.day0
    m = re.fullmatch(
        r"(?:(?:the )?(?:early|late|mid|middle|first half of|last half of|second half of|end of|start of)[ -]+(?:the )?)?(?:the )?"
        r"(?:(?P<cent>1\d|20)(?P<dec>\d)0|')?(?P<short>\d0)?'?s",
        ask.t,
    )
    if m and (m.group("cent") or m.group("short")):
        if m.group("cent"):
            return f"{m.group('cent')}{m.group('dec')}"
        if day0 is not None:
            short = int(m.group("short"))
            century = day0.year // 100 if short <= day0.year % 100 else day0.year // 100 - 1
            return f"{century}{short // 10}"
    m = re.fullmatch(
        r"(?:the )?(?:early |late |mid-?)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
        ask.t,
    )
    if m and day0 is not None:
        dec = _DECADE_WORDS[m.group("word")]
        century = day0.year // 100 if dec * 10 <= day0.year % 100 else day0.year // 100 - 1
        return f"{century}{dec}"
    return None


def _century(ask: Ask) -> str | None:
    """ "the 19th century", "the twenty-first century"."""
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(?P<n>\d{1,2})(?:st|nd|rd|th) century", ask.t)
    if m:
        return f"{int(m.group('n')) - 1:02d}"
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(?P<n>[a-z]+(?:-[a-z]+)?) century", ask.t)
    if m:
        word = m.group("n").replace("-", " ").split()
        n = ORDINALS.get(word[-1])
        if n and n > 0:
            base = SMALL.get(word[0], 0) if len(word) == 2 else (10 if word[-1] == "tenth" else 0)
            return f"{base + n - 1:02d}"
    return None


def _season_year(ask: Ask) -> str | None:
    """ "summer 2019", "the spring of nineteen ninety-eight"."""
    m = re.fullmatch(
        r"(?:(?:early|late|mid|the)[ -]+)*(?P<season>spring|summer|fall|autumn|winter)(?: of)?,? (?:(?P<year>\d{4})|(?P<yw>[a-z]+[ -][a-z]+(?:[ -][a-z]+)?))",
        ask.t,
    )
    if m:
        year = int(m.group("year")) if m.group("year") else _year_words(m.group("yw"))
        if year:
            return f"{year}-{SEASONS[m.group('season')]}"
    return None


def _quarter_year(ask: Ask) -> str | None:
    """ "the third quarter of 2019", "2019's first half"."""
    m = re.fullmatch(
        r"(?:(?:the|a|an|its|fiscal|flat|strong|weak|calendar)\s+)*(?:(?P<y1>\d{4})(?:'s)?\s+)?(?:(?:fiscal|calendar)\s+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[ -](?P<unit>quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y2>\d{4}))?",
        ask.t,
    )
    if m and (m.group("y1") or m.group("y2")):
        n = ORDINALS.get(m.group("ord")) or int(m.group("ord")[0])
        year = int(m.group("y1") or m.group("y2"))
        return f"{year}-{'Q' if m.group('unit') == 'quarter' else 'H'}{n}"
    return None


def _year(ask: Ask) -> str | None:
    """ "2019", "fiscal 1998", "'98", "nineteen ninety-eight"."""
    m = re.fullmatch(
        r"(?:(?:early|late|mid|middle|the end of|end of|the start of|the beginning of|the middle of|fiscal|calendar|the year|year|the fiscal year|model year)[ -]+)*"
        r"(?:(?P<year>1[0-9]{3}|20[0-9]{2})|'(?P<short>\d\d))(?: or (?:later|earlier|so|before|after))?",
        ask.t,
    )
    if m:
        if m.group("year"):
            return str(m.group("year"))
        short = int(m.group("short"))
        if ask.day0 is not None:
            day0 = ask.day0
            century = day0.year // 100 if short <= day0.year % 100 + 5 else day0.year // 100 - 1
            return f"{century:02d}{short:02d}"
        return f"19{short:02d}"
    m = re.fullmatch(r"(?:the )?(?:year |fiscal )?(?P<yw>[a-z]+(?:[ -][a-z]+){1,3})", ask.t)
    if m:
        year = _year_words(m.group("yw"))
        if year:
            return str(year)
    return None


def _season_of_year_words(ask: Ask) -> str | None:
    m = re.fullmatch(
        r"(?:the )?(?P<season>spring|summer|fall|autumn|winter) (?:of )?(?:(?P<year>\d{4})|(?P<yw>[a-z]+[ -][a-z]+))",
        ask.t,
    )
    if m:
        year = int(m.group("year")) if m.group("year") else _year_words(m.group("yw"))
        if year:
            return f"{year}-{SEASONS[m.group('season')]}"
    return None


ABSOLUTE_RULES: tuple[Rule, ...] = (
    _numeric,
    _week_of,
    _slashed,
    _month_day,
    _month_year,
    _decade,
    _century,
    _season_year,
    _quarter_year,
    _year,
    _season_of_year_words,
)
