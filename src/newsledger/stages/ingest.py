"""Read inputs (files, folders, globs, stdin) into unaltered :class:`RawDocument` records.

Nothing here interprets the content beyond splitting JSONL into lines: the bytes are kept as
read, with their SHA-256, and every problem becomes an :class:`IngestError` naming the file
(and line) instead of an exception that would stop the batch.

Memory is bounded whatever the input: files are opened without blocking and only when they are
regular files, read in chunks, and each document (a file, a decompressed ``.gz``, one JSONL
line) is capped (:class:`ReadLimits`); a gzip bomb stops at its cap, a JSONL line over the cap
is skipped without being held whole, and the lines around it are read.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ..config import StageOptions
from ..errors import (
    BinaryInputError,
    CompressedInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    UnreadableInputError,
    UnsupportedInputError,
)
from ..models import IngestError, RawDocument
from .discover import (
    STDIN,
    SUFFIX_FORMATS,
    Format,
    InputFile,
    discover,
    expand_inputs,
    format_of,
    not_regular,
    stored_origin,
)

__all__ = [
    "STDIN",
    "SUFFIX_FORMATS",
    "Format",
    "InputFile",
    "ReadLimits",
    "discover",
    "expand_inputs",
    "format_of",
    "read_documents",
    "sha256",
]

CHUNK = 1 << 20  # bytes read (or decompressed) at a time


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Caps on what one input may make newsledger hold (defaults: :class:`StageOptions`)."""

    max_document_bytes: int = StageOptions.max_document_bytes
    max_decompressed_bytes: int = StageOptions.max_decompressed_bytes

    @classmethod
    def of(cls, options: StageOptions) -> ReadLimits:
        return cls(options.max_document_bytes, options.max_decompressed_bytes)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_documents(
    path: str,
    *,
    stdin: BinaryIO | None = None,
    stdin_format: Format | None = None,
    limits: ReadLimits | None = None,
) -> Iterator[RawDocument | IngestError]:
    """Yield the raw documents of one input, and an IngestError for each problem found."""
    limits = limits or ReadLimits()
    try:
        yield from _read(path, stdin, stdin_format, limits)
    except InputError as err:
        yield _as_error(err)
    except PermissionError as exc:
        yield _as_error(
            UnreadableInputError(
                f"cannot read this file ({exc.strerror}); check its permissions (chmod +r) or "
                "remove it from the input",
                origin=stored_origin(path),
            )
        )
    except OSError as exc:
        yield IngestError(
            stored_origin(path),
            None,
            InputError.code,
            f"cannot read file ({exc.strerror or exc}); check the path and permissions",
        )


def _read(
    path: str, stdin: BinaryIO | None, stdin_format: Format | None, limits: ReadLimits
) -> Iterator[RawDocument | IngestError]:
    if path == STDIN:
        yield from _read_stdin(stdin or sys.stdin.buffer, stdin_format, limits)
        return
    origin = stored_origin(path)
    fmt = format_of(path)
    if fmt is None:
        raise UnsupportedInputError(
            "unsupported file type; newsledger reads .html/.htm, .txt and .jsonl (optionally .gz)",
            origin=origin,
        )
    if not os.path.lexists(path):
        raise InputError("no such file or folder", origin=origin)
    with _open_regular(path) as fh:
        if path.lower().endswith(".gz"):
            chunks = _gunzip_chunks(fh, origin, limits, whole_document=fmt != "jsonl")
        else:
            if fmt != "jsonl":
                _check_size(os.fstat(fh.fileno()).st_size, origin, limits)
            chunks = _chunks(fh)
        if fmt == "jsonl":  # streamed: memory follows the line, not the file
            yield from _split_jsonl(chunks, origin, limits.max_document_bytes)
            return
        data = _gather(chunks, origin, limits.max_document_bytes)
    _check_document_bytes(data, origin)
    yield RawDocument(origin=origin, line=None, format=fmt, raw=data, sha256=sha256(data))


def _open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file, without ever blocking: a FIFO
    opened with O_NONBLOCK returns at once, and is then refused by its mode."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise not_regular(path, mode)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_stdin(
    stream: BinaryIO, stdin_format: Format | None, limits: ReadLimits
) -> Iterator[RawDocument | IngestError]:
    origin = "<stdin>"
    head = stream.read(8192)
    fmt = stdin_format or _sniff_format(head)
    chunks = _chain(head, _chunks(stream))
    if fmt == "jsonl":
        yield from _split_jsonl(chunks, origin, limits.max_document_bytes)
        return
    data = _gather(chunks, origin, limits.max_document_bytes)
    _check_document_bytes(data, origin)
    yield RawDocument(origin=origin, line=None, format=fmt, raw=data, sha256=sha256(data))


def _sniff_format(data: bytes) -> Format:
    head = data.lstrip()[:200].lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in data[:4096].lower():
        return "html"
    return "txt"


def _chain(head: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    if head:
        yield head
    yield from rest


def _chunks(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK):
        yield chunk


def _check_size(size: int, origin: str, limits: ReadLimits) -> None:
    if size > limits.max_document_bytes:
        raise InputTooLargeError(
            f"file is {size:,} bytes, over the {limits.max_document_bytes:,} one document may hold "
            "(option max_document_bytes); split it into articles, or raise the cap with "
            "--set max_document_bytes=N",
            origin=origin,
        )


def _gather(chunks: Iterable[bytes], origin: str, cap: int) -> bytes:
    """The chunks joined, stopping (with an error) as soon as they pass ``cap`` bytes."""
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > cap:
            raise InputTooLargeError(
                f"document is over the {cap:,} bytes one document may hold (option "
                "max_document_bytes); it was not read further. Split it into articles, or raise "
                "the cap with --set max_document_bytes=N",
                origin=origin,
            )
        parts.append(chunk)
    return b"".join(parts)


#: Bytes that do not occur in text (C0 controls other than tab, newlines, form feed, escape).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _check_document_bytes(data: bytes, origin: str) -> None:
    if not data.strip():
        raise EmptyInputError("file is empty; nothing to ingest", origin=origin)
    head = data[:8192]
    controls = len(head) - len(head.translate(None, _CONTROL))
    # A stray NUL in a text is repaired at extraction (and noted); a file that is mostly control
    # bytes is a binary (an image or a PDF named .txt, or UTF-16) and is refused whole.
    if controls > max(1, len(head) // 20):
        raise BinaryInputError(
            "file looks binary (it is full of NUL and control bytes), not UTF-8 text or HTML; "
            "remove it from the input, or re-save it as UTF-8",
            origin=origin,
        )


def _gunzip_chunks(fh: BinaryIO, origin: str, limits: ReadLimits, *, whole_document: bool) -> Iterator[bytes]:
    """Decompressed chunks of a gzip file (every member), stopping at the cap: a gzip bomb costs
    one chunk of memory and the time to inflate up to the cap, never more."""
    cap = limits.max_decompressed_bytes
    if whole_document:
        cap = min(cap, limits.max_document_bytes)
    size = 0
    try:
        with gzip.GzipFile(fileobj=fh, mode="rb") as gz:
            while chunk := gz.read1(CHUNK):  # read1: what is inflated so far, so a cut file keeps it
                if size + len(chunk) > cap:
                    yield chunk[: cap - size]  # the records that lie before the cap are read
                    raise _decompressed_too_large(cap, origin, limits, whole_document)
                size += len(chunk)
                yield chunk
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        kept = "" if whole_document else "the records before the damage were read; "
        raise CompressedInputError(
            f"gzip file is truncated or corrupt ({exc}); {kept}re-download or re-compress it",
            origin=origin,
        ) from exc


def _decompressed_too_large(
    cap: int, origin: str, limits: ReadLimits, whole_document: bool
) -> InputTooLargeError:
    option = "max_document_bytes" if cap == limits.max_document_bytes else "max_decompressed_bytes"
    kept = "" if whole_document else " the records before the cap were read;"
    return InputTooLargeError(
        f"gzip file decompresses to more than {cap:,} bytes (option {option}): a gzip bomb, or a "
        f"file larger than expected; decompression stopped there,{kept} if the file is genuine, "
        f"split it or raise the cap with --set {option}=N",
        origin=origin,
    )


def _split_jsonl(chunks: Iterable[bytes], origin: str, max_line: int) -> Iterator[RawDocument | IngestError]:
    """One RawDocument per non-blank line; a line over ``max_line`` bytes is reported (and never
    held whole), and the lines after it are read."""
    seen_any = False
    for number, line in _lines(chunks, max_line):
        seen_any = True
        if line is None:
            yield _as_error(
                InputTooLargeError(
                    f"line is over the {max_line:,} bytes one record may hold (option "
                    "max_document_bytes); it was skipped. Split the record, or raise the cap with "
                    "--set max_document_bytes=N",
                    origin=origin,
                    line=number,
                )
            )
            continue
        yield RawDocument(origin=origin, line=number, format="jsonl", raw=line, sha256=sha256(line))
    if not seen_any:
        raise EmptyInputError("file has no records; nothing to ingest", origin=origin)


def _lines(chunks: Iterable[bytes], max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, stripped line)`` for each non-blank line; ``None`` for a line longer than
    ``max_line``, whose bytes are dropped as they come (memory stays at one chunk plus the cap)."""
    buffer = bytearray()
    number = 0
    too_long = False
    for chunk in chunks:
        if not buffer and not too_long and chunk.isspace():
            number += chunk.count(b"\n")  # a run of blank lines (a bomb of newlines) in one step
            continue
        pieces = chunk.split(b"\n")
        for piece in pieces[:-1]:  # each ends a line
            number += 1
            if too_long or len(buffer) + len(piece) > max_line:
                yield number, None
            elif buffer:
                buffer += piece
                if buffer.strip():
                    yield number, bytes(buffer.strip())
            elif piece.strip():
                yield number, piece.strip()
            buffer.clear()
            too_long = False
        tail = pieces[-1]
        if not too_long:
            buffer += tail
            if len(buffer) > max_line:
                too_long = True
                buffer.clear()
    if too_long:
        yield number + 1, None
    elif buffer.strip():
        yield number + 1, bytes(buffer.strip())


def _as_error(err: InputError) -> IngestError:
    return IngestError(err.origin or "", err.line, err.code, err.detail)
