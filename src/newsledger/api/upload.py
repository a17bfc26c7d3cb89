"""``POST /api/ingest``: what was uploaded, and only that, analysed in a worker process.

The request body is read with a byte cap (Content-Length is not trusted: a chunked upload has
none) into files in a fresh temporary folder under names made here, so an upload can never name
a server path.  The pipeline then runs in a worker process (forked from a clean forkserver): there the per-article time limit
(``PipelineConfig.article_timeout``, a SIGALRM in the process's main thread) works, which it
cannot in a web server's thread, and the whole upload has a wall-clock limit after which the
process is killed.  Either way the server's ingest lock is released.
"""

from __future__ import annotations

import logging
import multiprocessing
import re
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile

from ..executors.base import Task
from ..pipeline import PipelineConfig, process_batch
from .security import capped

log = logging.getLogger(__name__)

#: Largest upload the ingest endpoint accepts by default, in bytes.
MAX_UPLOAD = 64 * 1024 * 1024
#: Longest an upload may take to analyse by default, in seconds, before its worker is killed.
UPLOAD_TIMEOUT = 600.0
#: Longest a worker may take to start and open the ledger, in seconds.
STARTUP_TIMEOUT = 120.0
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz")

_lock = threading.Lock()


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int = MAX_UPLOAD
    timeout: float = UPLOAD_TIMEOUT
    #: What each worker runs on a batch (tests put a deliberately slow one here).
    task: Task = process_batch


def safe_name(name: str | None, index: int) -> str:
    """A file name made here from an uploaded one: no folders, no leading dot, known suffix."""
    base = re.sub(r"[^A-Za-z0-9._-]", "_", Path(name or "").name).lstrip(".") or f"upload-{index}.txt"
    if not base.lower().endswith(UPLOAD_SUFFIXES):
        raise HTTPException(415, f"cannot ingest {name!r}: upload {', '.join(UPLOAD_SUFFIXES)} files")
    return f"{index:03d}-{base}"


async def save_upload(request: Request, folder: Path, max_bytes: int) -> list[str]:
    """Write the multipart ``files`` or the JSONL body into ``folder``; the paths written."""
    length = request.headers.get("content-length") or "0"
    if not length.isdigit() or int(length) > max_bytes:
        raise HTTPException(413, f"upload too large ({length} bytes; at most {max_bytes})")
    request = capped(request, max_bytes)
    paths: list[str] = []
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        async with request.form(max_files=1000, max_fields=100) as form:  # closes the spools
            for i, item in enumerate(form.getlist("files")):
                if isinstance(item, UploadFile):  # a plain text field is never read as a path
                    path = folder / safe_name(item.filename, i)
                    path.write_bytes(await item.read())
                    paths.append(str(path))
    else:
        body = await request.body()
        if body.strip():
            path = folder / "upload.jsonl"
            path.write_bytes(body)
            paths.append(str(path))
    if not paths:
        raise HTTPException(400, "nothing to ingest: send multipart 'files' or a JSONL body")
    return paths


def ingest_in_worker(
    db_url: str, paths: list[str], config: PipelineConfig, limits: UploadLimits
) -> dict[str, Any]:
    """Run the ingest of ``paths`` in a spawned process; its summary, or an HTTP error when
    another upload holds the lock (409) or the worker ran past ``limits.timeout`` (504)."""
    if not _lock.acquire(blocking=False):
        raise HTTPException(409, "another upload is being ingested; send this one when it has finished")
    try:
        context = _context()
        receiving, sending = context.Pipe(duplex=False)
        worker = context.Process(
            target=_worker, args=(sending, db_url, paths, config, limits.task), name="newsledger-upload"
        )
        worker.start()
        sending.close()
        try:
            return _outcome(worker, receiving, limits.timeout)
        finally:
            receiving.close()
            if worker.is_alive():
                worker.kill()
            worker.join(10)
    finally:
        _lock.release()


def _context() -> Any:
    """Workers fork from a clean forkserver (never from the threaded web server) that has the
    pipeline's modules imported already, so an upload does not pay Python's start-up each time."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsledger.runner", "newsledger.pipeline", "newsledger.store.sql"])
    return context


def _outcome(worker: Any, receiving: Connection, timeout: float) -> dict[str, Any]:
    try:
        # The clock starts when the worker has opened the ledger: a slow start on a busy
        # machine is not the upload's fault (it has its own, generous limit).
        if not receiving.poll(STARTUP_TIMEOUT):
            raise HTTPException(503, f"the ingest worker did not start in {STARTUP_TIMEOUT:g} s; try again")
        status, payload = receiving.recv()
        if status == "ready":
            if not receiving.poll(timeout):
                log.warning("upload ingest ran past %g s; worker %s killed", timeout, worker.pid)
                raise HTTPException(
                    504,
                    f"the upload took more than {timeout:g} s to analyse and was stopped; articles "
                    "of batches already written are kept. Send fewer or smaller files.",
                )
            status, payload = receiving.recv()
    except EOFError:  # the worker died without a word (killed, out of memory)
        raise HTTPException(500, f"the ingest worker died (exit code {worker.exitcode})") from None
    if status != "ok":
        raise HTTPException(400, str(payload))
    result: dict[str, Any] = payload
    return result


def _worker(sending: Connection, db_url: str, paths: list[str], config: PipelineConfig, task: Task) -> None:
    """The worker process: ingest into the ledger, send back ("ok", summary) or ("error", why)."""
    from ..errors import NewsledgerError
    from ..executors.local import LocalExecutor
    from ..runner import ingest
    from ..store.sql import open_store

    try:
        store = open_store(db_url)
    except NewsledgerError as exc:
        sending.send(("error", str(exc)))
        return
    sending.send(("ready", None))
    try:
        summary = ingest(paths, store=store, executor=LocalExecutor(1, task=task), config=config)
        sending.send(("ok", _summary(summary)))
    except NewsledgerError as exc:
        sending.send(("error", str(exc)))
    finally:
        store.close()
        sending.close()


def _summary(summary: Any) -> dict[str, Any]:
    return {
        "run_id": summary.run_id,
        "articles": summary.articles,
        "duplicates": summary.duplicates,
        "skipped": summary.skipped,
        "events": summary.events,
        "statements": summary.statements,
        "cleaned": summary.cleaned,
        "not_analysed": dict(summary.not_analysed),
        "errors": [
            {"origin": Path(e.origin).name, "line": e.line, "code": e.code, "message": e.message}
            for e in summary.errors
        ],
    }
