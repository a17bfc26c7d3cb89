"""Persistence: the ledger's schema, migrations and the SQL store (SQLite / PostgreSQL)."""

from ..config import default_url
from .base import Batch, Duplicate, Store
from .query import Filters
from .sql import SQLStore, open_store

__all__ = ["Batch", "Duplicate", "Filters", "SQLStore", "Store", "default_url", "open_store"]
