"""The normaliser's two views: the TimeML value (:func:`normalize_timex`) and the export
contract's ISO value with its precision (:func:`normalize`, :func:`timeml_to_iso`)."""

from __future__ import annotations

import datetime as dt
import re

from .absolute import _parse_absolute
from .days import _anchor_date
from .durations import _POINT_IN_TIME, _VAGUE_PERIOD, _parse_duration, _parse_set, _parse_vague
from .lexicon import _WORD_NUM, _clean
from .relative import _parse_relative


def normalize_timex(
    text: str,
    anchor: str | None,
    kind: str | None = None,
    *,
    tense: str | None = None,
    reference: str | None = None,
) -> str | None:
    """The TimeML value of a time expression, e.g. ``"last week"`` -> ``"2021-W03"``.

    ``anchor`` is the document date (ISO); ``kind`` the TimeML type if known (DATE, TIME,
    DURATION, SET); ``tense`` of the governing verb ("past", "present", "future");
    ``reference`` the value of the previous date in the document, for anaphora such as
    "a year earlier" or "the quarter".  Returns None when the text is not understood.
    """
    raw = text
    t = _clean(text)
    if not t:
        return None
    kind = (kind or "").upper() or None
    day0 = _anchor_date(anchor)
    if kind is None and re.match(
        r"(?:in|since|by|until|during|before|after|from|of)\s+may\b", raw.lower().strip()
    ):
        kind = "DATE"  # "in May": the month, not the modal verb
    # "in two weeks" (written with its preposition) is a date ahead, not a duration
    ahead = re.fullmatch(
        r"in (?:another |just )?(" + _WORD_NUM + r")[ -](days?|weeks?|months?|years?)", raw.lower().strip()
    )
    if ahead and kind in {None, "DATE"}:
        t = f"{ahead.group(1)} {ahead.group(2)} from now"
    try:
        value = _parse(t, day0, kind, tense, reference)
    except (ValueError, OverflowError):
        return None
    return value if _in_calendar(value) else None


_BAD_YEAR = re.compile(r"-|\d{5}")


def _in_calendar(value: str | None) -> bool:
    """False for a value whose year lies outside the calendar (years 1 to 9999): a negative
    year ("99999 years ago") or one of five digits or more ("in 99999 years")."""
    return value is None or not _BAD_YEAR.match(value)


def _parse(
    t: str, day0: dt.date | None, kind: str | None, tense: str | None, reference: str | None
) -> str | None:
    if kind == "SET":
        return _parse_set(t)
    if kind == "DURATION":
        dur = _parse_duration(t, day0)
        if dur is not None:
            return dur
    value = _parse_absolute(t, day0, tense, kind)
    if value is not None:
        return value
    if day0 is not None:
        value = _parse_relative(t, day0, tense, kind, reference)
        if value is not None:
            return value
    if kind is None and (vague := _VAGUE_PERIOD.fullmatch(t)):
        return "FUTURE_REF" if vague.group(1) in {"coming", "next few", "upcoming"} else "PAST_REF"
    if kind == "DURATION" or (kind is None and not _POINT_IN_TIME.search(t)):
        dur = _parse_duration(t, day0)
        if dur is not None:
            return dur
    if kind is None and (s := _parse_set(t, strict=True)):
        return s
    return _parse_vague(t)


_ANAPHORIC = re.compile(
    r"\b(earlier|ago|before|after|later|year-ago|year-earlier|previous|prior|following|that|same|"
    r"latest|comparable|corresponding|period|the quarter|this quarter|then)\b"
)


def updates_reference(text: str, value: str | None) -> bool:
    """True when an expression may anchor later anaphora ("a year earlier", "the quarter").

    Only a specific day or quarter written out ("Oct. 23", "the third quarter") does; a value
    that was itself resolved through the reference must not start a chain.
    """
    if not value or not re.fullmatch(r"\d{4}-(?:Q\d|\d\d-\d\d)", value):
        return False
    return not _ANAPHORIC.search(text.lower())


def timeml_to_iso(value: str | None, anchor: str | None = None) -> tuple[str | None, str]:
    """Map a TimeML value onto (ISO value, precision) as EXPORT_SCHEMA defines them."""
    if not value:
        return None, "unknown"
    if value == "PRESENT_REF":
        day0 = _anchor_date(anchor)
        return (day0.isoformat(), "day") if day0 else (None, "unknown")
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", value)
    if m:
        return value[:10], "day"
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-XX)?", value)
    if m:
        return value[:7], "month"
    m = re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", value)
    if m:
        year, week = int(m.group(1)), int(m.group(2))
        try:
            monday = dt.date.fromisocalendar(year, week, 1)
            first = monday + dt.timedelta(days=5 if m.group(3) else 0)
            last = monday + dt.timedelta(days=6)
        except (ValueError, OverflowError):  # week 53 of a short year, or the last week of 9999
            return None, "unknown"
        if first.month == last.month:
            return f"{first.year:04d}-{first.month:02d}", "month"
        return f"{(monday + dt.timedelta(days=3)).year:04d}", "year"
    m = re.fullmatch(r"(\d{4})(?:-(?:Q\d|H\d|SP|SU|FA|WI|XX|WXX|QX|XX-XX))?", value)
    if m:
        return m.group(1), "year"
    m = re.fullmatch(r"(\d{3})X?", value)
    if m:
        return m.group(1), "decade"
    return None, "unknown"


def normalize(text: str, anchor: str | None, *, tense: str | None = None) -> tuple[str | None, str]:
    """(ISO value at the precision known, precision) for a time expression.

    >>> normalize("January 27", "2021-01-29")
    ('2021-01-27', 'day')
    >>> normalize("in the 1980s", "2021-01-29")
    ('198', 'decade')
    """
    value = normalize_timex(text, anchor, None, tense=tense)
    if value is not None and value.startswith("P") and not value.endswith("_REF"):
        return None, "unknown"  # a duration or a frequency has no date
    return timeml_to_iso(value, anchor)
