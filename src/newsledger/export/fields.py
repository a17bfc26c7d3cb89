"""Column order of each export kind, derived from the contract's models: nested objects are
flattened into ``prefix_field`` columns (``source_country``), lists stay whole (JSON text in CSV)."""

from __future__ import annotations

import json
from typing import Any

from .contract import KIND_MODELS, nested_model


def _nested_of(kind: str) -> dict[str, tuple[str, ...]]:
    found = {}
    for name, info in KIND_MODELS[kind].model_fields.items():
        inner, many = nested_model(info)
        if inner is not None and not many:
            found[name] = tuple(inner.model_fields)
    return found


#: Nested objects flattened into ``prefix_field`` columns, by kind.
NESTED: dict[str, dict[str, tuple[str, ...]]] = {kind: _nested_of(kind) for kind in KIND_MODELS}
#: The columns of each kind, in the contract's order.
COLUMNS: dict[str, list[str]] = {
    kind: [
        column
        for name in model.model_fields
        for column in ([f"{name}_{n}" for n in NESTED[kind][name]] if name in NESTED[kind] else [name])
    ]
    for kind, model in KIND_MODELS.items()
}


def _value_type(annotation: Any) -> str:
    """``int``, ``float``, ``bool``, ``[int]``, ``[str]`` or ``str`` (anything else: JSON text)."""
    import types
    from typing import Union, get_args, get_origin

    union = get_origin(annotation) in (Union, types.UnionType)
    plain = [a for a in (get_args(annotation) if union else (annotation,)) if a is not type(None)]
    if len(plain) != 1:
        return "str"
    (one,) = plain
    if get_origin(one) is list and get_args(one)[0] in (int, str):
        return f"[{get_args(one)[0].__name__}]"
    return one.__name__ if one in (int, float, bool) else "str"


def _column_types(kind: str) -> dict[str, str]:
    found = {}
    for name, info in KIND_MODELS[kind].model_fields.items():
        if name in NESTED[kind]:
            inner = nested_model(info)[0]
            assert inner is not None  # NESTED holds only object fields
            for sub, sub_info in inner.model_fields.items():
                found[f"{name}_{sub}"] = _value_type(sub_info.annotation)
        else:
            found[name] = _value_type(info.annotation)
    return found


#: The value type of each column (Parquet's column types): ``int``, ``float``, ``bool``,
#: ``[int]``, ``[str]``, or ``str`` (lists of objects and dicts are JSON text: one portable column).
COLUMN_TYPES: dict[str, dict[str, str]] = {kind: _column_types(kind) for kind in KIND_MODELS}


def flatten(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    flat = dict(record)
    for prefix, names in NESTED.get(kind, {}).items():
        value = flat.pop(prefix, None) or {}
        for name in names:
            flat[f"{prefix}_{name}"] = value.get(name)
    return {col: flat.get(col) for col in COLUMNS[kind]}


def cell(value: Any) -> Any:
    """A flat value for CSV: lists and dicts become JSON text, booleans stay true/false."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
