"""Find the input files a run reads: named files, folders walked recursively, globs, stdin.

A folder may hold anything a user's disk holds, so the walk never blocks and never loops:
FIFOs, sockets and device files are reported (NL-E109) and never opened; symbolic links are
followed only while they stay inside the folder being walked, each folder is walked once (a
link back to an ancestor is a loop, NL-E113), and a folder that cannot be listed is reported
(NL-E110) while the walk goes on.  A file or folder named on the command line is the user's
explicit choice and is read wherever it leads.
"""

from __future__ import annotations

import errno
import fnmatch
import functools
import glob
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from ..errors import LinkError, NotRegularFileError, UnreadableInputError
from ..models import IngestError

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


def stored_origin(path: str) -> str:
    """``path`` as it can be stored and printed: a name that is not valid UTF-8 (Python keeps
    its bytes as lone surrogates) gets ``\\xNN`` escapes, which SQLite and PostgreSQL accept."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words, for the message that reports it."""
    for test, name in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def not_regular(path: str, mode: int) -> NotRegularFileError:
    return NotRegularFileError(
        f"is {kind_of(mode)}, not a regular file; it was not opened (reading it could block the "
        "run). Remove it from the input, or pipe a stream in with `newsledger ingest -`",
        origin=stored_origin(path),
    )


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str
    named: bool  # named on the command line (or matched by a glob), not found by walking a folder


def discover(inputs: Iterable[str]) -> Iterator[InputFile | IngestError]:
    """Every input file to read, in a stable order, and an error for each entry that is skipped.

    Files found by walking a folder are only those with a supported suffix (a SOURCE.md beside
    the data is skipped quietly); a file named explicitly is always read or reported.
    """
    for spec in inputs:
        if spec == STDIN:
            yield InputFile(STDIN, True)
        elif os.path.isdir(spec):
            yield from walk(spec)
        elif os.path.lexists(spec):
            yield InputFile(spec, True)
        elif "**" in spec:
            yield from _recursive_glob(spec)
        else:
            matches = sorted(glob.glob(spec))  # as deep as the pattern: no loop can hold it
            if not matches:
                yield InputFile(spec, True)  # reported as missing by read_documents
            for match in matches:
                if os.path.isdir(match):
                    continue  # a glob names files
                yield InputFile(match, format_of(match) is None)


def _recursive_glob(spec: str) -> Iterator[InputFile | IngestError]:
    """``dir/**/*.txt``: the folder before the first wildcard is walked like any folder (links
    checked, each folder once) and its entries matched against the rest of the pattern.
    ``glob.glob(recursive=True)`` follows every link to a folder: two links back to an ancestor
    make its walk exponential (it never ended in a test with two such links)."""
    parts = spec.split(os.sep)
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    base = os.sep.join(parts[:fixed]) or (os.sep if spec.startswith(os.sep) else ".")
    pattern = tuple(parts[fixed:])
    matched = False
    if os.path.isdir(base):
        for item in walk(base):
            path = item.path if isinstance(item, InputFile) else item.origin
            relative = tuple(os.path.relpath(path, base).split(os.sep))
            if _matches(relative, pattern):
                matched = True
                yield item
    if not matched:
        yield InputFile(spec, True)  # reported as missing by read_documents


@functools.lru_cache(maxsize=4096)
def _matches(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Path components against glob components, ``**`` standing for any number of folders."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return _matches(parts, pattern[1:]) or (bool(parts) and _matches(parts[1:], pattern))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], pattern[0]) and _matches(parts[1:], pattern[1:])


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """``(path, named)`` for every input file (the errors of :func:`discover` left out)."""
    for item in discover(inputs):
        if isinstance(item, InputFile):
            yield item.path, item.named


def walk(folder: str) -> Iterator[InputFile | IngestError]:
    """The supported files under ``folder`` sorted by path, with the errors met on the way."""
    root = os.path.realpath(folder)
    found: list[tuple[str, InputFile | IngestError]] = []
    seen: set[tuple[int, int]] = set()
    pending = [(folder, root)]
    while pending:  # iterative: a deep tree cannot exhaust Python's recursion limit
        shown, real = pending.pop()
        try:
            info = os.stat(real)
        except OSError as exc:
            found.append((shown, _unreadable(shown, exc, "folder")))
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue
        seen.add((info.st_dev, info.st_ino))
        for entry_shown, outcome in _entries(shown, real, root, seen):
            if isinstance(outcome, tuple):
                pending.append(outcome)
            elif outcome is not None:
                found.append((entry_shown, outcome))
    found.sort(key=lambda item: item[0].split(os.sep))  # the order of sorted Paths, as before
    for _, item in found:
        yield item


Outcome = InputFile | IngestError | tuple[str, str] | None


def _entries(shown: str, real: str, root: str, seen: set[tuple[int, int]]) -> Iterator[tuple[str, Outcome]]:
    """Each entry of one folder: a file to read, an error, a sub-folder to walk, or nothing."""
    try:
        with os.scandir(real) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield shown, _unreadable(shown, exc, "folder")
        return
    for entry in entries:
        entry_shown = os.path.join(shown, entry.name)
        yield entry_shown, _classify(entry, entry_shown, root, seen)


def _classify(entry: os.DirEntry[str], shown: str, root: str, seen: set[tuple[int, int]]) -> Outcome:
    target = entry.path
    if entry.is_symlink():
        target = os.path.realpath(entry.path)
        link_error = _link_problem(entry.path, shown, target, root)
        if link_error is not None:
            return link_error
    try:
        info = os.stat(target)
    except OSError as exc:
        return _unreadable(shown, exc, "file")
    if stat.S_ISDIR(info.st_mode):
        parent = os.path.dirname(entry.path)
        if entry.is_symlink() and os.path.commonpath([target, parent]) == target:
            return _as_error(
                LinkError(
                    f"symbolic link to {target}, a folder that holds the link (a loop); not "
                    "followed, the folder is read once",
                    origin=stored_origin(shown),
                )
            )
        return None if (info.st_dev, info.st_ino) in seen else (shown, target)
    if not stat.S_ISREG(info.st_mode):
        return _as_error(not_regular(shown, info.st_mode))
    if format_of(entry.name) is None:
        return None
    return InputFile(shown, False)


def _link_problem(link: str, shown: str, target: str, root: str) -> IngestError | None:
    """A link that dangles, loops on itself or leads out of the walked folder, as an error."""
    if not os.path.exists(link):
        what = "loops on itself" if _loops(link) else f"points to {os.readlink(link)!r}, which does not exist"
        return _as_error(
            LinkError(f"symbolic link {what}; fix or remove the link", origin=stored_origin(shown))
        )
    if os.path.commonpath([root, target]) != root:
        return _as_error(
            LinkError(
                f"symbolic link leads out of the folder being read (to {target}); it was not "
                "followed. Name the target on the command line to read it",
                origin=stored_origin(shown),
            )
        )
    return None


def _loops(link: str) -> bool:
    try:
        os.stat(link)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _unreadable(shown: str, exc: OSError, what: str) -> IngestError:
    reason = exc.strerror or str(exc)
    return _as_error(
        UnreadableInputError(
            f"cannot read this {what} ({reason}); check its permissions (chmod +r) or remove it "
            "from the input",
            origin=stored_origin(shown),
        )
    )


def _as_error(err: UnreadableInputError | LinkError | NotRegularFileError) -> IngestError:
    return IngestError(err.origin or "", err.line, err.code, err.detail)


def total_bytes(inputs: Iterable[str]) -> int:
    """Bytes of the regular input files (the progress bar's total)."""
    total = 0
    for path, _ in expand_inputs(inputs):
        try:
            info = os.stat(path)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            total += info.st_size
    return total
