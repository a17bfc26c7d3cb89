"""Time expressions, normalised against the publication date (the stage ``newsledger.dates.v1``).

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

Modules: :mod:`.lexicon` (words and patterns), :mod:`.days` (calendar arithmetic), :mod:`.tense`,
:mod:`.absolute` and :mod:`.relative` (the two halves of the parser), :mod:`.durations` (durations,
sets, vague references), :mod:`.normalize` (the two views above), :mod:`.detect` (finding
expressions in a parse), :mod:`.dating` (dating events and statements); this module holds the
stage.
"""

from __future__ import annotations

from ...models import AnalyzedArticle, TimeExpression
from ...pipeline import Resources, stage
from .dating import date_for_span, is_background, plausible_date
from .detect import _kind_of, find_dates
from .normalize import normalize, normalize_timex, timeml_to_iso, updates_reference
from .tense import tense_of

NAME = "newsledger.dates.v1"

__all__ = [
    "NAME",
    "date_for_span",
    "find_dates",
    "is_background",
    "normalize",
    "normalize_timex",
    "plausible_date",
    "tag_dates",
    "tense_of",
    "timeml_to_iso",
    "updates_reference",
]


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
