"""One actor id scheme: ``<kind>:<key>``, made the same way by every code path.

========  =====================================================  ===========================
kind      who                                                    key
========  =====================================================  ===========================
country   a state                                                its ISO 3166 alpha-3 or CAMEO
                                                                 country code (``country:IRN``)
group     a collective named by its CAMEO code: a country's       the code, ``---`` for an
          sector, or a sector of unknown country                 unknown country
                                                                 (``group:IRNGOV``, ``group:---MED``)
person    a person, known to the knowledge or not                slug of the name
                                                                 (``person:joe-biden``)
org       a named organisation or group (party, agency, armed    slug of the name
          group, outlet, a dictionary entry that is no person)   (``org:taliban``)
unknown   an actor of no known kind (reserved; nothing makes     slug of the name
          one today)
========  =====================================================  ===========================

A member of a dictionary's compound actor adds ``#code`` ("THE_SHIRE [FRO/BIL/SAM]" ->
``org:the-shire#fro``).  A group that the text calls by a dictionary agent's proper name
("Janjaweed militants" in Sudan) is an organisation of that name, ``org:janjaweed``, whatever
codes the article gives it: the id a knowledge-file entry or spaCy's ORG of the same name gets.
The slug is the name in lower-case ASCII letters and digits joined by ``-``; a name with none
of them (a name in another script) is keyed by a hash of the name.

The knowledge files give the key (their ``id:``, or the name); the prefix comes from the entry's
kind, so ``id: joe-biden`` with ``kind: person`` is ``person:joe-biden`` -- the id the actors
stage gives a person it does not know by that name, so a person is one id whether or not the
knowledge knows them.  An ``id:`` that already carries a prefix of the scheme is kept.
"""

from __future__ import annotations

import hashlib
import re

from .keys import slug

__all__ = [
    "ACTOR_ID",
    "ID_KINDS",
    "country_id",
    "group_id",
    "id_kind",
    "is_actor_id",
    "knowledge_id",
    "org_id",
    "person_id",
]

ID_KINDS = ("country", "group", "person", "org", "unknown")

#: What every actor id matches.
ACTOR_ID = re.compile(
    r"^(?:country:[A-Z]{3}|group:[A-Z0-9-]{3,}|(?:person|org|unknown):[a-z0-9]+(?:-[a-z0-9]+)*)"
    r"(?:#[a-z0-9]+)?$"
)

#: Actor kinds (``Actor.kind``) -> the prefix of their ids.
_PREFIX = {"person": "person", "organization": "org", "group": "org", "country": "country"}


def _key(name: str) -> str:
    key = slug(name)
    if key:
        return key
    return "h" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def person_id(name: str) -> str:
    return f"person:{_key(name)}"


def org_id(name: str) -> str:
    return f"org:{_key(name)}"


def country_id(code: str) -> str:
    return f"country:{code}"


def group_id(code: str) -> str:
    return f"group:{code}"


def knowledge_id(kind: str, given: str | None, name: str, country: str | None = None) -> str:
    """The id of a knowledge-file or dictionary entry of ``kind`` whose file gives the id
    ``given`` (or none: the name is the key); a country is keyed by its code."""
    if given and is_actor_id(given):
        return given
    prefix = _PREFIX.get(kind, "unknown")
    if prefix == "country":
        code = given if given and re.fullmatch(r"[A-Za-z]{3}", given) else country
        if code and re.fullmatch(r"[A-Za-z]{3}", code):
            return country_id(code.upper())
        prefix = "org"  # a "country" the file gives no code: a named political entity
    return f"{prefix}:{_key(given or name)}"


def is_actor_id(text: str) -> bool:
    return bool(ACTOR_ID.match(text))


def id_kind(actor_id: str) -> str:
    """The kind an id names ("person" for ``person:joe-biden``)."""
    return actor_id.split(":", 1)[0]
