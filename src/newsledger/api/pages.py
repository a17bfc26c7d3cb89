"""Server-rendered pages (Jinja2, autoescaped) for analysts: dashboard, tables, article, actor,
network and map.  Filter forms use htmx to swap the results table in place; without JavaScript
they are ordinary GET forms."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from ..errors import SearchQueryError
from ..filters import APPLIES, SPECS
from ..knowledge.cameo import QUAD_CLASSES
from ..models import OUTLET_TYPES
from ..store.base import Store
from ..store.facets import FACETS
from ..store.query import SORT_COLUMNS, Filters
from . import queries
from .article import article_context
from .params import ListParams, filter_params, list_params, page_of, query_string, store_of
from .reference import endpoints
from .security import VIS_NETWORK_STYLES, csp

router = APIRouter(include_in_schema=False)

#: The four quad classes by number (CAMEO's table; 0, "unknown", is no choice in a form).
QUAD_NAMES = {number: name for number, name in QUAD_CLASSES.items() if number}
#: Actor types the network page lets the reader switch off (colours in app.css, network.js).
NETWORK_KINDS = [
    ("country", "countries"), ("person", "people"), ("organization", "organisations"),
    ("group", "groups"), ("other", "other"),
]  # fmt: skip
KIND_OPTIONS = {
    "statements": [("direct", "direct"), ("partial", "partial"), ("indirect", "indirect")],
    "actors": [
        ("person", "person"),
        ("organization", "organization"),
        ("country", "country"),
        ("group", "group"),
    ],
    "contradictions": [
        ("statement-statement", "statement-statement"),
        ("statement-action", "statement-action"),
    ],
}


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    base = {"quad_names": QUAD_NAMES, "path": request.url.path, "outlet_types": OUTLET_TYPES}
    return templates.TemplateResponse(request, name, base | context, status_code=status)


def _partial(request: Request) -> bool:
    """An htmx request for the results table only."""
    return request.headers.get("hx-request") == "true" and request.headers.get("hx-target") == "results"


def _table_page(
    request: Request, kind: str, store: Store, filters: Filters, params: ListParams, title: str
) -> Response:
    items, next_cursor = page_of(store, kind, filters, params)
    order = None if params.descending else "asc"
    context = {
        "title": title,
        "kind": kind,
        "kind_options": KIND_OPTIONS.get(kind, []),
        "form_filters": [SPECS[name] for name in APPLIES[kind]],  # the form offers what applies
        "sort_options": SORT_COLUMNS[kind],
        "items": items,
        "filters": filters,
        "params": params,
        "next_qs": query_string(filters, q=params.q, sort=params.sort, order=order, cursor=next_cursor)
        if next_cursor
        else None,
        "download_qs": query_string(filters, q=params.q),
        "view_qs": query_string(filters, q=params.q, sort=params.sort, order=order),
        "faceted": kind in FACETS,
        "count": store.count(kind, filters, q=params.q) if params.count else None,
    }
    if kind in ("events", "statements", "contradictions"):
        context["articles"] = store.articles_meta([r["article_id"] for r in items if r.get("article_id")])
    if kind == "articles":
        context["outlets"] = store.outlets()
    template = f"_{kind}_table.html" if _partial(request) else f"{kind}.html"
    response = _page(request, template, context)
    response.headers["Vary"] = "HX-Request, HX-Target"  # a fragment and a page share the URL
    return response


@router.get("/facets/{listing}", response_class=HTMLResponse)
def facets_fragment(
    request: Request,
    listing: Literal["events", "statements", "articles", "actors", "contradictions"],
    store: Store = Depends(store_of),
    filters: Filters = Depends(filter_params),
    params: ListParams = Depends(list_params),
) -> Response:
    """The facets beside a listing (htmx loads them after the table): each value a link to the
    same listing with its filter added, a selected one a link that removes it."""
    kind = listing  # not "kind": that is the statement-kind filter
    cache: queries.AggregateCache = request.app.state.cache
    found = cache.get(
        ("facets", kind, filters, params.q), lambda: queries.facet_view(store, kind, filters, q=params.q)
    )
    order = None if params.descending else "asc"

    def link(changes: dict[str, Any]) -> str:
        changed = replace(filters, **changes)
        return f"/{kind}?" + query_string(changed, q=params.q, sort=params.sort, order=order)

    for facet in found:
        for value in facet["values"]:
            typed = {k: int(v) if k == "quad_class" else v for k, v in value["filters"].items()}
            value["href"] = link({k: None for k in typed} if value["selected"] else typed)
    return _page(request, "_facets.html", {"facets": found, "kind": kind})


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, store: Store = Depends(store_of)) -> Response:
    cache: queries.AggregateCache = request.app.state.cache
    stats = cache.get(("stats",), store.stats)
    top_actors, _ = store.page("actors", limit=12)
    latest_events, _ = store.page("events", limit=10)
    return _page(
        request,
        "dashboard.html",
        {
            "title": "Dashboard",
            "stats": stats,
            "top_actors": top_actors,
            "contradictions": store.latest_contradictions(limit=10),
            "latest_events": latest_events,
            "articles": store.articles_meta([e["article_id"] for e in latest_events]),
        },
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    store: Store = Depends(store_of),
    filters: Filters = Depends(filter_params),
    params: ListParams = Depends(list_params),
) -> Response:
    return _table_page(request, "articles", store, filters, params, "Articles")


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: Store = Depends(store_of)) -> Response:
    context = article_context(store, article_id)
    if context is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return _page(request, "article.html", context)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request,
    store: Store = Depends(store_of),
    filters: Filters = Depends(filter_params),
    params: ListParams = Depends(list_params),
) -> Response:
    return _table_page(request, "actors", store, filters, params, "Actors")


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str, store: Store = Depends(store_of)) -> Response:
    actor = store.get("actors", actor_id)
    if actor is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    as_source, more_source = queries.actor_events(store, actor_id, "source")
    as_target, more_target = queries.actor_events(store, actor_id, "target")
    statements, more_statements = store.page("statements", Filters(actor=actor_id), limit=25)
    contradictions, _ = store.page("contradictions", Filters(actor=actor_id), limit=25)
    article_ids = [r["article_id"] for r in (*as_source, *as_target, *statements, *contradictions)]
    return _page(
        request,
        "actor.html",
        {
            "title": actor["name"],
            "actor": actor,
            "timeline": _role_bars(actor.get("roles") or _country_roles(store, actor)),
            "as_source": as_source,
            "as_target": as_target,
            "more_source": more_source is not None,
            "more_target": more_target is not None,
            "statements": statements,
            "more_statements": more_statements is not None,
            "contradictions": contradictions,
            "neighbours": store.neighbours(actor_id),
            "articles": store.articles_meta([a for a in article_ids if a]),
        },
    )


def _country_roles(store: Store, actor: dict[str, Any]) -> list[dict[str, Any]]:
    """For a country's page, the dated roles held in it by the people the ledger knows
    ("President: Hassan Rouhani", from the knowledge files and dictionaries that date them);
    a country holds no role itself, so its page would otherwise say none are known."""
    code = actor.get("country")
    if actor.get("kind") != "country" or not code:
        return []
    return store.dated_roles(code)


def _year(value: str | None) -> float | None:
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")[:2]]
    except ValueError:
        return None
    return parts[0] + ((parts[1] - 1) / 12 if len(parts) > 1 else 0.0)


def _role_bars(roles: list[dict[str, Any]]) -> dict[str, Any]:
    """Roles sorted by start, placed (in percent) on a shared axis of whole years, with ticks."""
    import datetime as dt
    import math

    today = dt.date.today()
    now = today.year + (today.month - 1) / 12
    spans = [(r, _year(r.get("start")), _year(r.get("end"))) for r in roles]
    starts = [s for _, s, _ in spans if s is not None]
    ends = [e if e is not None else now for _, s, e in spans if s is not None]
    lo = float(math.floor(min(starts))) if starts else 0.0
    hi = float(math.ceil(max(ends + [lo + 1]))) if starts else 1.0
    width = max(hi - lo, 1.0)
    out = []
    for role, start, end in sorted(spans, key=lambda t: t[1] if t[1] is not None else 1e9):
        bar = None
        if start is not None:
            stop = end if end is not None else now
            bar = {
                "left": round(100 * (start - lo) / width, 2),
                "width": max(1.0, round(100 * (stop - start) / width, 2)),
                "open": end is None,
            }
        out.append(role | {"bar": bar})
    step = next((s for s in (1, 2, 5, 10, 20, 50) if width / s <= 12), 100)
    ticks = (
        [{"year": y, "left": round(100 * (y - lo) / width, 2)} for y in range(int(lo), int(hi) + 1, step)]
        if starts
        else []
    )
    return {"roles": out, "ticks": ticks}


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    store: Store = Depends(store_of),
    filters: Filters = Depends(filter_params),
    params: ListParams = Depends(list_params),
) -> Response:
    return _table_page(request, "events", store, filters, params, "Events")


@router.get("/statements", response_class=HTMLResponse)
def statements_page(
    request: Request,
    store: Store = Depends(store_of),
    filters: Filters = Depends(filter_params),
    params: ListParams = Depends(list_params),
) -> Response:
    return _table_page(request, "statements", store, filters, params, "Statements")


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions_page(
    request: Request,
    store: Store = Depends(store_of),
    filters: Filters = Depends(filter_params),
    params: ListParams = Depends(list_params),
) -> Response:
    return _table_page(request, "contradictions", store, filters, params, "Contradictions")


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    filters: Filters = Depends(filter_params),
    top: int = Query(150, ge=2, le=500),
    min_count: int = Query(1, ge=1),
) -> Response:
    context = {"title": "Actor network", "filters": filters, "top": top, "min_count": min_count}
    response = _page(request, "network.html", context | {"network_kinds": NETWORK_KINDS})
    response.headers["Content-Security-Policy"] = csp(VIS_NETWORK_STYLES)  # vis-network's own CSS
    return response


TIMELINE_GROUPS = {
    "quad": "quad class",
    "country": "source country",
    "dyad": "country dyad (source → target)",
    "actor": "source actor",
    "root": "CAMEO root",
    "plover": "PLOVER type",
    "outlet_type": "outlet type",
}


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    filters: Filters = Depends(filter_params),
    group: Literal["quad", "country", "dyad", "actor", "root", "plover", "outlet_type"] = "quad",
    interval: Literal["day", "week", "month"] = "week",
    measure: Literal["raw", "normalised"] = "raw",
    top: int = Query(8, ge=1, le=30),
    span: Literal["core", "all"] = "core",
) -> Response:
    """Events over time: the chart is drawn by timeline.js from /api/timeline with the same query."""
    api_qs = query_string(filters, group=group, interval=interval, top=top, span=span)
    return _page(
        request,
        "timeline.html",
        {
            "title": "Events over time",
            "filters": filters,
            "form_filters": [SPECS[name] for name in APPLIES["events"]],  # every events filter
            "group": group,
            "interval": interval,
            "measure": measure,
            "top": top,
            "span": span,
            "all_qs": query_string(
                filters, group=group, interval=interval, top=top, measure=measure, span="all"
            ),
            "groups": TIMELINE_GROUPS,
            "api_qs": api_qs,
            "events_qs": query_string(filters),
        },
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, filters: Filters = Depends(filter_params)) -> Response:
    return _page(request, "map.html", {"title": "Map of events", "filters": filters})


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = Query("", max_length=200),
    kind: Literal["all", "articles", "statements"] = Query("all", alias="in"),
    page: int = Query(1, ge=1, le=500),
    store: Store = Depends(store_of),
) -> Response:
    """Ranked results with snippets: ten of each kind, or twenty per page of one kind."""
    context: dict[str, Any] = {"title": "Search", "q": q, "kind": kind, "page": page, "error": None}
    limit = 10 if kind == "all" else 20
    kinds = queries.SEARCH_KINDS if kind == "all" else (kind,)
    try:
        found = queries.search_view(store, q, kinds=kinds, page=page, limit=limit) if q.strip() else None
    except SearchQueryError as exc:
        context["error"] = str(exc).removeprefix(f"{exc.code} ")
        return _page(request, "search.html", context | {"found": None}, status=400)
    if found:
        for item in (*found["articles"], *found["statements"]):
            item["snippet_html"] = Markup(item["snippet_html"])  # escaped by search_view
        last = {k: (n + limit - 1) // limit for k, n in found["totals"].items()}
        context["pages"] = last
    return _page(request, "search.html", context | {"found": found, "limit": limit})


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The REST API reference, rendered from the OpenAPI document (works offline, no JS)."""
    spec = request.app.openapi()
    return _page(
        request,
        "api_docs.html",
        {"title": "API reference", "info": spec.get("info", {}), "endpoints": endpoints(spec)},
    )


@router.get("/actor-options", response_class=HTMLResponse)
def actor_options(request: Request, store: Store = Depends(store_of)) -> Response:
    """``<option>`` elements for an actor filter's datalist (htmx), matching a name or alias."""
    field = request.query_params.get("field", "actor")
    typed = (request.query_params.get(field) or "").strip()
    found: list[dict[str, Any]] = []
    if typed:
        found, _ = store.page("actors", Filters(), q=typed, limit=15)
    return _page(request, "_actor_options.html", {"actors": found})


@router.get("/record/{record_type}/{record_id}")
def record_redirect(record_type: str, record_id: str, store: Store = Depends(store_of)) -> Response:
    """A record's place in the UI: an event or statement highlighted in its article, an actor's page."""
    from fastapi.responses import RedirectResponse

    from .highlight import url_part

    kind = {"event": "events", "statement": "statements", "actor": "actors", "article": "articles"}.get(
        record_type
    )
    record = store.get(kind, record_id) if kind else None
    if record is None:
        raise HTTPException(404, f"no {record_type} with id {record_id!r}")
    if kind == "actors":
        target = f"/actors/{url_part(record_id)}"
    elif kind == "articles":
        target = f"/articles/{url_part(record_id)}"
    else:
        target = f"/articles/{url_part(record['article_id'])}#hl-{record_type}-{url_part(record_id)}"
    return RedirectResponse(target, status_code=303)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_page(request: Request) -> Response:
    return _page(request, "ingest.html", {"title": "Add articles"})
