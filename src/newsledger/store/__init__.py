"""Persistence: the ledger's schema, migrations and the SQL store (SQLite / PostgreSQL)."""

from .query import Filters
from .sql import Batch, Duplicate, SQLStore, default_url, open_store

__all__ = ["Batch", "Duplicate", "Filters", "SQLStore", "default_url", "open_store"]
