"""`newsledger serve`: the web UI and the REST API."""

from __future__ import annotations

import typer

from ..config import ENV_TOKEN
from ..errors import NewsledgerError
from .common import DbOption, console, fail

__all__ = ["serve"]


def serve(
    db: str | None = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token: str | None = typer.Option(
        None,
        "--token",
        envvar=ENV_TOKEN,
        help="Enables write endpoints (ingest) for requests bearing this token.",
    ),
) -> None:
    """Serve the web UI and the REST API (read-only unless started with --token)."""
    import uvicorn

    from ..api.app import create_app

    try:
        application = create_app(db, token=token)
    except NewsledgerError as exc:
        raise fail(exc) from None
    console.print(f"newsledger at http://{host}:{port}/  (API docs: /docs, OpenAPI: /openapi.json)")
    uvicorn.run(application, host=host, port=port, log_level="warning")
