"""Property tests for the date normaliser (hypothesis; deterministic profile in tests/conftest.py).

Whatever the text and the anchor, the normaliser returns a well-formed value or nothing, never
raises; and the arithmetic of relative expressions holds for every count and anchor, not only
for the examples written in test_dates.py.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from newsledger.models import DATE_PRECISIONS, TimeExpression
from newsledger.stages.dates import normalize, normalize_timex, plausible_date, timeml_to_iso

ANCHORS = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
NEWS_ANCHORS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
WORDS = st.sampled_from(
    [
        "last",
        "next",
        "this",
        "past",
        "coming",
        "ago",
        "later",
        "earlier",
        "from",
        "now",
        "hence",
        "in",
        "on",
        "by",
        "since",
        "the",
        "a",
        "few",
        "several",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "day",
        "days",
        "quarter",
        "weekend",
        "monday",
        "friday",
        "january",
        "march",
        "december",
        "spring",
        "2019",
        "1998",
        "99999",
        "0",
        "13",
        "31",
        "1/2",
        "third",
        "first",
        "morning",
        "tonight",
        "today",
        "yesterday",
        "tomorrow",
        "noon",
        "10:35",
        "p.m.",
        "mid",
        "late",
        "early",
        "end",
        "of",
    ]
)
PHRASES = st.lists(WORDS, min_size=1, max_size=5).map(" ".join)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: the shape of an ISO value at each export precision
SHAPES = {
    "day": r"\d{4}-\d{2}-\d{2}",
    "month": r"\d{4}-\d{2}",
    "year": r"\d{4}",
    "decade": r"\d{3}",
}


@given(text=st.one_of(PHRASES, st.text(max_size=40)), anchor=ANCHORS)
def test_normalize_never_raises_and_says_what_is_known(text: str, anchor: dt.date) -> None:
    value = normalize_timex(text, anchor.isoformat())
    assert value is None or (value and not value.startswith("-")), value
    assert value is None or not re.match(r"\d{5}", value), value
    iso, precision = normalize(text, anchor.isoformat())
    assert precision in DATE_PRECISIONS
    if iso is None:
        assert precision == "unknown"
    else:
        assert re.fullmatch(SHAPES[precision], iso), (text, anchor, iso, precision)


@given(text=PHRASES, anchor=ANCHORS, kind=st.sampled_from([None, "DATE", "TIME", "DURATION", "SET"]))
def test_every_type_and_tense_is_handled(text: str, anchor: dt.date, kind: str | None) -> None:
    for tense in (None, "past", "present", "future"):
        value = normalize_timex(text, anchor.isoformat(), kind, tense=tense, reference=anchor.isoformat())
        assert value is None or isinstance(value, str)
        timeml_to_iso(value, anchor.isoformat())  # every value the parser makes maps without error


@given(n=st.integers(min_value=2, max_value=4000), anchor=NEWS_ANCHORS)
def test_days_ago_is_calendar_arithmetic(n: int, anchor: dt.date) -> None:
    expected = (anchor - dt.timedelta(days=n)).isoformat()
    assert normalize(f"{n} days ago", anchor.isoformat()) == (expected, "day")


@given(n=st.integers(min_value=2, max_value=100_000), anchor=NEWS_ANCHORS)
def test_years_ago_is_a_calendar_year_or_nothing(n: int, anchor: dt.date) -> None:
    value = normalize_timex(f"{n} years ago", anchor.isoformat())
    year = anchor.year - n
    if year >= 1:
        assert value == f"{year:04d}"
    else:  # before year 1: no calendar year (was "-97978" for 99999 years ago)
        assert value is None or not value[0].isdigit(), value
        assert normalize(f"{n} years ago", anchor.isoformat()) == (None, "unknown")


@given(n=st.integers(min_value=2, max_value=600), anchor=NEWS_ANCHORS)
def test_months_ago_counts_back_whole_months(n: int, anchor: dt.date) -> None:
    index = anchor.year * 12 + anchor.month - 1 - n
    assert normalize(f"{n} months ago", anchor.isoformat()) == (
        f"{index // 12:04d}-{index % 12 + 1:02d}",
        "month",
    )


@given(weekday=st.sampled_from(WEEKDAYS), anchor=NEWS_ANCHORS)
def test_a_weekday_is_the_latest_one_not_after_the_anchor(weekday: str, anchor: dt.date) -> None:
    iso, precision = normalize(f"on {weekday.title()}", anchor.isoformat())
    assert precision == "day" and iso is not None
    day = dt.date.fromisoformat(iso)
    assert day.weekday() == WEEKDAYS.index(weekday)
    assert 0 <= (anchor - day).days <= 6
    ahead, _ = normalize(f"on {weekday.title()}", anchor.isoformat(), tense="future")
    assert ahead is not None and 0 <= (dt.date.fromisoformat(ahead) - anchor).days <= 6


@given(day=st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31)), anchor=NEWS_ANCHORS)
def test_a_written_out_date_is_itself_whatever_the_anchor(day: dt.date, anchor: dt.date) -> None:
    written = f"{day.strftime('%B')} {day.day}, {day.year}"
    assert normalize(written, anchor.isoformat()) == (day.isoformat(), "day")
    assert normalize(day.isoformat(), anchor.isoformat()) == (day.isoformat(), "day")


@given(anchor=ANCHORS)
def test_the_edges_of_the_calendar(anchor: dt.date) -> None:
    for text in (
        "this week",
        "next week",
        "last week",
        "next year",
        "next decade",
        "next century",
        "tomorrow",
    ):
        iso, precision = normalize(text, anchor.isoformat())  # 9999-12-31 raised OverflowError
        assert iso is None or re.fullmatch(SHAPES[precision], iso)


def test_the_reported_bugs() -> None:
    # issue 13: a negative year, and an OverflowError at the last week of the calendar
    assert normalize_timex("99999 years ago", "2021-01-29") != "-97978"
    assert normalize("99999 years ago", "2021-01-29") == (None, "unknown")
    assert normalize("this week", "9999-12-31") == (None, "unknown")
    assert normalize("January 1, 2100", "2000-01-01") == ("2100-01-01", "day")  # was 2000-01-01


@given(
    day=st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    anchor=NEWS_ANCHORS,
    ahead=st.booleans(),
)
def test_a_record_date_is_never_implausible(day: dt.date, anchor: dt.date, ahead: bool) -> None:
    """What a record may be dated (events, statements and the lead date of a quote): a year
    within [1800, publication year + 1], and not after the publication day unless ahead."""
    tx = TimeExpression(0, 10, day.isoformat(), day.isoformat(), "day")
    value, precision = plausible_date(tx, anchor.isoformat(), ahead=ahead)
    kept = 1800 <= day.year <= anchor.year + 1 and (ahead or day <= anchor)
    assert (value, precision) == ((day.isoformat(), "day") if kept else (None, "unknown"))
