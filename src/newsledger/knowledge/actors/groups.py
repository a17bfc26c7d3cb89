"""Collective actors ("the Iranian government", "unidentified gunmen") as a pure function of
their CAMEO code.

A collective is named by a code: a country (or ``---`` when the text does not say which) and
one or more three-letter sector codes ("IRNGOV", "---MED", "DEUEDULAB").  Its record depends on
nothing but that code and the shipped country names, so that every code path (the actors
stage's agent phrases, the events stage's unnamed doers) and every article makes the same
record for the same id.  Nothing here is remembered between calls: a cache of records made for
one article let the next article's records depend on which articles came before (the soak run
found "group:---OPPGOV" with two different sectors depending on article order).
"""

from __future__ import annotations

from ...models import Actor
from .ids import org_id

__all__ = ["UNKNOWN_COUNTRY", "group_actor", "group_code", "group_sector", "named_group", "sector_label"]

#: CAMEO's country slot when the text does not say which country.
UNKNOWN_COUNTRY = "---"


def group_code(country: str | None, sector: str | None, code: str | None = None) -> str:
    """The code of a collective: ``code`` when given, else country (``---`` when unknown) and
    sector ("IRN" + "GOV" -> "IRNGOV"; None + "MED" -> "---MED")."""
    if code:
        return code
    return f"{country or UNKNOWN_COUNTRY}{sector or ''}"


def group_sector(country: str | None, sector: str | None, code: str) -> str | None:
    """The sector of a collective, read from its code when the caller did not give it, so that
    "---OPPGOV" has the sector OPPGOV however it was reached."""
    if sector:
        return sector
    if country and code.startswith(country):
        return code[len(country) :] or None
    if not country and code.startswith(UNKNOWN_COUNTRY):
        return code[len(UNKNOWN_COUNTRY) :] or None
    return None


def sector_label(sector: str | None, names: dict[str, str]) -> str:
    """Words for a sector code, three letters at a time ("OPPGOV" -> "opposition government");
    a part with no name is written in lower case."""
    if not sector:
        return ""
    if sector in names:
        return names[sector]
    parts = [sector[i : i + 3] for i in range(0, len(sector), 3)]
    return " ".join(names.get(p, p.lower()) for p in parts)


def group_actor(
    country: str | None,
    sector: str | None,
    code: str | None,
    *,
    place: str | None,
    sector_names: dict[str, str],
) -> Actor:
    """The collective actor ``group:<code>``; ``place`` is the country's adjective or name
    ("Iranian"), None when the country is unknown."""
    full = group_code(country, sector, code)
    country = None if country == UNKNOWN_COUNTRY else country
    sector = group_sector(country, sector, full)
    label = sector_label(sector, sector_names)
    name = f"{place or country} {label}".strip() if country else f"unidentified {label or full}"
    return Actor(f"group:{full}", name, "group", country, sector, full, (name,))


def named_group(group: Actor, name: str, known: Actor | None = None) -> Actor:
    """The collective ``group`` as the proper name the text calls it by ("Janjaweed militants":
    the dictionary's JANJAWEED agent): the group's codes and the name as its name, under the id
    every other path gives an organisation of that name, ``org:<slug>`` (a knowledge-file entry,
    spaCy's ORG "the Janjaweed"), so that the group is one actor however it is named and stays
    apart from the sector's unnamed members. ``known``: the knowledge base's organisation of
    that name, which is the group (with its own codes)."""
    if known is not None:
        return known
    return Actor(org_id(name), name, "group", group.country, group.sector, group.cameo_code, (name,))
