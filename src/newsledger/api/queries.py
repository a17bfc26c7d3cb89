"""What the web UI computes from the store's answers, without SQL: the aggregate cache, the
timeline's JSON and CSV shapes with readable series names, an actor's events by role.  Every read
is a method of the store (:class:`~newsledger.store.base.Store`); SQL stays inside ``store/``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Any, TypeVar

from markupsafe import Markup, escape

from ..errors import StoreError
from ..store.base import Store
from ..store.query import Filters

T = TypeVar("T")
log = logging.getLogger(__name__)

#: Largest page any list endpoint returns.
MAX_LIMIT = 500


class AggregateCache:
    """Remembers dashboard aggregates (stats, timeline, network, map, facets) between requests.

    An entry is fresh while the ledger is unchanged (:meth:`Store.ledger_version` counts every
    write), so a page over millions of events is computed once, not on every visit, and a
    finished ingest shows at once: the first reader after a write computes it again.  Nothing is
    recomputed because time passed (every 60 s, at 1,000,000 events, that took the CPU of other
    requests).  ``ttl`` (seconds on ``clock``) is for a ledger that tools other than newsledger
    write: past it an entry is still answered while a background thread computes it again
    (stale-while-revalidate), so a reader never waits for a recomputation a clock tick caused.
    """

    def __init__(
        self,
        store: Store,
        *,
        ttl: float | None = None,
        maxsize: int = 128,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.ttl = ttl
        self.maxsize = maxsize
        self.clock = clock
        self._data: OrderedDict[Hashable, tuple[Any, float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._refreshing: set[Hashable] = set()
        #: Keys being computed now, and the event set when each is done: a second request for
        #: the same aggregate (or the start-up warming and the first reader) waits for the first.
        self._computing: dict[Hashable, threading.Event] = {}

    def version(self) -> Any:
        return self.store.ledger_version()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        version = self.version()
        mine: threading.Event | None = None
        for _ in range(2):  # the second round: whoever we waited for failed, or took too long
            with self._lock:
                hit = self._fresh(key, version, compute)
                if hit is not None:
                    value: T = hit[0]
                    return value
                other = self._computing.get(key)
                if other is None:
                    mine = self._computing[key] = threading.Event()
                    break
            other.wait(timeout=300)
        try:
            value = compute()
            self._put(key, version, value)
            return value
        finally:
            if mine is not None:
                with self._lock:
                    self._computing.pop(key, None)
                mine.set()

    def _fresh(self, key: Hashable, version: Any, compute: Callable[[], Any]) -> tuple[Any] | None:
        """The entry for ``key`` on this ledger version, as a 1-tuple (None: compute it); past a
        ttl, if one is set, a thread computes it again meanwhile.  Called under the lock."""
        hit = self._data.get(key)
        if not hit or hit[0] != version:
            return None
        self._data.move_to_end(key)
        expired = self.ttl is not None and self.clock() - hit[1] >= self.ttl
        if expired and key not in self._refreshing:
            self._refreshing.add(key)
            threading.Thread(
                target=self._refresh, args=(key, compute, version), name="aggregate-refresh", daemon=True
            ).start()
        return (hit[2],)

    def warm(self, entries: list[tuple[Hashable, Callable[[], Any]]], stop: threading.Event) -> None:
        """Compute ``entries`` in order (what the pages ask for first), so that the first readers
        after a start find them; stops early when ``stop`` is set.  Runs in a thread."""
        for key, compute in entries:
            if stop.is_set():
                return
            try:
                self.get(key, compute)
            except Exception:  # a closing store or a broken ledger: the reader will see it
                log.info("warming the cached aggregate %r failed", key, exc_info=True)
                return

    def _put(self, key: Hashable, version: Any, value: Any) -> None:
        with self._lock:
            self._data[key] = (version, self.clock(), value)
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def _refresh(self, key: Hashable, compute: Callable[[], Any], version: Any) -> None:
        try:
            self._put(key, version, compute())
        except Exception:  # the stale entry stays; the next request past ttl tries again
            log.warning("refreshing the cached aggregate %r failed", key, exc_info=True)
        finally:
            with self._lock:
                self._refreshing.discard(key)


def first_views(store: Store) -> list[tuple[Hashable, Callable[[], Any]]]:
    """The aggregates the pages ask for before any filter is set, with the keys their routes
    cache them under (the dashboard's chart and stats, the lists' facets, the network, the map
    and its time slider, the timeline page): warmed at start (:meth:`AggregateCache.warm`), since
    on a million events each took 0.5-2.5 s to compute the first time."""
    none = Filters()
    entries: list[tuple[Hashable, Callable[[], Any]]] = [
        (("stats",), store.stats),
        (("timeline", none, "week", "quad", 8, "core"), lambda: timeline(store, none, core=True)),
        (("facets", "events", none, None), lambda: facet_view(store, "events", none)),
        (("network", none, 300, 1, 150), lambda: store.network(none, limit=300, min_count=1, top_actors=150)),
        (("timeline", none, "month", "quad", 8, "all"), lambda: timeline(store, none, interval="month")),
        (("map", none, 2000), lambda: store.map_points(none, limit=2000)),
        (("timeline", none, "week", "quad", 8, "all"), lambda: timeline(store, none)),
    ]
    for kind in ("statements", "articles", "actors", "contradictions"):
        entries.append((("facets", kind, none, None), lambda kind=kind: facet_view(store, kind, none)))  # type: ignore[misc]
    return entries


# --------------------------------------------------------------------------- timeline


def timeline(
    store: Store,
    filters: Filters,
    *,
    interval: str = "week",
    group: str = "quad",
    top: int = 8,
    core: bool = False,
) -> dict[str, Any]:
    """Events per period and group on a date axis (every period, empty ones as 0), the Goldstein
    mean per period, and the articles published per period for normalised series."""
    built = store.timeline(filters, interval=interval, group=group, top=top, core=core)
    return {
        "interval": built.interval,
        "coarsened_from": built.coarsened_from,
        "group": built.group,
        "labels": built.periods,
        "series": built.series,
        "names": {k: _series_name(group, k, name) for k, name in built.names.items()},
        "totals": built.totals,
        "goldstein": built.goldstein,
        "articles": built.articles,
        "trimmed": built.trimmed,
    }


def _series_name(group: str, key: str, name: str) -> str:
    """A series' label with its code's meaning: "04 Consult", "3 verbal conflict"."""
    from ..knowledge.cameo import QUAD_CLASSES, table

    if group == "quad" and key.isdigit():
        return f"{key} {QUAD_CLASSES.get(int(key), '')}".strip()
    if group == "root" and key in table():
        return f"{key} {table()[key].name}"
    return name


def timeline_rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The timeline as rows (one per period and series): what its CSV download holds."""
    for i, period in enumerate(data["labels"]):
        articles = data["articles"][i]
        for key, counts in data["series"].items():
            n = counts[i]
            mean = data["goldstein"].get(key, [None] * len(data["labels"]))[i] if key != "other" else None
            yield {
                "period_start": period,
                "interval": data["interval"],
                "group": data["group"],
                "series": key,
                "name": data["names"].get(key, key),
                "events": n,
                "articles_published": articles,
                "events_per_1000_articles": round(1000 * n / articles, 3) if articles else None,
                "goldstein_mean": mean,
            }


# --------------------------------------------------------------------------- facets

FACET_TITLES = {
    "country": "Country",
    "actor": "Actor",
    "root": "CAMEO root",
    "quad_class": "Quad class",
    "kind": "Kind",
    "outlet": "Outlet",
    "outlet_type": "Outlet type",
    "date": "Date",
}


def facet_view(store: Store, kind: str, filters: Filters, *, q: str | None = None) -> list[dict[str, Any]]:
    """The store's facets with readable labels, each value with the filters it sets and whether
    the listing is filtered by it already."""
    out = []
    for facet in store.facets(kind, filters, q=q):
        values = []
        for v in facet.values:
            params = (
                {"date_from": v.value, "date_to": v.value}
                if facet.name == "date"
                else {facet.filter: v.value}
            )
            selected = all(str(getattr(filters, k) or "").upper() == val.upper() for k, val in params.items())
            label = v.name or _series_name(
                {"quad_class": "quad"}.get(facet.name, facet.name), v.value, v.value
            )
            values.append(
                {"value": v.value, "label": label, "count": v.count, "filters": params, "selected": selected}
            )
        out.append(
            {
                "name": facet.name,
                "title": FACET_TITLES[facet.name],
                "bucket": facet.bucket,
                "partial": facet.partial,
                "values": values,
            }
        )
    return out


# --------------------------------------------------------------------------- search

SEARCH_KINDS = ("articles", "statements")


def snippet_html(snippet: str) -> Markup:
    """A snippet with its matched words in <mark>: the text escaped first, the store's markers
    turned into tags after, so nothing from an article becomes markup."""
    from ..store.search import MARK_CLOSE, MARK_OPEN

    escaped = str(escape(snippet))
    return Markup(escaped.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def search_view(store: Store, q: str, *, kinds: tuple[str, ...], page: int, limit: int) -> dict[str, Any]:
    """One page of search results per kind: records with their snippet (HTML with <mark>, and
    plain), whether they hold the query as a phrase, totals; statements with their article's
    title, date and outlet."""
    from ..store.search import MARK_CLOSE, MARK_OPEN

    out: dict[str, Any] = {"q": q, "page": page, "limit": limit, "totals": {}}
    for kind in SEARCH_KINDS:
        items: list[dict[str, Any]] = []
        if kind in kinds:
            total, found = store.search_page(kind, q, limit=limit, offset=(page - 1) * limit)
            out["totals"][kind] = total
            for record, hit in found:
                plain = hit.snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
                extra = {
                    "snippet": plain,
                    "snippet_html": str(snippet_html(hit.snippet)),
                    "phrase_match": hit.phrase,
                }
                items.append(record | extra)
        out[kind] = items
    meta = store.articles_meta([s["article_id"] for s in out["statements"]])
    for s in out["statements"]:
        s["article"] = meta.get(s["article_id"])
    return out


# --------------------------------------------------------------------------- actors and records


def actor_events(
    store: Store, actor_id: str, role: str, *, limit: int = 25
) -> tuple[list[dict[str, Any]], str | None]:
    if role not in ("source", "target"):
        raise StoreError(f"unknown role {role!r}; use source or target")
    f = Filters(source=actor_id) if role == "source" else Filters(target=actor_id)
    page: tuple[list[dict[str, Any]], str | None] = store.page("events", f, limit=limit)
    return page


__all__ = [
    "AggregateCache",
    "first_views",
    "MAX_LIMIT",
    "actor_events",
    "facet_view",
    "search_view",
    "snippet_html",
    "timeline",
    "timeline_rows",
]
