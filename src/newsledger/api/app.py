"""The FastAPI application: REST API under ``/api/``, server-rendered pages, vendored static files.

``newsledger serve`` calls :func:`create_app`.  The server only reads the ledger unless it is
started with a token; then ``POST /api/ingest`` accepts requests bearing that token.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NewsledgerError
from ..knowledge.cameo import lookup
from ..pipeline import PipelineConfig
from ..store.sql import open_store
from .highlight import cameo_name, url_part
from .queries import AggregateCache, first_views
from .security import (
    ConfinedStaticFiles,
    CursorSigner,
    SecurityHeaders,
    cursor_secret,
    query_syntax_error,
    script_json,
)
from .upload import UploadLimits

log = logging.getLogger(__name__)

WEB = Path(__file__).resolve().parent.parent / "web"

#: CAMEO root codes and their names, for filter menus (from the one code table, cameo_codes.tsv).
CAMEO_ROOTS = {f"{root:02d}": lookup(f"{root:02d}").name for root in range(1, 21)}


def inline_code(text: str | None) -> Markup:
    """Markdown's `code` spans as <code> elements; everything else escaped (API descriptions)."""
    escaped = str(escape(text or ""))
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped))


def _version() -> str:
    try:
        return version("newsledger")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0"


def create_app(
    db_url: str | None = None,
    *,
    token: str | None = None,
    config: PipelineConfig | None = None,
    secret: str | None = None,
    upload_limits: UploadLimits | None = None,
    warm: bool = True,
) -> FastAPI:
    """The web app over the ledger at ``db_url`` (default: ``NEWSLEDGER_DB`` or ./newsledger.db).

    ``token`` enables the write endpoints for requests that bear it; ``config`` is the pipeline
    those endpoints run (default: the standard pipeline); ``secret`` signs paging cursors
    (default: $NEWSLEDGER_SECRET, else the ledger's own random key); ``upload_limits`` bound
    what ``POST /api/ingest`` accepts and how long its worker process may run.  ``warm``
    computes the aggregates of the pages' first visits in a thread at start (queries.first_views).
    """
    from . import pages, routes

    store = open_store(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # The aggregates every first visit needs are computed while the server already answers:
        # a reader asking for one meanwhile waits for it rather than computing it a second time.
        stop = threading.Event()
        warming = threading.Thread(
            target=app.state.cache.warm, args=(first_views(store), stop), name="cache-warm", daemon=True
        )
        if warm:
            warming.start()
        yield
        stop.set()
        if warming.is_alive():
            warming.join(timeout=30)
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads from a CDN; /docs is our own offline page (pages.api_docs)
        redoc_url=None,
        title="newsledger",
        version=_version(),
        description=(
            "A sourced ledger of who did what to whom, when and where, and who said so. "
            "Records use the field names of the export contract (EXPORT_SCHEMA.md). "
            "Every list takes the same filters, `sort`/`order`, cursor paging (`cursor` = the "
            "previous page's `next_cursor`) and `format=csv|jsonl` to download every match."
        ),
    )
    app.state.store = store
    app.state.cache = AggregateCache(store)
    app.state.token = token or None
    app.state.config = config or PipelineConfig()
    app.state.signer = CursorSigner(cursor_secret(secret, store))
    app.state.upload_limits = upload_limits or UploadLimits()
    templates = Jinja2Templates(directory=str(WEB / "templates"))
    templates.env.globals["version"] = app.version
    templates.env.globals["writable"] = bool(token)
    templates.env.globals["root_options"] = [(code, f"{code} {name}") for code, name in CAMEO_ROOTS.items()]
    templates.env.filters["seg"] = url_part
    templates.env.filters["pair"] = lambda v: (v, v)
    templates.env.filters["inline_code"] = inline_code
    templates.env.filters["script_json"] = script_json
    templates.env.filters["cameo_name"] = cameo_name
    app.state.templates = templates
    app.mount("/static", ConfinedStaticFiles(directory=str(WEB / "static")), name="static")
    app.include_router(routes.router)
    app.include_router(pages.router)
    # Level 5, not Starlette's default 9: a day-by-day timeline (450 KB of JSON) took 148 ms to
    # compress at 9 and takes 10 ms at 5, for 4% more bytes.
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)
    app.add_middleware(SecurityHeaders)

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", "")

    @app.exception_handler(NewsledgerError)
    async def newsledger_error(request: Request, exc: NewsledgerError) -> Response:
        return _error(request, 400, str(exc), wants_json(request))

    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> Response:
        syntax = query_syntax_error(exc)
        if syntax:
            return _error(request, 400, syntax, wants_json(request))
        log.exception("database error on %s", request.url.path)
        return _error(request, 500, "the database could not answer this request", wants_json(request))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        response = _error(request, exc.status_code, str(exc.detail), wants_json(request))
        for k, v in (exc.headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors()
        )
        if wants_json(request):
            return JSONResponse({"error": problems, "detail": _plain(exc.errors())}, status_code=422)
        return _error(request, 422, problems, False)

    return app


def _plain(errors: Any) -> Any:
    """Validation errors with their context made JSON-safe."""
    return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors]


def _error(request: Request, status: int, message: str, as_json: bool) -> Response:
    if as_json:
        return JSONResponse({"error": message}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "title": f"Error {status}", "path": request.url.path},
        status_code=status,
    )
