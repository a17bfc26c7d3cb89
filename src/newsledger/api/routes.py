"""The REST API under ``/api/``: filtered, sorted, cursor-paged lists in export shape, downloads,
search, stats, and one write endpoint (ingest) behind a bearer token."""

from __future__ import annotations

import csv
import hmac
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, StreamingResponse

from ..export.fields import COLUMNS, cell, flatten
from ..store.base import Store
from ..store.facets import FACETS
from ..store.query import Filters
from . import queries, schemas, upload
from .params import ListParams, filters_for, list_params, page_of, store_of

router = APIRouter(prefix="/api", tags=["ledger"])


# --------------------------------------------------------------------------- downloads


def _download(kind: str, records: Iterator[dict[str, Any]], fmt: str) -> StreamingResponse:
    if fmt == "jsonl":

        def lines() -> Iterator[str]:
            # Chunks of 500 records: each chunk is one hop to the worker thread, not each line.
            chunk: list[str] = []
            for r in records:
                chunk.append(json.dumps(r, ensure_ascii=False) + "\n")
                if len(chunk) == 500:
                    yield "".join(chunk)
                    chunk = []
            yield "".join(chunk)

        media = "application/x-ndjson"
        body: Iterator[str] = lines()
    else:

        def rows() -> Iterator[str]:
            buf = io.StringIO()
            writer = csv.DictWriter(buf, fieldnames=COLUMNS[kind])
            writer.writeheader()
            for i, r in enumerate(records):
                writer.writerow({k: cell(v) for k, v in flatten(kind, r).items()})
                if i % 500 == 499:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
            yield buf.getvalue()

        media = "text/csv; charset=utf-8"
        body = rows()
    headers = {"Content-Disposition": f'attachment; filename="{kind}.{fmt}"'}
    return StreamingResponse(body, media_type=media, headers=headers)


def _list(
    kind: str, store: Store, filters: Filters, params: ListParams, fmt: str
) -> dict[str, Any] | StreamingResponse:
    if fmt in ("csv", "jsonl"):
        return _download(kind, store.iter_records(kind, filters, q=params.q), fmt)
    items, next_cursor = page_of(store, kind, filters, params)
    count = store.count(kind, filters, q=params.q) if params.count else None
    return {"items": items, "next_cursor": next_cursor, "count": count, "filters": filters.active()}


FormatParam = Query(
    "json", pattern=r"^(json|csv|jsonl)$", description="json page, or csv / jsonl download of every match"
)
_DOWNLOADS: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {}, "application/x-ndjson": {}},
        "description": "A page (JSON) or a download",
    }
}


def _register_list(kind: str, model: type[Any]) -> None:
    id_name = {"articles": "article_id", "actors": "actor_id", "events": "event_id",
               "statements": "statement_id", "contradictions": "contradiction_id"}[kind]  # fmt: skip

    async def list_endpoint(
        store: Store = Depends(store_of),
        filters: Filters = Depends(filters_for(kind)),
        params: ListParams = Depends(list_params),
        format: str = FormatParam,
    ) -> Any:
        result = await run_in_threadpool(_list, kind, store, filters, params, format)
        return result if isinstance(result, StreamingResponse) else JSONResponse(result)

    async def get_endpoint(
        record_id: str = PathParam(
            ..., alias=id_name, max_length=128, description=f"the {kind[:-1]}'s {id_name}"
        ),
        store: Store = Depends(store_of),
    ) -> Any:
        record = await run_in_threadpool(store.get, kind, record_id)
        if record is None:
            raise HTTPException(404, f"no {kind[:-1]} with id {record_id!r}")
        return JSONResponse(record)

    router.add_api_route(
        f"/{kind}",
        list_endpoint,
        methods=["GET"],
        response_model=schemas.Page[model],  # type: ignore[valid-type]
        responses=_DOWNLOADS,
        name=f"list_{kind}",
        summary=f"List {kind} (filtered, sorted, cursor-paged; ?format=csv|jsonl downloads all matches)",
    )
    router.add_api_route(
        f"/{kind}/{{{id_name}}}",
        get_endpoint,
        methods=["GET"],
        response_model=model,
        name=f"get_{kind[:-1]}",
        summary=f"One {kind[:-1]} by id",
        responses={404: {"model": schemas.ErrorOut}},
    )


EVENT_FILTERS = filters_for("events")

for _kind, _model in schemas.KIND_MODELS.items():
    _register_list(_kind, _model)


# --------------------------------------------------------------------------- more reads


@router.get(
    "/articles/{article_id}/records", summary="Mentions, events, statements, loaded terms of an article"
)
async def article_records(article_id: str, store: Store = Depends(store_of)) -> Any:
    def load() -> dict[str, Any] | None:
        if store.get("articles", article_id) is None:
            return None
        records = store.article_records(article_id)
        return {k: [_jsonable(r) for r in v] for k, v in records.items()}

    found = await run_in_threadpool(load)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return JSONResponse(found)


@router.get("/actors/{actor_id}/neighbours", summary="Actors this actor acts on or is acted on by")
async def actor_neighbours(
    actor_id: str, store: Store = Depends(store_of), limit: int = Query(25, ge=1, le=200)
) -> Any:
    if await run_in_threadpool(store.get, "actors", actor_id) is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    return JSONResponse(await run_in_threadpool(store.neighbours, actor_id, limit=limit))


@router.get(
    "/search",
    response_model=schemas.SearchOut,
    summary="Full-text search over articles and statements: ranked, with snippets, totals and pages",
    description='Words (all must match), `"quoted phrases"`, `prefix*`, `AND`, `OR`, `NOT` (or `-word`) '
    "and parentheses. Results holding the query's words as one phrase come first, then the others by "
    "relevance (bm25 on SQLite, ts_rank_cd on PostgreSQL). A query the syntax cannot read is a 400 that "
    "says what is wrong.",
    responses={400: {"model": schemas.ErrorOut}},
)
async def search(
    q: str = Query(..., min_length=1, max_length=200, description="the search"),
    kind: Literal["all", "articles", "statements"] = Query("all", description="what to search"),
    limit: int = Query(20, ge=1, le=100, description="results per kind and page"),
    page: int = Query(1, ge=1, le=500, description="page number, from 1"),
    store: Store = Depends(store_of),
) -> Any:
    kinds = queries.SEARCH_KINDS if kind == "all" else (kind,)
    found = await run_in_threadpool(queries.search_view, store, q, kinds=kinds, page=page, limit=limit)
    return JSONResponse(found)


@router.get("/stats", summary="Counts of every kind of record and of events by class, root and outlet type")
async def stats(request: Request, store: Store = Depends(store_of)) -> Any:
    cache: queries.AggregateCache = request.app.state.cache
    return JSONResponse(await run_in_threadpool(cache.get, ("stats",), store.stats))


def _register_facets(kind: str) -> None:
    async def facets_endpoint(
        request: Request,
        q: str | None = Query(None, max_length=200, description="free-text query, as the list takes it"),
        store: Store = Depends(store_of),
        filters: Filters = Depends(filters_for(kind)),
    ) -> Any:
        cache: queries.AggregateCache = request.app.state.cache
        text = (q or "").strip() or None
        found = await run_in_threadpool(
            cache.get,
            ("facets", kind, filters, text),
            lambda: queries.facet_view(store, kind, filters, q=text),
        )
        return JSONResponse({"kind": kind, "filters": filters.active(), "q": text, "facets": found})

    router.add_api_route(
        f"/facets/{kind}",
        facets_endpoint,
        methods=["GET"],
        name=f"facets_{kind}",
        summary=f"Facets of the {kind} list: counts by "
        + ", ".join(queries.FACET_TITLES[f].lower() for f in FACETS[kind]),
        description="The ten commonest values of each facet under the same filters and text query as "
        f"`/api/{kind}`, most records first (dates newest first, per year, or per month within one year). "
        "Each value carries the `filters` that narrow the list to it; `selected` marks a filter already set. "
        "Past 30,000 matching records the counts are over the first 30,000 in the list's order "
        "(`partial` says so).",
    )


for _kind in FACETS:
    _register_facets(_kind)


TIMELINE_CSV = [
    "period_start", "interval", "group", "series", "name", "events", "articles_published",
    "events_per_1000_articles", "goldstein_mean",
]  # fmt: skip


@router.get(
    "/timeline",
    summary="Events per day, week or month on a date axis, grouped; Goldstein mean; articles per period",
    description="Every period between the first and the last dated event is present (empty ones as 0). "
    "`articles` holds the number of articles published in each period, the denominator of GDELT-style "
    "normalised series. `format=csv` downloads the same figures, one row per period and series.",
)
async def timeline(
    request: Request,
    interval: Literal["day", "week", "month"] = Query("week", description="period length"),
    group: Literal["quad", "country", "dyad", "actor", "root", "plover", "outlet_type"] = Query(
        "quad",
        description="series by quad class, source country, country dyad (source-target), source actor, "
        "CAMEO root, PLOVER type or outlet type",
    ),
    top: int = Query(8, ge=1, le=30, description="series kept (largest first); the rest sum to `other`"),
    span: Literal["all", "core"] = Query(
        "all",
        description="all dated events, or core: the axis cut to the dates holding all but 0.5% of the "
        "events at each end (what was left off is in `trimmed`)",
    ),
    format: str = Query("json", pattern=r"^(json|csv)$", description="json, or csv of the figures"),
    store: Store = Depends(store_of),
    filters: Filters = Depends(EVENT_FILTERS),
) -> Any:
    cache: queries.AggregateCache = request.app.state.cache
    data = await run_in_threadpool(
        cache.get,
        ("timeline", filters, interval, group, top, span),
        lambda: queries.timeline(
            store, filters, interval=interval, group=group, top=top, core=span == "core"
        ),
    )
    if format == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=TIMELINE_CSV)
        writer.writeheader()
        writer.writerows(queries.timeline_rows(data))
        headers = {"Content-Disposition": f'attachment; filename="timeline-{group}-{interval}.csv"'}
        return StreamingResponse(
            iter([buf.getvalue()]), media_type="text/csv; charset=utf-8", headers=headers
        )
    return JSONResponse(data)


@router.get("/network", summary="Actor network: event counts and mean Goldstein score per source→target")
async def network(
    request: Request,
    store: Store = Depends(store_of),
    filters: Filters = Depends(EVENT_FILTERS),
    limit: int = Query(300, ge=1, le=2000, description="most frequent edges kept"),
    min_count: int = Query(1, ge=1, le=1_000_000),
    top: int = Query(150, ge=2, le=500, description="graph among this many most active actors"),
) -> Any:
    cache: queries.AggregateCache = request.app.state.cache
    return JSONResponse(
        await run_in_threadpool(
            cache.get,
            ("network", filters, limit, min_count, top),
            lambda: store.network(filters, limit=limit, min_count=min_count, top_actors=top),
        )
    )


@router.get("/map", summary="Event places with coordinates, and events per country")
async def event_map(
    request: Request,
    store: Store = Depends(store_of),
    filters: Filters = Depends(EVENT_FILTERS),
    limit: int = Query(2000, ge=1, le=10000),
) -> Any:
    cache: queries.AggregateCache = request.app.state.cache
    return JSONResponse(
        await run_in_threadpool(
            cache.get, ("map", filters, limit), lambda: store.map_points(filters, limit=limit)
        )
    )


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}


# --------------------------------------------------------------------------- writes


async def require_token(request: Request) -> None:
    """Write endpoints need the server's token as ``Authorization: Bearer <token>``."""
    token: str | None = request.app.state.token
    if not token:
        raise HTTPException(403, "this server is read-only; start it with --token to enable writes")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


_INGEST_BODY = {
    "requestBody": {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}}
                    },
                }
            },
            "application/x-ndjson": {"schema": {"type": "string", "description": "JSONL articles"}},
        }
    }
}


@router.post(
    "/ingest",
    response_model=schemas.IngestOut,
    dependencies=[Depends(require_token)],
    openapi_extra=_INGEST_BODY,
    summary="Ingest uploaded files (multipart 'files') or a JSONL body; needs the bearer token",
    responses={401: {"model": schemas.ErrorOut}, 403: {"model": schemas.ErrorOut}},
)
async def ingest(request: Request) -> dict[str, Any]:
    state = request.app.state
    limits: upload.UploadLimits = state.upload_limits
    with tempfile.TemporaryDirectory(prefix="newsledger-upload-") as tmp:
        paths = await upload.save_upload(request, Path(tmp), limits.max_bytes)
        return await run_in_threadpool(upload.ingest_in_worker, state.store.url, paths, state.config, limits)
