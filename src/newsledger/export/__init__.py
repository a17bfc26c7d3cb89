"""Export the ledger as JSONL, CSV or Parquet (the contract: docs/EXPORT_SCHEMA.md)."""

from .fields import COLUMNS, flatten
from .writers import FORMATS, write

__all__ = ["COLUMNS", "FORMATS", "flatten", "write"]
