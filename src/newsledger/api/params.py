"""Query parameters shared by the REST API and the pages: filters, paging, sorting, format.

Parameters are lenient about empty values (an HTML filter form sends ``actor=`` for an empty
field): an empty string means "not filtered".  Anything else that does not parse is a 422 from
FastAPI's validation, never a server error.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

from fastapi import Query, Request

from ..store.base import Store
from ..store.query import APPLIES, FILTER_HELP, Filters
from .queries import MAX_LIMIT
from .security import CursorSigner

DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"

FILTER_NAMES = (
    "actor", "source", "target", "country", "cameo", "root", "plover_type", "quad_class",
    "date_from", "date_to", "outlet", "outlet_type", "reported_by", "article_id", "kind",
)  # fmt: skip


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


async def filter_params(
    actor: str | None = Query(None, description=FILTER_HELP["actor"]),
    source: str | None = Query(None, description=FILTER_HELP["source"]),
    target: str | None = Query(None, description=FILTER_HELP["target"]),
    country: str | None = Query(None, description=FILTER_HELP["country"]),
    cameo: str | None = Query(None, pattern=r"^\d{0,4}$", description=FILTER_HELP["cameo"]),
    root: str | None = Query(None, pattern=r"^\d{0,2}$", description=FILTER_HELP["root"]),
    plover_type: str | None = Query(None, max_length=32, description=FILTER_HELP["plover_type"]),
    quad_class: str | None = Query(None, pattern=r"^[1-4]?$", description=FILTER_HELP["quad_class"]),
    date_from: str | None = Query(None, pattern=DATE, description=FILTER_HELP["date_from"]),
    date_to: str | None = Query(None, pattern=DATE, description=FILTER_HELP["date_to"]),
    outlet: str | None = Query(None, description=FILTER_HELP["outlet"]),
    outlet_type: str | None = Query(None, description=FILTER_HELP["outlet_type"]),
    reported_by: str | None = Query(None, description=FILTER_HELP["reported_by"]),
    article_id: str | None = Query(None, description=FILTER_HELP["article_id"]),
    kind: str | None = Query(None, description=FILTER_HELP["kind"]),
    duplicates: bool = Query(False, description=FILTER_HELP["duplicates"]),
) -> Filters:
    qc = _clean(quad_class)
    return Filters(
        actor=_clean(actor),
        source=_clean(source),
        target=_clean(target),
        country=_clean(country),
        cameo=_clean(cameo),
        root=_clean(root),
        plover_type=_clean(plover_type),
        quad_class=int(qc) if qc else None,
        date_from=_clean(date_from),
        date_to=_clean(date_to),
        outlet=_clean(outlet),
        outlet_type=_clean(outlet_type),
        reported_by=_clean(reported_by),
        article_id=_clean(article_id),
        kind=_clean(kind),
        duplicates=duplicates,
    )


def filters_for(kind: str) -> Callable[..., Awaitable[Filters]]:
    """A dependency taking only the filters that apply to ``kind`` (see :data:`APPLIES`), so
    each endpoint's OpenAPI parameters are the ones it reads."""
    signature = inspect.signature(filter_params)
    kept = [p for p in signature.parameters.values() if p.name in APPLIES[kind]]
    absent = {p.name: p.default.default for p in signature.parameters.values() if p.name not in APPLIES[kind]}

    async def dependency(**given: Any) -> Filters:
        return await filter_params(**(absent | given))

    dependency.__signature__ = signature.replace(parameters=kept)  # type: ignore[attr-defined]
    dependency.__name__ = f"{kind}_filters"
    return dependency


@dataclass(frozen=True)
class ListParams:
    q: str | None
    limit: int
    cursor: str | None  # as the client sent it: signed (see security.CursorSigner)
    sort: str | None
    descending: bool
    count: bool
    signer: CursorSigner | None = None


def page_of(
    store: Store, kind: str, filters: Filters, params: ListParams
) -> tuple[list[dict[str, Any]], str | None]:
    """One page of ``kind`` as the request's list parameters ask for it (API and pages alike);
    the cursors in and out are signed for this listing (kind, sort and order)."""
    scope = f"{kind}|{params.sort or ''}|{'desc' if params.descending else 'asc'}"
    cursor = params.cursor
    if cursor and params.signer:
        cursor = params.signer.open(scope, cursor)
    items, next_cursor = store.page(
        kind,
        filters,
        q=params.q,
        limit=params.limit,
        cursor=cursor,
        sort=params.sort,
        descending=params.descending,
    )
    if next_cursor and params.signer:
        next_cursor = params.signer.sign(scope, next_cursor)
    return items, next_cursor


async def list_params(
    request: Request,
    q: str | None = Query(
        None, max_length=200, description="free-text query (full-text index where there is one)"
    ),
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"records per page (at most {MAX_LIMIT})"),
    cursor: str | None = Query(
        None,
        max_length=2000,
        description="next_cursor of the previous page (signed: valid for the same listing, sort and order)",
    ),
    sort: str | None = Query(None, max_length=32, description="column to sort by (default: newest first)"),
    order: Literal["asc", "desc"] = Query("desc", description="sort direction"),
    count: bool = Query(False, description="also count every matching record (slower on big ledgers)"),
) -> ListParams:
    signer: CursorSigner | None = getattr(request.app.state, "signer", None)
    return ListParams(_clean(q), limit, _clean(cursor), _clean(sort), order == "desc", count, signer)


async def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def query_string(filters: Filters, **extra: Any) -> str:
    """The filters (and extra parameters) as a URL query string, for links and downloads."""
    from urllib.parse import urlencode

    params: dict[str, Any] = {k: v for k, v in filters.active().items() if k != "duplicates"}
    if filters.duplicates:
        params["duplicates"] = "true"
    params |= {k: v for k, v in extra.items() if v not in (None, "", False)}
    return urlencode(params)
