"""Events in the shapes other tools read: GEXF (Gephi), GeoJSON (any map), and TSV with GDELT 2.0
or POLECAT column names (scripts written against those data sets).

docs/EXPORT_FORMATS.md documents every column's source.  A column we have no value for stays
empty: nothing is guessed to fill it (GDELT's tone, FIPS country codes, POLECAT's COW codes).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

#: The 61 columns of a GDELT 2.0 event record, as named in GDELT's BigQuery table.
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{f}" for g in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
]  # fmt: skip

#: The columns of POLECAT's weekly TSV files.
POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
]  # fmt: skip

#: Looks up an article's export record by id (url, outlet, published, language), or None.
ArticleOf = Callable[[str], dict[str, Any] | None]


def _day(event: dict[str, Any]) -> date | None:
    if event.get("date_precision") != "day" or not event.get("date"):
        return None
    try:
        return date.fromisoformat(event["date"][:10])
    except ValueError:
        return None


def _dates(event: dict[str, Any]) -> dict[str, Any]:
    """GDELT's date columns at the precision known: a month-precise event has no SQLDATE."""
    value = event.get("date") or ""
    precision = event.get("date_precision")
    day = _day(event)
    month = value[:7].replace("-", "") if precision in ("day", "month") and len(value) >= 7 else ""
    year = value[:4] if precision in ("day", "month", "year") and len(value) >= 4 else ""
    fraction = ""
    if day is not None:
        fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
    return {
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": month,
        "Year": year,
        "FractionDate": fraction,
    }


def _gdelt_actor(n: int, ref: dict[str, Any] | None) -> dict[str, Any]:
    ref = ref or {}
    return {
        f"Actor{n}Code": ref.get("cameo_code"),
        f"Actor{n}Name": ref.get("name"),
        f"Actor{n}CountryCode": ref.get("country"),
        f"Actor{n}Type1Code": ref.get("sector"),
    }


def gdelt_row(event: dict[str, Any], article: dict[str, Any] | None) -> dict[str, Any]:
    code = event.get("cameo_code") or ""
    place = event.get("location") or {}
    row: dict[str, Any] = {
        "GLOBALEVENTID": event["event_id"],
        **_dates(event),
        **_gdelt_actor(1, event.get("source")),
        **_gdelt_actor(2, event.get("target")),
        "EventCode": code,
        "EventBaseCode": code[:3],
        "EventRootCode": event.get("cameo_root"),
        "QuadClass": event.get("quad_class"),
        "GoldsteinScale": event.get("goldstein"),
        "NumMentions": event.get("mentions", 1),
        "NumSources": 1,  # one record per happening per article: one source, one article
        "NumArticles": 1,
        "ActionGeo_FullName": place.get("name"),
        "ActionGeo_Lat": place.get("lat"),
        "ActionGeo_Long": place.get("lon"),
        "SOURCEURL": (article or {}).get("url"),
    }
    return row


def _polecat_actor(prefix: str, ref: dict[str, Any] | None) -> dict[str, Any]:
    ref = ref or {}
    return {
        f"{prefix} Name": ref.get("name"),
        f"{prefix} Country": ref.get("country"),
        f"Primary {prefix} Sector": ref.get("sector"),
        f"{prefix} Sectors": ref.get("sector"),
    }


def polecat_row(event: dict[str, Any], article: dict[str, Any] | None, version: str) -> dict[str, Any]:
    place = event.get("location") or {}
    article = article or {}
    return {
        "Event ID": event["event_id"],
        "Event Date": event.get("date"),
        "Event Type": event.get("plover_type"),
        "Event Mode": event.get("plover_mode"),
        "Quad Code": event.get("quad_class"),
        **_polecat_actor("Actor", event.get("source")),
        **_polecat_actor("Recipient", event.get("target")),
        "Placename": place.get("name"),
        "Country": place.get("country"),
        "Latitude": place.get("lat"),
        "Longitude": place.get("lon"),
        "GeoNames ID": place.get("geonames_id"),
        "Source": article.get("outlet") or article.get("site"),
        "Publication Date": article.get("published"),
        "Language": article.get("language"),
        "Version": f"newsledger {version}",
    }


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsledger")
    except PackageNotFoundError:  # pragma: no cover - a bare checkout
        return "0"


def write_tsv(fmt: str, events: Iterable[dict[str, Any]], article_of: ArticleOf, fh: TextIO) -> int:
    """``fmt`` is ``gdelt`` or ``polecat``; missing values are empty cells."""
    columns = GDELT_COLUMNS if fmt == "gdelt" else POLECAT_COLUMNS
    version = _version()
    writer = csv.DictWriter(fh, fieldnames=columns, delimiter="\t", lineterminator="\n", restval="")
    writer.writeheader()
    n = 0
    for event in events:
        article = article_of(event["article_id"]) if event.get("article_id") else None
        row = gdelt_row(event, article) if fmt == "gdelt" else polecat_row(event, article, version)
        writer.writerow({k: _tsv_cell(v) for k, v in row.items()})
        n += 1
    return n


def _tsv_cell(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split())  # a tab or newline inside a name must not shift columns


# --------------------------------------------------------------------------- GeoJSON


def geojson_features(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One Point feature per event that has coordinates; events without a place are left out."""
    for e in events:
        place = e.get("location") or {}
        if place.get("lat") is None or place.get("lon") is None:
            continue
        source, target = e.get("source") or {}, e.get("target") or {}
        yield {
            "type": "Feature",
            "id": e["event_id"],
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": {
                "event_id": e["event_id"], "article_id": e.get("article_id"), "date": e.get("date"),
                "date_precision": e.get("date_precision"), "cameo_code": e.get("cameo_code"),
                "quad_class": e.get("quad_class"), "goldstein": e.get("goldstein"),
                "plover_type": e.get("plover_type"), "source_name": source.get("name"),
                "source_actor_id": source.get("actor_id"), "target_name": target.get("name"),
                "target_actor_id": target.get("actor_id"), "place": place.get("name"),
                "place_country": place.get("country"), "geonames_id": place.get("geonames_id"),
                "trigger": e.get("trigger"), "sentence": e.get("sentence"),
            },
        }  # fmt: skip


def write_geojson(events: Iterable[dict[str, Any]], fh: TextIO) -> int:
    """A GeoJSON FeatureCollection, streamed feature by feature; returns the number of features."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in geojson_features(events):
        fh.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n


# --------------------------------------------------------------------------- GEXF


def network_of(
    events: Iterable[dict[str, Any]],
) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], Any]]:
    """Actors (nodes) and directed source→target edges with event counts and Goldstein sums."""
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for e in events:
        source, target = e.get("source") or {}, e.get("target") or {}
        if not source.get("actor_id") or not target.get("actor_id"):
            continue
        for ref in (source, target):
            nodes.setdefault(ref["actor_id"], ref)
        edge = edges.setdefault(
            (source["actor_id"], target["actor_id"]), {"count": 0, "goldstein": 0.0, "n": 0}
        )
        edge["count"] += 1
        if e.get("goldstein") is not None:
            edge["goldstein"] += e["goldstein"]
            edge["n"] += 1
    return nodes, edges


def write_gexf(events: Iterable[dict[str, Any]], fh: TextIO) -> int:
    """The actor network as GEXF 1.3 (Gephi): node attributes country, sector, CAMEO code; edge
    weight = number of events, and their mean Goldstein score.  Returns the number of edges."""
    nodes, edges = network_of(events)
    fh.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    fh.write('<gexf xmlns="http://gexf.net/1.3" version="1.3">\n')
    fh.write(f"  <meta><creator>newsledger {_version()}</creator></meta>\n")
    fh.write('  <graph defaultedgetype="directed" mode="static">\n')
    fh.write('    <attributes class="node">\n')
    for i, name in enumerate(("country", "sector", "cameo_code")):
        fh.write(f'      <attribute id="{i}" title="{name}" type="string"/>\n')
    fh.write('    </attributes>\n    <attributes class="edge">\n')
    fh.write('      <attribute id="0" title="events" type="integer"/>\n')
    fh.write('      <attribute id="1" title="goldstein_mean" type="double"/>\n    </attributes>\n')
    fh.write("    <nodes>\n")
    for actor_id, ref in nodes.items():
        values = "".join(
            f'<attvalue for="{i}" value={quoteattr(str(ref[k]))}/>'
            for i, k in enumerate(("country", "sector", "cameo_code"))
            if ref.get(k)
        )
        fh.write(
            f"      <node id={quoteattr(actor_id)} label={quoteattr(str(ref.get('name') or actor_id))}>"
            f"<attvalues>{values}</attvalues></node>\n"
        )
    fh.write("    </nodes>\n    <edges>\n")
    for i, ((source, target), edge) in enumerate(edges.items()):
        mean = f'<attvalue for="1" value="{edge["goldstein"] / edge["n"]:.3f}"/>' if edge["n"] else ""
        fh.write(
            f'      <edge id="{i}" source={quoteattr(source)} target={quoteattr(target)} weight="{edge["count"]}">'
            f'<attvalues><attvalue for="0" value="{edge["count"]}"/>{mean}</attvalues></edge>\n'
        )
    fh.write("    </edges>\n  </graph>\n</gexf>\n")
    return len(edges)
