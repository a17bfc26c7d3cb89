"""The identity and the code columns of an event record, shared by every place that builds one."""

from __future__ import annotations

import hashlib
from typing import Any

from ...knowledge.cameo import lookup

__all__ = ["code_fields", "event_id"]


def event_id(
    article_id: str, span: tuple[int, int], code: str, source: str | None, target: str | None
) -> str:
    raw = f"{article_id}|{span[0]}:{span[1]}|{code}|{source or '-'}|{target or '-'}"
    return "ev_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def code_fields(code: str) -> dict[str, Any]:
    """An event's code columns (code, root, quad class, Goldstein, PLOVER type and mode), read
    once from the CAMEO table, for every place that builds an Event."""
    info = lookup(code)
    return {
        "cameo_code": code,
        "cameo_root": info.root,
        "quad_class": info.quad_class,
        "goldstein": info.goldstein,
        "plover_type": info.plover_type,
        "plover_mode": info.plover_mode,
    }
