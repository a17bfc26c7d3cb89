"""The actor knowledge base: who an actor is, what it is called and which roles it held when.

:class:`ActorKB` merges, lowest priority first:

1. countries from pycountry (CAMEO country codes are ISO alpha-3 for most states), with common
   names, a hand list of demonyms ("Iranian", "Afghan") and capitals as metonyms for the
   government ("Tehran" -> IRNGOV);
2. PETRARCH/Phoenix dictionaries (``*.actors.txt``, ``*agents*.txt``): the shipped Phoenix
   dictionaries by default (:mod:`.phoenix`), or the user's ``--dictionaries DIR``; their
   date-bounded codes become :class:`Role` records so that :meth:`Actor.ref_on` gives the code
   valid on a day;
3. ``data/actors_default.yaml`` (people and organisations with aliases and dated roles) and
   ``data/agents_default.yaml`` (agent words -> CAMEO sector codes): the project's own files
   win over the dictionaries, and a person both know keeps the dictionary's dated roles for
   the periods the YAML does not cover (the YAML fills what the dictionaries lack: roles after
   2019);
4. user actor files (the same YAML format), which win over everything.

Every actor and role remembers the file and line that said so (:meth:`ActorKB.resolve`,
``newsledger resolve NAME --date DAY``).

Lookups are by a normalised key (letters and digits only, upper case), so "PMOI / MEK",
"People’s Mojahedin" and "U.S." match however the tokenizer splits them.
"""

from __future__ import annotations

from .kb import ActorKB
from .keys import key, slug
from .records import Agent, NameHit, Resolution, with_aliases
from .words import DEMONYMS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SECTOR_NAMES

__all__ = [
    "DEMONYMS",
    "FEMALE_FIRST_NAMES",
    "MALE_FIRST_NAMES",
    "SECTOR_NAMES",
    "ActorKB",
    "Agent",
    "NameHit",
    "Resolution",
    "key",
    "slug",
    "with_aliases",
]
