"""The export contract is defined once (export/contract.py's models): the docs' field tables,
the CSV columns and validate() follow the models, and no name users script against is lost."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from newsledger.export.contract import KIND_MODELS, nested_model, validate
from newsledger.export.fields import COLUMNS

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "EXPORT_SCHEMA.md"

#: The CSV columns of the contract before it was derived from the models (issue #13): users
#: script against these names, so each must stay.
PINNED = {
    "articles": "article_id url title published site outlet outlet_type language text n_sentences "
    "duplicate_of raw_sha256 analysed cleaning",
    "actors": "actor_id name kind country sector cameo_code aliases roles mentions affiliation",
    "events": "event_id article_id sentence span trigger date date_precision source_actor_id source_name "
    "source_country source_sector source_cameo_code target_actor_id target_name target_country "
    "target_sector target_cameo_code cameo_code cameo_root quad_class goldstein plover_type plover_mode "
    "location_name location_country location_lat location_lon location_geonames_id negated hypothetical "
    "reported_by confidence mentions mention_spans",
    "statements": "statement_id article_id sentence span speaker_actor_id speaker_name speaker_country "
    "speaker_sector speaker_cameo_code speaker_text cue kind content content_span medium date "
    "date_precision about negated hypothetical reported_by",
    "contradictions": "contradiction_id kind actor_actor_id actor_name a_type a_id b_type b_id explanation "
    "score article_id a_records b_records",
}


def test_the_docs_field_tables_are_the_models() -> None:
    from newsledger.docgen import export_reference, field_table

    text = SCHEMA.read_text()
    assert export_reference(text) == text, "run scripts/docs to regenerate docs/EXPORT_SCHEMA.md"
    tables = dict(re.findall(r"<!-- fields (\w+) -->\n(.*?)<!-- end fields -->", text, re.S))
    assert set(KIND_MODELS) <= set(tables)
    nested = {
        inner.__name__
        for model in KIND_MODELS.values()
        for info in model.model_fields.values()
        if (inner := nested_model(info)[0]) is not None
    }
    assert nested <= set(tables), "a nested object without a table in docs/EXPORT_SCHEMA.md"
    for kind, model in KIND_MODELS.items():
        documented = re.findall(r"^\| `(\w+)` \|", tables[kind], re.M)
        assert documented == list(model.model_fields), kind
        assert tables[kind] == field_table(kind)


def test_the_columns_keep_every_name_users_script_against() -> None:
    assert set(COLUMNS) == set(KIND_MODELS)
    for kind, names in PINNED.items():
        assert COLUMNS[kind][: len(names.split())] == names.split(), kind


def _event() -> dict[str, Any]:
    actor = {"actor_id": "country:IRN", "name": "Iran", "country": "IRN", "sector": None, "cameo_code": "IRN"}
    return {
        "event_id": "e1", "article_id": "a1", "sentence": "Iran met Norway.", "span": [0, 16],
        "trigger": "met", "date": "2021-01", "date_precision": "month", "source": actor, "target": None,
        "cameo_code": "040", "cameo_root": "04", "quad_class": 1, "goldstein": 1, "plover_type": None,
        "plover_mode": None, "location": None, "negated": False, "hypothetical": False,
        "reported_by": [{"actor_id": "org:reuters", "name": "Reuters"}], "confidence": 0.5, "mentions": 1,
        "mention_spans": [[0, 16]],
    }  # fmt: skip


def test_a_valid_record_passes() -> None:
    assert validate("events", _event()) == []


@pytest.mark.parametrize(
    ("path", "value", "says"),
    [
        (("trigger",), None, "'trigger'"),
        (("quad_class",), True, "'quad_class'"),  # a bool is no int
        (("date_precision",), "week", "'date_precision'"),  # not one of the Literal's values
        (("source", "name"), 3, "'source.name'"),
        (("reported_by", 0, "actor_id"), None, "'reported_by.0.actor_id'"),
        (("span",), [5, 2], "not [start, end)"),
        (("date",), "27 Jan 2021", "not ISO 8601"),
        (("cameo_root",), "05", "does not prefix"),
    ],
)
def test_validate_names_what_is_wrong(path: tuple[Any, ...], value: Any, says: str) -> None:
    record = copy.deepcopy(_event())
    where: Any = record
    for step in path[:-1]:
        where = where[step]
    where[path[-1]] = value
    problems = validate("events", record)
    assert problems and any(says in p for p in problems), problems


def test_a_missing_field_is_named_also_inside_a_nested_object() -> None:
    record = _event()
    del record["goldstein"]
    del record["source"]["country"]
    problems = validate("events", record)
    assert "events e1: missing field 'goldstein'" in problems
    assert "events e1.source: missing field 'country'" in problems
    statement = {k: v for k, v in _event().items() if k != "speaker_text"}
    assert not any("speaker_text" in p for p in validate("statements", statement))  # may be absent


def test_the_parquet_column_types_follow_the_models() -> None:
    """The typed columns (the rest is text, lists of objects JSON) as they were written by hand."""
    from newsledger.export.fields import COLUMN_TYPES

    typed = {
        "span": "[int]", "content_span": "[int]", "aliases": "[str]", "n_sentences": "int", "mentions": "int",
        "quad_class": "int", "goldstein": "float", "confidence": "float", "score": "float",
        "location_lat": "float", "location_lon": "float", "location_geonames_id": "int", "negated": "bool",
        "hypothetical": "bool", "analysed": "bool",
    }  # fmt: skip
    for kind, columns in COLUMN_TYPES.items():
        assert list(columns) == COLUMNS[kind]
        assert {c: t for c, t in columns.items() if t != "str"} == {
            c: typed[c] for c in columns if c in typed
        }
