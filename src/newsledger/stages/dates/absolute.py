"""Dates written out in the text: ISO and numeric dates, "January 27, 2021", "March 2019",
decades, centuries, seasons and quarters with their year, bare years."""

from __future__ import annotations

import datetime as dt
import re

from .days import _resolve_month_year, _week, _with_time
from .lexicon import _MONTH_RE, _YEAR_RE, ORDINALS, SEASONS, SMALL, _month_of, _year_words


def _parse_absolute(t: str, day0: dt.date | None, tense: str | None, kind: str | None) -> str | None:
    # ISO and numeric dates
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    year: int | None
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", t)  # 27.01.2021, day first
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    m = re.fullmatch(r"q([1-4]),? (\d{4})|(\d{4}),? q([1-4])", t)
    if m:
        return f"{m.group(2) or m.group(3)}-Q{m.group(1) or m.group(4)}"
    m = re.fullmatch(r"(?:the )?week of (.+)", t)
    if m:
        inner = _parse_absolute(m.group(1), day0, tense, "DATE")
        if inner and re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner):
            return _week(dt.date.fromisoformat(inner))
    m = re.fullmatch(r"(?:the )?(?:first|second|third|fourth|last|final) week of (.+)", t)
    if m:
        inner = _parse_absolute(m.group(1), day0, tense, "DATE")
        if inner and re.fullmatch(r"\d{4}-\d{2}", inner):
            return inner
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t)
    if m:
        yy = int(m.group(3))
        yy = yy + (1900 if yy > 30 else 2000) if yy < 100 else yy
        return dt.date(yy, int(m.group(1)), int(m.group(2))).isoformat()
    # Month day(, year) / day Month (year)
    m = re.search(
        _MONTH_RE + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(?:of\s*)?" + _YEAR_RE + r")?", t
    ) or re.search(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s*" + _YEAR_RE + r")?", t
    )
    if m:
        month = _month_of(m.group("month"))
        day = int(m.group("day"))
        if month and 1 <= day <= 31:
            rel_year = re.search(r"\b(?:of )?(last|this|next) year\b", t[m.end() :])
            if m.group("year"):
                year = int(m.group("year"))
            elif rel_year and day0 is not None:  # "February 11 of last year"
                year = day0.year + {"last": -1, "this": 0, "next": 1}[rel_year.group(1)]
            elif day0 is not None:
                year = _resolve_month_year(month, day, day0, tense)
            else:
                return f"XXXX-{month:02d}-{day:02d}"
            return _with_time(dt.date(year, month, day).isoformat(), t, kind)
    # Month year, or a bare month
    m = re.fullmatch(
        r"(?:(?P<mod>early|late|mid|the middle of|the end of|the beginning of|the start of|end of|beginning of|start of|this|last|next|this past|in|the month of)[ -]+)?"
        + _MONTH_RE
        + r"(?:,?\s*(?:of\s+)?(?:" + _YEAR_RE + r"|(?P<rel>this|last|next) year|(?P<yw>[a-z]+[ -][a-z]+(?:[ -][a-z]+)?)))?",
        t,
    )  # fmt: skip
    if m:
        month = _month_of(m.group("month"))
        if month is None:
            return None
        bare_may = m.group("month") == "may" and not (m.group("year") or m.group("mod") or m.group("rel"))
        if bare_may and kind is None:
            return None  # "may" alone is usually the verb: a date only when the caller says so
        mod = m.group("mod") or ""
        if m.group("year"):
            year = int(m.group("year"))
        elif m.group("yw"):
            year = _year_words(m.group("yw"))
            if year is None:
                return None
        elif m.group("rel") and day0 is not None:
            year = day0.year + {"this": 0, "last": -1, "next": 1}[m.group("rel")]
        elif day0 is None:
            return f"XXXX-{month:02d}"
        elif mod == "last" or mod == "this past":
            # "last February" written in March is a year back: the month just gone is "last month"
            year = day0.year if month < day0.month - 1 else day0.year - 1
        elif mod == "next":
            year = day0.year if month > day0.month else day0.year + 1
        elif mod == "this":
            year = day0.year
        else:
            year = _resolve_month_year(month, None, day0, tense)
        return f"{year}-{month:02d}"
    # Decades and centuries
    m = re.fullmatch(
        r"(?:(?:the )?(?:early|late|mid|middle|first half of|last half of|second half of|end of|start of)[ -]+(?:the )?)?(?:the )?"
        r"(?:(?P<cent>1\d|20)(?P<dec>\d)0|')?(?P<short>\d0)?'?s",
        t,
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
        t,
    )
    if m and day0 is not None:
        dec = {
            "twenties": 2,
            "thirties": 3,
            "forties": 4,
            "fifties": 5,
            "sixties": 6,
            "seventies": 7,
            "eighties": 8,
            "nineties": 9,
        }[m.group("word")]
        century = day0.year // 100 if dec * 10 <= day0.year % 100 else day0.year // 100 - 1
        return f"{century}{dec}"
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(?P<n>\d{1,2})(?:st|nd|rd|th) century", t)
    if m:
        return f"{int(m.group('n')) - 1:02d}"
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(?P<n>[a-z]+(?:-[a-z]+)?) century", t)
    if m:
        word = m.group("n").replace("-", " ").split()
        n = ORDINALS.get(word[-1])
        if n and n > 0:
            base = SMALL.get(word[0], 0) if len(word) == 2 else (10 if word[-1] == "tenth" else 0)
            return f"{base + n - 1:02d}"
    # Seasons with a year
    m = re.fullmatch(
        r"(?:(?:early|late|mid|the)[ -]+)*(?P<season>spring|summer|fall|autumn|winter)(?: of)?,? (?:(?P<year>\d{4})|(?P<yw>[a-z]+[ -][a-z]+(?:[ -][a-z]+)?))",
        t,
    )
    if m:
        year = int(m.group("year")) if m.group("year") else _year_words(m.group("yw"))
        if year:
            return f"{year}-{SEASONS[m.group('season')]}"
    # Quarters and halves with an explicit year
    m = re.fullmatch(
        r"(?:(?:the|a|an|its|fiscal|flat|strong|weak|calendar)\s+)*(?:(?P<y1>\d{4})(?:'s)?\s+)?(?:(?:fiscal|calendar)\s+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[ -](?P<unit>quarter|half)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y2>\d{4}))?",
        t,
    )
    if m and (m.group("y1") or m.group("y2")):
        n = ORDINALS.get(m.group("ord")) or int(m.group("ord")[0])
        year = int(m.group("y1") or m.group("y2"))
        return f"{year}-{'Q' if m.group('unit') == 'quarter' else 'H'}{n}"
    # Years
    m = re.fullmatch(
        r"(?:(?:early|late|mid|middle|the end of|end of|the start of|the beginning of|the middle of|fiscal|calendar|the year|year|the fiscal year|model year)[ -]+)*"
        r"(?:(?P<year>1[0-9]{3}|20[0-9]{2})|'(?P<short>\d\d))(?: or (?:later|earlier|so|before|after))?",
        t,
    )
    if m:
        if m.group("year"):
            return m.group("year")
        short = int(m.group("short"))
        if day0 is not None:
            century = day0.year // 100 if short <= day0.year % 100 + 5 else day0.year // 100 - 1
            return f"{century:02d}{short:02d}"
        return f"19{short:02d}"
    m = re.fullmatch(r"(?:the )?(?:year |fiscal )?(?P<yw>[a-z]+(?:[ -][a-z]+){1,3})", t)
    if m:
        year = _year_words(m.group("yw"))
        if year:
            return str(year)
    m = re.fullmatch(
        r"(?:the )?(?P<season>spring|summer|fall|autumn|winter) (?:of )?(?:(?P<year>\d{4})|(?P<yw>[a-z]+[ -][a-z]+))",
        t,
    )
    if m:
        year = int(m.group("year")) if m.group("year") else _year_words(m.group("yw"))
        if year:
            return f"{year}-{SEASONS[m.group('season')]}"
    return None
