"""The web UI and REST API (``newsledger serve``): a FastAPI app over the SQL store."""

from .app import create_app

__all__ = ["create_app"]
