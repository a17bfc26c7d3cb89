"""Export the ledger as JSONL, CSV or Parquet (the contract: docs/EXPORT_SCHEMA.md), and events as
GEXF, GeoJSON, GDELT- or POLECAT-shaped TSV (docs/EXPORT_FORMATS.md)."""

from .fields import COLUMNS, flatten
from .writers import EVENT_FORMATS, FORMATS, write

__all__ = ["COLUMNS", "EVENT_FORMATS", "FORMATS", "flatten", "write"]
