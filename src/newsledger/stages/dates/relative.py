"""Dates relative to the anchor (the publication day) or to the previous date of the document:
"yesterday", "last Friday", "next month", "two years ago", "the quarter", "that year".

Each form is one rule (see :mod:`.rules`; here a rule also gets the anchor day, which is always
known), tried in the order of :data:`RELATIVE_RULES`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .days import _clock, _holiday, _quarter, _shift, _shift_month, _week, _weekday_date, _with_time
from .lexicon import _UNIT_RE, _WEEKDAY_RE, _WORD_NUM, ORDINALS, SEASONS, _num, _unit_key, _weekday_of
from .rules import NO_DATE, Ask

_REL_WORD = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1, "current": 0}


def _parse_relative(
    t: str, day0: dt.date, tense: str | None, kind: str | None, reference: str | None
) -> str | None:
    m = re.fullmatch(r"(?:the )?day (before yesterday|after tomorrow)", t)
    if m:
        return (day0 + dt.timedelta(days=-2 if m.group(1) == "before yesterday" else 2)).isoformat()
    # strip framing modifiers that leave the value unchanged
    t = (
        re.sub(
            r"^(?:(?:early|earlier|late|later|mid|middle|the middle of|the end of|end of|the beginning of|the start of|the rest of|the remainder of|around|as of|before|after|until|the|at)[ -]+(?:in )?)+(?=\S)",
            "",
            t,
        )
        or t
    )
    ask = Ask(t, day0, tense, kind, reference)
    for rule in RELATIVE_RULES:
        value = rule(ask, day0)
        if value is not None:
            return value or None
    return None


def _clock_time(ask: Ask, day0: dt.date) -> str | None:
    """A bare clock time: "10:35 a.m.", "midday", "4 in the morning"."""
    t = ask.t
    clock = _clock(t)
    if clock is not None:
        rest = re.sub(
            r"\b(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?|noon|midday|midnight|est|edt|gmt|utc|et|local time|o'clock|"
            r"in the (?:morning|afternoon|evening)|at night|[a-z]+ o'clock)\b",
            " ",
            t,
        ).strip(" ,.()")
        if not rest:
            h, mnt = clock
            if re.search(r"in the (?:afternoon|evening)|at night", t) and h < 12:
                h += 12
            return f"{day0.isoformat()}T24" if h == 24 else f"{day0.isoformat()}T{h:02d}:{mnt:02d}"
    return None


def _holiday_rule(ask: Ask, day0: dt.date) -> str | None:
    """Holidays: "Christmas", "last Thanksgiving", "Easter 2019"."""
    t = ask.t
    tense = ask.tense
    holiday = _holiday(t, day0, tense)
    if holiday is not None:
        return holiday
    return None


def _day_words(ask: Ask, day0: dt.date) -> str | None:
    """Day words: "today", "this morning", "tonight", "yesterday", "tomorrow evening"."""
    t = ask.t
    kind = ask.kind
    if re.fullmatch(r"(?:today|this day|(?:this |to)?(?:morning|afternoon|evening)|tonight|this time)", t):
        today_iso = day0.isoformat()
        if t == "today" and kind is None:
            return today_iso
        return _with_time(today_iso, t, kind)
    if t in {"tonight", "overnight"}:
        return _with_time(day0.isoformat(), t, kind)
    m = re.fullmatch(
        r"(?P<w>yesterday|tomorrow|last night|the day before yesterday|the day after tomorrow)(?:\s+(?P<rest>.+))?",
        t,
    ) or re.fullmatch(r"(?P<rest>.+?)\s+(?P<w>yesterday|tomorrow)", t)
    if m:
        shift = {
            "yesterday": -1,
            "tomorrow": 1,
            "last night": -1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }[m.group("w")]
        day = (day0 + dt.timedelta(days=shift)).isoformat()
        if m.group("w") == "last night":
            return day + "TNI"
        return _with_time(day, m.group("rest") or "", kind)
    return None


def _weekday(ask: Ask, day0: dt.date) -> str | None:
    """Weekdays: "Friday", "last Friday", "next Tuesday morning", "10 p.m. Wednesday"."""
    t = ask.t
    tense = ask.tense
    kind = ask.kind
    m = re.search(
        r"(?:^|\s)(?:(?P<shift>last|next|this|this past|this coming|coming|past)\s+)?"
        + _WEEKDAY_RE
        + r"(?:'s)?(?=$|\s|,)",
        t,
    )
    if m:
        wd = _weekday_of(m.group("wd"))
        if wd is not None:
            shift_word: str | None = m.group("shift")
            shift_key = {"this past": "last", "past": "last", "this coming": "next", "coming": "next"}.get(
                shift_word or "", shift_word
            )
            when = _weekday_date(wd, day0, tense, shift_key)
            return _with_time(when.isoformat(), t.replace(m.group(0), " "), kind)
    return None


def _weekend(ask: Ask, day0: dt.date) -> str | None:
    """Weekends: "last weekend", "this weekend", "the weekend"."""
    t = ask.t
    tense = ask.tense
    m = re.fullmatch(r"(?:(?P<rel>last|this|next|this past|past|coming)\s+)?weekend", t)
    if m:
        rel_we: str = m.group("rel") or ("next" if tense == "future" else "last")
        offset = {"last": -1, "past": -1, "this past": -1, "this": 0, "next": 1, "coming": 1}[rel_we]
        base = day0 + dt.timedelta(days=(5 - day0.weekday()) if day0.weekday() < 5 else 0)
        if m.group("rel") is None and day0.weekday() >= 5:
            offset = 0
        if offset < 0 and day0.weekday() >= 5:
            offset += 1 if m.group("rel") in {"this past", "past"} else 0
        when = base + dt.timedelta(weeks=offset if offset <= 0 else offset - (0 if day0.weekday() < 5 else 0))
        if offset == -1:
            when = base - dt.timedelta(weeks=1)
        return _week(when) + "-WE"
    return None


def _this_last_next(ask: Ask, day0: dt.date) -> str | None:
    """A unit from now: "last week", "this year", "next quarter", "this year's third quarter"."""
    t = ask.t
    m = re.fullmatch(
        r"(?P<rel>last|this|next|past|previous|coming|current|the current|the past|the previous|the coming|the following|following)\s+"
        r"(?:(?:fiscal|calendar)\s+)?(?P<unit>day|week|month|quarter|year|decade|century|spring|summer|fall|autumn|winter)(?P<poss>'s)?(?P<rest>.*)",
        t,
    )
    if m:
        rel_word = m.group("rel").replace("the ", "")
        rel = 1 if rel_word == "following" else _REL_WORD.get(rel_word, 0)
        unit = m.group("unit")
        rest = (m.group("rest") or "").strip()
        if rest and m.group("poss"):
            q = re.fullmatch(
                r"(?:fiscal |calendar )?(?P<ord>first|second|third|fourth)[ -](?P<u>quarter|half)", rest
            )
            if q and unit == "year":
                return (
                    f"{day0.year + rel}-{'Q' if q.group('u') == 'quarter' else 'H'}{ORDINALS[q.group('ord')]}"
                )
        if rest and not re.fullmatch(r"(?:'s)?\s*(?:end|period|quarter|'s end)?", rest):
            return NO_DATE
        if unit == "day":
            return (day0 + dt.timedelta(days=rel)).isoformat()
        if unit == "week":
            return _week(day0 + dt.timedelta(weeks=rel))
        if unit == "month":
            y, mo = _shift_month(day0.year, day0.month, rel)
            return f"{y}-{mo:02d}"
        if unit == "quarter":
            y, mo = _shift_month(day0.year, day0.month, 3 * rel)
            return f"{y}-Q{(mo - 1) // 3 + 1}"
        if unit == "year":
            if rest.endswith("end"):
                return f"{day0.year + rel}"
            return str(day0.year + rel)
        if unit == "decade":
            decade = day0.year // 10 + rel
            return str(decade) if 100 <= decade <= 999 else NO_DATE
        if unit == "century":
            century = day0.year // 100 + rel
            return f"{century:02d}" if 0 <= century <= 99 else NO_DATE
        season = SEASONS[unit]
        year = day0.year
        season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[season]
        if rel == -1:
            year = day0.year if season_month + 2 < day0.month else day0.year - 1
        elif rel == 1:
            year = day0.year if season_month > day0.month else day0.year + 1
        return f"{year}-{season}"
    return None


def _bare_season(ask: Ask, day0: dt.date) -> str | None:
    """A season alone ("spring", "winter"): the nearest one, by tense."""
    t = ask.t
    tense = ask.tense
    m = re.fullmatch(r"(?P<season>spring|summer|fall|autumn|winter)", t)
    if m:
        season = SEASONS[m.group("season")]
        season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[season]
        year = day0.year
        if tense == "future" and season_month + 2 < day0.month:
            year += 1
        if tense == "past" and season_month > day0.month:
            year -= 1
        return f"{year}-{season}"
    return None


def _units_ago(ask: Ask, day0: dt.date) -> str | None:
    """Units ago: "two years ago", "a year earlier" (from the previous date), "two weeks from now"."""
    t = ask.t
    reference = ask.reference
    m = re.fullmatch(
        r"(?:(?P<num>"
        + _WORD_NUM
        + r")[ -])?(?:or so )?"
        + _UNIT_RE
        + r"(?: or so)? (?P<dir>ago|earlier|before|back|later|after|from now|hence|since)",
        t,
    )
    if m:
        numtext = (m.group("num") or "a").strip()
        unit = _unit_key(m.group("unit"))
        n = _num(numtext)
        if n is None or n != int(n):
            if numtext.split()[-1] in {"few", "several", "many", "some"}:
                return (
                    "PAST_REF"
                    if m.group("dir") in {"ago", "earlier", "before", "back", "since"}
                    else "FUTURE_REF"
                )
            return NO_DATE
        sign = -1 if m.group("dir") in {"ago", "earlier", "before", "back", "since"} else 1
        base = day0
        anaphoric = m.group("dir") in {"earlier", "before", "later", "after"}
        refq = re.fullmatch(r"(\d{4})-Q(\d)", reference or "")
        if refq and unit == "year" and (anaphoric or int(refq.group(1)) == day0.year):
            # "a year ago" in a report on the third quarter is that quarter a year before
            return f"{int(refq.group(1)) + sign * int(n)}-Q{refq.group(2)}"
        if anaphoric and reference:
            d = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", reference)
            if d:
                base = dt.date.fromisoformat(reference)
        elif sign > 0 and m.group("dir") in {"later", "after"}:
            return NO_DATE  # "three years later" counts from an event we do not know, not from today
        return _shift(base, sign * int(n), unit) or NO_DATE
    return None


def _quarter_no_year(ask: Ask, day0: dt.date) -> str | None:
    """Quarters and halves without a year: "the third quarter", "last year's first half"."""
    t = ask.t
    tense = ask.tense
    m = re.fullmatch(
        r"(?:(?:the|a|an|its|fiscal|flat|strong|weak|calendar|latest|current|same)\s+)*(?:(?P<rel>this|last|next|year-ago|year-earlier|previous|past)\s+)?(?:(?:fiscal|calendar)\s+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[ -](?P<unit>quarter|half)(?: of (?:the |this |last |next )?(?:fiscal )?year)?",
        t,
    )
    if m:
        n = ORDINALS.get(m.group("ord")) or int(m.group("ord")[0])
        rel_q: str | None = m.group("rel")
        year = day0.year
        if rel_q in {"last", "year-ago", "year-earlier", "previous", "past"}:
            year -= 1
        elif rel_q == "next":
            year += 1
        elif rel_q is None:
            current = _quarter(day0) if m.group("unit") == "quarter" else (day0.month - 1) // 6 + 1
            if n > current and tense != "future":
                year -= 1
        return f"{year}-{'Q' if m.group('unit') == 'quarter' else 'H'}{n}"
    return None


def _anaphoric_period(ask: Ask, day0: dt.date) -> str | None:
    """Periods read from the previous date: "the quarter", "the year-ago quarter", "the 1998 period"."""
    t = ask.t
    reference = ask.reference
    m = re.fullmatch(
        r"(?:(?:the|a|an|its|latest|recent|most recent|comparable|corresponding|same|fiscal|just-ended|just ended)\s+)*"
        r"(?P<ago>year-ago|year-earlier|year ago|year earlier|prior-year|prior year|last year's|previous year's)?\s*(?P<unit>quarter|period)(?: (?P<ly>last year|a year ago|a year earlier))?",
        t,
    )
    if m:
        prev = day0 - dt.timedelta(days=92)
        year, qn = prev.year, _quarter(prev)
        if reference and (rq := re.fullmatch(r"(\d{4})-Q(\d)", reference)):
            year, qn = int(rq.group(1)), int(rq.group(2))
        if m.group("ago") or m.group("ly"):
            year -= 1
        return f"{year}-Q{qn}"
    if re.fullmatch(r"(?:a )?(?:year-ago|year-earlier|year ago|year earlier)", t):
        if reference and (rq := re.fullmatch(r"(\d{4})-Q(\d)", reference)):
            return f"{int(rq.group(1)) - 1}-Q{rq.group(2)}"
        return str(day0.year - 1)
    m = re.fullmatch(r"(?P<year>\d{4}) (?:period|quarter|fiscal quarter)", t)
    if m:
        q = re.fullmatch(r"\d{4}-Q(\d)", reference or "")
        return f"{m.group('year')}-Q{q.group(1)}" if q else m.group("year")
    return None


def _same_unit(ask: Ask, day0: dt.date) -> str | None:
    """The same unit: "that year", "the same day", "the following month" (from the previous date)."""
    t = ask.t
    reference = ask.reference
    m = re.fullmatch(
        r"(?:that|the same|the following|the next|the previous|the prior) (?P<unit>day|month|year|week)", t
    )
    if m and reference and re.match(r"\d{4}", reference):
        unit = m.group("unit")
        word = t.split()[0] if not t.startswith("the ") else t.split()[1]
        step = {"following": 1, "next": 1, "previous": -1, "prior": -1}.get(word, 0)
        cut = {"year": 4, "month": 7, "day": 10, "week": 10}[unit]
        if len(reference) >= cut and step == 0 and unit != "week":
            return reference[:cut]
        if unit == "year":
            return str(int(reference[:4]) + step)
    return None


def _fixed_words(ask: Ask, day0: dt.date) -> str | None:
    """Fixed words: "year-end", "the year", "the day", "the month", "the week"."""
    t = ask.t
    kind = ask.kind
    reference = ask.reference
    if t in {"year-end", "year end", "end-year"}:
        return f"{day0.year}-12-31"
    if t in {
        "year's end",
        "the year's end",
        "end of the year",
        "the end of the year",
        "end-year",
    }:
        return str(day0.year)
    if t in {
        "year",
        "the year",
        "fiscal year",
        "the fiscal year",
        "calendar year",
        "the full year",
        "full year",
        "the latest fiscal year",
    }:
        return str(day0.year)
    if (
        t in {"day", "the day", "that day", "the same day", "that same day", "same day"}
        and kind != "DURATION"
    ):
        if reference and re.fullmatch(r"\d{4}-\d{2}-\d{2}", reference) and t != "day":
            return reference
        return day0.isoformat()
    if t in {"month", "the month"}:
        return f"{day0.year}-{day0.month:02d}"
    if t in {"week", "the week"}:
        return _week(day0)
    return None


RELATIVE_RULES: tuple[Callable[[Ask, dt.date], str | None], ...] = (
    _clock_time,
    _holiday_rule,
    _day_words,
    _weekday,
    _weekend,
    _this_last_next,
    _bare_season,
    _units_ago,
    _quarter_no_year,
    _anaphoric_period,
    _same_unit,
    _fixed_words,
)
