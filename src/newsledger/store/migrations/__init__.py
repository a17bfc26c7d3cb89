"""The alembic migrations of the ledger's schema (``versions/``), and the rules by which the
schema a migration built is compared with the declared one (``env.py`` and the schema test)."""

from __future__ import annotations

from sqlalchemy import String


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Full-text indexes are made by hand per dialect (SQLite's FTS5 tables, PostgreSQL's ``tsv``
    columns and their GIN indexes: 0001, 0011), and PostgreSQL's newest-first indexes (0014,
    0015, 0017): autogenerate must not drop them."""
    if name is None:
        return True
    if type_ == "index" and name.endswith(("_newest", "_tsv")):
        return False
    if type_ == "column" and name == "tsv":
        return False
    return not (type_ == "table" and "_fts" in name)


def compare_type(
    context: object, inspected: object, metadata_column: object, inspected_type: object, metadata_type: object
) -> bool | None:
    """SQLite does not check a VARCHAR's width, and 0016 widened them on PostgreSQL only: on
    SQLite two VARCHARs are the same type whatever their widths (None: alembic's own test)."""
    dialect = getattr(getattr(context, "dialect", None), "name", None)
    both_text = isinstance(inspected_type, String) and isinstance(metadata_type, String)
    if dialect == "sqlite" and both_text:
        return False
    return None


__all__ = ["compare_type", "include_name"]
