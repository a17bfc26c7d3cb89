"""Voices: who speaks for whom (an actor, its organisation, its state), as weighted keys."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ...models import (
    Actor,
    ActorRef,
)
from .common import STATE_SECTORS, W_ACTOR, W_GOV, W_ORG


@dataclass(frozen=True, slots=True)
class _Key:
    weight: float
    ref: ActorRef  # whom a contradiction on this key is about


class _Actors(dict[str, Actor]):
    """Actors by id, with the actor that stands for each country's government looked up once."""

    def __init__(self, actors: Mapping[str, Actor] | Iterable[Actor]) -> None:
        super().__init__(actors if isinstance(actors, Mapping) else {a.actor_id: a for a in actors})
        self._governments: dict[str, Actor | None] = {}
        self.voices: dict[tuple[ActorRef, str | None], dict[str, _Key]] = {}

    def government(self, country: str) -> Actor | None:
        if country not in self._governments:
            self._governments[country] = _government_actor(country, self.values())
        return self._governments[country]


def _government_actor(country: str, actors: Iterable[Actor]) -> Actor | None:
    """The actor that stands for the government of ``country``: a GOV organisation named a
    government ("Iranian government") before other GOV bodies (a council), else the country."""
    best: tuple[int, Actor] | None = None
    for actor in actors:
        if actor.country != country or actor.kind == "person":
            continue
        if actor.sector == "GOV" and not actor.roles:
            rank = 0 if "government" in actor.name.lower() else 1
        elif actor.kind == "country":
            rank = 2
        else:
            continue
        if best is None or rank < best[0]:
            best = (rank, actor)
    return best[1] if best else None


def _ref_of(actor_id: str, actors: Mapping[str, Actor], day: str | None, name: str = "") -> ActorRef:
    actor = actors.get(actor_id)
    return actor.ref_on(day) if actor else ActorRef(actor_id, name or actor_id)


def _government(country: str, actors: Mapping[str, Actor], day: str | None) -> ActorRef:
    """The government of ``country`` as an actor ref; a synthetic ``<ISO3>GOV`` one when the
    knowledge base has neither a government nor the country."""
    found = (
        actors.government(country)
        if isinstance(actors, _Actors)
        else _government_actor(country, actors.values())
    )
    if found is not None:
        return found.ref_on(day)
    return ActorRef(
        f"{country}GOV", f"government of {_country_name(country)}", country, "GOV", f"{country}GOV"
    )


def _country_name(code: str) -> str:
    try:
        import pycountry

        found = pycountry.countries.get(alpha_3=code)
    except (ImportError, KeyError, LookupError):
        found = None
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)


def _generic(ref: ActorRef, actors: Mapping[str, Actor]) -> bool:
    """An actor of no known identity ("unidentified government", "civilians"): not one voice."""
    actor = actors.get(ref.actor_id)
    if ref.country in (None, "---") and (actor is None or actor.kind == "group"):
        return actor is not None or ref.actor_id.startswith("group:")
    return False


def _voice(ref: ActorRef | None, actors: Mapping[str, Actor], day: str | None) -> dict[str, _Key]:
    """The keys under which ``ref`` speaks or acts: itself, its organisation, its state."""
    if ref is None:
        return {}
    if isinstance(actors, _Actors):  # the same actor on the same day: one dict, computed once
        memo = actors.voices.get((ref, day))
        if memo is None:
            memo = actors.voices[(ref, day)] = _voice_keys(ref, actors, day)
        return memo
    return _voice_keys(ref, actors, day)


def _voice_keys(ref: ActorRef, actors: Mapping[str, Actor], day: str | None) -> dict[str, _Key]:
    if _generic(ref, actors):
        return {}
    keys = {f"actor:{ref.actor_id}": _Key(W_ACTOR, ref)}
    actor = actors.get(ref.actor_id)
    kind = actor.kind if actor else None
    if actor is not None and actor.affiliation:
        keys[f"org:{actor.affiliation}"] = _Key(W_ORG, _ref_of(actor.affiliation, actors, day))
    if kind in ("organization", "group", "country"):
        keys[f"org:{ref.actor_id}"] = _Key(W_ORG, ref)
    if actor is not None and actor.affiliation and actor.affiliation in actors:
        org = actors[actor.affiliation]
        if org.country and org.sector in STATE_SECTORS and org.kind != "person":
            keys[f"gov:{org.country}"] = _Key(W_GOV, _government(org.country, actors, day))
    stateless_country = ref.sector is None and (
        kind == "country" or (kind is None and ref.cameo_code == ref.country)
    )
    if ref.country and (ref.sector in STATE_SECTORS or stateless_country):
        keys[f"gov:{ref.country}"] = _Key(W_GOV, _government(ref.country, actors, day))
    return keys


def _shared(a: dict[str, _Key], b: dict[str, _Key]) -> tuple[float, ActorRef] | None:
    """The strongest key two voices share, weighted by the weaker side."""
    best: tuple[float, ActorRef] | None = None
    for key in a.keys() & b.keys():
        weight = min(a[key].weight, b[key].weight)
        if best is None or weight > best[0]:
            ref = a[key].ref if a[key].weight <= b[key].weight else b[key].ref
            best = (weight, ref)
    return best


def identity(keys: Iterable[str]) -> str:
    """The widest voice among ``keys``: the state ("gov:USA") before an organisation before an
    actor, so that "the United States" and "the U.S. Army" are one party to a finding."""
    ranked = sorted(keys, key=lambda k: ({"gov": 0, "org": 1}.get(k.split(":", 1)[0], 2), k))
    return ranked[0] if ranked else ""
