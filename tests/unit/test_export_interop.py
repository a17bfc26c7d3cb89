"""Events for other tools: GEXF parses and carries the network, GeoJSON is valid, and the GDELT /
POLECAT TSVs have those data sets' columns, filled only where we hold the value."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from fnmatch import fnmatchcase as fnmatch
from pathlib import Path
from typing import Any

from newsledger.export import write
from newsledger.export.interop import GDELT_COLUMNS, POLECAT_COLUMNS

DOCS = Path(__file__).resolve().parents[2] / "docs"

IRAN = {"actor_id": "iran", "name": "Iran", "country": "IRN", "sector": None, "cameo_code": "IRN"}
TALIBAN = {
    "actor_id": "taliban",
    "name": "Taliban\tmovement",
    "country": "AFG",
    "sector": "INS",
    "cameo_code": "AFGINS",
}
TEHRAN = {"name": "Tehran", "country": "IRN", "lat": 35.69, "lon": 51.42, "geonames_id": 112931}


def _event(i: int, **over: Any) -> dict[str, Any]:
    base = {
        "event_id": f"ev_{i}", "article_id": "a1", "date": "2021-01-27", "date_precision": "day",
        "source": IRAN, "target": TALIBAN, "cameo_code": "043", "cameo_root": "04", "quad_class": 1,
        "goldstein": 2.8, "plover_type": "CONSULT", "plover_mode": "visit", "location": TEHRAN,
        "mentions": 2, "trigger": "hosted", "sentence": "Iran hosted the Taliban.",
    }  # fmt: skip
    return base | over


EVENTS = [
    _event(1),
    _event(2, goldstein=-1.2, location=None, date="2021-01", date_precision="month"),
    _event(3, target=None),
]
ARTICLE = {
    "url": "https://example.org/a1",
    "outlet": "Example News",
    "published": "2021-01-29",
    "language": "en",
}


def _export(fmt: str, tmp_path: Path) -> str:
    out = tmp_path / f"events.{fmt}"
    write("events", fmt, iter(EVENTS), str(out), article_of=lambda _id: ARTICLE)
    return out.read_text()


def test_gexf_is_the_actor_network_with_weights_and_mean_goldstein(tmp_path: Path) -> None:
    root = ET.fromstring(_export("gexf", tmp_path))
    ns = {"g": "http://gexf.net/1.3"}
    nodes = {n.get("id"): n.get("label") for n in root.iterfind(".//g:node", ns)}
    assert nodes == {"iran": "Iran", "taliban": "Taliban\tmovement"}
    (edge,) = root.iterfind(".//g:edge", ns)
    assert (edge.get("source"), edge.get("target"), edge.get("weight")) == ("iran", "taliban", "2")
    values = {v.get("for"): v.get("value") for v in edge.iterfind(".//g:attvalue", ns)}
    assert values == {"0": "2", "1": "0.800"}


def test_geojson_has_one_point_per_placed_event(tmp_path: Path) -> None:
    collection = json.loads(_export("geojson", tmp_path))
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == ["ev_1", "ev_3"]
    assert collection["features"][0]["geometry"] == {"type": "Point", "coordinates": [51.42, 35.69]}


def _tsv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def test_gdelt_tsv_has_the_61_columns_and_leaves_what_we_lack_empty(tmp_path: Path) -> None:
    text = _export("gdelt", tmp_path)
    assert text.splitlines()[0].split("\t") == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    day, month, no_target = _tsv(text)
    assert (day["SQLDATE"], day["MonthYear"], day["Year"]) == ("20210127", "202101", "2021")
    assert (day["EventCode"], day["EventBaseCode"], day["EventRootCode"]) == ("043", "043", "04")
    assert day["Actor2Name"] == "Taliban movement"  # a tab in a name cannot shift the columns
    assert day["ActionGeo_Lat"] == "35.69" and day["SOURCEURL"] == ARTICLE["url"]
    assert month["SQLDATE"] == "" and month["MonthYear"] == "202101"
    assert no_target["Actor2Code"] == ""
    for never in ("AvgTone", "IsRootEvent", "ActionGeo_CountryCode", "DATEADDED", "Actor1Geo_Lat"):
        assert day[never] == "", never


def test_polecat_tsv_has_its_columns(tmp_path: Path) -> None:
    text = _export("polecat", tmp_path)
    assert text.splitlines()[0].split("\t") == POLECAT_COLUMNS
    row = _tsv(text)[0]
    assert (row["Event Type"], row["Actor Country"], row["Recipient Country"]) == ("CONSULT", "IRN", "AFG")
    assert row["GeoNames ID"] == "112931" and row["Publication Date"] == "2021-01-29"
    assert row["Intensity"] == "" and row["Actor COW"] == ""


def test_every_tsv_column_is_documented() -> None:
    doc = (DOCS / "EXPORT_FORMATS.md").read_text()
    documented = set(re.findall(r"`([^`]+)`", doc))
    undocumented = [c for c in GDELT_COLUMNS + POLECAT_COLUMNS if not any(fnmatch(c, d) for d in documented)]
    assert undocumented == []
