"""The `newsledger` command line (Typer + Rich): one module per command group.

``app`` registers the commands (:mod:`.app`); ``common`` holds the options and helpers they
share; ``ingest``, ``listings`` (articles, actors, events, statements, contradictions),
``reading`` (show, search, stats, errors), ``resolve``, ``export``, ``evaluate`` and ``serve``
each define their commands.
"""

from __future__ import annotations

from .app import app, main

__all__ = ["app", "main"]
