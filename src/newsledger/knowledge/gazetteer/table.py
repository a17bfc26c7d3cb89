"""The gazetteer's storage: one row per place in flat column arrays, and the name index.

Rows become :class:`~newsledger.models.Place` objects only when returned; while the table is
being built the index is a dict, once built a :class:`~.key_index.KeyIndex`.
"""

from __future__ import annotations

from array import array

from ...models import Place
from ..wordlists import word_lists
from .key_index import KeyIndex
from .names import LEADING_THE, POSSESSIVE, normalize_name

__all__ = ["ADMIN1", "ADMIN2", "CITY", "CONTINENT", "COUNTRY", "FEATURES", "REGION", "PlaceTable"]

FEATURES = ("city", "country", "admin1", "admin2", "continent", "region")
CITY, COUNTRY, ADMIN1, ADMIN2, CONTINENT, REGION = range(len(FEATURES))


#: words that name a part of a country or region by its direction ("South Lebanon")
COMPASS_WORDS = word_lists("place_words.yaml").words("compass_words")


class PlaceTable:
    """Rows of places (columns: name, country, admin1, lat, lon, gid, pop, feat) and their names."""

    def __init__(self) -> None:
        self.name: list[str] = []
        self.country: list[str | None] = []
        self.admin1: list[str | None] = []  # US state code (USPS) for US places
        self.lat = array("d")
        self.lon = array("d")
        self.gid = array("q")  # 0 when the place has no GeoNames id
        self.pop = array("q")
        self.feat = array("b")
        # key -> entry*2 + alternate: a dict while building, a KeyIndex once built
        self.index: dict[str, int | list[int]] | KeyIndex = {}
        self.codes: dict[str, int] = {}  # "USA" -> entry (upper-case alpha-3 only)
        self.by_gid: dict[int, int] = {}  # non-city entries and US cities, for context places
        self.demonyms: dict[str, int] = {}  # "iranian" -> country row (used when no name matches)
        self.bonus: dict[int, float] = {}  # row -> prior bonus (capitals, preferred senses)
        self.neighbours: dict[str, tuple[str, ...]] = {}  # alpha-3 -> bordering alpha-3
        self.countries: dict[str, int] = {}
        self.states: dict[str, int] = {}

    # ------------------------------------------------------------------ building

    def add_row(
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
        """Append a place; its row number."""
        self.name.append(name)
        self.country.append(country)
        self.admin1.append(admin1)
        self.lat.append(lat)
        self.lon.append(lon)
        self.gid.append(gid or 0)
        self.pop.append(population)
        self.feat.append(feature)
        row = len(self.name) - 1
        if gid and (feature != CITY or admin1):
            self.by_gid[gid] = row
        return row

    def add_name(self, name: str, row: int, *, alternate: bool = False) -> None:
        """Index ``name`` for ``row``; a main name replaces the same row's alternate one."""
        key = normalize_name(name)
        if not key:
            return
        code = row * 2 + alternate
        assert isinstance(self.index, dict), "the gazetteer is read-only once built"
        old = self.index.get(key)
        if old is None:
            self.index[key] = code
            return
        codes = [old] if isinstance(old, int) else old
        for i, c in enumerate(codes):
            if c >> 1 == row:
                if c & 1 and not alternate:
                    codes[i] = code
                    if isinstance(old, int):
                        self.index[key] = code
                return
        if isinstance(old, int):
            self.index[key] = [old, code]
        else:
            old.append(code)

    def freeze(self) -> None:
        """Make the index the compact read-only :class:`KeyIndex` (done once the table is built)."""
        if isinstance(self.index, dict):
            self.index = KeyIndex(self.index)

    # ------------------------------------------------------------------ records

    def place(self, row: int) -> Place:
        gid = self.gid[row]
        return Place(
            self.name[row],
            self.country[row],
            self.lat[row],
            self.lon[row],
            gid or None,
            FEATURES[self.feat[row]],
        )

    def admin1_of(self, place: Place) -> str | None:
        """The US state (USPS code) of a place this gazetteer returned, if it is in one."""
        row = self.by_gid.get(place.geonames_id or 0)
        return self.admin1[row] if row is not None else None

    def __len__(self) -> int:
        return len(self.name)

    # ------------------------------------------------------------------ lookup

    def lookup(self, text: str) -> list[tuple[int, bool]]:
        """Rows whose name (or, marked True, alternate name or demonym) is ``text``."""
        text = text.strip()
        if text.endswith(("'s", "’s", "'", "’")):
            text = POSSESSIVE.sub("", text)
        text = LEADING_THE.sub("", text)
        if len(text) == 3 and text.isupper() and text in self.codes:
            return [(self.codes[text], False)]
        key = normalize_name(text)
        found = self._find(key)
        demonym = self.demonyms.get(key)
        if found is None:
            return [(demonym, True)] if demonym is not None else []
        codes = [found] if isinstance(found, int) else found
        out = [(c >> 1, bool(c & 1)) for c in codes]
        if demonym is not None and all(r != demonym for r, _ in out):
            out.append((demonym, True))  # "Canadian": Canada, or the town of Canadian, Texas
        return out

    def _find(self, key: str) -> int | list[int] | None:
        """The index entry of ``key``, trying the spellings of abbreviations news use."""
        found = self.index.get(key)
        if found is None and "." in key:  # "W. Va." ~ "W.Va.", "N.Y" ~ "N.Y.", "Calif" ~ "Calif."
            for variant in (key.replace(". ", "."), key + ".", key.replace(".", "").strip()):
                found = self.index.get(variant)
                if found is not None:
                    break
        if found is None and key.endswith(" co."):
            found = self.index.get(key[:-3] + "county")
        return found

    def candidates(self, name: str) -> list[tuple[int, bool]]:
        """Rows a name may refer to, with whether it matched an alternate name.

        "Springfield, Ill." keeps the Springfields inside Illinois (the state or country after
        the comma); when the head is unknown, the qualifier itself is the candidate.
        """
        head, _, tail = name.partition(",")
        if head.strip() and tail.strip():
            outer = [r for r, alt in self.lookup(tail) if self.feat[r] in (COUNTRY, ADMIN1) and not alt]
            if outer:
                inner = [
                    (r, alt)
                    for r, alt in self.lookup(head)
                    for o in outer
                    if (self.feat[o] == COUNTRY and self.country[r] == self.country[o])
                    or (self.feat[o] == ADMIN1 and self.admin1[r] == self.admin1[o] and self.admin1[r])
                ]
                return inner or [(o, False) for o in outer]
        found = self.lookup(name)
        compass, _, rest = name.partition(" ")
        if (
            compass.lower() in COMPASS_WORDS
            and rest
            and all(self.feat[r] in (CITY, ADMIN2) for r, _ in found)
        ):
            # "South Lebanon", "Northern Iraq": a part of the country, state or region so named
            # (which outranks a town called so); "South Korea", "Northern Ireland", "South
            # America" are places of their own, and "Central America" is no part of "America"
            key = normalize_name(rest)
            found += [
                (r, alt)
                for r, alt in self.lookup(rest)
                if self.feat[r] in (COUNTRY, ADMIN1, REGION)
                and not alt
                and normalize_name(self.name[r]) == key
            ]
        return found

    def known(self, name: str, *, alternates: bool = False) -> bool:
        """True when ``name`` is the main name (or, with ``alternates``, any name) of a place."""
        return any(alternates or not alt for _, alt in self.lookup(name))
