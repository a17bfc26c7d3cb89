"""Write export-shaped records as JSONL, CSV or Parquet, streaming (memory bounded by a chunk)."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..errors import NewsledgerError
from .fields import COLUMN_TYPES, COLUMNS, cell, flatten

FORMATS = ("jsonl", "csv", "parquet")
#: Formats for other tools (export/interop.py); they take events.
EVENT_FORMATS = ("gexf", "geojson", "gdelt", "polecat")


@contextmanager
def _text_out(out: str | None) -> Iterator[TextIO]:
    if out is None or out == "-":
        yield sys.stdout
        return
    with open(out, "w", encoding="utf-8", newline="") as fh:
        yield fh


def write_jsonl(records: Iterable[dict[str, Any]], out: str | None) -> int:
    n = 0
    with _text_out(out) as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(kind: str, records: Iterable[dict[str, Any]], out: str | None) -> int:
    n = 0
    with _text_out(out) as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS[kind])
        writer.writeheader()
        for record in records:
            writer.writerow({k: cell(v) for k, v in flatten(kind, record).items()})
            n += 1
    return n


def _arrow_schema(kind: str) -> Any:
    import pyarrow as pa

    arrow = {
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "[int]": pa.list_(pa.int64()),
        "[str]": pa.list_(pa.string()),
        "str": pa.string(),
    }
    return pa.schema([(col, arrow[COLUMN_TYPES[kind][col]]) for col in COLUMNS[kind]])


def write_parquet(
    kind: str, records: Iterable[dict[str, Any]], out: str | BinaryIO | None, *, chunk: int = 5000
) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if out is None or out == "-":
        buffer = io.BytesIO()
        n = write_parquet(kind, records, buffer, chunk=chunk)
        sys.stdout.buffer.write(buffer.getvalue())
        return n
    schema = _arrow_schema(kind)
    json_cols = {c for c in COLUMNS[kind] if schema.field(c).type == pa.string()}
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        rows: list[dict[str, Any]] = []
        for record in records:
            flat = flatten(kind, record)
            for col in json_cols:
                if isinstance(flat[col], list | dict):
                    flat[col] = json.dumps(flat[col], ensure_ascii=False)
                elif flat[col] is not None and not isinstance(flat[col], str):
                    flat[col] = str(flat[col])
            rows.append(flat)
            n += 1
            if len(rows) >= chunk:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n


def write(
    kind: str,
    fmt: str,
    records: Iterable[dict[str, Any]],
    out: str | None,
    *,
    article_of: Callable[[str], dict[str, Any] | None] | None = None,
) -> int:
    """Write ``records`` of ``kind`` as ``fmt`` to the file ``out`` (stdout when None); returns how
    many were written.  ``article_of`` looks articles up for the GDELT and POLECAT columns that
    come from the article (source URL, outlet, publication date)."""
    if kind not in COLUMNS:
        raise NewsledgerError(f"unknown export kind {kind!r}; choose one of {', '.join(COLUMNS)}")
    if fmt in EVENT_FORMATS:
        return _write_events_for_tools(kind, fmt, records, out, article_of or (lambda _id: None))
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "csv":
        return write_csv(kind, records, out)
    if fmt == "parquet":
        if out and out != "-":
            Path(out).parent.mkdir(parents=True, exist_ok=True)
        return write_parquet(kind, records, out)
    raise NewsledgerError(
        f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS + EVENT_FORMATS)}"
    )


def _write_events_for_tools(
    kind: str,
    fmt: str,
    records: Iterable[dict[str, Any]],
    out: str | None,
    article_of: Callable[[str], dict[str, Any] | None],
) -> int:
    from . import interop

    if kind != "events":
        raise NewsledgerError(f"--format {fmt} exports events; run `newsledger export events --format {fmt}`")
    with _text_out(out) as fh:
        if fmt == "gexf":
            return interop.write_gexf(records, fh)
        if fmt == "geojson":
            return interop.write_geojson(records, fh)
        return interop.write_tsv(fmt, records, article_of, fh)
