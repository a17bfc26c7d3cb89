"""Events over time: counts per period and group, the Goldstein mean, and the number of articles
published in each period (GDELT's volume normalisation divides by it).

Periods are cut from ISO dates: a day, an ISO week (dated by its Monday) or a month.  Day and
week need a day-precise date; a month also takes month-precise ones.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, func, select

from ..errors import StoreError
from . import schema
from .query import Filters, where_clauses

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


def _next(period: str, interval: str) -> str:
    if interval == "month":
        year, month = int(period[:4]), int(period[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    step = 7 if interval == "week" else 1
    return (dt.date.fromisoformat(period) + dt.timedelta(days=step)).isoformat()


def all_periods(first: str, last: str, interval: str) -> list[str]:
    """Every period from ``first`` to ``last``: the axis is dates, gaps included."""
    out = [first]
    while out[-1] < last and len(out) <= MAX_PERIODS:
        out.append(_next(out[-1], interval))
    return out


def _group_columns(group: str) -> tuple[list[Any], Callable[[tuple[Any, ...]], tuple[str, str] | None]]:
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


def event_rows(
    engine: Any, where: list[ColumnElement[bool]], group: str, *, min_length: int
) -> Iterable[tuple[Any, ...]]:
    """(date, group columns…, events, Goldstein sum, Goldstein count) per distinct day (per
    month when ``min_length`` is 7: fewer rows to carry) and group."""
    e = schema.events.c
    columns, _ = _group_columns(group)
    date = func.substr(e.date, 1, 7 if min_length == 7 else 10)
    query = (
        select(date, *columns, func.count(), func.sum(e.goldstein), func.count(e.goldstein))
        .where(*where, func.length(e.date) >= min_length)
        .group_by(date, *columns)
    )
    if group == "outlet_type":
        query = query.select_from(
            schema.events.join(_RECORD_ARTICLE, _RECORD_ARTICLE.c.article_id == e.article_id)
        )
    with engine.connect() as conn:
        rows = conn.execute(query).all()  # one fetchall: row by row cost more than the query
    yield from rows


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
        for day, n in conn.execute(query):
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
    the axis to the dates that hold all but :data:`CORE_TAIL` of the events at each end."""
    where = where_clauses("events", schema.events, filters)
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
    per_day: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0, 0])
    names: dict[str, str] = {}
    for row in event_rows(engine, where, group, min_length=7 if interval == "month" else 10):
        date, *keys, n, g_sum, g_n = row
        found = key_of(tuple(keys))
        if found is None:
            continue
        key, name = found
        names.setdefault(key, name)
        cell = per_day[(date, key)]
        cell[0] += n
        cell[1] += g_sum or 0.0
        cell[2] += g_n
    trimmed = None
    if core:
        per_day, trimmed = _core(per_day)
    built = _assemble(engine, per_day, names, group, interval, top, article_where)
    built.trimmed = trimmed
    if group == "actor":
        built.names |= _actor_names(engine, [k for k in built.series if k != "other"])
    return built


def _core(
    per_day: dict[tuple[str, str], list[float]],
) -> tuple[dict[tuple[str, str], list[float]], dict[str, Any] | None]:
    """The cells between the dates that leave at most CORE_TAIL of the events off each end,
    and what was left off (None when nothing was)."""
    by_date: dict[str, float] = defaultdict(float)
    for (date, _), cell in per_day.items():
        by_date[date] += cell[0]
    dates = sorted(by_date)
    allowance = sum(by_date.values()) * CORE_TAIL
    lo, before = 0, 0.0
    while lo < len(dates) - 1 and before + by_date[dates[lo]] <= allowance:
        before += by_date[dates[lo]]
        lo += 1
    hi, after = len(dates) - 1, 0.0
    while hi > lo and after + by_date[dates[hi]] <= allowance:
        after += by_date[dates[hi]]
        hi -= 1
    if not before and not after:
        return per_day, None
    kept = {k: v for k, v in per_day.items() if dates[lo] <= k[0] <= dates[hi]}
    return kept, {"before": int(before), "after": int(after), "from": dates[lo], "to": dates[hi]}


def _actor_names(engine: Any, ids: list[str]) -> dict[str, str]:
    a = schema.actors.c
    with engine.connect() as conn:
        return {i: n for i, n in conn.execute(select(a.actor_id, a.name).where(a.actor_id.in_(ids))) if n}


def _assemble(
    engine: Any,
    per_day: dict[tuple[str, str], list[float]],
    names: dict[str, str],
    group: str,
    interval: str,
    top: int,
    article_where: list[ColumnElement[bool]],
) -> Timeline:
    dates = sorted({d for d, _ in per_day})
    coarsened_from = None
    for coarser in INTERVALS[INTERVALS.index(interval) :]:
        firsts = [p for p in (period_of(d, coarser) for d in dates[:1] + dates[-1:]) if p]
        if len(firsts) < 2 or len(all_periods(firsts[0], firsts[1], coarser)) <= MAX_PERIODS:
            coarsened_from = interval if coarser != interval else None
            interval = coarser
            break
    else:  # even months overflow: the axis is cut at MAX_PERIODS months
        coarsened_from, interval = (interval if interval != "month" else None), "month"
    buckets: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0, 0])
    totals: dict[str, int] = defaultdict(int)
    for (date, key), (n, g_sum, g_n) in per_day.items():
        period = period_of(date, interval)
        if period is None:
            continue
        cell = buckets[(period, key)]
        cell[0] += n
        cell[1] += g_sum
        cell[2] += g_n
        totals[key] += int(n)
    kept = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    if group == "quad":
        kept = sorted(kept)
    present = sorted({p for p, _ in buckets})
    periods = all_periods(present[0], present[-1], interval) if present else []
    index = {p: i for i, p in enumerate(periods)}
    series = {k: [0] * len(periods) for k in kept}
    g_sums = {k: [0.0] * len(periods) for k in [*kept, "all"]}
    g_counts = {k: [0] * len(periods) for k in [*kept, "all"]}
    other = [0] * len(periods)
    for (period, key), (n, g_sum, g_n) in buckets.items():
        i = index.get(period)
        if i is None:  # beyond MAX_PERIODS
            continue
        target = series.get(key, other)
        target[i] += int(n)
        for k in (key, "all") if key in series else ("all",):
            g_sums[k][i] += g_sum
            g_counts[k][i] += int(g_n)
    if any(other):
        series["other"] = other
        names["other"] = "other"
        totals["other"] = sum(other)
    goldstein = {
        k: [round(s / c, 3) if c else None for s, c in zip(g_sums[k], g_counts[k], strict=True)]
        for k in g_sums
    }
    counts = article_counts(engine, article_where, interval)
    return Timeline(
        interval=interval,
        group=group,
        periods=periods,
        series=series,
        goldstein=goldstein,
        names={k: names.get(k, k) for k in series},
        articles=[counts.get(p, 0) for p in periods],
        coarsened_from=coarsened_from,
        totals={k: totals[k] for k in series},
    )


__all__ = ["GROUPS", "INTERVALS", "Timeline", "build", "period_of"]
