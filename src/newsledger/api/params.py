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

from fastapi import HTTPException, Query, Request

from ..errors import UsageError
from ..filters import APPLIES, SPECS, Filters, FilterSpec
from ..store.base import Store
from .queries import MAX_LIMIT
from .security import CursorSigner


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _query_parameter(spec: FilterSpec) -> inspect.Parameter:
    """The API's query parameter for one filter, from its one definition.  Every value but a
    flag is taken as text and checked against the spec's pattern: an empty one means "not
    filtered" (an HTML form's empty field), an int filter is converted after the check."""
    if spec.type is bool:
        default: Any = Query(False, description=spec.help)
        annotation: Any = bool
    else:
        default = Query(None, description=spec.help, pattern=spec.pattern, max_length=spec.max_length)
        annotation = str | None
    return inspect.Parameter(
        spec.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
    )


def _filters_of(given: dict[str, Any]) -> Filters:
    values: dict[str, Any] = {}
    for name, value in given.items():
        spec = SPECS[name]
        if spec.type is bool:
            values[name] = bool(value)
            continue
        text = _checked(spec, _clean(value))
        values[name] = spec.type(text) if text is not None and spec.type is not str else text
    return Filters(**values)


def _checked(spec: FilterSpec, text: str | None) -> str | None:
    """The value as the filter's own check takes it (the CLI runs the same one), so a near miss
    is a 422 naming the right value ("Iran": did you mean IRN?) rather than an empty list."""
    if text is None or spec.check is None:
        return text
    try:
        return spec.check(text, spec.name)
    except UsageError as exc:
        raise HTTPException(422, str(exc)) from None


def filters_for(kind: str | None = None) -> Callable[..., Awaitable[Filters]]:
    """A dependency taking the filters that apply to ``kind`` (see :data:`APPLIES`; every
    filter when None, as the pages take), so each endpoint's OpenAPI parameters are the ones it
    reads; the others keep their defaults."""
    names = APPLIES[kind] if kind else tuple(SPECS)

    async def dependency(**given: Any) -> Filters:
        return _filters_of(given)

    parameters = [_query_parameter(SPECS[name]) for name in names]
    dependency.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    dependency.__name__ = f"{kind or 'all'}_filters"
    return dependency


#: Every filter (the pages' filter forms take them all).
filter_params = filters_for(None)


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
