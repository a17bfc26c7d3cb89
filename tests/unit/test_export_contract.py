"""The export contract in code (export/contract.py, export/fields.py) covers docs/EXPORT_SCHEMA.md."""

from __future__ import annotations

import re
from pathlib import Path

from newsledger.export.contract import FIELDS
from newsledger.export.fields import COLUMNS

DOCS = Path(__file__).resolve().parents[2] / "docs"

#: Type and value words of the schema's notation, not field names.
VALUE_WORDS = {
    "bool",
    "null",
    "str",
    "int",
    "float",
    "direct",
    "partial",
    "indirect",
    "statement",
    "event",
    "action",
}


def _documented_fields() -> dict[str, set[str]]:
    path = DOCS / "EXPORT_SCHEMA.md"
    sections = re.split(r"^## ", path.read_text(), flags=re.M)[1:]
    out: dict[str, set[str]] = {}
    for section in sections:
        kind, _, body = section.partition("\n")
        if not re.fullmatch(r"[a-z_]+", kind.strip()):
            continue  # a prose section (e.g. the attribution of place data), not a record kind
        body = re.sub(r"#[^\n]*", "", body)  # comments
        body = re.sub(r"\([^)]*\)", "", body)  # explanations in parentheses
        while re.search(r"\{[^{}]*\}", body):
            body = re.sub(r"\{[^{}]*\}", "", body)  # nested objects
        body = re.sub(r"\[[^\]]*\]", "", body)
        body = body.split("`outlet_type`:")[0]  # the value list after the field list
        names = set(
            re.findall(r"(?<![\w.|-] )(?<![\w.|-])([a-z][a-z_0-9]*)\s*(?=[,:|]|\s*$|\s*`)", body, flags=re.M)
        )
        out[kind.strip()] = names - VALUE_WORDS
    return out


def test_every_documented_field_is_in_the_contract_and_the_columns() -> None:
    documented = _documented_fields()
    assert set(documented) == set(FIELDS)
    for kind, names in documented.items():
        assert names, kind
        assert names <= set(FIELDS[kind]), (kind, names - set(FIELDS[kind]))
        flat_roots = {c.split("_")[0] for c in COLUMNS[kind]} | set(COLUMNS[kind])
        assert all(n in flat_roots or n in COLUMNS[kind] for n in names), kind
