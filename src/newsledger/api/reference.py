"""The REST API reference as rows, read from the app's OpenAPI document: what the server's
``/docs`` page shows and what ``docs/API.md`` is generated from (``newsledger.docgen``).  Pure
functions over a dict, so that the pages and the doc generator share them without importing each
other."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["endpoints", "parameters"]


def _schema_type(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null") or "any"
    kind = str(schema.get("type", "any"))
    if "enum" in schema:
        kind += " (" + ", ".join(str(v) for v in schema["enum"]) + ")"
    bounds = [
        f"{label} {schema[key]}" for key, label in (("minimum", "≥"), ("maximum", "≤")) if key in schema
    ]
    if "maxLength" in schema:
        bounds.append(f"≤ {schema['maxLength']} characters")
    return kind + (f", {', '.join(bounds)}" if bounds else "")


def parameters(operation: dict[str, Any]) -> list[dict[str, Any]]:
    """An operation's parameters as rows: name, where, type, default, required, description."""
    rows = []
    for p in operation.get("parameters", []):
        schema = p.get("schema", {})
        rows.append(
            {
                "name": p["name"],
                "where": p.get("in", ""),
                "type": _schema_type(schema),
                "default": schema.get("default"),
                "required": bool(p.get("required")),
                "description": p.get("description") or schema.get("description", ""),
            }
        )
    return rows


def endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the OpenAPI document with its own parameters."""
    out = []
    for path, operations in spec.get("paths", {}).items():
        for method, op in operations.items():
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": parameters(op),
                    "anchor": re.sub(r"[^a-z0-9]+", "-", f"{method} {path}".lower()).strip("-"),
                }
            )
    return out
