"""Calendar arithmetic: the anchor day, weeks, quarters, months and weekdays relative to it,
holidays, shifts by a number of units, and clock times."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .lexicon import DAY_PARTS, UNITS, _num


def _anchor_date(anchor: str | None) -> dt.date | None:
    if not anchor:
        return None
    try:
        return dt.date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def _week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _quarter(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


_FUTURE_PENALTY_DAYS = 120  # a month named without a year leans to the past


def _resolve_month_year(month: int, day: int | None, anchor: dt.date, tense: str | None) -> int:
    """Year of a month (and day) written without one, relative to ``anchor``."""
    here = (anchor.month, anchor.day if day is not None else 0)
    there = (month, day or 0)
    if tense == "future":
        return anchor.year + 1 if there < here else anchor.year
    if tense == "past":
        return anchor.year - 1 if there > here else anchor.year
    # no tense: the nearest occurrence, preferring the past on ties
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            when = dt.date(year, month, day or 15)
        except ValueError:
            when = dt.date(year, month, 28)
        gap = (when - anchor).days
        candidates.append((abs(gap) + (0 if gap <= 0 else _FUTURE_PENALTY_DAYS), year))
    return min(candidates)[1]


def _weekday_date(weekday: int, anchor: dt.date, tense: str | None, shift: str | None = None) -> dt.date:
    """The ``weekday`` nearest the anchor: on/before it by default, on/after for the future."""
    delta = weekday - anchor.weekday()
    if shift == "next":
        return anchor + dt.timedelta(days=(delta % 7) or 7)
    if shift == "last":
        return anchor - dt.timedelta(days=(-delta % 7) or 7)
    if shift == "this":
        return anchor + dt.timedelta(days=delta)
    if tense == "future":
        return anchor + dt.timedelta(days=delta % 7)
    return anchor - dt.timedelta(days=-delta % 7)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "independence day": lambda y: dt.date(y, 7, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 6, 0, 1) - dt.timedelta(days=7),
    "easter": _easter,
    "easter sunday": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "halloween": lambda y: dt.date(y, 10, 31),
}


def _holiday(t: str, day0: dt.date, tense: str | None) -> str | None:
    m = re.fullmatch(
        r"(?:(?P<rel>last|this|next|this past)\s+)?(?P<name>[a-z' ]+?)(?:,?\s+(?P<year>\d{4}))?(?P<week> week)?",
        t,
    )
    if not m or m.group("name") not in HOLIDAYS:
        return None
    rule = HOLIDAYS[m.group("name")]
    if m.group("year"):
        when = rule(int(m.group("year")))
    else:
        options = [rule(y) for y in (day0.year - 1, day0.year, day0.year + 1)]
        rel = m.group("rel") or ("next" if tense == "future" else None)
        past = [o for o in options if o <= day0]
        future = [o for o in options if o >= day0]
        if rel in {"last", "this past"}:
            when = max(past)
        elif rel == "next":
            when = min(future)
        else:
            when = min(options, key=lambda o: abs((o - day0).days) + (0 if o <= day0 else 30))
    return _week(when) if m.group("week") else when.isoformat()


def _shift(base: dt.date, n: int, unit: str) -> str | None:
    letter = UNITS[unit][0]
    if letter == "D":
        return (base + dt.timedelta(days=n)).isoformat()
    if letter == "W":
        return _week(base + dt.timedelta(weeks=n))
    if letter == "WE":
        return _week(base + dt.timedelta(weeks=n)) + "-WE"
    if letter in {"M", "Q"}:
        y, mo = _shift_month(base.year, base.month, n if letter == "M" else 3 * n)
        if not 1 <= y <= 9999:
            return None
        return f"{y}-{mo:02d}" if letter == "M" else f"{y}-Q{(mo - 1) // 3 + 1}"
    if letter in {"Y", "DE", "CE"}:
        year = base.year + n * {"Y": 1, "DE": 10, "CE": 100}[letter]
        if not 1 <= year <= 9999:
            return None  # "99999 years ago" is no calendar year
        return f"{year:04d}"[: {"Y": 4, "DE": 3, "CE": 2}[letter]]
    if letter in {"H", "S"}:
        return base.isoformat()
    return None


def _part_suffix(t: str) -> str:
    for word, code in DAY_PARTS.items():
        if re.search(rf"\b{word}\b", t):
            return f"T{code}"
    return ""


def _clock(t: str) -> tuple[int, int] | None:
    m = re.search(
        r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)?(?:\s*(?:est|edt|gmt|utc|cst|pst|et))?\b",
        t,
    )
    if m and (m.group("ap") or m.group("m")):
        hour, minute = int(m.group("h")), int(m.group("m") or 0)
        ap = (m.group("ap") or "").replace(".", "")
        if ap == "pm" and hour < 12:
            hour += 12
        if ap == "am" and hour == 12:
            hour = 0
        if hour <= 24 and minute < 60:
            return hour, minute
    m = re.search(r"\b(?P<h>\d{1,2}|[a-z]+) in the (?P<part>morning|afternoon|evening)\b", t)
    if m and (h := _num(m.group("h"))) is not None and 1 <= h <= 12:
        return int(h) + (12 if m.group("part") != "morning" and h < 12 else 0), 0
    if re.search(r"\bnoon\b|\bmidday\b", t):
        return 12, 0
    if re.search(r"\bmidnight\b", t):
        return 24, 0
    m = re.search(r"\b(?P<h>[a-z]+) o'clock\b", t)
    if m and (h := _num(m.group("h"))) is not None:
        return int(h), 0
    return None


def _with_time(day: str, t: str, kind: str | None) -> str:
    clock = _clock(t)
    if clock is not None:
        h, mnt = clock
        return f"{day}T24" if h == 24 else f"{day}T{h:02d}:{mnt:02d}"
    suffix = _part_suffix(t)
    if suffix and (kind == "TIME" or (kind is None and "tonight" not in t)):
        return day + suffix
    return day
