"""What a lookup in the actor knowledge base answers: a name hit, an agent word, a resolution."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ...models import Actor, ActorRef, Role

__all__ = ["Agent", "NameHit", "Resolution", "with_aliases"]


@dataclass(frozen=True, slots=True)
class NameHit:
    """What a name refers to. ``how``: actor | country | demonym | capital."""

    actor_id: str
    how: str
    source: str  # "dict" | "kb" | "country"


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent word: CAMEO code, whether the singular names one person, whether it takes the
    sector of the organisation it belongs to, and whether the code goes before the actor's."""

    code: str
    person: bool = False
    inherit: bool = False
    prefix: bool = False
    plural: bool = False
    source: str = "kb"
    origin: str = ""  # "file:line" that defines the word


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a name stands for on a day, and which file and line said so."""

    name: str
    actor: Actor
    ref: ActorRef  # the actor as it stood on ``day``: country, sector, code
    role: Role | None  # the role held on ``day`` (None: outside every role, or none known)
    day: str | None
    how: str  # actor | country | demonym | capital | stem
    said_by: str  # "file:line" of the entry that names the actor
    role_said_by: str | None  # "file:line" of the role's entry, when a role applies

    def as_dict(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "day": self.day,
            "actor_id": self.actor.actor_id,
            "actor": self.actor.name,
            "code": self.ref.cameo_code,
            "country": self.ref.country,
            "sector": self.ref.sector,
            "role": self.role.title if self.role else None,
            "role_from": self.role.start if self.role else None,
            "role_to": self.role.end if self.role else None,
            "how": self.how,
            "said_by": self.said_by,
            "role_said_by": self.role_said_by,
        }


def with_aliases(actor: Actor, aliases: Iterable[str]) -> Actor:
    """``actor`` with ``aliases`` added (order kept, duplicates dropped)."""
    merged = tuple(dict.fromkeys([*actor.aliases, *aliases]))
    return actor if merged == actor.aliases else replace(actor, aliases=merged)
