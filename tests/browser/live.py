"""A real uvicorn server for an app, in a background thread, on a free local port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serve(app: Any, *, timeout: float = 20.0) -> Iterator[str]:
    """Serve ``app`` until the block ends; yields its base URL (``http://127.0.0.1:PORT``)."""
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", ws="none", http="h11", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def available_stages() -> tuple[str, ...]:
    """The default pipeline, or the registered stages whose inputs are met (stages in progress)."""
    from newsledger.errors import NewsledgerError
    from newsledger.pipeline import DEFAULT_STAGES, PipelineConfig, build_pipeline, registered_stages

    try:
        build_pipeline(PipelineConfig())
        return DEFAULT_STAGES
    except NewsledgerError:  # a stage being finished elsewhere: run those that can run
        registry = registered_stages()
        have = {"article"}
        chosen = []
        for name in DEFAULT_STAGES:
            spec = registry.get(name)
            if spec and spec.requires <= have:
                chosen.append(name)
                have |= spec.assigns
        return tuple(chosen)
