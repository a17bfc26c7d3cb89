"""CAMEO codes of announced and refused acts, read from ``data/intent_codes.yaml``.

An act announced by its actor ("will give aid", "would impose martial law") is coded as an intent
(03) or a threat (13), one it refuses ("will not allow inspectors") as a rejection (12); the
tables map the act's code, else its root, to that code (see the file's comments).
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from ..errors import KnowledgeError
from .files import safe_load

__all__ = ["INTENT_CODE", "INTENT_FILE", "INTENT_ROOT", "REFUSAL_CODE", "REFUSAL_ROOT"]

#: The shipped file, as errors name it.
INTENT_FILE = "newsledger/knowledge/data/intent_codes.yaml"


def _load() -> dict[str, Any]:
    text = resources.files("newsledger.knowledge").joinpath("data/intent_codes.yaml").read_text("utf-8")
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"not valid YAML ({exc})", origin=INTENT_FILE) from exc
    if not isinstance(data, dict):
        raise KnowledgeError(
            "expected the tables intent, intent_root, refusal, refusal_root", origin=INTENT_FILE
        )
    return data


def _table(data: dict[str, Any], name: str) -> dict[str, str]:
    """One table, every key and value a CAMEO code written as a string of digits."""
    table = data.get(name)
    if not isinstance(table, dict):
        raise KnowledgeError(f"table {name!r} is missing or not a mapping", origin=INTENT_FILE)
    for k, v in table.items():
        if not (isinstance(k, str) and isinstance(v, str) and k.isdigit() and v.isdigit()):
            raise KnowledgeError(
                f"table {name!r}: {k!r}: {v!r} must be quoted CAMEO codes", origin=INTENT_FILE
            )
    return dict(table)


_DATA = _load()
INTENT_CODE = _table(_DATA, "intent")
INTENT_ROOT = _table(_DATA, "intent_root")
REFUSAL_CODE = _table(_DATA, "refusal")
REFUSAL_ROOT = _table(_DATA, "refusal_root")
