"""Words and patterns of time expressions: month, weekday, number and unit words, the regular
expressions shared by the parsers, and the text clean-up every parser starts from."""

from __future__ import annotations

import calendar
import re

from ...knowledge.wordlists import word_lists

#: Number, ordinal, season, day-part and time-reference words: knowledge/data/date_words.yaml.
_WORDS = word_lists("date_words.yaml")

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


SMALL: dict[str, int] = _WORDS.table("numbers", int)


VAGUE = _WORDS.words("vague_quantities")


ORDINALS: dict[str, int] = _WORDS.table("ordinals", int)


# unit -> (TimeML duration letter, is a time-of-day unit)
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "hr": ("H", True), "day": ("D", False), "night": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "yr": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "centurie": ("CE", False), "millennium": ("L", False),
    "millennia": ("L", False), "weekend": ("WE", False),
}  # fmt: skip


SEASONS: dict[str, str] = _WORDS.table("seasons")


DAY_PARTS: dict[str, str] = _WORDS.table("day_parts")


PRESENT_WORDS = _WORDS.words("present_words")


PAST_WORDS = _WORDS.words("past_words")


FUTURE_WORDS = _WORDS.words("future_words")


_WORD_NUM = r"(?:\d+(?:\.\d+)?(?: \d/\d)?|[a-z]+(?:[- ][a-z]+)?)"


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


_UNIT_RE = r"(?P<unit>seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|yrs?|decades?|century|centuries|millennium|millennia|weekends?)"


def _unit_key(raw: str) -> str:
    raw = raw.rstrip("s") if raw not in {"centuries", "millennia"} else raw
    if raw == "centuries":
        return "century"
    return raw
