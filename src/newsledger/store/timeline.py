"""Events over time: counts per period and group, the Goldstein mean, and the number of articles
published in each period (GDELT's volume normalisation divides by it).

Periods are cut from ISO dates: a day, an ISO week (dated by its Monday) or a month.  Day and
week need a day-precise date; a month also takes month-precise ones.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, func, select, tuple_

from ..errors import StoreError
from . import schema
from .query import Filters, branch_selects, where_clauses

INTERVALS = ("day", "week", "month")
#: What a series can be grouped by, and the column(s) it reads.
GROUPS = ("quad", "country", "dyad", "actor", "root", "plover", "outlet_type")
#: More periods than this on one axis are cut to a coarser interval (a century per day is unreadable).
MAX_PERIODS = 4000
#: The article of an event, joined under another name: the outlet filters' EXISTS over
#: ``articles`` must stay correlated to the event, not to the joined table.
_RECORD_ARTICLE = schema.articles.alias("record_article")


@dataclass
class Timeline:
    interval: str
    group: str
    periods: list[str]
    series: dict[str, list[int]]
    goldstein: dict[str, list[float | None]]
    names: dict[str, str]
    articles: list[int]
    coarsened_from: str | None = None
    totals: dict[str, int] = field(default_factory=dict)
    #: With ``core``: the events left off either end of the axis and the dates kept.
    trimmed: dict[str, Any] | None = None


@lru_cache(maxsize=1 << 16)  # an axis asks for each date's period several times; dates repeat
def period_of(date: str, interval: str) -> str | None:
    """The start of the period ``date`` falls in, or None when the date is not precise enough."""
    if interval == "month":
        return date[:7] if len(date) >= 7 and date[4] == "-" else None
    if len(date) < 10:
        return None
    if interval == "day":
        return date[:10]
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def _month_number(period: str) -> int:
    return int(period[:4]) * 12 + int(period[5:7]) - 1


def count_periods(first: str, last: str, interval: str) -> int:
    """How many periods ``all_periods(first, last, interval)`` would list, uncut."""
    if interval == "month":
        return _month_number(last) - _month_number(first) + 1
    days = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days
    return days // (7 if interval == "week" else 1) + 1


def all_periods(first: str, last: str, interval: str) -> list[str]:
    """Every period from ``first`` to ``last`` (at most MAX_PERIODS + 1): the axis is dates,
    gaps included."""
    n = max(1, min(count_periods(first, last, interval), MAX_PERIODS + 1))
    if interval == "month":
        start = _month_number(first)
        return [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(start, start + n)]
    day, step = dt.date.fromisoformat(first), dt.timedelta(days=7 if interval == "week" else 1)
    out = []
    for _ in range(n):
        out.append(day.isoformat())
        day += step
    return out


KeyOf = Callable[[tuple[Any, ...]], tuple[str, str] | None]


def _group_columns(group: str) -> tuple[list[Any], KeyOf]:
    """The columns a group reads, and how a row of them becomes (key, display name)."""
    e = schema.events.c
    if group == "quad":
        return [e.quad_class], lambda r: (str(r[0]), str(r[0])) if r[0] else None
    if group == "country":
        return [e.source_country], lambda r: (r[0], r[0]) if r[0] else None
    if group == "dyad":
        return [
            e.source_country,
            e.target_country,
        ], lambda r: (f"{r[0]}-{r[1]}", f"{r[0]} → {r[1]}") if r[0] and r[1] else None
    if group == "actor":  # named from the actors table once the series are chosen (_actor_names)
        return [e.source_actor_id], lambda r: (r[0], r[0]) if r[0] else None
    if group == "root":
        return [e.cameo_root], lambda r: (r[0], r[0]) if r[0] else None
    if group == "plover":
        return [e.plover_type], lambda r: (r[0], r[0]) if r[0] else None
    if group == "outlet_type":
        return [_RECORD_ARTICLE.c.outlet_type], lambda r: (r[0], r[0]) if r[0] else None
    raise StoreError(f"unknown timeline group {group!r}; choose one of {', '.join(GROUPS)}")


def _present(col: Any) -> ColumnElement[bool]:
    """A group column holds a value (a series key): not NULL, not empty, not quad class 0."""
    empty = 0 if isinstance(col.type, Integer) else ""
    return and_(col.is_not(None), col != empty)


def _matching(filters: Filters, group: str, min_length: int) -> list[Any]:
    """The matching events that carry a group value, as subqueries of their date cut to
    ``min_length`` (``d``), group columns (``k0``…) and Goldstein score (``g``): one per branch
    of the filters (``query.branches``), each walking its own index; the reads below run on
    each and add the answers up."""
    e = schema.events.c
    columns, _ = _group_columns(group)
    # Day and week: the date as stored, so that each branch is grouped in the order of the
    # country index it walks (0009: country, date, other country, …) without sorting its rows
    # (``period_of`` cuts it to the day); a month: its first 7 characters, far fewer rows.
    date = (func.substr(e.date, 1, 7) if min_length == 7 else e.date).label("d")
    chosen = [date, *(c.label(f"k{i}") for i, c in enumerate(columns)), e.goldstein.label("g")]
    source: Any = None
    if group == "outlet_type":
        source = schema.events.join(_RECORD_ARTICLE, _RECORD_ARTICLE.c.article_id == e.article_id)
    present = [_present(c) for c in columns]
    selects = branch_selects(
        "events", filters, chosen, func.length(e.date) >= min_length, *present, source=source
    )
    return [s.subquery("matching") for s in selects]


#: Groups with thousands of series, read in three passes (``build``).
MANY_SERIES = ("actor", "dyad")
Cells = dict[tuple[str, str], list[float]]


def _all_cells(engine: Any, ms: list[Any], key_of: KeyOf) -> tuple[Cells, dict[str, str]]:
    """Events, Goldstein sum and count per date and series key, and each key's name: one read."""

    def query_of(m: Any) -> Any:
        keys = _keys(m)
        return select(m.c.d, *keys, func.count(), func.sum(m.c.g), func.count(m.c.g)).group_by(m.c.d, *keys)

    cells: Cells = defaultdict(lambda: [0, 0.0, 0])
    names: dict[str, str] = {}
    for d, *rest in _rows(engine, ms, query_of):
        *group_values, n, g_sum, g_n = rest
        got = key_of(tuple(group_values))
        if got:
            names.setdefault(got[0], got[1])
            cell = cells[(d, got[0])]
            cell[0] += n
            cell[1] += g_sum or 0.0
            cell[2] += g_n
    return cells, names


def _dates_of(cells: Cells) -> dict[str, list[float]]:
    by_date: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0])
    for (d, _), (n, g_sum, g_n) in cells.items():
        cell = by_date[d]
        cell[0] += n
        cell[1] += g_sum
        cell[2] += g_n
    return dict(by_date)


def _totals_of(
    every: tuple[Cells, dict[str, str]], by_date: dict[str, list[float]], invalid: set[str]
) -> tuple[dict[str, int], dict[str, tuple[str, tuple[Any, ...]]]]:
    """Events per series key over the dates kept (``by_date``) that have a period, and each
    key's name (the shape ``_group_totals`` answers)."""
    cells, names = every
    totals: dict[str, int] = defaultdict(int)
    for (d, key), (n, _, _) in cells.items():
        if d in by_date and d not in invalid:
            totals[key] += int(n)
    return totals, {k: (names[k], ()) for k in totals}


def _keys(m: Any) -> list[Any]:
    return [c for name, c in m.c.items() if name.startswith("k")]


Within = Callable[[Any], list[ColumnElement[bool]]]


def _rows(engine: Any, ms: list[Any], query_of: Callable[[Any], Any]) -> list[Any]:
    """The rows of ``query_of(m)`` for every branch ``m``, one after the other (each fetched at
    once: row by row cost more than the query)."""
    with engine.connect() as conn:
        return [row for m in ms for row in conn.execute(query_of(m)).all()]


def _per_date(engine: Any, ms: list[Any]) -> dict[str, list[float]]:
    """Events, Goldstein sum and count per date (all groups together)."""
    by_date: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0])

    def query_of(m: Any) -> Any:
        return select(m.c.d, func.count(), func.sum(m.c.g), func.count(m.c.g)).group_by(m.c.d)

    for d, n, g_sum, g_n in _rows(engine, ms, query_of):
        cell = by_date[d]
        cell[0] += n
        cell[1] += g_sum or 0.0
        cell[2] += g_n
    return dict(by_date)


def _group_totals(
    engine: Any, ms: list[Any], key_of: KeyOf, within: Within, invalid: list[str]
) -> tuple[dict[str, int], dict[str, tuple[str, tuple[Any, ...]]]]:
    """Events per series key, less those on ``invalid`` dates (no period at the interval), and
    each key's name and group column values."""
    totals: dict[str, int] = defaultdict(int)
    found: dict[str, tuple[str, tuple[Any, ...]]] = {}

    def query_of(m: Any, *where: Any) -> Any:
        keys = _keys(m)
        return select(*keys, func.count()).where(*within(m), *where).group_by(*keys)

    for *values, n in _rows(engine, ms, query_of):
        got = key_of(tuple(values))
        if got:
            totals[got[0]] += n
            found.setdefault(got[0], (got[1], tuple(values)))
    if invalid:
        for *values, n in _rows(engine, ms, lambda m: query_of(m, m.c.d.in_(invalid))):
            got = key_of(tuple(values))
            if got:
                totals[got[0]] -= n
    return {k: n for k, n in totals.items() if n > 0}, found  # a key only on such dates has no series


def _kept_cells(
    engine: Any, ms: list[Any], key_of: KeyOf, within: Within, values: list[tuple[Any, ...]]
) -> Cells:
    """Events, Goldstein sum and count per date and series key, for the series kept only."""
    if not values:
        return {}

    width = len(values[0])

    def query_of(m: Any) -> Any:
        keys = _keys(m)
        # Each column IN its kept values, then the pairs: SQLite seeks a dyad's index (0012)
        # pair by pair from the first (a row value IN alone made it walk the whole country).
        chosen = [k.in_(sorted({vs[i] for vs in values})) for i, k in enumerate(keys)]
        if width > 1:
            chosen.append(tuple_(*keys).in_(values))
        return (
            select(*keys, m.c.d, func.count(), func.sum(m.c.g), func.count(m.c.g))
            .where(*within(m), *chosen)
            .group_by(m.c.d, *keys)
        )

    key_by_values = {vs: got[0] for vs in values if (got := key_of(vs))}
    cells: Cells = {}
    for row in _rows(engine, ms, query_of):  # (group values…, date, events, Goldstein sum, count)
        cell_key = (row[width], key_by_values[row[:width]])
        n, g_sum, g_n = row[width + 1 :]
        cell = cells.get(cell_key)
        if cell is None:
            cells[cell_key] = [n, g_sum or 0.0, g_n]
        else:
            cell[0] += n
            cell[1] += g_sum or 0.0
            cell[2] += g_n
    return cells


def article_counts(engine: Any, where: list[ColumnElement[bool]], interval: str) -> dict[str, int]:
    """Articles (not near-duplicates) published per period: the denominator of normalised series."""
    a = schema.articles.c
    date = func.substr(a.published, 1, 10)
    query = (
        select(date, func.count())
        .where(a.duplicate_of.is_(None), a.published.is_not(None), *where)
        .group_by(date)
    )
    out: dict[str, int] = defaultdict(int)
    with engine.connect() as conn:
        for day, n in conn.execute(query).all():
            period = period_of(day or "", interval)
            if period:
                out[period] += n
    return out


#: ``core`` leaves off each end of the axis at most this share of the events: a few events dated
#: a century back (a history recalled in an article) would otherwise squeeze the rest to a sliver.
CORE_TAIL = 0.005


def build(
    engine: Any,
    filters: Filters,
    *,
    group: str = "quad",
    interval: str = "week",
    top: int = 8,
    core: bool = False,
) -> Timeline:
    """The timeline of the events matching ``filters``: the ``top`` groups by total, the rest
    summed as "other"; every period between the first and the last, empty ones as 0.  The
    articles counted per period are those the outlet and date filters select.  ``core`` cuts
    the axis to the dates that hold all but :data:`CORE_TAIL` of the events at each end.

    Three reads, none returning a row per date and group (on a million events grouped by actor
    that was 100,000 rows to sum in Python): events per date, events per group, then per date
    for the groups kept; "other" is the date's events less the kept groups'."""
    article_filters = Filters(
        outlet=filters.outlet,
        outlet_type=filters.outlet_type,
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    article_where = where_clauses("articles", schema.articles, article_filters)
    if interval not in INTERVALS:
        raise StoreError(f"unknown interval {interval!r}; choose one of {', '.join(INTERVALS)}")
    _, key_of = _group_columns(group)
    ms = _matching(filters, group, 7 if interval == "month" else 10)
    # A few series (quad classes, roots): one read per date and series is small and reads the
    # events once; thousands (actors, dyads): per date, per series, then the kept series' dates.
    every = None if group in MANY_SERIES else _all_cells(engine, ms, key_of)
    by_date = _per_date(engine, ms) if every is None else _dates_of(every[0])
    trimmed = None
    if core:
        by_date, trimmed = _core(by_date)
    cut = trimmed

    def within(m: Any) -> list[ColumnElement[bool]]:
        return [m.c.d >= cut["from"], m.c.d <= cut["to"]] if cut else []

    interval, coarsened_from = _coarsen(sorted(by_date), interval)
    invalid = [d for d in by_date if period_of(d, interval) is None]
    if every is None:
        totals, found = _group_totals(engine, ms, key_of, within, invalid)
    else:
        totals, found = _totals_of(every, by_date, set(invalid))
    kept = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    if group == "quad":
        kept = sorted(kept)
    if every is None:
        cells = _kept_cells(engine, ms, key_of, within, [found[k][1] for k in kept])
    else:
        chosen = set(kept)
        cells = {(d, k): v for (d, k), v in every[0].items() if k in chosen and d in by_date}
    built = _assemble(by_date, cells, kept, interval)
    built.group, built.coarsened_from, built.trimmed = group, coarsened_from, trimmed
    built.names = {k: found[k][0] if k in found else k for k in built.series}
    built.totals = {k: totals[k] for k in kept} | (
        {"other": sum(built.series["other"])} if "other" in built.series else {}
    )
    counts = article_counts(engine, article_where, interval)
    built.articles = [counts.get(p, 0) for p in built.periods]
    if group == "actor":
        built.names |= _actor_names(engine, kept)
    return built


def _core(by_date: dict[str, list[float]]) -> tuple[dict[str, list[float]], dict[str, Any] | None]:
    """The dates between those that leave at most CORE_TAIL of the events off each end, and
    what was left off (None when nothing was)."""
    dates = sorted(by_date)
    allowance = sum(by_date[d][0] for d in dates) * CORE_TAIL
    lo, before = 0, 0.0
    while lo < len(dates) - 1 and before + by_date[dates[lo]][0] <= allowance:
        before += by_date[dates[lo]][0]
        lo += 1
    hi, after = len(dates) - 1, 0.0
    while hi > lo and after + by_date[dates[hi]][0] <= allowance:
        after += by_date[dates[hi]][0]
        hi -= 1
    if not before and not after:
        return by_date, None
    kept = {d: v for d, v in by_date.items() if dates[lo] <= d <= dates[hi]}
    return kept, {"before": int(before), "after": int(after), "from": dates[lo], "to": dates[hi]}


def _actor_names(engine: Any, ids: list[str]) -> dict[str, str]:
    a = schema.actors.c
    with engine.connect() as conn:
        return {i: n for i, n in conn.execute(select(a.actor_id, a.name).where(a.actor_id.in_(ids))) if n}


def _coarsen(dates: list[str], interval: str) -> tuple[str, str | None]:
    """The interval the axis uses (coarser when the dates span more than MAX_PERIODS), and the
    one asked for when it changed."""
    for coarser in INTERVALS[INTERVALS.index(interval) :]:
        firsts = [p for p in (period_of(d, coarser) for d in dates[:1] + dates[-1:]) if p]
        if len(firsts) < 2 or count_periods(firsts[0], firsts[1], coarser) <= MAX_PERIODS:
            return coarser, (interval if coarser != interval else None)
    # even months overflow: the axis is cut at MAX_PERIODS months
    return "month", (interval if interval != "month" else None)


def _assemble(
    by_date: dict[str, list[float]],
    cells: dict[tuple[str, str], list[float]],
    kept: list[str],
    interval: str,
) -> Timeline:
    """The axis (every period from the first to the last with events), the kept series, "other"
    (each period's events less the kept series') and the Goldstein means."""
    present = sorted({p for p in (period_of(d, interval) for d in by_date) if p})
    periods = all_periods(present[0], present[-1], interval) if present else []
    index = {p: i for i, p in enumerate(periods)}
    series = {k: [0] * len(periods) for k in kept}
    g_sums = {k: [0.0] * len(periods) for k in [*kept, "all"]}
    g_counts = {k: [0] * len(periods) for k in [*kept, "all"]}
    events = [0] * len(periods)
    for date, (n, g_sum, g_n) in by_date.items():
        i = index.get(period_of(date, interval) or "")
        if i is not None:  # None: no period, or beyond MAX_PERIODS
            events[i] += int(n)
            g_sums["all"][i] += g_sum
            g_counts["all"][i] += int(g_n)
    for (date, key), (n, g_sum, g_n) in cells.items():
        i = index.get(period_of(date, interval) or "")
        if i is not None:
            series[key][i] += int(n)
            g_sums[key][i] += g_sum
            g_counts[key][i] += int(g_n)
    other = [total - sum(s[i] for s in series.values()) for i, total in enumerate(events)]
    if any(other):
        series["other"] = other
    goldstein = {
        k: [round(s / c, 3) if c else None for s, c in zip(g_sums[k], g_counts[k], strict=True)]
        for k in g_sums
    }
    return Timeline(
        interval=interval,
        group="",
        periods=periods,
        series=series,
        goldstein=goldstein,
        names={},
        articles=[],
    )


__all__ = ["GROUPS", "INTERVALS", "Timeline", "build", "period_of"]
