"""Read inputs (files, folders, globs, stdin) into unaltered :class:`RawDocument` records.

Nothing here interprets the content beyond splitting JSONL into lines: the bytes are kept as
read, with their SHA-256, and every problem becomes an :class:`IngestError` naming the file
(and line) instead of an exception that would stop the batch.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Literal

from ..errors import (
    BinaryInputError,
    CompressedInputError,
    EmptyInputError,
    InputError,
    UnsupportedInputError,
)
from ..models import IngestError, RawDocument

Format = Literal["html", "txt", "jsonl"]

SUFFIX_FORMATS: dict[str, Format] = {
    ".html": "html",
    ".htm": "html",
    ".html.gz": "html",
    ".htm.gz": "html",
    ".txt": "txt",
    ".txt.gz": "txt",
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl",
    ".ndjson": "jsonl",
}

STDIN = "-"


def format_of(path: str) -> Format | None:
    name = path.lower()
    for suffix in sorted(SUFFIX_FORMATS, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIX_FORMATS[suffix]
    return None


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Yield ``(path, named)`` for every input file; ``named`` is False for files found by
    walking a folder, whose unsupported files (a SOURCE.md beside the data) are skipped quietly."""
    for spec in inputs:
        if spec == STDIN:
            yield STDIN, True
            continue
        path = Path(spec)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if format_of(child.name) is not None:
                    yield str(child), False
        elif path.exists():
            yield str(path), True
        else:
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield spec, True  # reported as missing by read_documents
            for match in matches:
                if Path(match).is_file():
                    yield match, format_of(match) is None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_documents(
    path: str, *, stdin: BinaryIO | None = None, stdin_format: Format | None = None
) -> Iterator[RawDocument | IngestError]:
    """Yield the raw documents of one input, and an IngestError for each problem found."""
    try:
        yield from _read(path, stdin, stdin_format)
    except InputError as err:
        yield _as_error(err)
    except OSError as exc:
        yield IngestError(
            path, None, InputError.code, f"cannot read file ({exc}); check the path and permissions"
        )


def _read(path: str, stdin: BinaryIO | None, stdin_format: Format | None) -> Iterator[RawDocument]:
    if path == STDIN:
        data = (stdin or sys.stdin.buffer).read()
        fmt = stdin_format or _sniff_format(data)
        origin = "<stdin>"
    else:
        fmt_or_none = format_of(path)
        if fmt_or_none is None:
            raise UnsupportedInputError(
                "unsupported file type; newsledger reads .html/.htm, .txt and .jsonl (optionally .gz)",
                origin=path,
            )
        fmt = fmt_or_none
        origin = path
        if not Path(path).exists():
            raise InputError("no such file or folder", origin=path)
        if path.lower().endswith(".gz"):
            if fmt == "jsonl":
                yield from _read_jsonl_gz(path)
                return
            data = _gunzip_all(path)
        elif fmt == "jsonl":  # streamed: memory follows the line, not the file
            with open(path, "rb") as fh:
                yield from _split_jsonl(fh, origin)
            return
        else:
            data = Path(path).read_bytes()
    if fmt == "jsonl":
        yield from _split_jsonl(io.BytesIO(data), origin)
        return
    _check_document_bytes(data, origin)
    yield RawDocument(origin=origin, line=None, format=fmt, raw=data, sha256=sha256(data))


def _sniff_format(data: bytes) -> Format:
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower():
        return "html"
    return "txt"


def _check_document_bytes(data: bytes, origin: str) -> None:
    if not data.strip():
        raise EmptyInputError("file is empty; nothing to ingest", origin=origin)
    if b"\x00" in data[:8192]:
        raise BinaryInputError(
            "file looks binary (it contains NUL bytes), not text or HTML; remove it from the input",
            origin=origin,
        )


def _gunzip_all(path: str) -> bytes:
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read()
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise CompressedInputError(
            f"gzip file is truncated or corrupt ({exc}); re-download or re-compress it", origin=path
        ) from exc


def _read_jsonl_gz(path: str) -> Iterator[RawDocument]:
    """Stream a gzipped JSONL file; lines before a truncation are kept, then the error is raised."""
    try:
        with gzip.open(path, "rb") as fh:
            yield from _split_jsonl(fh, path)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise CompressedInputError(
            f"gzip file is truncated or corrupt ({exc}); the records before the damage were read, "
            "re-download or re-compress the file to read the rest",
            origin=path,
        ) from exc


def _split_jsonl(stream: BinaryIO | gzip.GzipFile, origin: str) -> Iterator[RawDocument]:
    seen_any = False
    for number, line in enumerate(stream, start=1):
        stripped = line.strip()
        if not stripped:
            continue
        seen_any = True
        yield RawDocument(origin=origin, line=number, format="jsonl", raw=stripped, sha256=sha256(stripped))
    if not seen_any:
        raise EmptyInputError("file has no records; nothing to ingest", origin=origin)


def _as_error(err: InputError) -> IngestError:
    return IngestError(err.origin or "", err.line, err.code, err.detail)
