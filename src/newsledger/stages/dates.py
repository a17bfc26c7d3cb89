"""Time expressions, normalised against the publication date.

Two views of one rule-based parser:

* :func:`normalize_timex` returns the TimeML ``TIMEX3`` value the TempEval gold uses
  (``"1998-W02"``, ``"1989-Q3"``, ``"PRESENT_REF"``, ``"P1D"``, ``"199"`` for the 1990s, ...);
* :func:`normalize` maps that value onto the export contract: an ISO date at the precision known
  and a precision in ``day | month | year | decade | unknown``.

Mapping decisions (EXPORT_SCHEMA has no week, quarter or season precision): a week, weekend,
quarter, half-year or season becomes the *smallest* export unit that contains it: a week becomes
the month of its Thursday when the week lies in one month, else the year; a quarter or a season
becomes its year.  ``now``/``today`` are the anchor day; vague references (``recently``,
``the future``), durations, sets and centuries are ``(None, "unknown")``.

Relative expressions are resolved against the anchor (the publication date): ``"on Tuesday"`` is
the Tuesday on or before the anchor unless ``tense="future"`` (then the one on or after it);
a month or day without a year is the latest one not after the anchor with ``tense="past"``, the
next one with ``tense="future"``, and otherwise the nearest one, a future one counting as 120 days
further away (news mostly looks back).  The stage passes only a *future* reading of the governing
verb (will/shall, "scheduled to", "until Tuesday"): on TempEval-3 a past reading made month and
weekday resolution worse than the default (value accuracy 0.829 against 0.846).

Anaphora ("a year earlier", "the quarter", "that day") resolve against ``reference``: the last
day or quarter written out in the document (see :func:`updates_reference`).

The stage ``newsledger.dates.v1`` finds time expressions (spaCy ``DATE``/``TIME`` entities, minus
ages and bare numbers, plus regular expressions for what the small model misses) and
:func:`date_for_span` dates an event or statement from them.  dateparser is not used: rules are
faster and predictable, and unlike ``search_dates`` they never read "a second" as a date.

Scores (``python -m newsledger.evaluate.dates``, TempEval-3 TBAQ, 1,822 TIMEX3): value accuracy
0.855, detection F1 0.936 (relaxed) / 0.856 (strict), value F1 0.776.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from ..models import AnalyzedArticle, TimeExpression
from ..pipeline import Resources, stage
from .nlp import text_of

NAME = "newsledger.dates.v1"

__all__ = [
    "NAME",
    "date_for_span",
    "find_dates",
    "is_background",
    "normalize",
    "normalize_timex",
    "tag_dates",
    "tense_of",
    "timeml_to_iso",
    "updates_reference",
]

# --------------------------------------------------------------------------- lexicon

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(calendar.day_name):
    WEEKDAYS[_name.lower()] = _i
    WEEKDAYS[_name[:3].lower()] = _i
WEEKDAYS.update({"tues": 1, "wednes": 2, "thur": 3, "thurs": 3})

SMALL = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "couple": 2, "dozen": 12,
}  # fmt: skip
VAGUE = {"few", "several", "some", "many", "couple of", "a few", "a couple of", "numerous", "recent", "past"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1, "final": -1,
}  # fmt: skip

# unit -> (TimeML duration letter, is a time-of-day unit)
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "hr": ("H", True), "day": ("D", False), "night": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "yr": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "centurie": ("CE", False), "millennium": ("L", False),
    "millennia": ("L", False), "weekend": ("WE", False),
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
DAY_PARTS = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
}  # fmt: skip

PRESENT_WORDS = {
    "now", "currently", "current", "nowadays", "at present", "present", "these days", "this time",
    "the moment", "this moment", "at the moment", "the present", "right now", "already", "today's",
    "this point", "the time being", "presently", "at this point", "so far", "to date", "yet",
}  # fmt: skip
PAST_WORDS = {
    "recently", "recent", "the past", "past", "previously", "once", "formerly", "earlier", "lately",
    "more recently", "before", "in the past", "then", "past years", "recent years", "recent days",
    "recent weeks", "recent months", "years ago", "some time ago", "long ago", "the old days",
    "former", "ago", "a while ago", "several years ago", "last few months", "the last few months",
    "the last few years", "the last few weeks", "the last few days", "in recent years",
}  # fmt: skip
FUTURE_WORDS = {
    "future", "the future", "soon", "the near future", "near future", "later", "someday",
    "one day", "some day", "coming months", "the coming months", "coming years", "the coming years",
    "coming weeks", "the coming weeks", "coming days", "the coming days", "a later date",
    "eventually", "in the future", "down the road", "the years ahead", "the months ahead",
    "the weeks ahead", "the days ahead", "shortly", "next few years", "the next few years",
    "a year or two", "forthcoming",
}  # fmt: skip

_WORD_NUM = r"(?:\d+(?:\.\d+)?(?: \d/\d)?|[a-z]+(?:[- ][a-z]+)?)"


# --------------------------------------------------------------------------- helpers


def _anchor_date(anchor: str | None) -> dt.date | None:
    if not anchor:
        return None
    try:
        return dt.date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def _num(text: str) -> float | None:
    """A number written with digits or words ("twenty four", "2 1/2", "a"); None if vague."""
    text = text.strip().replace("-", " ")
    text = re.sub(r"^(?:a|an) (?=\w)", "", text) if text not in {"a", "an"} else text
    if not text:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (\d)/(\d))?", text)
    if m:
        value = float(m.group(1))
        if m.group(2):
            value += int(m.group(2)) / int(m.group(3))
        return value
    total = 0.0
    words = [w for w in text.split() if w not in {"and", "of"}]
    if not words:
        return None
    current = 0.0
    for w in words:
        if w in SMALL:
            current += SMALL[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif w == "half":
            current += 0.5
        else:
            return None
    return total + current


def _year_words(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand" -> 2000, "two thousand and one" -> 2001."""
    words = text.replace("-", " ").split()
    if len(words) >= 2 and words[0] in SMALL and 10 <= SMALL[words[0]] <= 20 and words[1] != "thousand":
        rest = _num(" ".join(words[1:]))
        if rest is not None and rest < 100 and rest == int(rest):
            return SMALL[words[0]] * 100 + int(rest)
    if "thousand" in words:
        value = _num(text)
        if value and 1000 <= value <= 2100 and value == int(value):
            return int(value)
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else str(n)


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


# --------------------------------------------------------------------------- tense


_FUTURE_HEADS = {
    "going",
    "expected",
    "scheduled",
    "set",
    "due",
    "plan",
    "plans",
    "planned",
    "planning",
    "intend",
    "intends",
    "aim",
    "aims",
    "hope",
    "hopes",
    "likely",
}
_FUTURE_LEAD = re.compile(
    r"(?:\buntil|\btill|\bas (?:soon|early) as|\bno (?:earlier|later) than|\bnext)\s*$", re.I
)


def tense_of(span: Any) -> str | None:
    """The tense of the clause that governs a spaCy span: "future", "past", "present" or None.

    "future" for will/shall, for "scheduled/planned/expected to ...", and for a span introduced
    by "until", "as soon as" (a deadline lies ahead); "present" for a finite present verb, which
    news uses for scheduled events ("Arafat meets Albright Monday").
    """
    if span is None:
        return None
    doc = span.doc
    lead = doc[max(0, span.start - 4) : span.start].text
    if _FUTURE_LEAD.search(lead):
        return "future"
    tok = span.root
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} or tok.head == tok:
            break
        tok = tok.head
    verb = tok
    for _ in range(3):  # "is scheduled to close", "planned to hold"
        children = list(verb.children)
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"will", "'ll", "shall", "wo"} for c in children):
            return "future"
        if verb.lower_ in {"will", "shall"} or verb.lower_ in _FUTURE_HEADS:
            return "future"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and verb.dep_ in {
            "xcomp",
            "ccomp",
            "advcl",
        }:
            if verb.head.lower_ in _FUTURE_HEADS or verb.head.lemma_ in {
                "be",
                "plan",
                "expect",
                "schedule",
                "intend",
                "aim",
                "hope",
            }:
                return "future"
            verb = verb.head
            continue
        break
    tenses = verb.morph.get("Tense")
    if "Past" in tenses or verb.tag_ in {"VBD", "VBN"}:
        return "past"
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass"} and "Past" in child.morph.get("Tense"):
            return "past"
    if verb.tag_ in {"VBZ", "VBP"} and verb.lemma_ not in {"be", "have", "say"}:
        return "present"
    return None


# --------------------------------------------------------------------------- the parser

_CLEAN_PREFIX = re.compile(
    r"^(?:about|around|approximately|roughly|nearly|almost|some|only|just|fully|over|under|"
    r"more than|less than|fewer than|at least|at most|up to|no more than|no less than|"
    r"within|for|in|on|at|by|during|since|until|till|from|of|through|throughout)\s+"
)
_MONTH_RE = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY_RE = r"(?P<wd>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?"
_YEAR_RE = r"(?P<year>1[0-9]{3}|2[0-9]{3})"


def _clean(text: str) -> str:
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    t = re.sub(r"\s+", " ", t).strip(' \t\n.,;:!?"()')
    for _ in range(3):
        new = _CLEAN_PREFIX.sub("", t)
        if new == t:
            break
        t = new
    t = re.sub(r"^(?:the|this past|the past|past)\s+(?=(?:mon|tue|wed|thu|fri|sat|sun)\w*day)", "", t)
    return t


def _month_of(name: str) -> int | None:
    return MONTHS.get(name.rstrip(".")) or MONTHS.get(name.rstrip(".")[:3])


def _weekday_of(name: str) -> int | None:
    return WEEKDAYS.get(name.rstrip(".")[:3])


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


_UNIT_RE = r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|yrs?|decades?|century|centuries|millennium|millennia|weekends?)"


def _unit_key(raw: str) -> str:
    raw = raw.rstrip("s") if raw not in {"centuries", "millennia"} else raw
    if raw == "centuries":
        return "century"
    return raw


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
    # a bare clock time: "10:35 a.m.", "midday", "4 in the morning"
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
    holiday = _holiday(t, day0, tense)
    if holiday is not None:
        return holiday
    # plain day words
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
    # weekdays: "Friday", "last Friday", "next Tuesday morning", "10 p.m. Wednesday"
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
    # weekend
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
    # last/this/next unit, "earlier this year", "this year's third quarter"
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
            return None
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
            return str(decade) if 100 <= decade <= 999 else None
        if unit == "century":
            century = day0.year // 100 + rel
            return f"{century:02d}" if 0 <= century <= 99 else None
        season = SEASONS[unit]
        year = day0.year
        season_month = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}[season]
        if rel == -1:
            year = day0.year if season_month + 2 < day0.month else day0.year - 1
        elif rel == 1:
            year = day0.year if season_month > day0.month else day0.year + 1
        return f"{year}-{season}"
    # bare seasons
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
    # "N units ago", "a year earlier", "two weeks from now"
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
            return None
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
            return None  # "three years later" counts from an event we do not know, not from today
        return _shift(base, sign * int(n), unit)
    # quarters and halves without a year
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
    # anaphoric periods: "the quarter", "the latest quarter", "the year-ago quarter"
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
    # "that year", "the same day", "then"
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


# --------------------------------------------------------------------------- export view


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


# --------------------------------------------------------------------------- detection

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


@stage(NAME, requires=("doc", "sentences"), assigns=("times",))
def tag_dates(item: AnalyzedArticle, res: Resources) -> None:
    """Fill ``item.times`` with the article's time expressions, normalised to ``item.date``."""
    del res
    doc = item.doc
    if doc is None:
        item.times = []
        return
    anchor = item.date
    times: list[TimeExpression] = []
    reference: str | None = None
    for start, end, text, span in find_dates(doc):
        # Only a future reading moves a date: on TempEval-3 a past reading of the verb made
        # month and weekday resolution worse than the nearest-date default (0.829 vs 0.846).
        tense = "future" if tense_of(span) == "future" else None
        value = normalize_timex(text, anchor, None, tense=tense, reference=reference)
        if value is None:
            continue
        kind = _kind_of(value, text)
        if kind == "DURATION" or kind == "SET":
            iso, precision = None, "unknown"
        else:
            iso, precision = timeml_to_iso(value, anchor)
            if updates_reference(text, value):
                reference = value
        sent = item.sentence_at(start)
        times.append(TimeExpression(start, end, text, iso, precision, sent.index if sent else -1, kind))
    item.times = times


# --------------------------------------------------------------------------- dating records

_BACKGROUND_RE = re.compile(
    r"\b(?:previously|formerly|used to|in the past|(?:years|decades|months) ago|a (?:year|decade) ago|"
    r"last year|earlier this year|historically|back in|repeatedly|numerous times|many times|"
    r"frequently|often|regularly|routinely|"
    r"for (?:years|decades|months)|(?:has|have|had) long|at the time|at that time|in those days|"
    r"since (?:then|\d{4}|last|early|late|the (?:\d{4}|\d0s)))\b",
    re.I,
)


_OLD_DATE_RE = re.compile(
    r"\b(?:in|since|during|until|by|from|of|before|after)\s+(?:(?:early|late|mid)[ -])?(?:the\s+)?"
    r"(?:" + _MONTH_RE.replace("?P<month>", "?:") + r"\s+)?(?:1[5-9]\d\d|20\d\d)s?\b",
    re.I,
)


_BACKGROUND_WORDS = frozenset({"had", "since", "once", "earlier"})  # the cues read from the parse


def is_background(
    sentence: Any, anchor: str | None = None, times: Iterable[TimeExpression] = (), *, focus: Any = None
) -> bool:
    """True when a sentence reports history rather than the news of the day.

    ``sentence`` is a spaCy span (preferred: past perfect is read from the tags) or plain text.
    Cues: past perfect ("had met"), temporal "since", "was once", "previously", "repeatedly",
    "earlier meetings", "last year", "years ago", "in 2019" or any of ``times`` (or a date in the
    text) that ends more than two weeks before the anchor.
    """
    text = sentence if isinstance(sentence, str) else sentence.text
    day0 = _anchor_date(anchor)
    spacy_span = not isinstance(sentence, str)
    # with a focus token (a trigger), cues count only in its clause or in a clause above it
    scope = None if focus is None or not spacy_span else {focus.i} | {a.i for a in focus.ancestors}

    def in_scope(start: int, end: int) -> bool:
        if scope is None:
            return True
        piece = sentence.char_span(start, end, alignment_mode="expand")
        return piece is None or _clause_of(piece.root).i in scope

    for tx in times:
        if tx.value and day0 is not None and _ends_before(tx.value, day0, days=14):
            return True
    if day0 is not None:
        for m in _OLD_DATE_RE.finditer(text):
            value = normalize_timex(_LEAD.sub("", m.group(0)), anchor, "DATE")
            iso, _ = timeml_to_iso(value, anchor)
            if iso and _ends_before(iso, day0, days=14) and in_scope(m.start(), m.end()):
                return True
    if spacy_span:
        for tok in sentence:
            if tok.lower_ not in _BACKGROUND_WORDS:
                continue
            # the clause a cue modifies: a "since ..." clause modifies its head's head
            modified = tok.head.head if tok.dep_ == "mark" else tok.head
            if scope is not None and modified.i not in scope:
                continue
            if tok.lower_ == "had" and tok.dep_ in {"aux", "auxpass"} and tok.head.tag_ == "VBN":
                return True  # past perfect
            if tok.lower_ == "since" and (
                tok.dep_ == "prep" or (tok.dep_ == "mark" and tok.head.tag_ in {"VBD", "VBN"})
            ):
                return True  # "since the war", "since the talks began" (not the causal "since")
            if tok.lower_ == "once" and tok.dep_ == "advmod" and tok.head.tag_ in {"VBD", "VBN"}:
                return True  # "was once", not "once the deal is signed"
            if tok.lower_ == "earlier" and tok.dep_ == "amod":
                return True  # "earlier meetings"
    elif re.search(r"\bhad (?:\w+ )?\w+(?:ed|en|own|met|made|said|told|sent)\b", text, re.I):
        return True
    return any(in_scope(m.start(), m.end()) for m in _BACKGROUND_RE.finditer(text))


def _clause_of(tok: Any) -> Any:
    """The verb of the clause a token belongs to (the token itself when it is that verb)."""
    for _ in range(12):
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"aux", "auxpass"}:
            return tok
        if tok.head is tok:
            return tok
        tok = tok.head
    return tok


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
    4. else the publication date, precision "day": the news of the day in the past tense ("X
       said on Monday" resolves in 1; "X has signed") happened on the day the article reports.

    A date from 1 or 2 is refused (``(None, "unknown")``) when its year lies outside
    [1800, publication year + 1], or when it lies after the publication day for an act that is
    not future or intended: a past act cannot happen after the article reporting it.
    """
    sent = item.sentence_at(start)
    if sent is None:
        return (item.date, "day") if item.date else (None, "unknown")
    in_sent = [
        t
        for t in item.times
        if t.sentence == sent.index and t.value and t.kind in {"DATE", "TIME"} and _adverbial(item, t)
    ]
    trigger = item.doc.char_span(start, end, alignment_mode="expand") if item.doc is not None else None
    focus = trigger.root if trigger is not None else None
    if in_sent:
        chosen: TimeExpression | None
        if item.doc is None:
            chosen = min(in_sent, key=lambda t: min(abs(t.start - end), abs(start - t.end)))
        else:
            chosen = _governing(item, start, end, in_sent)
        if chosen is not None:
            return _plausible(chosen, item.date, ahead=_looks_ahead(trigger, focus))
    span: Any = sent.text
    if item.doc is not None:
        span = item.doc.char_span(sent.start, sent.end, alignment_mode="expand") or sent.text
    if is_background(span, item.date, (), focus=focus):
        return None, "unknown"
    if focus is not None and (_looks_ahead(trigger, focus) or _told_in_quote(item, start, focus)):
        return None, "unknown"
    return (item.date, "day") if item.date else (None, "unknown")


#: Modal auxiliaries that make an act possible, due or demanded rather than done ("can" is
#: left out: "cannot accept" reports a refusal made now).
_MODALS = frozenset({"will", "would", "may", "might", "could", "should", "shall", "must", "'ll", "wo", "'d"})
#: Verbs (and "yet") whose infinitive complement is an act not (yet) done: "has yet to ratify",
#: "try to negotiate", "plans to visit", "wants to meet".
_INTENT_HEADS = frozenset(
    {"yet", "try", "seek", "attempt", "want", "wish", "hope", "plan", "intend", "aim", "expect", "prepare"}
)


def _looks_ahead(trigger: Any, focus: Any) -> bool:
    """True when the trigger's act is future, possible or intended, not done (see _MODALS)."""
    if focus is None:
        return False
    if tense_of(trigger) == "future":
        return True
    verb = _clause_of(focus)
    for _ in range(3):
        children = list(verb.children)
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in children):
            return True
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children) or verb.dep_ not in {
            "xcomp",
            "ccomp",
        }:
            return False
        head = verb.head
        if head.lemma_.lower() in _INTENT_HEADS or any(c.lower_ == "yet" for c in head.children):
            return True
        verb = head
    return False


def _told_in_quote(item: AnalyzedArticle, start: int, focus: Any) -> bool:
    """True for a past act told inside a direct quote ("I asked for permission," he said): the
    speaker's past, with no date the text gives, is not the news of the day."""
    verb = _clause_of(focus)
    if verb.tag_ not in {"VBD", "VBN"} and "Past" not in verb.morph.get("Tense"):
        return False
    for st in item.statements:
        if st.kind == "direct" and st.content_span[0] <= start < st.content_span[1]:
            return True
    text = item.article.text
    before = text[text.rfind("\n", 0, start) + 1 : start]  # quotes open and close within a paragraph
    straight = before.count('"') % 2 == 1
    return straight or before.count("\u201c") > before.count("\u201d")


def _plausible(tx: TimeExpression, anchor: str | None, *, ahead: bool) -> tuple[str | None, str]:
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


def _adverbial(item: AnalyzedArticle, tx: TimeExpression) -> bool:
    """False for a time expression that only modifies a noun ("the 2015 nuclear deal")."""
    doc = item.doc
    if doc is None:
        return True
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if root.dep_ in {"compound", "amod", "nmod", "nummod", "poss"} and root.head.pos_ in {"NOUN", "PROPN"}:
        return root.head.ent_type_ in {"DATE", "TIME"}
    return True


def _governing(
    item: AnalyzedArticle, start: int, end: int, times: list[TimeExpression]
) -> TimeExpression | None:
    """The time expression attached to the trigger's clause or to a clause above it."""
    doc = item.doc
    trigger = doc.char_span(start, end, alignment_mode="expand")
    if trigger is None:
        return None
    # the trigger and its ancestors, with their distance: the trigger's own clause first
    ancestors = {trigger.root.i: 0}
    child = trigger.root
    for depth, tok in enumerate(trigger.root.ancestors, start=1):
        if child.dep_ in {"relcl", "appos"}:
            # a relative clause keeps its own time ("a committee, chaired by X, who served ...");
            # a participle shares its noun's ("In 2018 he released a statement describing ...")
            break
        ancestors[tok.i] = depth
        child = tok
    best: tuple[int, int, TimeExpression] | None = None
    for tx in times:
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        if tok.dep_ == "pobj" and tok.head.lower_ in {"since", "until", "till", "from", "through"}:
            continue  # the boundary of a period does not date what happens within it
        steps = 0
        while tok.i not in ancestors:
            if tok.head == tok:
                break
            tok = tok.head
            steps += 1
            if tok.pos_ in {"VERB", "AUX"} and tok.i not in ancestors:
                break  # the expression belongs to another clause
        if tok.i in ancestors:
            key = (ancestors[tok.i], steps, tx)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None
