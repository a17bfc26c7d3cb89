"""Reading the knowledge base's YAML files (actors and agents): entries with the line each
starts on, so that every actor and role can say which file and line defined it."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

from ...errors import KnowledgeError
from ...models import Actor, Role
from .ids import knowledge_id

__all__ = ["actor_from_yaml", "agent_plurals", "role_item_lines", "shipped_text", "yaml_with_lines"]


def agent_plurals(word: str) -> list[str]:
    parts = word.rsplit(" ", 1)
    head, last = (parts[0] + " ", parts[1]) if len(parts) == 2 else ("", parts[0])
    low = last.lower()
    if low.endswith("person"):
        forms = [last[:-6] + "people", last + "s"]
    elif low.endswith("man"):
        forms = [last[:-3] + "men"]
    elif low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [head + f for f in forms]


def shipped_text(name: str) -> str:
    return resources.files("newsledger.knowledge").joinpath(f"data/{name}").read_text("utf-8")


def yaml_with_lines(text: str, origin: str) -> tuple[Any, list[int]]:
    """The YAML document and, when it is a list, the line where each item starts."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"not valid YAML ({exc})", origin=origin) from exc
    finally:
        loader.dispose()
    lines = [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else []
    return data, lines


def role_item_lines(text: str, starts: list[int], number: int, count: int) -> list[int]:
    """Lines of the ``count`` role items of YAML entry ``number`` (1-based): the lines after the
    entry's ``roles:`` key that start with ``-`` (the shipped files write one role a line)."""
    if count == 0 or number > len(starts):
        return []
    all_lines = text.splitlines()
    first = starts[number - 1]
    last = starts[number] - 1 if number < len(starts) else len(all_lines)
    out: list[int] = []
    in_roles = False
    for n in range(first, last + 1):
        stripped = all_lines[n - 1].strip()
        if stripped.startswith("roles:"):
            in_roles = True
        elif in_roles and stripped.startswith("- "):
            out.append(n)
    return out[:count] if len(out) >= count else [first] * count


def _date(value: Any) -> str | None:
    return None if value is None else str(value)[:10]


def actor_from_yaml(entry: Any, number: int, origin: str) -> Actor:
    if not isinstance(entry, dict) or "name" not in entry:
        raise KnowledgeError(f"actor entry {number} has no 'name'", origin=origin)
    name = str(entry["name"])
    kind = str(entry.get("kind", "person"))
    if kind not in ("person", "organization", "group", "country"):
        raise KnowledgeError(
            f"actor entry {number} ({name}) has kind {kind!r}; use person, organization, group or country",
            origin=origin,
        )
    roles = []
    for r in entry.get("roles") or ():
        if not isinstance(r, dict) or "title" not in r:
            raise KnowledgeError(f"actor entry {number} ({name}) has a role without 'title'", origin=origin)
        roles.append(
            Role(
                title=str(r["title"]),
                organization=r.get("organization"),
                country=r.get("country"),
                sector=r.get("sector"),
                start=_date(r.get("start")),
                end=_date(r.get("end")),
            )
        )
    country = entry.get("country")
    sector = entry.get("sector")
    code = entry.get("cameo_code") or (f"{country or ''}{sector or ''}" or None)
    given = entry.get("id")
    actor_id = knowledge_id(kind, str(given) if given else None, name, country)
    aliases = tuple(dict.fromkeys([name, *(str(a) for a in entry.get("aliases") or ())]))
    return Actor(
        actor_id=actor_id,
        name=name,
        kind=kind,
        country=country,
        sector=sector,
        cameo_code=code,
        aliases=aliases,
        roles=tuple(roles),
        affiliation=entry.get("affiliation"),
    )
